"""The agenda editor's table: items with their scheduled start, editable in place, reordered by drag.

A thin adapter over an immutable `Session`: every edit builds a new session and hands it to
`apply`, which the editor turns into an undoable step. The model never changes its own data.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from presenter.agenda.model import AgendaItem, Kind, Session
from presenter.agenda.timetable import schedule

COLUMNS = ("Start", "Item", "Minutes", "Kind", "Fixed")
START, TITLE, MINUTES, KIND, FIXED = range(len(COLUMNS))
ROWS_MIME = "application/x-presenter-agenda-rows"
OVER_SLOT = QColor("#f4c7c3")
OVER_SLOT_TEXT = QColor("#1a1a1a")

AnyIndex = QModelIndex | QPersistentModelIndex
Apply = Callable[..., None]  # (session, description, row=selected row afterwards)


def replace_item(session: Session, row: int, **changes) -> Session:
    items = list(session.items)
    items[row] = dataclasses.replace(items[row], **changes)
    return dataclasses.replace(session, items=tuple(items))


def move_item(session: Session, row: int, to: int) -> Session:
    """The item at `row` moved so it ends up at index `to` (after removal)."""
    items = list(session.items)
    item = items.pop(row)
    items.insert(max(0, min(to, len(items))), item)
    return dataclasses.replace(session, items=tuple(items))


class AgendaItemsModel(QAbstractTableModel):
    """Rows are agenda items; Start is computed from the slot; rows past the slot end are shaded."""

    def __init__(self, session: Session, apply: Apply, parent=None) -> None:
        super().__init__(parent)
        self._session = session
        self._apply = apply

    @property
    def session(self) -> Session:
        return self._session

    def set_session(self, session: Session) -> None:
        """Show a new version: same row count keeps the selection, otherwise reset."""
        same_rows = len(session.items) == len(self._session.items)
        if not same_rows:
            self.beginResetModel()
        self._session = session
        if not same_rows:
            self.endResetModel()
        elif self.rowCount():
            self.dataChanged.emit(
                self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1)
            )

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._session.items)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return COLUMNS[section]
        if orientation == Qt.Orientation.Vertical and 0 <= section < self.rowCount():
            return str(section + 1)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        flags = (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        )
        if index.column() in (TITLE, MINUTES, KIND):
            flags |= Qt.ItemFlag.ItemIsEditable
        if index.column() == FIXED:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        row, column = index.row(), index.column()
        item = self._session.items[row]
        placed = schedule(self._session)[row]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return {
                START: placed.start.strftime("%H:%M"),
                TITLE: item.title,
                MINUTES: item.minutes,
                KIND: item.kind.value,
                FIXED: None,
            }[column]
        if role == Qt.ItemDataRole.CheckStateRole and column == FIXED:
            return Qt.CheckState.Checked if item.fixed else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.BackgroundRole and placed.end_offset > self._session.length:
            return QBrush(OVER_SLOT)
        if role == Qt.ItemDataRole.ForegroundRole and placed.end_offset > self._session.length:
            return QBrush(OVER_SLOT_TEXT)  # dark on the pink in either theme
        if role == Qt.ItemDataRole.ToolTipRole and placed.end_offset > self._session.length:
            return f"Ends {placed.end_offset - self._session.length} min after the slot ends"
        return None

    def setData(self, index: AnyIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return False
        row, column = index.row(), index.column()
        item = self._session.items[row]
        if role == Qt.ItemDataRole.CheckStateRole and column == FIXED:
            fixed = Qt.CheckState(value) == Qt.CheckState.Checked
            return self._change(row, f"Fixed: {item.title}", fixed=fixed)
        if role != Qt.ItemDataRole.EditRole:
            return False
        if column == TITLE and str(value).strip():
            return self._change(row, f"Rename {item.title}", title=str(value))
        if column == MINUTES:
            try:
                minutes = int(value)
            except (TypeError, ValueError):
                return False
            return minutes >= 1 and self._change(row, f"Minutes: {item.title}", minutes=minutes)
        if column == KIND:
            try:
                kind = Kind(str(value).strip().lower())
            except ValueError:
                return False
            return self._change(row, f"Kind: {item.title}", kind=kind)
        return False

    def _change(self, row: int, text: str, **changes) -> bool:
        current = self._session.items[row]
        if all(getattr(current, key) == value for key, value in changes.items()):
            return False
        self._apply(replace_item(self._session, row, **changes), text)
        return True

    # Drag and drop: the rows travel as their numbers; the drop builds a reordered session.

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [ROWS_MIME]

    def mimeData(self, indexes) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        data = QMimeData()
        data.setData(ROWS_MIME, QByteArray(",".join(map(str, rows)).encode()))
        return data

    def canDropMimeData(self, data, action, row, column, parent) -> bool:
        return data.hasFormat(ROWS_MIME) and action == Qt.DropAction.MoveAction

    def dropMimeData(self, data, action, row, column, parent) -> bool:
        """Moves the dragged item. Returns False so the view does not also remove the source row."""
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        text = bytes(data.data(ROWS_MIME).data()).decode()
        rows = [int(r) for r in text.split(",") if r.strip().isdigit()]
        if len(rows) != 1:
            return False
        target = row if row >= 0 else (parent.row() if parent.isValid() else self.rowCount())
        source = rows[0]
        to = target - 1 if target > source else target
        if to != source:
            title = self._session.items[source].title
            self._apply(move_item(self._session, source, to), f"Move {title}", row=to)
        return False


def new_item(number: int) -> AgendaItem:
    return AgendaItem(f"New item {number}", 5)
