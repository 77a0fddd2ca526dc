"""The check-in panel, driven from the keyboard as a facilitator at the door would."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from presenter.attendance.model import AttendeeDetails
from presenter.attendance.store import open_store
from presenter.ui.attendance.attendee_model import AttendeeTableModel, MatchListModel
from presenter.ui.attendance.checkin_panel import CheckInPanel
from presenter.ui.attendance.merge_dialog import MergeChoice, MergeDialog
from presenter.ui.attendance.roster_import import RosterImportDialog

READINESS = ("App installed", "Username ready")


@pytest.fixture
def store(tmp_path, clock):
    with open_store(tmp_path, clock=clock.wall) as opened:
        yield opened


@pytest.fixture
def run_id(store):
    return store.create_run(
        "Twitter hour", on=date(2026, 11, 25), venue="Library", readiness=READINESS
    ).id


@pytest.fixture
def panel(qtbot, store, run_id):
    widget = CheckInPanel(store, run_id, READINESS)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def type_name(qtbot, panel, text):
    panel.name_edit.clear()
    qtbot.keyClicks(panel.name_edit, text)


def press_enter(qtbot, panel, modifier=Qt.KeyboardModifier.NoModifier):
    with qtbot.waitSignal(panel.changed, timeout=2000):
        qtbot.keyClick(panel.name_edit, Qt.Key.Key_Return, modifier)


def names(store, run_id, checked_in_only=True):
    return [p.name for p in store.attendees(run_id, checked_in_only=checked_in_only)]


def test_a_session_that_names_no_readiness_checks_asks_nothing_at_check_in(qtbot, store, dialogs):
    from presenter.agenda.model import AgendaItem, Session

    session = Session(title="Ward teaching", items=(AgendaItem("Welcome", 15),))
    run = store.create_run_from_session(session, on=date(2026, 11, 25), venue="Ward 12")
    widget = CheckInPanel(store, run.id, session.readiness)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    assert widget.ready_boxes == []
    type_name(qtbot, widget, "Sam Patel")
    press_enter(qtbot, widget)
    assert store.attendees(run.id)[0].ready == set()
    assert widget.summary.text() == "1 checked in"
    assert widget.table_model.columnCount() == len(AttendeeTableModel.FIXED_COLUMNS)  # no ticks


def test_a_name_and_enter_checks_in_a_walk_in(qtbot, panel, store, run_id):
    type_name(qtbot, panel, "Sam Patel")
    panel.ready_boxes[0].setChecked(True)
    press_enter(qtbot, panel)
    assert names(store, run_id) == ["Sam Patel"]
    assert store.attendees(run_id)[0].ready == {"App installed"}
    assert panel.summary.text() == "1 checked in · 1 app installed · 0 username ready"
    assert panel.summary_text() == panel.summary.text()
    assert panel.name_edit.text() == ""
    assert not panel.ready_boxes[0].isChecked()
    assert "Sam Patel checked in at 11:55" in panel.status.text()
    assert panel.table_model.rowCount() == 1


def test_enter_checks_in_the_best_roster_match(qtbot, panel, store, run_id):
    store.add_to_roster(
        run_id,
        [AttendeeDetails("Samira Khan"), AttendeeDetails("Sam Patel", department="Pharmacy")],
    )
    panel.refresh()
    type_name(qtbot, panel, "sam p")
    assert panel.match_model.rowCount() == 1
    assert panel.highlighted().name == "Sam Patel"
    press_enter(qtbot, panel)
    assert names(store, run_id) == ["Sam Patel"]
    assert len(store.attendees(run_id)) == 2  # nobody called "sam p" was added


def test_an_ambiguous_name_highlights_nobody_until_chosen(qtbot, panel, store, run_id):
    store.add_to_roster(run_id, [AttendeeDetails("Samira Khan"), AttendeeDetails("Sam Patel")])
    panel.refresh()
    type_name(qtbot, panel, "sam")
    assert panel.match_model.rowCount() == 2
    assert panel.highlighted() is None
    qtbot.keyClick(panel.name_edit, Qt.Key.Key_Down)
    qtbot.keyClick(panel.name_edit, Qt.Key.Key_Down)
    assert panel.highlighted().name == "Samira Khan"
    press_enter(qtbot, panel)
    assert names(store, run_id) == ["Samira Khan"]


def test_ctrl_enter_adds_a_walk_in_even_with_a_match(qtbot, panel, store, run_id):
    store.add_to_roster(run_id, [AttendeeDetails("Joanne Smith")])
    panel.refresh()
    type_name(qtbot, panel, "Jo")
    assert panel.highlighted().name == "Joanne Smith"
    press_enter(qtbot, panel, Qt.KeyboardModifier.ControlModifier)
    assert names(store, run_id) == ["Jo"]


def test_a_duplicate_asks_and_merges(qtbot, panel, store, run_id, dialogs):
    asked = []

    def ask(parent, existing, typed, reason):
        asked.append((existing.name, typed.name, reason))
        return MergeChoice.MERGE

    dialogs.answer_with(MergeDialog, ask)
    type_name(qtbot, panel, "Sam Patel")
    press_enter(qtbot, panel)
    type_name(qtbot, panel, "sam patel")
    panel.ready_boxes[1].setChecked(True)
    press_enter(qtbot, panel)
    assert asked == [("Sam Patel", "sam patel", "name")]
    people = store.attendees(run_id)
    assert [(p.name, p.ready) for p in people] == [("Sam Patel", {"Username ready"})]
    assert "already in" in panel.status.text()


def test_a_duplicate_can_be_cancelled_or_added(qtbot, panel, store, run_id, dialogs):
    type_name(qtbot, panel, "Sam Patel")
    press_enter(qtbot, panel)
    dialogs.answer(MergeDialog, MergeChoice.CANCEL)
    type_name(qtbot, panel, "Sam Patel")
    qtbot.keyClick(panel.name_edit, Qt.Key.Key_Return)
    assert names(store, run_id) == ["Sam Patel"]
    assert panel.name_edit.text() == "Sam Patel"  # kept, so it can be changed
    dialogs.answer(MergeDialog, MergeChoice.ADD)
    press_enter(qtbot, panel)
    assert names(store, run_id) == ["Sam Patel", "Sam Patel"]


def test_undo_takes_back_the_last_check_in(qtbot, panel, store, run_id):
    type_name(qtbot, panel, "Sam Patel")
    press_enter(qtbot, panel)
    type_name(qtbot, panel, "Ana Costa")
    press_enter(qtbot, panel)
    with qtbot.waitSignal(panel.changed, timeout=2000):
        qtbot.mouseClick(panel.undo_button, Qt.MouseButton.LeftButton)
    assert names(store, run_id) == ["Sam Patel"]
    assert panel.summary.text().startswith("1 checked in")
    panel.undo_last()
    assert names(store, run_id) == []
    assert not panel.undo_button.isEnabled()


def test_a_bad_email_is_not_saved_and_the_field_is_shown(qtbot, panel, store, run_id):
    panel.activateWindow()
    panel.focus_name()
    qtbot.waitUntil(panel.name_edit.hasFocus, timeout=2000)
    type_name(qtbot, panel, "Sam Patel")
    panel.details.email_edit.setText("sam.patel")
    qtbot.keyClick(panel.name_edit, Qt.Key.Key_Return)
    assert names(store, run_id) == []
    assert panel.status.text().startswith("Not saved: the email is not an email address")
    assert panel.details.isVisibleTo(panel)
    qtbot.waitUntil(panel.details.email_edit.hasFocus, timeout=2000)
    assert panel.name_edit.text() == "Sam Patel"
    panel.details.email_edit.setText("sam.patel@nhs.net")
    panel.details.role_edit.setText("Staff nurse")
    press_enter(qtbot, panel)
    person = store.attendees(run_id)[0]
    assert (person.email, person.role) == ("sam.patel@nhs.net", "Staff nurse")
    assert panel.details.email_edit.text() == ""


def test_late_arrivals_are_marked(qtbot, panel, store, run_id, clock):
    clock.advance(15 * 60)  # 12:10
    type_name(qtbot, panel, "Ana Costa")
    press_enter(qtbot, panel)
    index = panel.table_model.index(0, 1)
    assert panel.table_model.data(index) == "12:10 late"
    assert "(late)" in panel.status.text()


def test_ticking_readiness_in_the_list_is_saved(qtbot, panel, store, run_id):
    type_name(qtbot, panel, "Sam Patel")
    press_enter(qtbot, panel)
    index = panel.table_model.index(0, 2)
    with qtbot.waitSignal(panel.changed, timeout=2000):
        panel.table_model.setData(index, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert store.attendees(run_id)[0].ready == {"App installed"}
    assert panel.summary.text() == "1 checked in · 1 app installed · 0 username ready"


def test_focus_name_puts_the_cursor_in_the_name_box(qtbot, panel):
    panel.more.setFocus()
    panel.activateWindow()
    panel.focus_name()
    qtbot.waitUntil(panel.name_edit.hasFocus, timeout=2000)


def test_tab_goes_to_the_readiness_ticks_next(qtbot, panel):
    panel.activateWindow()
    panel.focus_name()
    qtbot.waitUntil(panel.name_edit.hasFocus, timeout=2000)
    qtbot.keyClick(panel.name_edit, Qt.Key.Key_Tab)
    assert panel.ready_boxes[0].hasFocus()
    qtbot.keyClick(panel.ready_boxes[0], Qt.Key.Key_Tab)
    assert panel.ready_boxes[1].hasFocus()
    qtbot.keyClick(panel.ready_boxes[1], Qt.Key.Key_Tab)
    assert panel.more.hasFocus()  # the other details only when opened


def test_a_second_window_shows_a_warning_and_its_check_ins(qtbot, tmp_path, panel, run_id):
    with open_store(tmp_path) as second:
        other = CheckInPanel(second, run_id, READINESS)
        qtbot.addWidget(other)
        assert other.shared_warning.isVisibleTo(other)
        assert not panel.shared_warning.isVisibleTo(panel)
        type_name(qtbot, other, "Sam Patel")
        press_enter(qtbot, other)
    type_name(qtbot, panel, "sam")  # the first window sees it at the next key press
    assert panel.summary.text().startswith("1 checked in")
    assert panel.match_model.rowCount() == 1


def test_the_models_follow_the_qt_contract(qtmodeltester, store, run_id):
    store.check_in(run_id, AttendeeDetails("Sam Patel", ready={"App installed"}))
    store.add_to_roster(run_id, [AttendeeDetails("Ana Costa")])
    table = AttendeeTableModel(READINESS, lambda *args: store.set_ready(*args))
    table.set_people(store.attendees(run_id))
    qtmodeltester.check(table)
    matches = MatchListModel()
    matches.set_people(store.attendees(run_id))
    qtmodeltester.check(matches)


def test_enter_from_a_readiness_tick_checks_in_too(qtbot, panel, store, run_id):
    type_name(qtbot, panel, "Sam Patel")
    panel.ready_boxes[1].setChecked(True)
    with qtbot.waitSignal(panel.changed, timeout=2000):
        qtbot.keyClick(panel.ready_boxes[1], Qt.Key.Key_Return)
    assert [(p.name, p.ready) for p in store.attendees(run_id)] == [
        ("Sam Patel", {"Username ready"})
    ]


def test_a_roster_is_imported_after_the_columns_are_confirmed(
    qtbot, panel, store, run_id, tmp_path, dialogs
):
    roster = tmp_path / "signups.csv"
    roster.write_text("Delegate,Email,Ward\nSam Patel,sam@nhs.net,ED\nAna Costa,,ICU\n")
    shown = []

    def confirm(parent, table, columns, readiness):
        dialog = RosterImportDialog(table, columns, readiness)
        qtbot.addWidget(dialog)
        shown.append(dialog.field_boxes["department"].currentText())
        assert "name" not in columns.fields  # "Delegate" is not a heading it knows
        dialog.field_boxes["name"].setCurrentIndex(1)  # column A
        return dialog.columns()

    dialogs.open_path = roster
    dialogs.answer_with(RosterImportDialog.confirm, confirm)
    with qtbot.waitSignal(panel.changed, timeout=2000):
        assert panel.import_roster() == 2
    assert shown == ["C: Ward"]
    assert sorted(names(store, run_id, checked_in_only=False)) == ["Ana Costa", "Sam Patel"]
    assert "Imported 2 people from signups.csv" in panel.status.text()
    type_name(qtbot, panel, "ana")
    press_enter(qtbot, panel)
    assert names(store, run_id) == ["Ana Costa"]


def test_a_roster_with_bad_rows_imports_nobody(qtbot, panel, store, run_id, tmp_path, dialogs):
    roster = tmp_path / "signups.csv"
    roster.write_text("Name,Email\nSam Patel,sam@nhs.net\n,x@nhs.net\n")
    problems = []
    dialogs.open_path = roster
    dialogs.answer_with(RosterImportDialog.confirm, lambda parent, t, columns, r: columns)
    dialogs.answer_with(
        RosterImportDialog.show_problems, lambda parent, lines: problems.extend(lines)
    )
    assert panel.import_roster() == 0
    assert problems == [f"{roster}:3: error: the name is empty"]
    assert store.attendees(run_id) == []


def test_the_match_list_shows_only_while_the_roster_has_matches(qtbot, panel, store, run_id):
    store.add_to_roster(run_id, [AttendeeDetails("Samira Khan"), AttendeeDetails("Sam Patel")])
    panel.refresh()
    assert not panel.matches.isVisible()
    type_name(qtbot, panel, "sam")
    assert panel.matches.isVisible()
    type_name(qtbot, panel, "zebedee")
    assert not panel.matches.isVisible()


def test_space_ticks_and_escape_from_a_tick_clears_the_form(qtbot, panel, store, run_id):
    type_name(qtbot, panel, "Sam Patel")
    qtbot.keyClick(panel.name_edit, Qt.Key.Key_Tab)
    qtbot.keyClick(panel.ready_boxes[0], Qt.Key.Key_Space)
    assert panel.ready_boxes[0].isChecked()
    with qtbot.waitSignal(panel.done_typing, timeout=2000):
        qtbot.keyClick(panel.ready_boxes[0], Qt.Key.Key_Escape)
    assert (panel.name_edit.text(), panel.ready_boxes[0].isChecked()) == ("", False)
    assert names(store, run_id) == []


def test_enter_ends_the_typing_only_when_someone_is_checked_in(qtbot, panel, store, run_id):
    ended = []
    panel.done_typing.connect(lambda: ended.append(True))
    qtbot.keyClick(panel.name_edit, Qt.Key.Key_Return)  # no name yet: still typing
    assert (ended, panel.status.text()) == ([], "Type a name first.")
    type_name(qtbot, panel, "Sam Patel")
    press_enter(qtbot, panel)
    assert ended == [True]
