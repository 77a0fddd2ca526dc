"""Choosing files, behind classmethods so tests patch one method instead of a native dialog.

A dialog opens in the folder last used (remembered in `Settings.for_file_dialogs`, set at
start-up), else in the user's documents folder, never in the folder the app happened
to be started from. `ExportedNotice` says where an export went, with a button to open it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from presenter.ui.shared.settings import Settings

SESSION_FILTER = "Session files (*.md);;All files (*)"
DECK_FILTER = "PowerPoint decks (*.pptx)"
PICTURE_FILTER = "Pictures (*.png *.jpg *.jpeg);;All files (*)"


def documents_folder() -> Path:
    """The user's documents folder (e.g. ~/Documents), or their home if it does not exist."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    if found and Path(found).is_dir():
        return Path(found)
    return Path.home()


def open_folder(folder: Path) -> bool:
    """Show `folder` in the system's file manager."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


class FileDialogs:
    """Each returns a path, or None when the facilitator cancels."""

    @classmethod
    def start_folder(cls) -> Path:
        """The last folder a file was chosen in, if it is still there, else the documents."""
        settings = Settings.for_file_dialogs
        if settings is not None:
            last = settings.last_folder
            if last and Path(last).is_dir():
                return Path(last)
        return documents_folder()

    @classmethod
    def place(cls, suggested: str) -> str:
        """A folder, or a suggested file name put in the start folder; a full path is kept."""
        if not suggested:
            return str(cls.start_folder())
        path = Path(suggested)
        if path.is_absolute():
            return suggested
        return str(cls.start_folder() / path)

    @classmethod
    def chosen(cls, name: str) -> Path | None:
        """The path picked in a dialog (its folder remembered), or None when cancelled."""
        if not name:
            return None
        path = Path(name)
        if Settings.for_file_dialogs is not None:
            Settings.for_file_dialogs.last_folder = str(path.parent)
        return path

    @classmethod
    def open_file(
        cls, parent: QWidget | None, caption: str, folder: str, kinds: str
    ) -> Path | None:
        """A file to read, picked among `kinds` (a Qt filter such as SESSION_FILTER)."""
        name, _ = QFileDialog.getOpenFileName(parent, caption, cls.place(folder), kinds)
        return cls.chosen(name)

    @classmethod
    def save_file(
        cls,
        parent: QWidget | None,
        caption: str,
        suggested: str,
        kinds: str,
        ending: str,
        *,
        other_endings_kept: bool = False,
    ) -> Path | None:
        """Where to write: a name typed without `ending` (".md") gets it, and so does one
        with another ending unless `other_endings_kept`."""
        name, _ = QFileDialog.getSaveFileName(parent, caption, cls.place(suggested), kinds)
        path = cls.chosen(name)
        if path is None:
            return None
        if path.suffix.lower() == ending or (other_endings_kept and path.suffix):
            return path
        return path.with_suffix(ending)

    @classmethod
    def open_session(cls, parent: QWidget | None, folder: str = "") -> Path | None:
        return cls.open_file(parent, "Open a session", folder, SESSION_FILTER)

    @classmethod
    def save_session(cls, parent: QWidget | None, suggested: str) -> Path | None:
        return cls.save_file(
            parent, "Save the session", suggested, SESSION_FILTER, ".md", other_endings_kept=True
        )

    @classmethod
    def save_deck(cls, parent: QWidget | None, suggested: str) -> Path | None:
        return cls.save_file(parent, "Export to PowerPoint", suggested, DECK_FILTER, ".pptx")

    @classmethod
    def open_deck(cls, parent: QWidget | None, folder: str = "") -> Path | None:
        return cls.open_file(parent, "Import a PowerPoint deck", folder, DECK_FILTER)

    @classmethod
    def open_picture(cls, parent: QWidget | None, folder: str = "") -> Path | None:
        return cls.open_file(parent, "Choose a picture", folder, PICTURE_FILTER)


class ExportedNotice:
    """Says where an export went ("The deck is saved as ..."), with a button to open the folder.

    It does not block the window behind it: the session's keys keep working."""

    @classmethod
    def show_for(cls, parent: QWidget | None, what: str, path: Path) -> QMessageBox:
        path = Path(path)
        box = QMessageBox(parent)
        box.setObjectName("ExportedNotice")
        box.setIcon(QMessageBox.Icon.Information)
        box.setWindowTitle(f"{what} saved")
        box.setText(f"{what} is saved as {path.name}.")
        box.setInformativeText(f"It is in the folder {path.parent}")
        box.open_folder_button = box.addButton("Open the folder", QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Ok)
        box.open_folder_button.clicked.connect(lambda: open_folder(path.parent))
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.show()
        return box
