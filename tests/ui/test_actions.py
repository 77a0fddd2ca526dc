"""One registry owns every action: no key does two things, every action is findable."""

from __future__ import annotations

from PySide6.QtCore import Qt

from presenter.timing import RunState
from presenter.ui.editor.editor_window import EDITOR_ACTION_SPECS
from presenter.ui.shared.actions import ACTION_SPECS, ActionRegistry


def test_no_key_is_bound_twice(qapp):
    assert ActionRegistry().bound_twice() == {}
    assert ActionRegistry(specs=EDITOR_ACTION_SPECS).bound_twice() == {}


def test_a_key_bound_twice_is_caught(qapp):
    from presenter.ui.shared.actions import ActionSpec

    clash = (*ACTION_SPECS, ActionSpec("other", "Other", ("B",)))
    assert ActionRegistry(specs=clash).bound_twice() == {"B": 2}


def test_clicker_keys_move_through_the_agenda(windows, qtbot, session):
    window = windows.presenter
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_PageDown)
    assert windows.controller.state is RunState.RUNNING
    for key in (Qt.Key.Key_Right, Qt.Key.Key_Space):
        qtbot.keyClick(window, key)
    assert windows.controller.clock.current_index == 2
    qtbot.keyClick(window, Qt.Key.Key_PageUp)
    qtbot.keyClick(window, Qt.Key.Key_Left)
    assert windows.controller.clock.current_index == 0


def test_keys_work_on_the_audience_window_too(windows, qtbot):
    audience = windows.audience
    audience.activateWindow()
    qtbot.waitUntil(audience.isActiveWindow)
    qtbot.keyClick(audience, Qt.Key.Key_Right)
    assert windows.controller.state is RunState.RUNNING


def test_escape_never_ends_the_run(windows, qtbot):
    window = windows.presenter
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_Right)
    for _ in range(3):
        qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert windows.controller.state is RunState.RUNNING
    assert window.isVisible()


def test_pause_and_lengthen_from_the_keyboard(windows, qtbot, session):
    window = windows.presenter
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_Right)
    qtbot.keyClick(window, Qt.Key.Key_P)
    assert windows.controller.state is RunState.PAUSED
    qtbot.keyClick(window, Qt.Key.Key_P)
    assert windows.controller.state is RunState.RUNNING
    qtbot.keyClick(window, Qt.Key.Key_Plus)
    assert windows.controller.view().planned_minutes[0] == session.items[0].minutes + 1
    qtbot.keyClick(window, Qt.Key.Key_Minus)
    assert windows.controller.view().planned_minutes[0] == session.items[0].minutes


def test_every_run_action_is_in_a_menu(windows):
    in_menus = {
        action.objectName()
        for menu_action in windows.presenter.menuBar().actions()
        for action in menu_action.menu().actions()
    }
    assert {spec.name for spec in ACTION_SPECS} <= in_menus


def test_full_screen_toggles_and_escape_leaves_it(windows):
    windows.registry.trigger("full_screen")
    assert windows.presenter.isFullScreen()
    windows.registry.trigger("leave_full_screen")
    assert not windows.presenter.isFullScreen()


def test_next_on_the_last_item_offers_to_end(windows, session, dialogs):
    from presenter.ui.shared.dialogs import ConfirmDialog

    asked = []
    dialogs.answer_with(ConfirmDialog, lambda p, title, *a: asked.append(title) or False)
    windows.registry.trigger("next")
    windows.controller.jump(len(session.items) - 1)
    windows.registry.trigger("next")
    assert asked == ["End the session"]
    assert windows.controller.state is RunState.RUNNING


def test_question_mark_and_f1_open_the_key_list(windows, qtbot):
    window = windows.presenter
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert window.help.isVisible()
    qtbot.keyClick(window.help, Qt.Key.Key_A)  # any other key closes it
    assert not window.help.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_Question, Qt.KeyboardModifier.ShiftModifier)
    assert window.help.isVisible()


def test_restart_the_current_item(windows, clock, session):
    windows.registry.trigger("next")
    clock.advance(100)
    windows.registry.trigger("lengthen")
    windows.registry.trigger("reset_item")
    assert windows.presenter.countdown.countdown.text() == f"{session.items[0].minutes}:00"


def test_open_a_session_before_the_start(windows, tmp_path, dialogs, session):
    import dataclasses

    from presenter.agenda.writer import save_session

    other = dataclasses.replace(session, title="Twitter hour on Ward 7")
    path = tmp_path / "ward7.md"
    save_session(other, path)
    dialogs.open_path = path
    windows.registry.trigger("open_session")
    assert windows.presenter.countdown.title.text() == "Twitter hour on Ward 7"
    assert windows.audience.arrival.title.text() == "Twitter hour on Ward 7"


def test_quit_during_the_session_asks_first(windows, dialogs):
    from presenter.ui.shared.dialogs import ConfirmDialog

    answers = []
    dialogs.answer_with(ConfirmDialog, lambda p, title, *a: answers.append(title) or False)
    windows.registry.trigger("next")
    windows.registry.trigger("quit")
    assert answers == ["Quit during the session"]
    assert windows.presenter.isVisible()
    assert windows.controller.state is RunState.RUNNING


def test_quit_before_the_start_closes_both_windows(windows):
    windows.registry.trigger("quit")
    assert not windows.presenter.isVisible()
    assert not windows.audience.isVisible()


def test_export_action_writes_the_deck_in_the_background(windows, qtbot, tmp_path, dialogs):

    target = tmp_path / "twitter-hour.pptx"
    dialogs.save_path = target
    windows.registry.trigger("export_deck")
    qtbot.waitUntil(lambda: "Exported" in windows.presenter.statusBar().currentMessage())
    assert target.stat().st_size > 0


def test_the_key_list_explains_typing_a_name(qapp):
    from presenter.ui.run.help_overlay import help_html

    rows = ActionRegistry().help_rows()
    texts = [text for group, text, keys in rows if group == "Attendance"]
    at = texts.index("Check in someone")
    assert texts[at + 1] == "Type a name: letters go to the name, not the run"
    assert (
        "Attendance",
        "While typing: check in, keys back to the run",
        "Enter",
    ) in rows
    assert "even while a name is being typed" in help_html(ActionRegistry())
