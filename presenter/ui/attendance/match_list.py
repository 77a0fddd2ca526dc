"""The roster matches under the check-in name box: shown only while there are some, the
best one highlighted, Up and Down (sent by the panel) moving the highlight."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from presenter.attendance.model import Attendee
from presenter.ui.attendance.attendee_model import MatchListModel


class MatchList(QListView):
    """A list the name box keeps the keyboard for: a click highlights, the typing goes on."""

    def __init__(self, name_edit: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.match_model = MatchListModel(self)
        self.setModel(self.match_model)
        self.setAccessibleName("People on the roster who match")
        # A click on a match keeps the cursor in the name box (Enter then checks that person in).
        self.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.setFocusProxy(name_edit)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setMaximumHeight(120)
        self.setVisible(False)  # shown only while there are roster matches to choose
        for signal in (
            self.match_model.modelReset,
            self.match_model.rowsInserted,
            self.match_model.rowsRemoved,
        ):
            signal.connect(self._show_when_any)

    def _show_when_any(self) -> None:
        self.setVisible(self.match_model.rowCount() > 0)

    def highlighted_row(self) -> int:
        """The highlighted row, or -1 when none is."""
        rows = self.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def highlighted(self) -> Attendee | None:
        row = self.highlighted_row()
        return self.match_model.person(row) if row >= 0 else None

    def highlight(self, row: int) -> None:
        """Highlight that row (none for -1) and scroll it into view."""
        selection = self.selectionModel()
        if row < 0:
            selection.clearSelection()
            return
        index = self.match_model.index(row, 0)
        selection.select(index, selection.SelectionFlag.ClearAndSelect)
        self.scrollTo(index)

    def move_highlight(self, step: int) -> None:
        row = self.highlighted_row() + step
        self.highlight(max(-1, min(self.match_model.rowCount() - 1, row)))
