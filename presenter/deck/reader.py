"""Import: a deck turned back into a session. Titles become items, body text points,
speaker notes notes.

A deck exported here carries each item's timing line in its notes (see `notes`), so its
minutes, kinds and the slot come back exactly. For a deck made elsewhere the slot's minutes
are shared out across the items, with a warning to check them.
"""

from __future__ import annotations

import contextlib
from dataclasses import replace
from pathlib import Path

from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER

from presenter.agenda.model import AgendaItem, Session
from presenter.agenda.problems import Problem
from presenter.deck import notes as deck_notes
from presenter.deck.elsewhere import SlideText, one_line, their_deck
from presenter.deck.outline import point_at, with_more_points
from presenter.deck.picture_import import attach_pictures, slide_pictures
from presenter.deck.tables import join_pages, read_table
from presenter.deck.template import (
    BODIES,
    DAMAGE,
    RESAVE,
    TITLES,
    Progress,
    dangling_slides,
    first_line,
    open_pptx,
)
from presenter.deck.text import (
    BUDGET_NAME,
    CONTINUED,
    Run,
    clean_text,
    runs_markdown,
)

# Layouts for a slide that opens a part of the talk (PowerPoint's and LibreOffice's names).
SECTION_LAYOUTS = ("section header", "section title", "title, section")


class DeckReadError(Exception):
    """A file that cannot be read as a deck; the message names it and says what to do."""


def import_deck(
    path: str | Path, progress: Progress | None = None, *, picture_folder: Path | None = None
) -> tuple[Session, list[Problem]]:
    """The session a deck describes, and warnings (as `FILE:SLIDE: warning: ...`).

    With `picture_folder` (the new session file's folder) the slides' pictures are saved
    in its images/ folder and kept with their items; without it they are left out."""
    path = Path(path)
    prs = open_pptx(path, DeckReadError)
    source = str(path)
    warnings: list[Problem] = []
    number = 0
    try:
        listed = len(prs.part._element.get_or_add_sldIdLst())
        missing = dangling_slides(prs)
        for gone in missing:
            warnings.append(
                Problem(source, gone, f"slide {gone} is missing from the file; left out", False)
            )
        numbers = [n for n in range(1, listed + 1) if n not in missing]
        slides = []
        pictures: dict[int, list] = {}
        total = len(prs.slides)
        for index, (number, slide) in enumerate(zip(numbers, prs.slides, strict=True), 1):
            try:
                slides.append(_read_slide(slide, number))
                pictures[number] = slide_pictures(slide, slides[-1])
            except DAMAGE as exc:
                warnings.append(
                    Problem(
                        source,
                        number,
                        f"slide {number} is damaged ({first_line(exc)}); left out",
                        False,
                    )
                )
            if progress:
                progress(index, total, f"Slide {index} of {total}")
        number = 0
        ours = any(deck_notes.split_timing(s.notes)[1] for s in slides) or (
            bool(slides) and deck_notes.read_title_notes(slides[0].notes) is not None
        )
        if ours:
            session = _our_deck(slides, path, warnings)
        else:
            core_title = prs.core_properties.title or ""
            session = their_deck(slides, core_title, path.stem, source, warnings)
    except DAMAGE as exc:
        where = f"slide {number} is damaged" if number else "the deck is damaged"
        raise DeckReadError(f"{path}: {where} ({first_line(exc)}); {RESAVE}") from None
    if picture_folder is not None:
        session = attach_pictures(session, slides, pictures, picture_folder, source, warnings)
    for slide in slides:
        if slide.left_out:
            kinds = ", ".join(sorted(set(slide.left_out)))
            warnings.append(
                Problem(source, slide.number, f"slide {slide.number}: left out {kinds}", False)
            )
    warnings.sort(key=lambda p: p.line)
    return session, warnings


# -- one slide ---------------------------------------------------------------------------------


def _read_slide(slide, number: int) -> SlideText:
    found = SlideText(number, hidden=slide._element.get("show") in ("0", "false"))
    layout_types = set()
    layout_name = ""
    with contextlib.suppress(AttributeError, KeyError, ValueError):
        layout_types = {ph.placeholder_format.type for ph in slide.slide_layout.placeholders}
        layout_name = slide.slide_layout.name or ""
    body_points: list[str] = []
    other_points: list[str] = []
    for shape in _shapes(slide.shapes, found):
        try:
            _read_shape(shape, found, body_points, other_points)
        except DAMAGE:
            found.left_out.append("damaged shapes")
    if PP_PLACEHOLDER.CENTER_TITLE in layout_types or PP_PLACEHOLDER.SUBTITLE in layout_types:
        found.is_title_slide = True
    found.points = body_points + other_points
    try:
        found.notes = _notes_text(slide)
    except DAMAGE:
        found.left_out.append("damaged speaker notes")
    found.section = layout_name.casefold() in SECTION_LAYOUTS and not found.notes
    return found


def _read_shape(shape, found: SlideText, body_points: list[str], other_points: list[str]) -> None:
    """One shape's text into the slide's title or points."""
    kind = _placeholder_type(shape)
    if kind in TITLES and not found.title:
        found.title = one_line(shape.text_frame.text)
        return
    if kind == PP_PLACEHOLDER.SUBTITLE:
        found.is_title_slide = True
    if shape.name == BUDGET_NAME:
        return
    if shape.has_text_frame:
        target = body_points if kind in (*BODIES, PP_PLACEHOLDER.SUBTITLE) else other_points
        target.extend(_paragraph_points(shape.text_frame))
    elif getattr(shape, "has_table", False) and shape.has_table and not found.table:
        found.table = read_table(shape)  # the item's table; any other becomes points
    elif getattr(shape, "has_table", False) and shape.has_table:
        other_points.extend(_table_points(shape.table))


def _shapes(shapes, found: SlideText):
    """Every shape on the slide, groups opened, top to bottom then left to right."""
    flat = []
    for shape in shapes:
        try:
            shape_type = _shape_type(shape)
            _position(shape.top), _position(shape.left)
        except DAMAGE:  # such as pandoc's empty <p:sp/>
            found.left_out.append("damaged shapes")
            continue
        if shape_type == MSO_SHAPE_TYPE.GROUP:
            flat.extend(_shapes(shape.shapes, found))
        elif shape_type == MSO_SHAPE_TYPE.PICTURE:
            found.left_out.append("pictures")
        elif shape_type == MSO_SHAPE_TYPE.CHART or getattr(shape, "has_chart", False):
            found.left_out.append("charts")
        else:
            flat.append(shape)
    return sorted(flat, key=lambda s: (_position(s.top), _position(s.left)))


def _position(value) -> int:
    return int(value) if value is not None else 0


def _shape_type(shape):
    try:
        return shape.shape_type
    except (NotImplementedError, AttributeError, KeyError, ValueError):
        return None


def _placeholder_type(shape):
    try:
        return shape.placeholder_format.type if shape.is_placeholder else None
    except (AttributeError, KeyError, ValueError):
        return None


def _paragraph_points(frame) -> list[str]:
    points = []
    for paragraph in frame.paragraphs:
        runs = []
        for element in paragraph._p.iterchildren():
            tag = element.tag.rsplit("}", 1)[-1]
            if tag == "br":
                runs.append(Run("\n"))
            elif tag in ("r", "fld"):
                runs.append(_run(paragraph, element))
        text = runs_markdown(runs).strip()
        if text and not deck_notes.BUDGET.match(text):
            points.append(point_at(clean_text(text), paragraph.level))
    return points


def _run(paragraph, element) -> Run:
    from pptx.text.text import _Run

    run = _Run(element, paragraph) if element.tag.endswith("}r") else None
    text = element.findtext("{http://schemas.openxmlformats.org/drawingml/2006/main}t") or ""
    if run is None:
        return Run(text)
    link = ""
    try:
        link = run.hyperlink.address or ""
    except (AttributeError, KeyError):
        link = ""
    return Run(text, bold=bool(run.font.bold), italic=bool(run.font.italic), link=link)


def _table_points(table) -> list[str]:
    points = []
    for row in table.rows:
        cells = [one_line(cell.text) for cell in row.cells]
        line = " | ".join(c for c in cells if c)
        if line:
            points.append(line)
    return points


def _notes_text(slide) -> str:
    if not slide.has_notes_slide:
        return ""
    notes_slide = slide.notes_slide
    frame = notes_slide.notes_text_frame
    if frame is None:
        # No notes placeholder (some tools write notes as a plain text box).
        texts = [
            shape.text_frame.text
            for shape in notes_slide.shapes
            if shape.has_text_frame
            and _placeholder_type(shape)
            not in (PP_PLACEHOLDER.SLIDE_NUMBER, PP_PLACEHOLDER.SLIDE_IMAGE, PP_PLACEHOLDER.HEADER)
        ]
        return clean_text("\n".join(t for t in texts if t.strip())).strip()
    return clean_text(frame.text.replace("\v", "\n")).strip()


# -- a deck exported here -------------------------------------------------------------------


def _our_deck(slides: list[SlideText], path: Path, warnings: list[Problem]) -> Session:
    fields: dict = {}
    title = ""
    subtitle = ""
    items: list[AgendaItem] = []
    last: SlideText | None = None
    for slide in slides:
        notes, timing = deck_notes.split_timing(slide.notes)
        if timing is not None:
            item = deck_notes.rebuilt_item(slide.title, slide.points, notes, timing)
            items.append(replace(item, table=slide.table))
            last = slide
            continue
        session_fields = deck_notes.read_title_notes(slide.notes)
        if session_fields is not None and not title:
            fields = session_fields
            title = slide.title
            subtitle = slide.points[0] if slide.points else ""
            continue
        if last is not None and slide.title == last.title + CONTINUED and items:
            items[-1] = with_more_points(items[-1], slide.points)
            items[-1] = replace(items[-1], table=join_pages(items[-1].table, slide.table))
            continue
        mark = slide.notes.split("\n", 1)[0]
        if mark.startswith((deck_notes.AGENDA_MARK, deck_notes.CLOSE_MARK)):
            continue
        warnings.append(
            Problem(
                str(path),
                slide.number,
                f"slide {slide.number} ('{slide.title or 'no title'}') has no timing line in "
                "its notes and was left out; add it to the session by hand if it is needed",
                False,
            )
        )
    if fields.get("facilitators") and subtitle == ", ".join(fields["facilitators"]):
        subtitle = ""
    return Session(
        title=title or path.stem,
        subtitle=subtitle,
        items=tuple(items),
        **fields,
    )
