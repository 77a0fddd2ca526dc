"""Damaged decks, made at test time by editing a good one's zip: the shapes pandoc and
other tools leave when something goes wrong, and parts that are missing or cut short."""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path


def edited(source: Path, target: Path, edit: Callable[[str, bytes], bytes | None]) -> Path:
    """A copy of `source` with each entry passed through `edit(name, data)`; None drops it."""
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as new:
        for info in old.infolist():
            data = edit(info.filename, old.read(info))
            if data is not None:
                new.writestr(info, data)
    return target


def empty_shapes(source: Path, target: Path, slide: int = 2) -> Path:
    """Slide `slide` gains an empty <p:sp/> before its shapes, as pandoc writes one."""

    def edit(name: str, data: bytes) -> bytes:
        if name == f"ppt/slides/slide{slide}.xml":
            return re.sub(rb"(<p:grpSpPr/>|</p:grpSpPr>)", rb"\1<p:sp/>", data, count=1)
        return data

    return edited(source, target, edit)


def missing_master(source: Path, target: Path) -> Path:
    """presentation.xml lists a slide master whose relationship is not in the package."""

    def edit(name: str, data: bytes) -> bytes:
        if name == "ppt/presentation.xml":
            return data.replace(
                b"</p:sldMasterIdLst>",
                b'<p:sldMasterId id="2147483999" r:id="rId99"/></p:sldMasterIdLst>',
            )
        return data

    return edited(source, target, edit)


def cut_short(source: Path, target: Path, slide: int = 2) -> Path:
    """Slide `slide`'s XML stops half-way (an interrupted save)."""

    def edit(name: str, data: bytes) -> bytes:
        return data[: len(data) // 2] if name == f"ppt/slides/slide{slide}.xml" else data

    return edited(source, target, edit)


def missing_slide(source: Path, target: Path, slide: int = 2) -> Path:
    """Slide `slide`'s part is gone though the deck still lists it."""
    return edited(
        source, target, lambda name, data: None if name == f"ppt/slides/slide{slide}.xml" else data
    )
