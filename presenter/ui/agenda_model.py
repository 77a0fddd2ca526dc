"""The agenda as a table for the presenter window: planned start, planned and actual minutes, done."""

from __future__ import annotations

import math
from datetime import datetime, timedelta

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from presenter.agenda import Session
from presenter.timing import RunState, RunView
from presenter.timing.format import format_duration

COLUMNS = ("", "Start", "Item", "Plan", "Actual")
STATUS, START, TITLE, PLANNED, ACTUAL = range(len(COLUMNS))

AnyIndex = QModelIndex | QPersistentModelIndex


def _minutes_text(minutes: float) -> str:
    return f"{minutes:g}"


class RunAgendaModel(QAbstractTableModel):
    """A read-only view of the session's items with the run's timings; refreshed from `RunView`."""

    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(parent)
        self._session = session
        self._view: RunView | None = None

    def set_session(self, session: Session) -> None:
        self.beginResetModel()
        self._session = session
        self._view = None
        self.endResetModel()

    def show_view(self, view: RunView) -> None:
        self._view = view
        if self.rowCount():
            last = self.index(self.rowCount() - 1, len(COLUMNS) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

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
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.FontRole and self._is_current(row):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (START, PLANNED, ACTUAL):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == STATUS:
            return self._status_words(row)
        return None

    def planned_minutes(self) -> list[float]:
        if self._view and len(self._view.planned_minutes) == self.rowCount():
            return list(self._view.planned_minutes)
        return [float(item.minutes) for item in self._session.items]

    def _planned_start(self, row: int) -> str:
        start = self._session.start
        base = datetime(2000, 1, 1, start.hour, start.minute)
        return (base + timedelta(minutes=sum(self.planned_minutes()[:row]))).strftime("%H:%M")

    def _text(self, row: int, column: int) -> str:
        item = self._session.items[row]
        if column == STATUS:
            return {"done": "✓", "now": "▶", "paused": "❚❚"}.get(self._status(row), "")
        if column == START:
            return self._planned_start(row)
        if column == TITLE:
            return item.title + (" (fixed)" if item.fixed else "")
        if column == PLANNED:
            return _minutes_text(self.planned_minutes()[row])
        if column == ACTUAL:
            spent = self._view.actual_seconds[row] if self._view else 0.0
            return format_duration(math.floor(spent)) if spent >= 1 else ""
        return ""

    def _is_current(self, row: int) -> bool:
        view = self._view
        return bool(view and view.state in (RunState.RUNNING, RunState.PAUSED)) and (
            view.current_index == row
        )

    def _status(self, row: int) -> str:
        view = self._view
        if view is None:
            return ""
        if self._is_current(row):
            return "paused" if view.state is RunState.PAUSED else "now"
        if row < len(view.done) and view.done[row]:
            return "done"
        return ""

    def _status_words(self, row: int) -> str:
        return {"done": "Done", "now": "On now", "paused": "On now, paused"}.get(
            self._status(row), "To come"
        )
