"""The check-in panel: type a name, press Enter, and the person is checked in, durably.

Keyboard first: Enter checks in the highlighted roster match, or adds a walk-in when nothing
is highlighted; Ctrl+Enter always adds a walk-in; Up and Down move the highlight; Tab reaches
the readiness ticks and, if opened, the other details; Space ticks; Esc clears the form. The
window binds a shortcut to `focus_name`; this panel binds none of its own. Typing here is a
mode the window's keys respect: `presenter.ui.run.focus` says how.
"""

from __future__ import annotations

import enum
import itertools
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from presenter.attendance.model import Attendee, AttendeeDetails, CheckIn
from presenter.attendance.search import best_match
from presenter.attendance.store import (
    AttendanceError,
    AttendanceStore,
    DuplicateAttendee,
    InvalidDetails,
)
from presenter.ui.attendance.attendee_model import AttendeeTableModel, MatchListModel, attendee_line
from presenter.ui.run.countdown import set_style_state

MATCH_LIMIT = 8
HINT = "Enter: check in the highlighted person, or add a walk-in · Ctrl+Enter: walk-in · ↑↓: choose"


class MergeChoice(enum.Enum):
    """What to do when the person typed is already on the list."""

    MERGE = "merge"
    ADD = "add"
    CANCEL = "cancel"


class MergeDialog:
    """Asks whether a typed person who matches someone already there is the same person."""

    @classmethod
    def ask(
        cls, parent: QWidget | None, existing: Attendee, typed: AttendeeDetails, reason: str
    ) -> MergeChoice:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Already checked in?")
        when = f" at {existing.checked_in_at:%H:%M}" if existing.checked_in_at else ""
        box.setText(
            f"{' '.join(existing.name.split())} has the same {reason} and is already on the "
            f"list{when}. Is this the same person?"
        )
        merge = box.addButton(
            "Same person: update their details", QMessageBox.ButtonRole.AcceptRole
        )
        add = box.addButton("A different person: add them", QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(merge)
        box.exec()
        clicked = box.clickedButton()
        if clicked is merge:
            return MergeChoice.MERGE
        if clicked is add:
            return MergeChoice.ADD
        return MergeChoice.CANCEL


class DetailsForm(QWidget):
    """The details beyond a name, for when there is time: role, ward, contact, consent."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.role_edit = QLineEdit()
        self.department_edit = QLineEdit()
        self.email_edit = QLineEdit()
        self.handle_edit = QLineEdit()
        self.handle_edit.setPlaceholderText("@handle")
        self.staff_edit = QLineEdit()
        self.note_edit = QLineEdit()
        self.consent_box = QCheckBox("Happy to be contacted after the session")
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("Role", self.role_edit)
        form.addRow("Department or ward", self.department_edit)
        form.addRow("Email", self.email_edit)
        form.addRow("Social handle", self.handle_edit)
        form.addRow("Staff number", self.staff_edit)
        form.addRow("Note", self.note_edit)
        form.addRow("", self.consent_box)
        # Keyed by the field names InvalidDetails reports.
        self.fields = {
            "role": self.role_edit,
            "department": self.department_edit,
            "email": self.email_edit,
            "social_handle": self.handle_edit,
            "staff_number": self.staff_edit,
            "note": self.note_edit,
        }

    def tab_chain(self) -> list[QWidget]:
        return [*self.fields.values(), self.consent_box]

    def details(self, name: str, ready: frozenset[str]) -> AttendeeDetails:
        return AttendeeDetails(
            name=name,
            role=self.role_edit.text(),
            department=self.department_edit.text(),
            email=self.email_edit.text(),
            staff_number=self.staff_edit.text(),
            handle=self.handle_edit.text(),
            consent=self.consent_box.isChecked(),
            note=self.note_edit.text(),
            ready=ready,
        )

    def clear(self) -> None:
        for edit in self.fields.values():
            edit.clear()
        self.consent_box.setChecked(False)


class CheckInPanel(QWidget):
    """Check-in for one run: name box, roster matches, readiness ticks, who is in, undo."""

    changed = Signal()  # after each durable change: check-in, undo, a readiness tick
    done_typing = Signal()  # after Enter checked someone in, or Esc: the keys go back to the run

    def __init__(
        self,
        store: AttendanceStore,
        run_id: int,
        readiness: tuple[str, ...],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.run_id = run_id
        self.readiness = tuple(readiness)
        self._undo: list[CheckIn] = []
        self._seen_outside = -1

        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText("Type a name, press Enter")
        self.name_edit.setAccessibleName("Name to check in")
        self.name_edit.setClearButtonEnabled(True)
        self.name_edit.textChanged.connect(self._search)

        self.match_model = MatchListModel(self)
        self.matches = QListView()
        self.matches.setModel(self.match_model)
        self.matches.setAccessibleName("People on the roster who match")
        # A click on a match keeps the cursor in the name box (Enter then checks that person in).
        self.matches.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.matches.setFocusProxy(self.name_edit)
        self.matches.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.matches.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.matches.setMaximumHeight(120)
        self.matches.doubleClicked.connect(self._check_in_clicked)
        self.matches.setVisible(False)  # shown only while there are roster matches to choose
        for signal in (
            self.match_model.modelReset,
            self.match_model.rowsInserted,
            self.match_model.rowsRemoved,
        ):
            signal.connect(self._show_matches_when_any)

        self.ready_boxes = [QCheckBox(check) for check in self.readiness]
        ready_row = QHBoxLayout()
        for box in self.ready_boxes:
            ready_row.addWidget(box)
        ready_row.addStretch(1)

        self.more = QToolButton()
        self.more.setText("More details")
        self.more.setCheckable(True)
        self.more.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.more.setArrowType(Qt.ArrowType.RightArrow)
        self.more.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a click keeps the typing going
        self.more.toggled.connect(self._show_details)
        self.details = DetailsForm()
        self.details.setVisible(False)

        self.status = QLabel(HINT)
        self.status.setWordWrap(True)
        self.undo_button = QPushButton("Undo last check-in")
        self.undo_button.setEnabled(False)
        self.undo_button.clicked.connect(self.undo_last)
        # Reached with Tab; a click on a button leaves the keys to the run.
        self.undo_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.import_button = QPushButton("Import roster…")
        self.import_button.setToolTip(
            "Pre-registered people from a CSV or Excel sheet, Eventbrite, or Microsoft or "
            "Google Forms; then check them in by typing their name"
        )
        self.import_button.clicked.connect(self.import_roster)
        self.import_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        more_row = QHBoxLayout()  # the hint gets the panel's whole width, so it wraps by words
        more_row.addWidget(self.more)
        more_row.addStretch(1)
        more_row.addWidget(self.undo_button)

        self.summary = QLabel(wordWrap=True)
        self.summary.setAccessibleName("Check-in count")
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)
        self.shared_warning = QLabel(
            "Another Presenter window has this attendance file open. Check-ins from both are "
            "kept; this list shows this window's view."
        )
        self.shared_warning.setWordWrap(True)
        self.shared_warning.setProperty("tone", "caution")  # coloured by the theme
        self.shared_warning.setVisible(store.another_window_open)

        self.table_model = AttendeeTableModel(self.readiness, self._set_ready, self)
        self.table = QTableView()
        self.table.setModel(self.table_model)
        self.table.setAccessibleName("People checked in")
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # names get the room
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Ticked with the mouse; a click on the list leaves the keys to the run.
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        name_row = QHBoxLayout()
        label = QLabel("Check in")  # no mnemonic: the window owns every shortcut
        label.setBuddy(self.name_edit)
        name_row.addWidget(label)
        name_row.addWidget(self.name_edit, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(name_row)
        layout.addWidget(self.matches)
        layout.addLayout(ready_row)
        layout.addLayout(more_row)
        layout.addWidget(self.details)
        layout.addWidget(self.status)
        layout.addWidget(self.summary)
        layout.addWidget(self.shared_warning)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.import_button, 0, Qt.AlignmentFlag.AlignRight)

        chain = [self.name_edit, *self.ready_boxes, self.more, *self.details.tab_chain()]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
        self.refresh()

    def _show_matches_when_any(self) -> None:
        self.matches.setVisible(self.match_model.rowCount() > 0)

    # -- what the window uses -----------------------------------------------------------

    def focus_name(self) -> None:
        """Put the cursor in the name box, ready for the next arrival."""
        if self.store.outside_changes() != self._seen_outside:
            self.refresh()
        self.name_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.name_edit.selectAll()

    def summary_text(self) -> str:
        """'7 checked in · 5 app installed · 4 username ready'."""
        return self.store.summary(self.run_id).text()

    def checked_in_count(self) -> int:
        """How many are in: the number the audience's arrival screen shows."""
        return self.store.summary(self.run_id).checked_in

    def refresh(self) -> None:
        """Re-read the run from the file and repaint."""
        self._seen_outside = self.store.outside_changes()
        self.table_model.set_people(self.store.attendees(self.run_id, checked_in_only=True))
        self.summary.setText(self.summary_text())
        self._search(self.name_edit.text())

    # -- checking in --------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self.table.hasFocus():
            walk_in = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
            self.check_in(walk_in=walk_in)
            event.accept()
            return
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and self.name_edit.hasFocus():
            self._move_highlight(-1 if key == Qt.Key.Key_Up else 1)
            event.accept()
            return
        if key == Qt.Key.Key_Escape:  # from the name, a tick or a detail: stop typing
            self._clear_form()
            event.accept()
            self.done_typing.emit()
            return
        super().keyPressEvent(event)

    def typed_details(self) -> AttendeeDetails:
        ready = frozenset(b.text() for b in self.ready_boxes if b.isChecked())
        return self.details.details(self.name_edit.text(), ready)

    def highlighted(self) -> Attendee | None:
        rows = self.matches.selectionModel().selectedRows()
        return self.match_model.person(rows[0].row()) if rows else None

    def check_in(self, walk_in: bool = False) -> CheckIn | None:
        """Check in the highlighted match, or add the typed name as a walk-in."""
        details = self.typed_details()
        chosen = None if walk_in else self.highlighted()
        if chosen is not None and not details.name.strip():
            details = replace(details, name=chosen.name)
        if not details.name.strip():
            self._say("Type a name first.")
            return None
        try:
            if chosen is not None:
                done = self.store.check_in(self.run_id, details, attendee_id=chosen.id)
            else:
                done = self._check_in_new(details)
        except InvalidDetails as exc:
            self._say(f"Not saved: {exc}.", problem=True)
            self._focus_field(exc.field)
            return None
        except AttendanceError as exc:
            self._say(f"Not saved: {exc}.", problem=True)
            return None
        if done is None:
            self._say("Nothing saved.")
            return None
        self._undo.append(done)
        self.undo_button.setEnabled(True)
        person = done.attendee
        was_in = done.before is not None and done.before.checked_in
        verb = "was already in; details updated" if was_in else "checked in"
        late = " (late)" if person.late and not was_in else ""
        self._say(f"{' '.join(person.name.split())} {verb} at {person.checked_in_at:%H:%M}{late}.")
        self._clear_form()
        self.refresh()
        self.changed.emit()
        self.done_typing.emit()
        return done

    def _check_in_new(self, details: AttendeeDetails) -> CheckIn | None:
        try:
            return self.store.check_in(self.run_id, details)
        except DuplicateAttendee as exc:
            choice = MergeDialog.ask(self, exc.existing, details, exc.reason)
        if choice is MergeChoice.CANCEL:
            return None
        return self.store.check_in(self.run_id, details, on_duplicate=choice.value)

    def undo_last(self) -> None:
        """Take back the last check-in made in this panel."""
        if not self._undo:
            return
        done = self._undo.pop()
        try:
            self.store.undo(done)
        except AttendanceError as exc:
            self._say(f"Could not undo: {exc}.", problem=True)
            return
        self.undo_button.setEnabled(bool(self._undo))
        self._say(f"Undone: {' '.join(done.attendee.name.split())}.")
        self.refresh()
        self.changed.emit()

    def import_roster(self, path: Path | None = None) -> int:
        """Pre-register people from a file, after the facilitator confirms the columns.
        Returns how many were added; a file with any bad row imports nobody."""
        # Imported here, not at the top: the window opens without the roster readers.
        from presenter.attendance.roster import RosterError, guess_columns, plan_import, read_table
        from presenter.ui.attendance.roster_import import RosterImportDialog

        path = path or RosterImportDialog.choose_file(self)
        if path is None:
            return 0
        try:
            table = read_table(path)
            guessed = guess_columns(table, self.readiness)
        except RosterError as exc:
            RosterImportDialog.show_problems(self, exc.lines())
            return 0
        columns = RosterImportDialog.confirm(self, table, guessed, self.readiness)
        if columns is None:
            return 0
        try:
            plan = plan_import(table, columns)
            added, merged = self.store.add_to_roster(self.run_id, [p for _, p in plan.people])
        except RosterError as exc:
            RosterImportDialog.show_problems(self, exc.lines())
            return 0
        except AttendanceError as exc:
            RosterImportDialog.show_problems(self, [f"{path}: {exc}"])
            return 0
        extra = f"; {merged} already on the list, details merged" if merged else ""
        count = f"{added} {'person' if added == 1 else 'people'}"
        self._say(f"Imported {count} from {path.name}{extra}. Type a name to check in.")
        self.refresh()
        self.changed.emit()
        self.focus_name()
        return added

    # -- inside -------------------------------------------------------------------------

    def _set_ready(self, attendee_id: int, check: str, ticked: bool) -> Attendee:
        person = self.store.set_ready(attendee_id, check, ticked)
        self.summary.setText(self.summary_text())
        self.changed.emit()
        return person

    def _search(self, text: str) -> None:
        if self.store.outside_changes() != self._seen_outside:  # another window checked in
            self.table_model.set_people(self.store.attendees(self.run_id, checked_in_only=True))
            self.summary.setText(self.summary_text())
            self._seen_outside = self.store.outside_changes()
        people = self.store.search(self.run_id, text, MATCH_LIMIT) if text.strip() else []
        self.match_model.set_people(people)
        best = best_match(people, text)
        self._highlight(people.index(best) if best is not None else -1)

    def _highlight(self, row: int) -> None:
        selection = self.matches.selectionModel()
        if row < 0:
            selection.clearSelection()
            return
        index = self.match_model.index(row, 0)
        selection.select(index, selection.SelectionFlag.ClearAndSelect)
        self.matches.scrollTo(index)

    def _move_highlight(self, step: int) -> None:
        current = self.highlighted()
        rows = self.match_model.rowCount()
        row = -1 if current is None else self.matches.selectionModel().selectedRows()[0].row()
        row = max(-1, min(rows - 1, row + step))
        self._highlight(row)

    def _check_in_clicked(self, index: QModelIndex) -> None:
        self._highlight(index.row())
        self.check_in()

    def _show_details(self, shown: bool) -> None:
        self.details.setVisible(shown)
        arrow = Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        self.more.setArrowType(arrow)

    def _focus_field(self, field: str) -> None:
        widget = self.details.fields.get(field)
        if widget is None:
            self.name_edit.setFocus()
            return
        self.more.setChecked(True)
        widget.setFocus()
        widget.selectAll()

    def _clear_form(self) -> None:
        self.name_edit.clear()
        self.details.clear()
        for box in self.ready_boxes:
            box.setChecked(False)

    def _say(self, message: str, problem: bool = False) -> None:
        self.status.setText(message)
        set_style_state(self.status, "tone", "problem" if problem else "")

    def describe(self, people: Sequence[Attendee]) -> list[str]:
        """The lines the match list shows, for tests and screen readers."""
        return [attendee_line(p) for p in people]
