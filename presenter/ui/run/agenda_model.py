"""The agenda as a table for the presenter window: planned start, planned and actual time, done.

Plan and Actual are both minutes and seconds ("6:00" beside "5:27"), so they compare at a glance.

A `QStandardItemModel` filled from each `RunView`, and only where a cell's text changed: the
table is repainted every second while the session runs, and cells stored on the C++ side
repaint without calling back into Python (so a busy worker thread cannot slow the clock).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel

from presenter.agenda.model import Session
from presenter.timing import RunView
from presenter.timing.display import item_status, planned_starts, planned_text, spent_text

COLUMNS = ("", "Start", "Item", "Plan", "Actual")
STATUS, START, TITLE, PLANNED, ACTUAL = range(len(COLUMNS))
STATUS_MARKS = {"done": "✓", "now": "▶", "paused": "❚❚"}
STATUS_WORDS = {"done": "Done", "now": "On now", "paused": "On now, paused"}
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def row_texts(session: Session, view: RunView | None) -> list[tuple[str, str, str, str, str]]:
    """Each row's five cells as text, from the plan and (once there is one) the run's view."""
    planned = (
        list(view.planned_minutes)
        if view and len(view.planned_minutes) == len(session.items)
        else [float(item.minutes) for item in session.items]
    )
    # The view's slot start: the session's start time, or for a rehearsal when it began.
    base = (
        view.slot_start if view else datetime(2000, 1, 1, session.start.hour, session.start.minute)
    )
    starts = planned_starts(base, planned)
    rows = []
    for row, item in enumerate(session.items):
        spent = view.actual_seconds[row] if view else 0.0
        rows.append(
            (
                STATUS_MARKS.get(item_status(view, row), ""),
                starts[row],
                item.title + (" (fixed)" if item.fixed else ""),
                planned_text(planned[row]),
                spent_text(spent),
            )
        )
    return rows


class RunAgendaModel(QStandardItemModel):
    """Read-only rows, one per agenda item, refreshed from `RunView`."""

    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.setHorizontalHeaderLabels(list(COLUMNS))
        self._bold = QFont()
        self._bold.setBold(True)
        self._current = -1
        self.set_session(session)

    def set_session(self, session: Session) -> None:
        self._session = session
        self._current = -1
        self.setRowCount(0)
        for texts in row_texts(session, None):
            cells = [QStandardItem(text) for text in texts]
            for column, cell in enumerate(cells):
                cell.setEditable(False)
                if column in (START, PLANNED, ACTUAL):
                    cell.setTextAlignment(RIGHT)
            cells[STATUS].setToolTip("To come")
            cells[TITLE].setToolTip(texts[TITLE])  # the whole title, where the cell elides it
            self.appendRow(cells)

    def show_view(self, view: RunView) -> None:
        """Update only the cells whose text changed, and which row is bold (on now)."""
        for row, texts in enumerate(row_texts(self._session, view)):
            for column, text in enumerate(texts):
                cell = self.item(row, column)
                if cell.text() != text:
                    cell.setText(text)
            words = STATUS_WORDS.get(item_status(view, row), "To come")
            if self.item(row, STATUS).toolTip() != words:
                self.item(row, STATUS).setToolTip(words)
        current = view.current_index if view.state.in_progress else -1
        if current != self._current:
            for row, bold in ((self._current, False), (current, True)):
                if 0 <= row < self.rowCount():
                    for column in range(len(COLUMNS)):
                        self.item(row, column).setFont(self._bold if bold else QFont())
            self._current = current
