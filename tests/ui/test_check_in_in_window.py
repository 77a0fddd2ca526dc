"""The check-in panel sits in the presenter window; Ctrl+I goes to the name box."""

from __future__ import annotations

from PySide6.QtCore import Qt

from presenter.timing import RunState


def test_ctrl_i_puts_the_cursor_in_the_name_box(make_windows, session, qtbot):
    windows = make_windows(session, check_in=True)
    panel = windows.presenter.check_in_panel
    assert panel is not None
    window = windows.presenter
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert panel.name_edit.hasFocus()


def test_typing_a_name_does_not_trigger_run_keys(make_windows, session, qtbot):
    windows = make_windows(session, check_in=True)
    window = windows.presenter
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    windows.registry.trigger("check_in")
    qtbot.keyClicks(windows.presenter.check_in_panel.name_edit, "Bob Price W. Jones")
    assert windows.presenter.check_in_panel.name_edit.text() == "Bob Price W. Jones"
    assert windows.controller.state is RunState.BEFORE_START
    assert windows.audience.blank == ""


def test_arrival_screen_counts_people_checked_in(make_windows, session, qtbot):
    windows = make_windows(session, check_in=True)
    panel = windows.presenter.check_in_panel
    window = windows.presenter
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    windows.registry.trigger("check_in")
    qtbot.keyClicks(panel.name_edit, "Asha Patel")
    with qtbot.waitSignal(panel.changed):
        qtbot.keyClick(panel.name_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert windows.audience.arrival.arrived.text() == "1 checked in so far"


def test_reopening_on_the_same_day_carries_on_with_the_newest_run(
    make_windows, session, clock, tmp_path
):
    from presenter.attendance.store import open_store

    store = open_store(tmp_path / "data")
    today = clock.wall().date()
    store.create_run_from_session(session, on=today)
    newest = store.create_run_from_session(session, on=today)
    store.close()
    windows = make_windows(session, check_in=True)
    assert windows.presenter.check_in_panel.run_id == newest.id


def test_a_finished_run_is_not_reopened_for_check_in(make_windows, session, clock, tmp_path):
    from presenter.attendance.clock_log import save_clock
    from presenter.attendance.store import open_store
    from presenter.timing import RunClock

    store = open_store(tmp_path / "data")
    finished = store.create_run_from_session(session, on=clock.wall().date())
    run = RunClock(session, monotonic=clock.monotonic, wall=clock.wall)
    run.start()
    run.finish()
    save_clock(store, finished.id, "finish", run.snapshot(), clock.wall())
    store.close()
    windows = make_windows(session, check_in=True)
    assert windows.presenter.check_in_panel.run_id != finished.id
