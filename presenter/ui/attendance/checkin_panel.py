"""The check-in panel: type a name, press Enter, and the person is checked in, durably.

Keyboard first: Enter checks in the highlighted roster match, or adds a walk-in when nothing
is highlighted; Ctrl+Enter always adds a walk-in; Up and Down move the highlight; Tab reaches
the readiness ticks and, if opened, the other details; Space ticks; Esc clears the form. The
window binds a shortcut to `focus_name`; this panel binds none of its own. Typing here is a
mode the window's keys respect: `presenter.ui.shared.focus` says how.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
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
from presenter.ui.attendance.attendee_model import (
    AttendeeTableModel,
    MatchListModel,
    attendee_line,
)
from presenter.ui.attendance.details_form import DetailsForm, more_button, readiness_ticks
from presenter.ui.shared.theme import set_style_state

if TYPE_CHECKING:  # made when a name first matches someone on the roster
    from presenter.ui.attendance.match_list import MatchList

MATCH_LIMIT = 8
HINT = "Enter: check in the highlighted person, or add a walk-in · Ctrl+Enter: walk-in · ↑↓: choose"
SHARED = (
    "Another Presenter window has this attendance file open. Check-ins from both are "
    "kept; this list shows this window's view."
)


class CheckInPanel(QWidget):
    """Check-in for one run: name box, roster matches, readiness ticks, who is in, undo."""

    changed = Signal()  # after each durable change: check-in, undo, a readiness tick
    done_typing = Signal()  # after Enter checked someone in, or Esc: the keys go back to the run
    controls_added = Signal()  # controls made later: the roster matches, the other details

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
        self._build_form()
        self._build_list()
        self._lay_out()
        self.refresh()

    def _build_form(self) -> None:
        """The name box, its matches, the readiness ticks and the other details."""
        self.name_edit = QLineEdit()
        self.name_edit.setPlaceholderText("Type a name, press Enter")
        self.name_edit.setAccessibleName("Name to check in")
        self.name_edit.setClearButtonEnabled(True)
        self.name_edit.textChanged.connect(self._search)
        self._matches: MatchList | None = None  # see `matches`
        self.ready_boxes, self.ready_row = readiness_ticks(self.readiness)
        self._details: DetailsForm | None = None  # see `details`
        self.more = more_button(lambda: self.details)
        self.status = QLabel(HINT)
        self.status.setWordWrap(True)

    def _build_list(self) -> None:
        """Who is in: the count, the table with its ticks, undo and the roster import."""
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
        self.summary = QLabel(wordWrap=True)
        self.summary.setAccessibleName("Check-in count")
        font = self.summary.font()
        font.setBold(True)
        self.summary.setFont(font)
        self.shared_warning = QLabel(SHARED)
        self.shared_warning.setWordWrap(True)
        self.shared_warning.setProperty("tone", "caution")  # coloured by the theme
        self.shared_warning.setVisible(self.store.another_window_open)
        self.table_model = AttendeeTableModel(self.readiness, self._set_ready, self)
        self.table = QTableView(self)  # made in the panel: styled once, not again when laid out
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

    def _lay_out(self) -> None:
        name_row = QHBoxLayout()
        label = QLabel("Check in")  # no mnemonic: the window owns every shortcut
        label.setBuddy(self.name_edit)
        name_row.addWidget(label)
        name_row.addWidget(self.name_edit, 1)
        more_row = QHBoxLayout()  # the hint gets the panel's whole width, so it wraps by words
        more_row.addWidget(self.more)
        more_row.addStretch(1)
        more_row.addWidget(self.undo_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(name_row)
        layout.addLayout(self.ready_row)
        layout.addLayout(more_row)
        layout.addWidget(self.status)  # the other details go above it, once made
        layout.addWidget(self.summary)
        layout.addWidget(self.shared_warning)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.import_button, 0, Qt.AlignmentFlag.AlignRight)
        chain = [self.name_edit, *self.ready_boxes, self.more]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    @property
    def details(self) -> DetailsForm:
        """The other details (role, ward, contact, consent), made hidden the first time they
        are asked for: the window comes up without a form most check-ins never open."""
        if self._details is None:
            self._details = DetailsForm()
            self._details.setVisible(False)
            layout = self.layout()
            layout.insertWidget(layout.indexOf(self.status), self._details)
            for first, second in itertools.pairwise([self.more, *self._details.tab_chain()]):
                QWidget.setTabOrder(first, second)
            self.controls_added.emit()
        return self._details

    @property
    def matches(self) -> MatchList:
        """The roster matches under the name box, made when a name first matches someone
        (shown only while there are some)."""
        if self._matches is None:
            from presenter.ui.attendance.match_list import MatchList

            self._matches = MatchList(self.name_edit, self)
            self._matches.doubleClicked.connect(self._check_in_clicked)
            self.layout().insertWidget(1, self._matches)  # under the name box
            self.controls_added.emit()
        return self._matches

    @property
    def match_model(self) -> MatchListModel:
        return self.matches.match_model

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
            if self._matches is not None:
                self._matches.move_highlight(-1 if key == Qt.Key.Key_Up else 1)
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
        if self._details is None:  # never opened: a name and ticks
            return AttendeeDetails(name=self.name_edit.text(), ready=ready)
        return self._details.details(self.name_edit.text(), ready)

    def highlighted(self) -> Attendee | None:
        return self._matches.highlighted() if self._matches is not None else None

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
        # The question is imported when first asked: the window comes up without it.
        from presenter.ui.attendance.merge_dialog import MergeChoice, MergeDialog

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
        from presenter.ui.attendance.roster_import import import_roster

        done = import_roster(self, self.store, self.run_id, self.readiness, path)
        if done is None:
            return 0
        added, message = done
        self._say(message)
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
        if not people and self._matches is None:
            return  # nothing to list, and no list yet
        self.match_model.set_people(people)
        best = best_match(people, text)
        self.matches.highlight(people.index(best) if best is not None else -1)

    def _check_in_clicked(self, index: QModelIndex) -> None:
        self.matches.highlight(index.row())
        self.check_in()

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
        if self._details is not None:
            self._details.clear()
        for box in self.ready_boxes:
            box.setChecked(False)

    def _say(self, message: str, problem: bool = False) -> None:
        self.status.setText(message)
        set_style_state(self.status, "tone", "problem" if problem else "")

    def describe(self, people: Sequence[Attendee]) -> list[str]:
        """The lines the match list shows, for tests and screen readers."""
        return [attendee_line(p) for p in people]
