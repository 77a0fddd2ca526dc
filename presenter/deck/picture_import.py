"""A deck's pictures brought back with its items: each slide's pictures (grouped ones and
those in placeholders too, and its background picture when that is all it has, as in
Marp's export) saved in an `images/` folder beside the new session file.

A picture keeps the name a deck exported here gave it (its path in the session, such as
`images/like.png`), so export then import gives back the same session and the same bytes;
others are named after their slide (`images/slide-3.png`). Its alt text is the shape's
description, else "Picture from slide N", with a warning to write a better one.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

from presenter.agenda.model import AgendaItem, Picture, Session
from presenter.agenda.pictures import PictureError, path_problem, picture_size
from presenter.agenda.problems import Problem
from presenter.deck.elsewhere import SlideText
from presenter.deck.text import CONTINUED
from presenter.files import SHARED_FILE, write_bytes

FOLDER = "images"
KINDS = {"image/png": "png", "image/jpeg": "jpg", "image/jpg": "jpg"}
LEFT_OUT = "pictures"
_EMBED = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}embed"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"


@dataclass(frozen=True)
class FoundPicture:
    """A picture as a slide holds it."""

    data: bytes
    content_type: str
    name: str
    alt: str


def slide_pictures(slide, text: SlideText) -> list[FoundPicture]:
    """Every picture on `slide` in the order it is drawn, else its background picture.

    Marks `text` as leaving pictures out, so a slide that is only a picture is kept as an
    item; `attach_pictures` takes the mark off when it keeps them."""
    found = []
    for pic in slide.shapes._spTree.iter("{*}pic"):
        names = pic.find("{*}nvPicPr/{*}cNvPr")
        blip = pic.find(f"{{*}}blipFill/{_A}blip")
        attributes = names.attrib if names is not None else {}
        picture = _part_picture(slide, blip, attributes.get("name", ""), _alt(attributes))
        if picture is not None:
            found.append(picture)
    if not found:
        background = slide._element.find(f"{{*}}cSld/{{*}}bg/{{*}}bgPr/{_A}blipFill/{_A}blip")
        picture = _part_picture(slide, background, "", "")
        if picture is not None:
            found.append(picture)
    if found and LEFT_OUT not in text.left_out:
        text.left_out.append(LEFT_OUT)
    return found


def _alt(attributes) -> str:
    return (attributes.get("descr") or attributes.get("title") or "").strip()


def _part_picture(slide, blip, name: str, alt: str) -> FoundPicture | None:
    if blip is None or not blip.get(_EMBED):
        return None
    try:
        part = slide.part.related_part(blip.get(_EMBED))
    except KeyError:
        return None
    return FoundPicture(part.blob, part.content_type, name, alt)


def attach_pictures(
    session: Session,
    slides: list[SlideText],
    pictures: dict[int, list[FoundPicture]],
    folder: Path,
    source: str,
    warnings: list[Problem],
) -> Session:
    """`session` with each item's pictures, saved under `folder`/images; what cannot be
    kept is named in `warnings`."""
    saver = _Saver(folder, source, warnings)
    items = list(session.items)
    position = 0
    matched = set()
    for index, item in enumerate(items):
        match = next(
            (j for j in range(position, len(slides)) if slides[j].title == item.title), None
        )
        if match is None:
            continue
        position = match + 1
        matched.add(match)
        mine = [slides[match]]
        while position < len(slides) and slides[position].title == item.title + CONTINUED:
            mine.append(slides[position])
            position += 1
        kept = [
            saver.save(found, slide.number)
            for slide in mine
            for found in pictures.get(slide.number, [])
        ]
        kept = [picture for picture in kept if picture is not None]
        for slide in mine:
            if pictures.get(slide.number):
                slide.left_out[:] = [kind for kind in slide.left_out if kind != LEFT_OUT]
        if kept:
            items[index] = _with_pictures(item, kept)
    picture = session.picture
    first = slides[0] if slides else None
    if picture is None and first is not None and first.is_title_slide and 0 not in matched:
        # The title slide's picture (a logo, a poster) is the session's own.
        found = pictures.get(first.number, [])
        kept = [p for p in (saver.save(f, first.number) for f in found[:1]) if p is not None]
        picture = kept[0] if kept else None
        if len(found) == 1:
            first.left_out[:] = [kind for kind in first.left_out if kind != LEFT_OUT]
    return replace(session, items=tuple(items), picture=picture, folder=os.path.abspath(folder))


def _with_pictures(item: AgendaItem, kept: list[Picture]) -> AgendaItem:
    unique = list(dict.fromkeys(kept))
    return replace(item, pictures=(*item.pictures, *unique))


class _Saver:
    """Writes each picture once, under a name no other picture has."""

    def __init__(self, folder: Path, source: str, warnings: list[Problem]) -> None:
        self.folder = folder
        self.source = source
        self.warnings = warnings
        self.written: dict[str, bytes] = {}
        self.counts: dict[int, int] = {}
        self.refused: set[str] = set()

    def warn(self, number: int, text: str) -> None:
        self.warnings.append(Problem(self.source, number, f"slide {number}: {text}", False))

    def save(self, found: FoundPicture, number: int) -> Picture | None:
        ending = KINDS.get(found.content_type)
        if ending is None:
            kind = found.content_type.rsplit("/", 1)[-1].upper()
            self.warn(number, f"left out a {kind} picture; save it as PNG or JPEG and add it")
            return None
        self.counts[number] = self.counts.get(number, 0) + 1
        path = self._name(found, number, ending)
        target = self.folder.joinpath(*path.split("/"))
        if path not in self.written:
            target.parent.mkdir(parents=True, exist_ok=True)
            write_bytes(target, found.data, permissions=SHARED_FILE)
            self.written[path] = found.data
            try:
                picture_size(str(target))
            except PictureError as exc:
                target.unlink()
                self.refused.add(path)
                self.warn(number, f"left out its picture, which {exc}")
        if path in self.refused:
            return None
        alt = found.alt
        if not alt:
            alt = f"Picture from slide {number}"
            self.warn(
                number, f"a picture has no description; called it '{alt}', write a better one"
            )
        return Picture(path, alt)

    def _name(self, found: FoundPicture, number: int, ending: str) -> str:
        """The shape's own name when it is a picture path under images/ of the right kind,
        else one after its slide; never one holding other bytes (here or already on disk)."""
        name = found.name.strip()
        right_kind = name.lower().endswith((".jpg", ".jpeg") if ending == "jpg" else (".png",))
        if not (name.startswith(f"{FOLDER}/") and right_kind and path_problem(name) is None):
            same = next((p for p, d in self.written.items() if d == found.data), None)
            if same is not None:  # the same picture on another slide: one file
                return same
            count = self.counts[number]
            name = f"{FOLDER}/slide-{number}{'' if count == 1 else f'-{count}'}.{ending}"
        stem, dot, suffix = name.rpartition(".")
        candidate, extra = name, 1
        while not self._free(candidate, found.data):
            extra += 1
            candidate = f"{stem}-{extra}{dot}{suffix}"
        return candidate

    def _free(self, path: str, data: bytes) -> bool:
        if path in self.written:
            return self.written[path] == data
        target = self.folder.joinpath(*path.split("/"))
        try:
            return target.read_bytes() == data
        except FileNotFoundError:
            return True
        except OSError:
            return False
