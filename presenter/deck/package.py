"""Saving a deck: clean document properties, fixed zip dates, and an all-or-nothing write.

python-pptx stamps each zip entry with the current time, so two exports of one session would
differ; every entry's date is set to 1980-01-01 so the same session gives the same bytes.
"""

from __future__ import annotations

import errno
import io
import os
import struct
import zipfile
from datetime import datetime
from pathlib import Path

from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as RT

from presenter.deck.repair import make_whole
from presenter.files import SHARED_FILE, WriteError, write_bytes, zip_check

LOCAL_HEADER = b"PK\x03\x04"
CENTRAL_HEADER = b"PK\x01\x02"
DOS_DATE = struct.pack("<HH", 0, (0 << 9) | (1 << 5) | 1)  # 00:00:00 on 1980-01-01
UNIX = 3
LONGEST_PROPERTY = 255
EXTENDED = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"


class DeckWriteError(WriteError):
    """The deck could not be written where asked; any file already there is unchanged."""


def set_core_properties(
    prs, *, title: str, subject: str, author: str, keywords: str, when: datetime | None
) -> None:
    """Document properties from the session, with nothing left from the template or library."""
    props = prs.core_properties
    props.title = _fits_property(title)
    props.subject = _fits_property(subject)
    props.author = _fits_property(author)
    props.keywords = _fits_property(keywords)
    props.last_modified_by = _fits_property(author)
    props.comments = ""
    props.category = ""
    props.content_status = ""
    props.identifier = ""
    props.language = ""
    props.version = ""
    props.revision = 1
    element = props._element
    for name in ("created", "modified", "lastPrinted"):
        for child in list(element):
            if etree.QName(child).localname == name:
                element.remove(child)
    if when is not None:
        props.created = when
        props.modified = when


def _fits_property(text: str) -> str:
    """Document properties hold at most 255 characters: longer text is cut with an ellipsis."""
    return text if len(text) <= LONGEST_PROPERTY else text[: LONGEST_PROPERTY - 1] + "…"


def app_properties(slide_count: int) -> bytes:
    """A small app.xml: no company, template name or old slide titles carried over."""
    root = etree.Element(f"{{{EXTENDED}}}Properties", nsmap={None: EXTENDED})
    for name, value in (
        ("Application", "Presenter"),
        ("Slides", str(slide_count)),
        ("Notes", str(slide_count)),
    ):
        etree.SubElement(root, f"{{{EXTENDED}}}{name}").text = value
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def deck_bytes(prs) -> bytes:
    """The presentation as .pptx bytes that depend only on its content, with nothing that
    PowerPoint would offer to repair (see `repair`)."""
    make_whole(prs)
    _replace_app_properties(prs, app_properties(len(prs.slides)))
    raw = io.BytesIO()
    prs.save(raw)
    return _fix_zip_dates(raw.getvalue())


def _replace_app_properties(prs, blob: bytes) -> None:
    package = prs.part.package
    for rel in package._rels.values():
        if rel.reltype == RT.EXTENDED_PROPERTIES:
            rel.target_part._blob = blob


def _fix_zip_dates(data: bytes) -> bytes:
    """The same zip with every entry dated 1980-01-01 and marked as made on Unix.

    The date sits at fixed places in each entry's local header and central directory record,
    so it is overwritten in place: nothing is decompressed or compressed again.
    """
    fixed = bytearray(data)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        entries = archive.infolist()
        directory = archive.start_dir  # type: ignore[attr-defined]
    for entry in entries:
        offset = entry.header_offset
        if fixed[offset : offset + 4] != LOCAL_HEADER:
            raise ValueError("unexpected zip layout")
        fixed[offset + 10 : offset + 14] = DOS_DATE
    offset = directory
    for _entry in entries:
        if fixed[offset : offset + 4] != CENTRAL_HEADER:
            raise ValueError("unexpected zip layout")
        fixed[offset + 5] = UNIX
        fixed[offset + 12 : offset + 16] = DOS_DATE
        name, extra, comment = struct.unpack_from("<HHH", fixed, offset + 28)
        offset += 46 + name + extra + comment
    return bytes(fixed)


def write_atomically(data: bytes, path: str | Path) -> None:
    """Write the deck whole or not at all; DeckWriteError (one line) if it cannot be."""
    path = Path(path)
    if path.is_dir():
        raise DeckWriteError(f"{path}: is a folder; give a file name such as {path / 'deck.pptx'}")
    permissions = None if path.exists() else SHARED_FILE
    try:
        write_bytes(path, data, check=zip_check, permissions=permissions)
    except WriteError as exc:
        if exc.errno in (errno.EACCES, errno.EPERM) and path.exists():
            raise DeckWriteError(
                f"{path}: cannot be replaced ({os.strerror(exc.errno)}); close it in PowerPoint "
                "or choose another name"
            ) from None
        raise DeckWriteError(str(exc), exc.errno, exc.strerror) from None
