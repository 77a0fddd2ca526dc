"""Export to and import from PowerPoint, run off the GUI thread with a progress dialog."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtWidgets import QWidget

from presenter.agenda.model import Session
from presenter.ui.shared.background import run_in_background
from presenter.ui.shared.dialogs import ProblemsDialog
from presenter.ui.shared.file_dialogs import ExportedNotice, FileDialogs


def export(parent: QWidget, session: Session, on: date, *, path: Path | None = None):
    """Ask where (unless `path` is given), then write the deck in the background."""
    from presenter.deck.writer import export_deck  # python-pptx loads when first asked for

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


def import_(
    parent: QWidget,
    open_session: Callable[[Session], bool],
    *,
    path: Path | None = None,
    to: Path | None = None,
):
    """Ask for a deck and where its session goes (unless given), then read it in the
    background: the session file is saved there, its pictures in an images/ folder beside
    it, and the session runs (before the start only)."""
    from presenter.agenda.writer import save_session
    from presenter.deck.reader import import_deck  # python-pptx loads when first asked for

    if path is None:
        path = FileDialogs.open_deck(parent)
    if path is None:
        return None
    if to is None:
        to = FileDialogs.save_session(parent, f"{path.stem}.md")
    if to is None:
        return None

    def work(progress):
        session, warnings = import_deck(path, progress, picture_folder=to.parent)
        save_session(session, to)
        return session, warnings

    def done(result) -> None:
        session, warnings = result
        opened = open_session(session)
        if opened and hasattr(parent, "statusBar"):
            saved = f"Saved the session as {to}"
            parent.statusBar().showMessage("; ".join([saved, *map(str, warnings)]), 15000)

    def failed(message: str) -> None:
        ProblemsDialog.show_problems(parent, "The deck was not imported", [message])

    return run_in_background(parent, f"Reading {path.name}…", work, done, failed)
