"""Thin Qt models over lists of attendees: the matches under the name box, and the table of
people checked in (with their readiness ticks, which can be changed in place)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush

from presenter.attendance.model import Attendee
from presenter.ui.shared.theme import colour

Index = QModelIndex | QPersistentModelIndex


def attendee_line(person: Attendee) -> str:
    """'Sam Patel · Nurse, Ward 12 · in 12:04': one line for a match list."""
    where = ", ".join(p for p in (person.role, person.department) if p)
    parts = [" ".join(person.name.split())]
    if where:
        parts.append(where)
    if person.checked_in_at:
        parts.append(f"in {person.checked_in_at:%H:%M}")
    return " · ".join(parts)


class MatchListModel(QAbstractListModel):
    """The people matching what is typed in the name box, best first."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._people: list[Attendee] = []

    def set_people(self, people: Sequence[Attendee]) -> None:
        self.beginResetModel()
        self._people = list(people)
        self.endResetModel()

    def person(self, row: int) -> Attendee:
        return self._people[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._people)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._people):
            return None
        person = self._people[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return attendee_line(person)
        if role == Qt.ItemDataRole.ToolTipRole:
            return "Already checked in" if person.checked_in else "On the roster: Enter checks in"
        if role == Qt.ItemDataRole.ForegroundRole and person.checked_in:
            return QBrush(colour("muted"))
        return None


class AttendeeTableModel(QAbstractTableModel):
    """People checked in, newest first: name, time (late marked), one tick per readiness check.

    Ticking a box calls `on_ready(attendee_id, check, ticked)`, which stores it and returns
    the updated attendee.
    """

    FIXED_COLUMNS = ("Name", "Checked in")

    def __init__(
        self,
        readiness: Sequence[str],
        on_ready: Callable[[int, str, bool], Attendee] | None = None,
        parent=None,
    ) -> None:
        super().__init__(parent)
        self._readiness = tuple(readiness)
        self._on_ready = on_ready
        self._people: list[Attendee] = []

    def set_people(self, people: Sequence[Attendee]) -> None:
        self.beginResetModel()
        self._people = sorted(
            (p for p in people if p.checked_in), key=lambda p: (p.checked_in_at, p.id), reverse=True
        )
        self.endResetModel()

    def person(self, row: int) -> Attendee:
        return self._people[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._people)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.FIXED_COLUMNS) + len(self._readiness)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ):
        if orientation != Qt.Orientation.Horizontal:
            return None
        headings = (*self.FIXED_COLUMNS, *self._readiness)
        if not 0 <= section < len(headings):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            # Words on lines of their own, so the narrow list leaves the names their room.
            return "\n".join(headings[section].split())
        if role == Qt.ItemDataRole.ToolTipRole:
            return headings[section]
        return None

    def _check(self, column: int) -> str | None:
        offset = column - len(self.FIXED_COLUMNS)
        return self._readiness[offset] if 0 <= offset < len(self._readiness) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._people):
            return None
        person = self._people[index.row()]
        column = index.column()
        check = self._check(column)
        if check is not None:
            if role == Qt.ItemDataRole.CheckStateRole:
                ticked = check in person.ready
                return Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.ToolTipRole:
                return f"{check}: click to change"
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return " ".join(person.name.split())
            if person.checked_in_at is None:
                return ""
            return f"{person.checked_in_at:%H:%M}" + (" late" if person.late else "")
        if role == Qt.ItemDataRole.ForegroundRole and column == 1 and person.late:
            return QBrush(colour("caution"))
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._check(index.column()) is not None and self._on_ready is not None:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        check = self._check(index.column()) if index.isValid() else None
        if check is None or role != Qt.ItemDataRole.CheckStateRole or self._on_ready is None:
            return False
        if not 0 <= index.row() < len(self._people):
            return False
        ticked = Qt.CheckState(value) == Qt.CheckState.Checked
        self._people[index.row()] = self._on_ready(self._people[index.row()].id, check, ticked)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        return True
