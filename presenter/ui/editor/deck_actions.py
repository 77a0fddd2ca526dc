"""Export to and import from PowerPoint, run off the GUI thread with a progress dialog."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QWidget

from presenter.agenda.model import Session
from presenter.ui.shared.background import run_in_background
from presenter.ui.shared.dialogs import ProblemsDialog
from presenter.ui.shared.file_dialogs import ExportedNotice, FileDialogs


def _deck_function(name: str):
    try:
        module = importlib.import_module("presenter.deck")
    except ImportError:
        return None
    return getattr(module, name, None)


def _missing(parent: QWidget, what: str) -> None:
    ProblemsDialog.show_problems(
        parent,
        f"{what} is not available",
        [f"{what} is not available in this version of Presenter."],
    )


def export(parent: QWidget, session: Session, on: date, *, path: Path | None = None):
    """Ask where (unless `path` is given), then write the deck in the background."""
    export_deck = _deck_function("export_deck")
    if export_deck is None:
        return _missing(parent, "Export to PowerPoint")
    if path is None:
        path = FileDialogs.save_deck(parent, f"{session.title}.pptx")
    if path is None:
        return None

    def work(progress):
        export_deck(session, path, date=on, progress=progress)
        return path

    def done(written: Path) -> None:
        if hasattr(parent, "statusBar"):
            parent.statusBar().showMessage(f"Exported {written}", 8000)
        ExportedNotice.show_for(parent, "The deck", written)

    def failed(message: str) -> None:
        ProblemsDialog.show_problems(parent, "The deck was not exported", [message])

    return run_in_background(parent, f"Exporting {path.name}…", work, done, failed)


def import_(parent: QWidget, open_session: Callable[[Session], bool], *, path: Path | None = None):
    """Read a deck in the background, then run it as the session (before the start only)."""
    import_deck = _deck_function("import_deck")
    if import_deck is None:
        return _missing(parent, "Import from PowerPoint")
    if path is None:
        path = FileDialogs.open_deck(parent)
    if path is None:
        return None

    def work(_progress):
        return import_deck(path)

    def done(result) -> None:
        session, warnings = result
        if open_session(session) and warnings and hasattr(parent, "statusBar"):
            parent.statusBar().showMessage("; ".join(str(w) for w in warnings), 15000)

    def failed(message: str) -> None:
        ProblemsDialog.show_problems(parent, "The deck was not imported", [message])

    return run_in_background(parent, f"Reading {path.name}…", work, done, failed)
