"""Choosing files, behind classmethods so tests patch one method instead of a native dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

SESSION_FILTER = "Session files (*.md);;All files (*)"
DECK_FILTER = "PowerPoint decks (*.pptx)"


class FileDialogs:
    """Each returns a path, or None when the facilitator cancels."""

    @classmethod
    def open_session(cls, parent: QWidget | None, folder: str = "") -> Path | None:
        name, _ = QFileDialog.getOpenFileName(parent, "Open a session", folder, SESSION_FILTER)
        return Path(name) if name else None

    @classmethod
    def save_session(cls, parent: QWidget | None, suggested: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(parent, "Save the session", suggested, SESSION_FILTER)
        if not name:
            return None
        path = Path(name)
        return path if path.suffix else path.with_suffix(".md")

    @classmethod
    def save_deck(cls, parent: QWidget | None, suggested: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            parent, "Export to PowerPoint", suggested, DECK_FILTER
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == ".pptx" else path.with_suffix(".pptx")

    @classmethod
    def open_deck(cls, parent: QWidget | None, folder: str = "") -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            parent, "Import a PowerPoint deck", folder, DECK_FILTER
        )
        return Path(name) if name else None
