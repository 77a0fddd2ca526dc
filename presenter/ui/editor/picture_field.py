"""An item's pictures in the editor: add, replace and remove them, each with its alt text.

A picture chosen from outside the session's folder is copied into `images/` beside the
session file, so the session and its pictures travel together; one already inside the
folder is used where it is. Each row shows the picture as the room will see it, small.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtGui import QImageReader
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from presenter.agenda.model import Picture
from presenter.files import write_bytes
from presenter.ui.shared.dialogs import ProblemsDialog
from presenter.ui.shared.file_dialogs import FileDialogs
from presenter.ui.shared.pictures import MAX_PIXELS, PictureView

PICTURES_FOLDER = "images"
MAX_BYTES = 20 * 1024 * 1024
ALT_TEXT_NEEDED = (
    "Every picture needs its alt text: a few words saying what it shows, "
    "read out to anyone who cannot see it."
)


class PictureProblem(ValueError):
    """A chosen file that cannot be a session's picture; the message says why, in a line."""


def safe_name(name: str) -> str:
    """A file name that needs no quoting in the session: letters, digits, - _ and ."""
    stem, dot, ending = name.rpartition(".")
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", stem if dot else name).strip("-") or "picture"
    return f"{stem}.{ending.lower()}" if dot else stem


def check_picture(path: Path) -> None:
    """Raise `PictureProblem` unless `path` is a PNG or JPEG the screens can show."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise PictureProblem(f"{path}: {exc.strerror or exc}") from exc
    if size > MAX_BYTES:
        raise PictureProblem(f"{path.name} is over 20 MB: save a smaller copy and choose that")
    reader = QImageReader(str(path))
    found = reader.size()
    if bytes(reader.format().data()).decode() not in ("png", "jpeg", "jpg") or not found.isValid():
        raise PictureProblem(f"{path.name} is not a PNG or JPEG picture: choose one that is")
    if found.width() * found.height() > MAX_PIXELS:
        raise PictureProblem(
            f"{path.name} is over 40 megapixels: save a smaller copy and choose that"
        )


def place_picture(chosen: Path, folder: Path) -> str:
    """The path to write in the session for `chosen`: where it is, when inside `folder`,
    else a copy made in `folder/images/` (a file of the same name and other content there
    is left alone: the copy gets a new name)."""
    chosen, folder = chosen.resolve(), folder.resolve()
    if chosen.is_relative_to(folder):
        return chosen.relative_to(folder).as_posix()
    data = chosen.read_bytes()
    name = safe_name(chosen.name)
    stem, _, ending = name.rpartition(".")
    target = folder / PICTURES_FOLDER / name
    number = 1
    while target.exists() and target.read_bytes() != data:
        number += 1
        target = folder / PICTURES_FOLDER / f"{stem}-{number}.{ending}"
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        write_bytes(target, data)
    return target.relative_to(folder).as_posix()


class PictureRow(QWidget):
    """One picture: small as the room will see it, its file, its alt text, Replace, Remove."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.thumbnail = PictureView(name="EditorThumbnail")
        self.thumbnail.setFixedSize(96, 64)
        self.thumbnail.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.file = QLabel(objectName="PictureFile")
        self.alt = QLineEdit(placeholderText="Alt text: what the picture shows")
        self.alt.setAccessibleName("Alt text of the picture")
        self.replace = QPushButton("Replace…")
        self.remove = QPushButton("Remove")
        self.replace.setAccessibleName("Replace the picture")
        self.remove.setAccessibleName("Remove the picture")
        words = QVBoxLayout()
        words.addWidget(self.file)
        words.addWidget(self.alt)
        buttons = QVBoxLayout()
        buttons.addWidget(self.replace)
        buttons.addWidget(self.remove)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.thumbnail)
        layout.addLayout(words, 1)
        layout.addLayout(buttons)

    def show_picture(self, picture: Picture, file: str) -> None:
        self.thumbnail.show_picture(file, picture.alt)
        self.file.setText(picture.path)
        self.file.setToolTip(file)
        if " ".join(self.alt.text().split()) != picture.alt:
            self.alt.setText(picture.alt)  # not while typing it: the cursor stays put
            self.alt.setCursorPosition(0)  # a long one shows its start


class PictureField(QWidget):
    """The item's pictures, one row each, and "Add a picture…"; `edited(pictures)`."""

    edited = Signal(object)  # the item's new tuple of `Picture`

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PictureField")
        # The folder the session file is in ("" for a session not saved yet), set by the editor.
        self.folder_of: Callable[[], str] = lambda: ""
        self.pictures: tuple[Picture, ...] = ()
        self.rows: list[PictureRow] = []
        self.rows_box = QVBoxLayout()
        self.rows_box.setContentsMargins(0, 0, 0, 0)
        self.add = QPushButton("Add a picture…")
        self.add.setAccessibleName("Add a picture to this item")
        self.add.clicked.connect(self.ask_add)
        self.alt_needed = QLabel(ALT_TEXT_NEEDED, objectName="AltTextNeeded", wordWrap=True)
        self.alt_needed.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.rows_box)
        layout.addWidget(self.alt_needed)
        layout.addWidget(self.add)

    def load(self, pictures: tuple[Picture, ...]) -> None:
        """Show an item's pictures without reporting them as edits."""
        self.pictures = tuple(pictures)
        while len(self.rows) < len(self.pictures):
            self._add_row()
        for index, row in enumerate(self.rows):
            row.setVisible(index < len(self.pictures))
            if index < len(self.pictures):
                row.alt.blockSignals(True)
                row.show_picture(self.pictures[index], self._file(self.pictures[index]))
                row.alt.blockSignals(False)
        self.alt_needed.setVisible(any(not p.alt for p in self.pictures))

    def _add_row(self) -> None:
        row = PictureRow(self)
        index = len(self.rows)
        row.alt.textEdited.connect(lambda text, i=index: self._alt_edited(i, text))
        row.replace.clicked.connect(lambda _=False, i=index: self.ask_replace(i))
        row.remove.clicked.connect(lambda _=False, i=index: self.remove_picture(i))
        self.rows.append(row)
        self.rows_box.addWidget(row)

    def _file(self, picture: Picture) -> str:
        folder = self.folder_of()
        return str(Path(folder, *picture.path.split("/"))) if folder else ""

    def _changed(self, pictures: list[Picture]) -> None:
        self.load(tuple(pictures))
        self.edited.emit(tuple(pictures))

    def _alt_edited(self, index: int, text: str) -> None:
        pictures = list(self.pictures)
        pictures[index] = Picture(pictures[index].path, text)
        self._changed(pictures)

    def ask_add(self) -> None:
        path = self._choose()
        if path is not None:
            self._changed([*self.pictures, Picture(path)])
            self.rows[len(self.pictures) - 1].alt.setFocus()  # the alt text comes next

    def ask_replace(self, index: int) -> None:
        """Another file for the picture; its alt text stays to be checked."""
        path = self._choose()
        if path is not None:
            pictures = list(self.pictures)
            pictures[index] = Picture(path, pictures[index].alt)
            self._changed(pictures)
            self.rows[index].alt.setFocus()

    def remove_picture(self, index: int) -> None:
        """The picture leaves the item; its file stays where it is."""
        pictures = list(self.pictures)
        del pictures[index]
        self._changed(pictures)

    def _choose(self) -> str | None:
        """A picture picked in a file dialog and placed beside the session, as its path there."""
        folder = self.folder_of()
        if not folder or _inside_the_app(Path(folder)):
            ProblemsDialog.show_problems(
                self,
                "Save the session first",
                [
                    "Pictures are kept in a folder beside the session file: save the session "
                    "as your own file (File › Save as), then add them."
                ],
            )
            return None
        chosen = FileDialogs.open_picture(self, folder)
        if chosen is None:
            return None
        try:
            check_picture(chosen)
            return place_picture(chosen, Path(folder))
        except PictureProblem as exc:
            ProblemsDialog.show_problems(self, "This picture cannot be used", [str(exc)])
        except OSError as exc:
            ProblemsDialog.show_problems(
                self, "The picture was not copied", [f"{chosen}: {exc.strerror or exc}"]
            )
        return None


def _inside_the_app(folder: Path) -> bool:
    """The bundled sessions' folder is part of the installed app: nothing is copied there."""
    from presenter.slides_src import FOLDER

    return folder.resolve() == Path(FOLDER).resolve()
