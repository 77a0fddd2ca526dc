"""The rebalance proposal as a table the facilitator can read at a glance: item, now, proposed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from presenter.timing import Rebalance
from presenter.ui.shared.tables import fill, read_only_table

HEADERS = ("Item", "Now", "Proposed")


class RebalanceDialog(QDialog):
    """One line saying what the proposal does, the rest of the agenda as a table, and a choice."""

    def __init__(self, proposal: Rebalance, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("RebalanceDialog")
        self.setWindowTitle("Rebalance the agenda")
        self.headline = QLabel(proposal.headline(), wordWrap=True)
        self.table = read_only_table(
            HEADERS, "RebalanceTable", "Proposed minutes for the items still to come", stretch=0
        )
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        header = self.table.horizontalHeader()
        bold = QFont(self.font())
        bold.setBold(True)
        rows = list(proposal.rows())
        for (title, now, proposed), cells in zip(
            rows, fill(self.table, rows, right_from=1), strict=True
        ):
            cells[0].setToolTip(title)
            if now != proposed:  # what changes stands out, in weight as well as place
                cells[2].setFont(bold)
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
