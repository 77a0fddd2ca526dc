"""Importing a roster from the check-in panel: the file chosen, the dialog showing which
column feeds each detail, confirmed by the facilitator before anything is imported, and the
rows that stopped it, if any."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from presenter.attendance.roster import (
    FIELDS,
    Columns,
    RosterError,
    RosterTable,
    column_letter,
    guess_columns,
    plan_import,
    read_table,
)
from presenter.attendance.store import AttendanceError, AttendanceStore


class RosterImportDialog(QDialog):
    """Shows which column of a roster file feeds each field, for the facilitator to confirm
    or correct before anything is imported."""

    NOT_IMPORTED = "(not imported)"

    def __init__(
        self,
        table: RosterTable,
        columns: Columns,
        readiness: Sequence[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Import roster: {table.source.name}")
        self._headers = table.headers
        choices = [self.NOT_IMPORTED] + [
            f"{column_letter(i)}: {h}" for i, h in enumerate(table.headers)
        ]
        layout = QVBoxLayout(self)
        recognised = f"Recognised as {table.layout}. " if table.layout else ""
        intro = QLabel(
            f"{recognised}{len(table.rows)} rows under the headings on row {table.header_row}. "
            "Check where each detail comes from. A readiness check is ticked by a yes (or, "
            "for a username, a handle); No, Not sure or a blank leave it unticked:"
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.field_boxes: dict[str, QComboBox] = {}
        self.ready_boxes: dict[str, QComboBox] = {}
        for key, label in FIELDS.items():
            self.field_boxes[key] = self._combo(choices, columns.fields.get(key))
            form.addRow(label[:1].upper() + label[1:], self.field_boxes[key])
        for check in readiness:
            self.ready_boxes[check] = self._combo(choices, columns.readiness.get(check))
            form.addRow(check, self.ready_boxes[check])
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Import")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    @staticmethod
    def _combo(choices: list[str], column: int | None) -> QComboBox:
        box = QComboBox()
        box.addItems(choices)
        box.setCurrentIndex(0 if column is None else column + 1)
        return box

    def columns(self) -> Columns:
        """The columns as now chosen."""

        def chosen(boxes: dict[str, QComboBox]) -> dict[str, int]:
            return {k: b.currentIndex() - 1 for k, b in boxes.items() if b.currentIndex() > 0}

        return Columns(chosen(self.field_boxes), chosen(self.ready_boxes))

    @classmethod
    def choose_file(cls, parent: QWidget | None) -> Path | None:
        """Ask for a roster file: a CSV or XLSX sheet, an Eventbrite or Forms export."""
        from presenter.ui.shared.file_dialogs import FileDialogs

        return FileDialogs.open_file(
            parent, "Import a roster", "", "Rosters (*.csv *.xlsx *.tsv *.txt);;All files (*)"
        )

    @classmethod
    def confirm(
        cls, parent: QWidget | None, table: RosterTable, columns: Columns, readiness: Sequence[str]
    ) -> Columns | None:
        """The columns the facilitator confirmed, or None if they cancelled."""
        dialog = cls(table, columns, readiness, parent)
        return dialog.columns() if dialog.exec() == QDialog.DialogCode.Accepted else None

    @classmethod
    def show_problems(cls, parent: QWidget | None, lines: Sequence[str]) -> None:
        """Why nothing was imported, row by row."""
        shown = list(lines[:15])
        if len(lines) > len(shown):
            shown.append(f"… and {len(lines) - len(shown)} more")
        QMessageBox.warning(
            parent,
            "Nothing imported",
            "Nothing was imported. Fix these rows and import the file again:\n\n"
            + "\n".join(shown),
        )


def import_roster(
    parent: QWidget | None,
    store: AttendanceStore,
    run_id: int,
    readiness: Sequence[str],
    path: Path | None = None,
) -> tuple[int, str] | None:
    """Pre-register people from a file (asked for, if not given) once the facilitator has
    confirmed the columns: how many were added and what to say, or None when nothing was
    imported (cancelled, or the problems shown). A file with any bad row imports nobody."""
    path = path or RosterImportDialog.choose_file(parent)
    if path is None:
        return None
    try:
        table = read_table(path)
        guessed = guess_columns(table, readiness)
    except RosterError as exc:
        RosterImportDialog.show_problems(parent, exc.lines())
        return None
    columns = RosterImportDialog.confirm(parent, table, guessed, readiness)
    if columns is None:
        return None
    try:
        plan = plan_import(table, columns)
        added, merged = store.add_to_roster(run_id, [p for _, p in plan.people])
    except RosterError as exc:
        RosterImportDialog.show_problems(parent, exc.lines())
        return None
    except AttendanceError as exc:
        RosterImportDialog.show_problems(parent, [f"{path}: {exc}"])
        return None
    extra = f"; {merged} already on the list, details merged" if merged else ""
    count = f"{added} {'person' if added == 1 else 'people'}"
    return added, f"Imported {count} from {path.name}{extra}. Type a name to check in."
