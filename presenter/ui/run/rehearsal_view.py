"""After a rehearsal: each item's plan beside the time it took, so the plan can be tuned."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from presenter.attendance.rehearsals import Rehearsal, comparison_rows, summary_line
from presenter.ui.shared.tables import fill, read_only_table

COLUMNS = ("Item", "Planned", "Took", "Difference")


class RehearsalWrapUp(QDialog):
    """The rehearsal's record as a table: item, planned, took, difference."""

    def __init__(self, record: Rehearsal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("RehearsalWrapUp")
        self.setWindowTitle(f"Rehearsal of {record.title}")
        self.record = record
        self.heading = QLabel(summary_line(record), objectName="RehearsalHeading", wordWrap=True)
        note = QLabel(
            "A rehearsal is not a run: it is not in the history or the attendance. "
            "`presenter rehearsals` lists every rehearsal kept.",
            wordWrap=True,
        )
        self.table = read_only_table(
            COLUMNS, "RehearsalTable", "Each item planned against the time it took", stretch=0
        )
        fill(self.table, comparison_rows(record), right_from=1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(640, 420)

    def cell_text(self, row: int, column: int) -> str:
        return self.table.item(row, column).text()

    @classmethod
    def show_for(cls, record: Rehearsal, parent: QWidget | None = None) -> RehearsalWrapUp:
        """Open it beside the run (not modal: the windows stay usable) and return it."""
        view = cls(record, parent)
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.show()
        return view
