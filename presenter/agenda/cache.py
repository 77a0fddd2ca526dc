"""A session file's parsed form, kept beside the data so the app opens without re-parsing.

Reading a session needs the Markdown and YAML parsers, which take longer to import than
the rest of the start-up; a session opened before is read back from a small JSON file
instead. The cache file keeps the whole source text and is used only when the session file
still has exactly that text and the reader is the same code that wrote it, so an edit, an
upgrade or a change to the reader always parses again. A file with errors is never cached:
its messages come from the reader every time. Anything wrong with the cache itself (missing,
corrupt, unwritable) only means the file is parsed as usual.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import zlib
from dataclasses import fields
from datetime import time
from pathlib import Path

from presenter import __version__
from presenter.agenda.model import AgendaItem, Picture, Session
from presenter.agenda.problems import Problem
from presenter.agenda.source import read_source
from presenter.files import PRIVATE_FILE, private_folder, write_text

CACHE_FORMAT = 2
# The modules whose code decides what a session file parses to.
READER_MODULES = (
    "blocks.py",
    "checks.py",
    "dialects.py",
    "frontmatter.py",
    "heading.py",
    "model.py",
    "nesting.py",
    "pictures.py",
    "plain.py",
    "problems.py",
    "reader.py",
    "slides.py",
    "source.py",
    "tables.py",
    "timetable.py",
    "cache.py",
)


def load_session_cached(
    path: str | os.PathLike[str], cache_dir: Path
) -> tuple[Session, list[Problem]]:
    """`load_session(path)`, answered from `cache_dir` when the file was read before unchanged.

    Raises `SessionFileError` just as `load_session` does.
    """
    try:
        data = read_source(path)
    except OSError:
        data = None  # the reader says what is wrong, with its own message
    entry = _entry_path(cache_dir, path)
    reader = _reader_fingerprint()
    if data is not None:
        found = _read_entry(entry, data, reader, os.fspath(path))
        if found is not None:
            return found
    from presenter.agenda.reader import load_session

    session, warnings = load_session(path)
    if data is not None:
        _write_entry(entry, data, reader, session, warnings)
    return session, warnings


def session_to_dict(session: Session) -> dict:
    """The session as JSON-ready values; `session_from_dict` turns it back."""
    plain = {f.name: getattr(session, f.name) for f in fields(Session)}
    plain["items"] = [_item_to_dict(item) for item in session.items]
    plain["start"] = session.start.isoformat()
    plain["picture"] = _picture_to_dict(session.picture) if session.picture else None
    return plain


def session_from_dict(plain: dict) -> Session:
    values = dict(plain)
    values["items"] = tuple(_item_from_dict(item) for item in plain["items"])
    values["start"] = time.fromisoformat(plain["start"])
    for name in ("facilitators", "readiness", "outcomes", "sources"):
        values[name] = tuple(plain[name])
    picture = plain["picture"]
    values["picture"] = Picture(**picture) if picture else None
    return Session(**values)


def _picture_to_dict(picture: Picture) -> dict:
    return {f.name: getattr(picture, f.name) for f in fields(Picture)}


def _item_to_dict(item: AgendaItem) -> dict:
    plain = {f.name: getattr(item, f.name) for f in fields(AgendaItem)}
    plain["pictures"] = [_picture_to_dict(picture) for picture in item.pictures]
    return plain


def _item_from_dict(plain: dict) -> AgendaItem:
    values = dict(plain)
    values["points"] = tuple(plain["points"])
    values["levels"] = tuple(plain["levels"])
    values["table"] = tuple(tuple(row) for row in plain["table"])
    values["pictures"] = tuple(Picture(**picture) for picture in plain["pictures"])
    return AgendaItem(**values)


def _entry_path(cache_dir: Path, path: str | os.PathLike[str]) -> Path:
    """One cache file per session file, named from its absolute path."""
    where = os.path.abspath(os.fspath(path)).encode("utf-8", "surrogateescape")
    return cache_dir / f"session-{zlib.crc32(where):08x}-{zlib.adler32(where):08x}.json"


def _reader_fingerprint() -> str:
    """Changes whenever the app, Python or any reader module changes."""
    folder = Path(__file__).parent
    stamps = []
    for name in READER_MODULES:
        try:
            status = (folder / name).stat()
        except OSError:
            stamps.append(f"{name}:missing")
            continue
        stamps.append(f"{name}:{status.st_size}:{status.st_mtime_ns}")
    return f"{__version__}|{sys.version}|{'|'.join(stamps)}"


def _read_entry(
    entry: Path, data: bytes, reader: str, source: str
) -> tuple[Session, list[Problem]] | None:
    try:
        stored = json.loads(entry.read_text(encoding="utf-8"))
        if (
            stored.get("format") != CACHE_FORMAT
            or stored.get("reader") != reader
            or stored.get("source") != data.decode("utf-8", "surrogateescape")
        ):
            return None
        session = session_from_dict(stored["session"])
        warnings = [Problem(source, line, message, False) for line, message in stored["warnings"]]
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None
    return session, warnings


def _write_entry(
    entry: Path, data: bytes, reader: str, session: Session, warnings: list[Problem]
) -> None:
    stored = {
        "format": CACHE_FORMAT,
        "reader": reader,
        "source": data.decode("utf-8", "surrogateescape"),
        "session": session_to_dict(session),
        "warnings": [[w.line, w.message] for w in warnings],
    }
    with contextlib.suppress(OSError):  # a cache that cannot be written is only slower
        private_folder(entry.parent)
        write_text(entry, json.dumps(stored), permissions=PRIVATE_FILE)
