"""Every run-clock action is saved at once; a run cut short is offered back and resumed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from presenter.attendance.clock_log import ResumeOffer, clock_saves, last_clock_save, save_clock
from presenter.attendance.model import AttendeeDetails
from presenter.timing import RunState
from presenter.ui.run.resume import ResumeDialog, attach_recorder
from presenter.ui.shared.dialogs import ConfirmDialog


@pytest.fixture
def recorded(make_windows, session, clock):
    """Windows with the check-in panel, their run recorded as the app records it."""

    def make():
        windows = make_windows(session, check_in=True)
        return windows, attach_recorder(windows, monotonic=clock.monotonic)

    return make


def test_each_action_is_saved_once_and_a_repaint_saves_nothing(recorded, clock):
    windows, recorder = recorded()
    windows.controller.refresh()
    assert recorder.run_id is not None and clock_saves(windows.attendance_store, 1) == []
    windows.registry.trigger("next")  # starts the session
    clock.advance(61)
    windows.controller.refresh()  # the once-a-second repaint
    windows.registry.trigger("next")
    windows.registry.trigger("toggle_pause")
    windows.registry.trigger("lengthen")
    saves = clock_saves(windows.attendance_store, recorder.run_id)
    assert [s.action for s in saves] == ["start", "next", "pause", "lengthen"]
    assert saves[-1].snapshot["current_index"] == 1


def test_people_checked_in_before_the_start_belong_to_the_run_that_starts(recorded):
    windows, recorder = recorded()
    panel = windows.presenter.check_in_panel
    before = recorder.run_id
    windows.attendance_store.check_in(panel.run_id, AttendeeDetails("Early Bird"))
    windows.registry.trigger("next")
    assert recorder.run_id == before == panel.run_id


def _kill_and_reopen(recorded, clock, answer: bool, dialogs):
    """Start, move two items on, check three people in; then a second app on the same data."""
    first, recorder = recorded()
    store = first.attendance_store
    first.registry.trigger("next")
    clock.advance(5 * 60)
    first.registry.trigger("next")
    clock.advance(8 * 60)
    first.registry.trigger("next")
    for name in ("Sam Patel", "Ana Costa", "Jo Bloggs"):
        store.check_in(recorder.run_id, AttendeeDetails(name))
    clock.advance(90)  # killed here: nothing more is saved
    asked: list[ResumeOffer] = []
    dialogs.answer_with(ResumeDialog, lambda parent, offer: asked.append(offer) or answer)
    second, again = recorded()
    return second, again, asked, recorder.run_id


def test_after_a_kill_the_run_resumes_on_the_same_item_with_its_times_and_people(
    recorded, clock, dialogs
):
    windows, recorder, asked, run_id = _kill_and_reopen(recorded, clock, True, dialogs)
    assert recorder.offer_resume(windows.presenter)
    assert asked[0].text() == "Twitter hour, Library, started 11:55"
    view = windows.controller.view()
    assert view.state is RunState.RUNNING
    assert view.current_index == 2
    assert view.actual_seconds[:3] == pytest.approx((300, 480, 90))
    panel = windows.presenter.check_in_panel
    assert panel.run_id == recorder.run_id == run_id
    assert panel.checked_in_count() == 3
    assert last_clock_save(windows.attendance_store, run_id).action == "resume after restart"
    windows.registry.trigger("next")
    assert last_clock_save(windows.attendance_store, run_id).action == "next"


def test_starting_afresh_leaves_the_clock_before_the_start(recorded, clock, dialogs):
    windows, recorder, asked, _run_id = _kill_and_reopen(recorded, clock, False, dialogs)
    assert not recorder.offer_resume(windows.presenter)
    assert asked and windows.controller.state is RunState.BEFORE_START


def test_the_resume_dialog_asks_and_returns_the_answer(qtbot, recorded, clock, dialogs):
    dialogs.open_for_real(ResumeDialog)  # clicked below, as the facilitator would
    windows, recorder = recorded()
    windows.registry.trigger("next")
    offer = recorder.offer()

    def click_resume() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        assert box.text() == "Resume Twitter hour, Library, started 11:55?"
        next(b for b in box.buttons() if b.text() == "Resume").click()

    QTimer.singleShot(0, click_resume)
    assert ResumeDialog.ask(windows.presenter, offer) is True


def test_ending_the_session_saves_it_and_opens_the_wrap_up(recorded, clock, dialogs):
    dialogs.answer(ConfirmDialog, True)
    windows, recorder = recorded()
    windows.registry.trigger("next")
    clock.advance(5 * 60)
    windows.registry.trigger("finish")
    assert last_clock_save(windows.attendance_store, recorder.run_id).state == "finished"
    assert recorder.wrap_up is not None and recorder.wrap_up.isVisible()
    assert recorder.wrap_up.chart.bars[0].actual == pytest.approx(5)
    assert recorder.offer() is None
    recorder.wrap_up.close()


def test_a_damaged_save_is_not_resumed_and_the_window_says_why(recorded, clock, dialogs):
    windows, recorder = recorded()
    windows.registry.trigger("next")
    damaged = {**windows.controller.clock.snapshot(), "version": 99}
    save_clock(windows.attendance_store, recorder.run_id, "next", damaged, clock.wall())
    dialogs.answer(ResumeDialog, True)
    second, again = recorded()
    assert not again.offer_resume(second.presenter)
    assert second.controller.state is RunState.BEFORE_START
    assert "could not be resumed" in second.presenter.statusBar().currentMessage()


def test_the_attendance_menu_opens_the_wrap_up_and_the_history(recorded, clock):
    windows, recorder = recorded()
    menu_texts = [
        action.text()
        for menu in windows.presenter.menuBar().actions()
        if menu.text() == "&Attendance"
        for action in menu.menu().actions()
    ]
    assert "&Wrap-up of this run…" in menu_texts and "Session &history…" in menu_texts
    windows.registry.trigger("next")
    clock.advance(5 * 60)
    windows.registry.trigger("next")
    windows.registry.trigger("wrap_up")
    assert recorder.wrap_up.isVisible()
    assert recorder.wrap_up.report.times_text() == "started 11:55, not finished"
    recorder.wrap_up.close()
    windows.registry.trigger("session_history")
    assert recorder.history.isVisible()
    assert recorder.history.summary.text().startswith("Twitter hour: 1 run, 0.0 people")
    recorder.history.close()


def test_a_save_that_fails_is_reported_and_tried_again(recorded, clock, monkeypatch):
    from presenter.attendance.store import AttendanceError
    from presenter.ui.run import resume

    windows, recorder = recorded()
    real = resume.save_clock

    def busy(*args):
        raise AttendanceError("the attendance file could not be written (database is locked)")

    monkeypatch.setattr(resume, "save_clock", busy)
    windows.registry.trigger("next")
    assert "not saved yet" in windows.presenter.statusBar().currentMessage()
    monkeypatch.setattr(resume, "save_clock", real)
    clock.advance(1)
    windows.controller.refresh()  # the next second's repaint
    assert [s.action for s in clock_saves(windows.attendance_store, recorder.run_id)] == ["start"]
