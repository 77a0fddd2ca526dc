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


def row_texts(
    session: Session, view: RunView | None, sections: tuple[tuple[int, str], ...] = ()
) -> list[tuple[str, str, str, str, str]]:
    """Each row's five cells as text, from the plan and (once there is one) the run's view;
    a section marker is a heading row with only its title, before the item it opens."""
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
    for entry in row_layout(len(session.items), sections):
        if isinstance(entry, str):
            rows.append(("", "", entry, "", ""))
            continue
        row, item = entry, session.items[entry]
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


def row_layout(count: int, sections: tuple[tuple[int, str], ...]) -> list[int | str]:
    """The table's rows in order: an item's index, or a section marker's title."""
    layout: list[int | str] = []
    pending = list(sections)
    for index in range(count + 1):
        while pending and pending[0][0] <= index:
            layout.append(pending.pop(0)[1])
        if index < count:
            layout.append(index)
    return layout


class RunAgendaModel(QStandardItemModel):
    """Read-only rows, one per agenda item, refreshed from `RunView`."""

    def __init__(self, session: Session, parent=None) -> None:
        super().__init__(parent)
        self.setHorizontalHeaderLabels(list(COLUMNS))
        self._bold = QFont()
        self._bold.setBold(True)
        self._heading = QFont()
        self._heading.setBold(True)
        self._heading.setItalic(True)
        self._current = -1
        self.set_session(session)

    def set_session(self, session: Session, sections: tuple[tuple[int, str], ...] = ()) -> None:
        self._session = session
        self._sections = sections
        self._current = -1
        self.setRowCount(0)
        self._rows = row_layout(len(session.items), sections)
        for entry, texts in zip(self._rows, row_texts(session, None, sections), strict=True):
            cells = [QStandardItem(text) for text in texts]
            for column, cell in enumerate(cells):
                cell.setEditable(False)
                if column in (START, PLANNED, ACTUAL):
                    cell.setTextAlignment(RIGHT)
            cells[STATUS].setToolTip("To come" if isinstance(entry, int) else "")
            cells[TITLE].setToolTip(texts[TITLE])  # the whole title, where the cell elides it
            if isinstance(entry, str):  # a section marker: a heading, no time of its own
                cells[TITLE].setFont(self._heading)
                cells[TITLE].setToolTip(f"Section: {texts[TITLE]}")
            self.appendRow(cells)

    def row_of(self, index: int) -> int:
        """The table row of agenda item `index` of the run (section rows come between)."""
        return self._rows.index(index) if index in self._rows else index

    def show_view(self, view: RunView) -> None:
        """Update only the cells whose text changed, and which row is bold (on now)."""
        if view.sections != self._sections:
            self.set_session(self._session, view.sections)
        texts_of = row_texts(self._session, view, self._sections)
        for row, (entry, texts) in enumerate(zip(self._rows, texts_of, strict=True)):
            if isinstance(entry, str):
                continue
            for column, text in enumerate(texts):
                cell = self.item(row, column)
                if cell.text() != text:
                    cell.setText(text)
            words = STATUS_WORDS.get(item_status(view, entry), "To come")
            if self.item(row, STATUS).toolTip() != words:
                self.item(row, STATUS).setToolTip(words)
        current = self.row_of(view.current_index) if view.state.in_progress else -1
        if current != self._current:
            for row, bold in ((self._current, False), (current, True)):
                if 0 <= row < self.rowCount():
                    for column in range(len(COLUMNS)):
                        self.item(row, column).setFont(self._bold if bold else QFont())
            self._current = current
