"""The agenda editor: add, remove, reorder and edit items; the schedule against the slot, live.

Every change is one step on a `QUndoStack` holding the session before and after, so undo,
redo and "unsaved changes" all come from the same place.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from presenter.agenda.model import Session
from presenter.agenda.problems import SessionFileError
from presenter.agenda.reader import load_session
from presenter.agenda.timetable import slot_fit
from presenter.agenda.writer import save_session
from presenter.ui.editor.editor_form import EditorSide
from presenter.ui.editor.editor_model import TITLE, AgendaItemsModel, move_item, new_item
from presenter.ui.shared.actions import ActionRegistry, ActionSpec
from presenter.ui.shared.dialogs import ProblemsDialog, SaveChangesDialog
from presenter.ui.shared.file_dialogs import FileDialogs
from presenter.ui.shared.settings import Settings
from presenter.ui.shared.theme import set_style_state

EDITOR_ACTION_SPECS = (
    ActionSpec("new_session", "&New session", ("Ctrl+N",), "File"),
    ActionSpec("open", "&Open…", ("Ctrl+O",), "File"),
    ActionSpec("save", "&Save", ("Ctrl+S",), "File"),
    ActionSpec("save_as", "Save &as…", ("Ctrl+Shift+S",), "File"),
    ActionSpec("close", "&Close the editor", ("Ctrl+W",), "File"),
    ActionSpec("undo", "&Undo", ("Ctrl+Z",), "Edit"),
    ActionSpec("redo", "&Redo", ("Ctrl+Shift+Z", "Ctrl+Y"), "Edit"),
    ActionSpec("add_item", "&Add an item after this one", ("Ctrl+Return", "Ins"), "Edit"),
    ActionSpec("remove_item", "Re&move this item", ("Ctrl+Del",), "Edit"),
    ActionSpec("move_up", "Move item &up", ("Ctrl+Up", "Alt+Up"), "Edit"),
    ActionSpec("move_down", "Move item &down", ("Ctrl+Down", "Alt+Down"), "Edit"),
    ActionSpec("fit_to", "&Fit to a shorter slot…", (), "Edit"),
)


class SessionEdit(QUndoCommand):
    """One undoable change: the whole session before and after (sessions are immutable values)."""

    def __init__(
        self, editor: AgendaEditor, before: Session, after: Session, text: str, key=None, row=None
    ):
        super().__init__(text)
        self.editor = editor
        self.before = before
        self.after = after
        self.key = key  # edits with the same key (typing in one field) merge into one step
        self.row_before = editor.current_row()
        self.row_after = self.row_before if row is None else row

    def id(self) -> int:
        return 1 if self.key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SessionEdit) or other.key != self.key or self.key is None:
            return False
        self.after = other.after
        return True

    def redo(self) -> None:
        self.editor.show_session(self.after, self.row_after)

    def undo(self) -> None:
        self.editor.show_session(self.before, self.row_before)


class AgendaEditor(QMainWindow):
    """A window over one session file; `session_changed` fires with every new version."""

    session_changed = Signal(object)
    saved = Signal(object)  # the Path written

    def __init__(
        self, session: Session, path: Path | None, settings: Settings, parent=None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("AgendaEditor")
        self.settings = settings
        self.path = path
        self.session = session
        self.stack = QUndoStack(self)
        self.registry = ActionRegistry(self, EDITOR_ACTION_SPECS)
        self.model = AgendaItemsModel(session, self.apply, self)
        self.table = QTableView(objectName="EditorTable")
        self.table.setModel(self.model)
        self.table.setAccessibleName("Agenda items")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.table.setDragEnabled(True)
        self.table.setAcceptDrops(True)
        self.table.setDropIndicatorShown(True)
        self.table.setDefaultDropAction(Qt.DropAction.MoveAction)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        self.fit = QLabel(objectName="SlotFit")
        self.fit.setAccessibleName("Fit to the slot")
        self.side = EditorSide()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.fit)
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.setCentralWidget(splitter)
        self._build_menus()
        self.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.side.item_form.edited.connect(self._item_field_edited)
        self.side.session_form.edited.connect(self._session_field_edited)
        self.side.item_form.pictures.folder_of = self.session_folder
        self.stack.cleanChanged.connect(self._update_title)
        self.stack.canUndoChanged.connect(self.registry.action("undo").setEnabled)
        self.stack.canRedoChanged.connect(self.registry.action("redo").setEnabled)
        self.registry.action("undo").setEnabled(False)
        self.registry.action("redo").setEnabled(False)
        self.show_session(session, 0)
        self.resize(1100, 700)

    # -- building -------------------------------------------------------------------------

    def _build_menus(self) -> None:
        action = self.registry.action
        file_menu = self.menuBar().addMenu("&File")
        for name in ("new_session", "open"):
            file_menu.addAction(action(name))
        self.recent_menu = QMenu("Open &recent", self)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addMenu(self.recent_menu)
        for name in ("save", "save_as", "close"):
            file_menu.addAction(action(name))
        edit_menu = self.menuBar().addMenu("&Edit")
        for name in ("undo", "redo", "add_item", "remove_item", "move_up", "move_down", "fit_to"):
            edit_menu.addAction(action(name))
        self.addActions(self.registry.actions())
        action("new_session").triggered.connect(self.new_session)
        action("open").triggered.connect(self.ask_open)
        action("save").triggered.connect(self.save)
        action("save_as").triggered.connect(self.save_as)
        action("close").triggered.connect(self.close)
        action("undo").triggered.connect(self.stack.undo)
        action("redo").triggered.connect(self.stack.redo)
        action("add_item").triggered.connect(self.add_item)
        action("remove_item").triggered.connect(self.remove_item)
        action("move_up").triggered.connect(lambda: self.move_current(-1))
        action("move_down").triggered.connect(lambda: self.move_current(+1))
        action("fit_to").triggered.connect(self.fit_to)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for name in self.settings.recent_files:
            self.recent_menu.addAction(name).triggered.connect(
                lambda _=False, n=name: self.open_path(Path(n))
            )
        if not self.settings.recent_files:
            self.recent_menu.addAction("(none yet)").setEnabled(False)

    # -- showing --------------------------------------------------------------------------

    def session_folder(self) -> str:
        """The folder the session file is in, which its pictures' paths start from."""
        return str(self.path.parent) if self.path else self.session.folder

    def current_row(self) -> int:
        return self.table.currentIndex().row() if hasattr(self, "table") else -1

    def show_session(self, session: Session, row: int | None = None) -> None:
        """Display a version of the session (from an edit, undo or redo) and report it."""
        self.session = session
        self.model.set_session(session)
        self.side.session_form.load(session)
        if row is None:
            row = self.current_row()
        row = min(row, len(session.items) - 1)
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, TITLE))
        self.side.item_form.load(session.items[row] if row >= 0 else None)
        fit = slot_fit(session)
        self.fit.setText(fit.describe())
        set_style_state(self.fit, "over", "true" if fit.over else "false")
        self._update_title()
        self.session_changed.emit(session)

    def _update_title(self) -> None:
        name = self.path.name if self.path else (self.session.title or "Untitled session")
        star = "" if self.stack.isClean() else "*"
        self.setWindowTitle(f"{star}{name} – agenda editor")

    def _row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = current.row()
        self.side.item_form.load(
            self.session.items[row] if 0 <= row < len(self.session.items) else None
        )

    # -- editing --------------------------------------------------------------------------

    def apply(self, session: Session, text: str, key=None, row: int | None = None) -> None:
        """Record a change as one undoable step and show it, with `row` (or the same row) selected."""
        if session == self.session:
            return
        self.stack.push(SessionEdit(self, self.session, session, text, key, row))

    def fit_to(self) -> None:
        """The agenda fitted into a shorter slot, as one step that Undo takes back."""
        from presenter.ui.shared.fit_dialog import FitDialog

        fit = FitDialog.ask(self, self.session)
        if fit is not None:
            self.apply(fit.session, f"Fit to {fit.length} minutes")
            self.statusBar().showMessage(
                f"{fit.headline()}. Undo puts the whole session back; Save as keeps this "
                "version beside it",
                15000,
            )

    def _item_field_edited(self, field: str, value) -> None:
        row = self.current_row()
        if not 0 <= row < len(self.session.items):
            return
        item = self.session.items[row]
        if field == "title" and not str(value).strip():
            return
        changes = value if isinstance(value, dict) else {field: value}  # points with levels
        changed = dataclasses.replace(item, **changes)
        items = list(self.session.items)
        items[row] = changed
        self.apply(
            dataclasses.replace(self.session, items=tuple(items)),
            f"Edit {field.replace('_', ' ')} of {item.title}",
            key=("item", row, field),
        )

    def _session_field_edited(self, field: str, value) -> None:
        if field == "title" and not str(value).strip():
            return
        self.apply(
            dataclasses.replace(self.session, **{field: value}),
            f"Edit session {field}",
            key=("session", field),
        )

    def add_item(self) -> None:
        row = self.current_row()
        at = row + 1 if row >= 0 else len(self.session.items)
        items = list(self.session.items)
        items.insert(at, new_item(len(items) + 1))
        self.apply(dataclasses.replace(self.session, items=tuple(items)), "Add an item", row=at)
        self.side.item_form.title.setFocus()
        self.side.item_form.title.selectAll()

    def remove_item(self) -> None:
        row = self.current_row()
        if not 0 <= row < len(self.session.items):
            return
        items = list(self.session.items)
        removed = items.pop(row)
        self.apply(dataclasses.replace(self.session, items=tuple(items)), f"Remove {removed.title}")

    def move_current(self, step: int) -> None:
        row = self.current_row()
        to = row + step
        if not (0 <= row < len(self.session.items) and 0 <= to < len(self.session.items)):
            return
        self.apply(
            move_item(self.session, row, to), f"Move {self.session.items[row].title}", row=to
        )

    # -- files ----------------------------------------------------------------------------

    def is_saved(self) -> bool:
        return self.stack.isClean()

    def maybe_save(self) -> bool:
        """True when it is fine to drop the current version (saved, discarded, or nothing to save)."""
        if self.stack.isClean():
            return True
        answer = SaveChangesDialog.ask(self, self.path.name if self.path else "this session")
        if answer == "save":
            return self.save()
        return answer == "discard"

    def new_session(self) -> None:
        if self.maybe_save():
            self._load(Session("New session", (new_item(1),)), None)

    def ask_open(self) -> None:
        folder = str(self.path.parent) if self.path else ""
        path = FileDialogs.open_session(self, folder)
        if path is not None:
            self.open_path(path)

    def open_path(self, path: Path) -> bool:
        """Open a session file; a bad one shows the format's own messages and changes nothing."""
        if not self.maybe_save():
            return False
        try:
            session, warnings = load_session(path)
        except SessionFileError as exc:
            ProblemsDialog.show_problems(
                self, "This file cannot be opened", [str(p) for p in exc.problems]
            )
            return False
        except OSError as exc:
            ProblemsDialog.show_problems(
                self, "This file cannot be opened", [f"{path}: {exc.strerror or exc}"]
            )
            return False
        self._load(session, Path(path))
        self.settings.add_recent_file(path)
        if warnings:
            self.statusBar().showMessage("; ".join(str(w) for w in warnings), 15000)
        return True

    def _load(self, session: Session, path: Path | None) -> None:
        self.path = path
        self.stack.clear()
        self.show_session(session, 0)

    def save(self) -> bool:
        if self.path is None or not _writable_place(self.path):
            return self.save_as()
        return self._write(self.path)

    def save_as(self) -> bool:
        suggested = (
            str(self.path) if self.path and _writable_place(self.path) else _file_name(self.session)
        )
        path = FileDialogs.save_session(self, suggested)
        return path is not None and self._write(path)

    def _write(self, path: Path) -> bool:
        try:
            save_session(self.session, path)
        except OSError as exc:
            ProblemsDialog.show_problems(
                self, "The session was not saved", [f"{path}: {exc.strerror or exc}"]
            )
            return False
        self.path = Path(path)
        self.stack.setClean()
        self._update_title()
        self.settings.add_recent_file(path)
        self.statusBar().showMessage(f"Saved {path}", 5000)
        self.saved.emit(self.path)
        return True

    def closeEvent(self, event) -> None:
        if self.maybe_save():
            event.accept()
        else:
            event.ignore()


def _file_name(session: Session) -> str:
    words = "".join(c if c.isalnum() else "-" for c in session.title.lower()).strip("-")
    return f"{'-'.join(filter(None, words.split('-'))) or 'session'}.md"


def _writable_place(path: Path) -> bool:
    """The bundled sessions live inside the installed app: "Save" there becomes "Save as"."""
    from presenter.agenda.bundled import bundled_session_path

    try:
        bundled = bundled_session_path().parent.resolve()
    except FileNotFoundError:
        return True
    return Path(path).resolve().parent != bundled
