"""The focus model (presenter/ui/shared/focus.py): the run keys work whatever was clicked, and typing
a name is a mode that Enter and Esc end. Keys go to the widget that has the focus, as they do
from a keyboard or a clicker."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from presenter.timing import RunState
from presenter.ui.run.rebalance_dialog import RebalanceDialog
from presenter.ui.shared.dialogs import ConfirmDialog, JumpDialog

Key = Qt.Key
NO = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def run(make_windows, session, qtbot, dialogs):
    """Both windows with the check-in panel, the presenter window in front."""
    dialogs.answer(ConfirmDialog, False)
    dialogs.answer(JumpDialog, (0, False))
    dialogs.answer(RebalanceDialog, False)
    windows = make_windows(session, check_in=True)
    windows.presenter.activateWindow()
    qtbot.waitUntil(windows.presenter.isActiveWindow)
    return windows


def press(qtbot, key, modifier=NO):
    """A key press as the keyboard sends it: to the widget with the focus."""
    target = QApplication.focusWidget() or QApplication.activeWindow()
    qtbot.keyClick(target, key, modifier)


def type_text(qtbot, text):
    for char in text:
        qtbot.keyClicks(QApplication.focusWidget(), char)


def click(qtbot, widget, pos=None):
    window = widget.window()
    if not window.isActiveWindow():
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, NO, pos or widget.rect().center())


def typing(windows):
    """Whether the keys are with a check-in control (the typing mode)."""
    panel = windows.presenter.check_in_panel
    focused = QApplication.focusWidget()
    return focused is not None and panel.isAncestorOf(focused)


def record_actions(windows):
    """The names of the actions the keys trigger, in order."""
    seen = []

    def recorder(name):
        return lambda *_: seen.append(name)

    for action in windows.registry.actions():
        action.triggered.connect(recorder(action.objectName()))
    return seen


AREAS = {
    "agenda": lambda w: w.presenter.agenda.viewport(),
    "notes": lambda w: w.presenter.notes.viewport(),
    "the room sees": lambda w: w.presenter.current_points,
    "next": lambda w: w.presenter.next_points,
    "countdown": lambda w: w.presenter.countdown,
    "check-in list": lambda w: w.presenter.check_in_panel.table.viewport(),
    "check-in count": lambda w: w.presenter.check_in_panel.summary,
    "audience window": lambda w: w.audience,
}

# Each run key, what it triggers, pressed twice where it toggles so the run ends as it began.
RUN_KEYS = (
    (Key.Key_Right, NO, "next"),
    (Key.Key_Right, NO, "next"),
    (Key.Key_Left, NO, "previous"),
    (Key.Key_PageDown, NO, "next"),
    (Key.Key_PageUp, NO, "previous"),
    (Key.Key_Space, NO, "next"),
    (Key.Key_P, NO, "toggle_pause"),
    (Key.Key_P, NO, "toggle_pause"),
    (Key.Key_Plus, NO, "lengthen"),
    (Key.Key_Minus, NO, "shorten"),
    (Key.Key_R, NO, "rebalance"),
    (Key.Key_J, NO, "jump"),
    (Key.Key_B, NO, "blackout"),
    (Key.Key_B, NO, "blackout"),
    (Key.Key_Period, NO, "blackout"),
    (Key.Key_Period, NO, "blackout"),
    (Key.Key_W, NO, "whiteout"),
    (Key.Key_W, NO, "whiteout"),
    (Key.Key_C, NO, "audience_countdown"),
    (Key.Key_C, NO, "audience_countdown"),
    (Key.Key_S, NO, "swap_screens"),
    (Key.Key_S, NO, "swap_screens"),
    (Key.Key_F, NO, "full_screen"),
    (Key.Key_F, NO, "full_screen"),
    (Key.Key_F1, NO, "help"),
    (Key.Key_F1, NO, "help"),
    (Key.Key_Question, SHIFT, "help"),
    (Key.Key_Question, SHIFT, "help"),
    (Key.Key_Escape, NO, "leave_full_screen"),
)


@pytest.mark.parametrize("area", AREAS)
def test_a_click_anywhere_leaves_every_run_key_working(run, qtbot, session, area):
    click(qtbot, AREAS[area](run))
    seen = record_actions(run)
    for key, modifier, _ in RUN_KEYS:
        press(qtbot, key, modifier)
    assert seen == [name for _, _, name in RUN_KEYS]
    assert not typing(run)
    assert run.controller.state is RunState.RUNNING
    assert run.controller.clock.current_index == 1
    assert run.audience.blank == ""
    assert not run.presenter.help.isVisible()
    assert run.presenter.check_in_panel.name_edit.text() == ""
    press(qtbot, Key.Key_P)
    assert run.controller.state is RunState.PAUSED


def test_the_window_starts_with_the_keys_for_the_run(run, qtbot):
    assert not typing(run)
    press(qtbot, Key.Key_Right)
    assert run.controller.state is RunState.RUNNING


def test_keyboard_only_walk_in_with_a_readiness_tick(run, qtbot, session):
    """The facilitator's walk-in at the door, then on with the session."""
    click(qtbot, run.presenter.agenda.viewport())
    press(qtbot, Key.Key_Right)
    assert run.controller.state is RunState.RUNNING
    press(qtbot, Key.Key_I, CTRL)
    panel = run.presenter.check_in_panel
    assert QApplication.focusWidget() is panel.name_edit
    type_text(qtbot, "Sam Patel")
    press(qtbot, Key.Key_Tab)
    assert QApplication.focusWidget() is panel.ready_boxes[0]
    press(qtbot, Key.Key_Space)
    assert panel.ready_boxes[0].isChecked()
    with qtbot.waitSignal(panel.changed, timeout=2000):
        press(qtbot, Key.Key_Return)
    people = run.attendance_store.attendees(panel.run_id, checked_in_only=True)
    assert [(p.name, p.ready) for p in people] == [("Sam Patel", {session.readiness[0]})]
    assert run.controller.clock.current_index == 0  # Space and Enter did not move the session
    assert not typing(run)  # Enter gave the keys back
    press(qtbot, Key.Key_Escape)
    press(qtbot, Key.Key_Right)
    press(qtbot, Key.Key_P)
    assert run.controller.clock.current_index == 1
    assert run.controller.state is RunState.PAUSED


def test_letters_and_arrows_go_to_the_name_while_typing(run, qtbot):
    press(qtbot, Key.Key_I, CTRL)
    type_text(qtbot, "Bob P. Wright-Cross")
    press(qtbot, Key.Key_Left)
    press(qtbot, Key.Key_Right)
    panel = run.presenter.check_in_panel
    assert panel.name_edit.text() == "Bob P. Wright-Cross"
    assert run.controller.state is RunState.BEFORE_START
    assert run.audience.blank == ""


def test_escape_clears_the_name_and_gives_the_keys_back(run, qtbot):
    panel = run.presenter.check_in_panel
    press(qtbot, Key.Key_I, CTRL)
    type_text(qtbot, "Sam")
    press(qtbot, Key.Key_Escape)
    assert panel.name_edit.text() == ""
    assert not typing(run)
    press(qtbot, Key.Key_Right)
    assert run.controller.state is RunState.RUNNING
    assert run.attendance_store.attendees(panel.run_id) == []


def test_escape_from_a_tick_leaves_typing_too(run, qtbot):
    panel = run.presenter.check_in_panel
    press(qtbot, Key.Key_I, CTRL)
    type_text(qtbot, "Sam")
    press(qtbot, Key.Key_Tab)
    press(qtbot, Key.Key_Space)
    press(qtbot, Key.Key_Escape)
    assert (panel.name_edit.text(), panel.ready_boxes[0].isChecked()) == ("", False)
    assert not typing(run)
    press(qtbot, Key.Key_Right)
    assert run.controller.state is RunState.RUNNING


def test_page_down_moves_the_session_while_typing(run, qtbot):
    panel = run.presenter.check_in_panel
    press(qtbot, Key.Key_I, CTRL)
    type_text(qtbot, "Sa")
    press(qtbot, Key.Key_PageDown)
    press(qtbot, Key.Key_PageDown)
    assert run.controller.clock.current_index == 1
    press(qtbot, Key.Key_PageUp)
    assert run.controller.clock.current_index == 0
    assert QApplication.focusWidget() is panel.name_edit  # still typing
    type_text(qtbot, "m")
    assert panel.name_edit.text() == "Sam"


def test_page_down_from_a_tick_moves_the_session(run, qtbot):
    panel = run.presenter.check_in_panel
    click(qtbot, panel.ready_boxes[1])
    assert QApplication.focusWidget() is panel.ready_boxes[1]
    press(qtbot, Key.Key_PageDown)
    assert run.controller.state is RunState.RUNNING


def test_a_click_in_the_name_box_starts_typing(run, qtbot):
    panel = run.presenter.check_in_panel
    click(qtbot, panel.name_edit)
    assert QApplication.focusWidget() is panel.name_edit
    type_text(qtbot, "Bea")
    assert panel.name_edit.text() == "Bea"
    assert run.audience.blank == ""


def test_space_on_a_clicked_tick_ticks_and_never_moves_the_slides(run, qtbot):
    panel = run.presenter.check_in_panel
    press(qtbot, Key.Key_Right)
    click(qtbot, panel.ready_boxes[0])  # the click ticks it
    press(qtbot, Key.Key_Space)  # and Space unticks it
    assert not panel.ready_boxes[0].isChecked()
    press(qtbot, Key.Key_Space)
    assert panel.ready_boxes[0].isChecked()
    assert run.controller.clock.current_index == 0


def test_a_click_on_a_match_keeps_the_name_typed(run, qtbot):
    from presenter.attendance.model import AttendeeDetails

    panel = run.presenter.check_in_panel
    run.attendance_store.add_to_roster(panel.run_id, [AttendeeDetails("Ana Costa")])
    press(qtbot, Key.Key_I, CTRL)
    type_text(qtbot, "Ana")
    click(qtbot, panel.matches.viewport(), QPoint(5, 5))
    assert QApplication.focusWidget() is panel.name_edit
    with qtbot.waitSignal(panel.changed, timeout=2000):
        press(qtbot, Key.Key_Return)
    people = run.attendance_store.attendees(panel.run_id, checked_in_only=True)
    assert [p.name for p in people] == ["Ana Costa"]
    assert not typing(run)


def test_the_key_list_gives_the_keys_back_where_they_were(run, qtbot):
    panel = run.presenter.check_in_panel
    press(qtbot, Key.Key_I, CTRL)
    type_text(qtbot, "Sa")
    press(qtbot, Key.Key_F1)
    assert run.presenter.help.isVisible()
    press(qtbot, Key.Key_Escape)
    assert not run.presenter.help.isVisible()
    type_text(qtbot, "m")
    assert panel.name_edit.text() == "Sam"
    press(qtbot, Key.Key_Return)
    press(qtbot, Key.Key_F1)
    press(qtbot, Key.Key_A)  # any key closes the list
    assert not typing(run)
    press(qtbot, Key.Key_Right)
    assert run.controller.state is RunState.RUNNING


def test_coming_back_to_the_window_does_not_start_typing(run, qtbot):
    panel = run.presenter.check_in_panel
    click(qtbot, panel.name_edit)
    click(qtbot, run.audience)  # then the audience window, then back with the keyboard
    run.presenter.activateWindow()
    qtbot.waitUntil(run.presenter.isActiveWindow)
    assert not typing(run)
    press(qtbot, Key.Key_Right)
    assert run.controller.state is RunState.RUNNING


def test_a_tick_added_to_the_panel_later_keeps_space_too(run, qtbot):
    from PySide6.QtWidgets import QCheckBox

    panel = run.presenter.check_in_panel
    extra = QCheckBox("Brought a laptop")
    panel.layout().addWidget(extra)
    extra.show()
    extra.setFocus()
    press(qtbot, Key.Key_Space)
    assert extra.isChecked()
    assert run.controller.state is RunState.BEFORE_START


def test_a_clicker_moves_the_session_even_from_a_control_that_wants_page_down(run, qtbot):
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QLineEdit

    class Greedy(QLineEdit):
        """A field that claims Page Down for itself, as a text area or a spin box may."""

        def event(self, event):
            if event.type() == QEvent.Type.ShortcutOverride:
                event.accept()
                return True
            return super().event(event)

    panel = run.presenter.check_in_panel
    field = Greedy()
    panel.layout().addWidget(field)
    field.show()
    run.focus.add_typing_area(panel)  # the panel gained a control
    field.setFocus()
    press(qtbot, Key.Key_PageDown)
    assert run.controller.state is RunState.RUNNING
    type_text(qtbot, "x")
    assert field.text() == "x"
    press(qtbot, Key.Key_Escape)  # and Escape still ends the typing
    assert not typing(run)


def test_the_other_details_are_made_when_opened_and_keep_the_clicker_keys(run, qtbot):
    from presenter.ui.attendance.details_form import DetailsForm

    panel = run.presenter.check_in_panel
    assert panel.findChildren(DetailsForm) == []  # the window comes up without the form
    click(qtbot, panel.name_edit)
    panel.more.setChecked(True)  # "More details"
    qtbot.waitUntil(lambda: panel.details.isVisible())
    panel.details.role_edit.setFocus()
    qtbot.waitUntil(panel.details.role_edit.hasFocus)
    type_text(qtbot, "Staff nurse")  # the space is the field's, not the run's
    assert panel.details.role_edit.text() == "Staff nurse"
    assert run.controller.state is RunState.BEFORE_START
    press(qtbot, Key.Key_PageDown)  # a clicker, from a field made after the window
    assert run.controller.state is RunState.RUNNING
    press(qtbot, Key.Key_Escape)  # and Escape ends the typing
    assert not typing(run)
