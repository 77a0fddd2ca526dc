"""Tables that are read, not edited: the rehearsal's times, the rebalance proposal, the
history. No row numbers, each column as wide as its contents, numbers set right."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def read_only_table(
    headings: Sequence[str], name: str, accessible_name: str, *, stretch: int | None = None
) -> QTableWidget:
    """An empty table with these headings, column `stretch` (if given) taking the room the
    others leave; `fill` gives it its rows."""
    table = QTableWidget(0, len(headings), objectName=name)
    table.setAccessibleName(accessible_name)
    table.setHorizontalHeaderLabels(list(headings))
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def fill(
    table: QTableWidget, rows: Sequence[Sequence[str]], *, right_from: int | None = None
) -> list[list[QTableWidgetItem]]:
    """Every row's cells, replacing those there; columns from `right_from` on (numbers) are
    set right. Returns the cells, for a caller that marks some of them."""
    table.setRowCount(len(rows))
    cells = []
    for r, row in enumerate(rows):
        cells.append([QTableWidgetItem(text) for text in row])
        for c, cell in enumerate(cells[-1]):
            if right_from is not None and c >= right_from:
                cell.setTextAlignment(RIGHT)
            table.setItem(r, c, cell)
    return cells
