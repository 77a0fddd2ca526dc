"""The rebalance proposal as a table the facilitator can read at a glance: item, now, proposed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from presenter.timing import Rebalance

HEADERS = ("Item", "Now", "Proposed")
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class RebalanceDialog(QDialog):
    """One line saying what the proposal does, the rest of the agenda as a table, and a choice."""

    def __init__(self, proposal: Rebalance, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("RebalanceDialog")
        self.setWindowTitle("Rebalance the agenda")
        self.headline = QLabel(proposal.headline(), wordWrap=True)
        self.table = QTableWidget(0, len(HEADERS))
        self.table.setObjectName("RebalanceTable")
        self.table.setAccessibleName("Proposed minutes for the items still to come")
        self.table.setHorizontalHeaderLabels(list(HEADERS))
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        bold = QFont(self.font())
        bold.setBold(True)
        for title, now, proposed in proposal.rows():
            row = self.table.rowCount()
            self.table.insertRow(row)
            cells = [QTableWidgetItem(text) for text in (title, now, proposed)]
            cells[0].setToolTip(title)
            for cell in cells[1:]:
                cell.setTextAlignment(RIGHT)
            if now != proposed:  # what changes stands out, in weight as well as place
                cells[2].setFont(bold)
            for column, cell in enumerate(cells):
                self.table.setItem(row, column, cell)
        self.table.resizeRowsToContents()
        rows_height = sum(self.table.rowHeight(r) for r in range(self.table.rowCount()))
        # Tall enough for every row (a long agenda scrolls past 360 pixels), no taller.
        fitted = min(rows_height, 360) + header.sizeHint().height() + 2 * self.table.frameWidth()
        self.table.setFixedHeight(fitted)
        buttons = QDialogButtonBox()
        self.apply_button = buttons.addButton("Rebalance", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        if proposal.shortfall > 0:
            self.apply_button.setText("Use the shortest plan")
        self.apply_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.headline)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(max(420, self.sizeHint().width()), self.sizeHint().height())

    @classmethod
    def ask(cls, parent: QWidget | None, proposal: Rebalance) -> bool:
        """True when the facilitator takes the proposal."""
        dialog = cls(proposal, parent)
        return dialog.exec() == QDialog.DialogCode.Accepted
