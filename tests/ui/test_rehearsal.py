"""Rehearsing at 09:06: pace from the moment it starts, kept as a rehearsal, never as a run."""

from __future__ import annotations

from datetime import datetime

import pytest

from presenter import cli
from presenter.attendance.clock_log import clock_saves
from presenter.attendance.rehearsals import rehearsals
from presenter.attendance.store import open_store
from presenter.timing import RunState
from presenter.ui.app import build_parser
from presenter.ui.run.rehearsal_view import RehearsalWrapUp
from presenter.ui.run.resume import attach_recorder
from presenter.ui.shared.dialogs import ConfirmDialog, ProblemsDialog
from tests.conftest import FakeClock

NINE_OH_SIX = datetime(2026, 11, 25, 9, 6, 0)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(NINE_OH_SIX)


@pytest.fixture
def recorded(make_windows, session, clock):
    def make(**options):
        windows = make_windows(session, **options)
        return windows, attach_recorder(windows, monotonic=clock.monotonic)

    return make


def cli_output(capsys, *argv: str) -> str:
    capsys.readouterr()
    assert cli.main(list(argv)) == 0
    return capsys.readouterr().out


def rehearse_first_two_items(windows, clock, session, late_seconds: float = 0) -> None:
    windows.registry.trigger("rehearse")
    clock.advance(session.items[0].minutes * 60 + late_seconds)
    windows.registry.trigger("next")
    windows.controller.refresh()


def test_a_rehearsal_from_the_run_menu_at_nine_shows_sensible_pace(recorded, clock, session):
    windows, _recorder = recorded(check_in=True)
    rehearse_first_two_items(windows, clock, session)
    slot = windows.presenter.slot_clock
    assert windows.controller.state is RunState.RUNNING
    assert slot.pace.text() == "on plan"
    assert slot.slot_left.text() == f"{60 - session.items[0].minutes}:00"
    assert slot.finish.text() == "10:06"
    assert "Rehearsal" in windows.presenter.windowTitle()
    assert windows.presenter.countdown.heading.text().startswith("Rehearsal · Now · 2 of")
    model = windows.presenter.agenda_model
    assert model.index(0, 1).data() == "09:06"  # the agenda's times start with the rehearsal


def test_rehearsal_menu_entry_is_in_the_run_menu(windows):
    run_menu = windows.presenter.menuBar().actions()[0].menu()
    assert windows.registry.action("rehearse") in run_menu.actions()
    assert windows.registry.action("rehearse").shortcut().toString() == "Ctrl+Shift+R"


def test_check_in_is_off_during_a_rehearsal_and_back_after(
    recorded, clock, session, dialogs, qtbot
):
    windows, _recorder = recorded(check_in=True)
    panel = windows.presenter.check_in_panel
    windows.registry.trigger("rehearse")
    assert panel.isHidden()
    assert not windows.registry.action("check_in").isEnabled()
    dialogs.answer(ConfirmDialog, True)
    windows.registry.trigger("finish")
    qtbot.waitUntil(lambda: not windows.controller.rehearsal)
    assert not panel.isHidden()
    assert windows.registry.action("check_in").isEnabled()
    assert "Rehearsal" not in windows.presenter.windowTitle()


def test_a_rehearsal_is_not_a_run(recorded, clock, session, dialogs, qtbot, tmp_path, capsys):
    data = str(tmp_path / "data")
    windows, recorder = recorded(check_in=True)
    store = windows.attendance_store
    runs_before = cli_output(capsys, "runs", "list", "--data-dir", data)
    history_before = cli_output(capsys, "history", "twitter-hour", "--data-dir", data)
    rehearse_first_two_items(windows, clock, session, late_seconds=150)
    clock.advance(60)
    dialogs.answer(ConfirmDialog, True)
    windows.registry.trigger("finish")
    qtbot.waitUntil(lambda: windows.controller.state is RunState.BEFORE_START)
    assert not windows.controller.rehearsal  # ready for the real run
    assert cli_output(capsys, "runs", "list", "--data-dir", data) == runs_before
    assert clock_saves(store, recorder.run_id) == []
    assert store.attendees(recorder.run_id) == []
    history = cli_output(capsys, "history", "twitter-hour", "--data-dir", data)
    assert history == history_before
    assert "overrun" in history and "min" not in history.split("overrun")[-1]
    # ... but it is kept as a rehearsal, each item beside its plan.
    (record,) = rehearsals(store)
    assert record.finished
    assert record.started_at == NINE_OH_SIX
    assert [round(i.took_seconds) for i in record.items[:2]] == [
        session.items[0].minutes * 60 + 150,
        60,
    ]
    listing = cli_output(capsys, "rehearsals", "--data-dir", data)
    assert "Rehearsal 1 of Twitter hour, 09:06 on 2026-11-25" in listing
    assert f"{session.items[0].title}" in listing and "2 min 30 s over" in listing
    assert "not reached" in listing


def test_the_wrap_up_after_a_rehearsal_lists_item_planned_took(
    recorded, clock, session, dialogs, qtbot
):
    windows, _recorder = recorded()
    rehearse_first_two_items(windows, clock, session, late_seconds=-60)
    dialogs.answer(ConfirmDialog, True)
    windows.registry.trigger("finish")
    qtbot.waitUntil(lambda: getattr(windows, "rehearsal_wrap_up", None) is not None)
    view: RehearsalWrapUp = windows.rehearsal_wrap_up
    first = session.items[0]
    assert view.cell_text(0, 0) == first.title
    assert view.cell_text(0, 1) == f"{first.minutes} min"
    assert view.cell_text(0, 2) == f"{first.minutes - 1} min"
    assert view.cell_text(0, 3) == "1 min under"
    assert "took" in view.heading.text()
    view.close()


def test_started_with_rehearse_no_run_is_made_until_the_rehearsal_is_over(
    recorded, clock, session, tmp_path, capsys
):
    windows, _recorder = recorded(check_in=True, rehearse=True)
    assert windows.presenter.check_in_panel is None
    assert windows.controller.rehearsal
    assert windows.presenter.countdown.heading.text().startswith("Rehearsal")
    assert windows.audience.arrival.starts.text() == "Starting shortly"
    clock.advance(300)  # the slot waits for the rehearsal to start
    windows.registry.trigger("next")
    clock.advance(session.items[0].minutes * 60)
    windows.registry.trigger("next")
    assert windows.presenter.slot_clock.pace.text() == "on plan"
    data = str(tmp_path / "data")
    assert cli_output(capsys, "runs", "list", "--data-dir", data).strip() == "no runs"
    with open_store(tmp_path / "data", hold_window_lock=False) as store:
        assert len(rehearsals(store)) == 1


def test_the_command_line_takes_rehearse():
    assert build_parser().parse_args(["session.md", "--rehearse"]).rehearse
    assert not build_parser().parse_args([]).rehearse


def test_no_rehearsal_during_the_session(recorded, clock, dialogs):
    windows, _recorder = recorded()
    windows.registry.trigger("next")
    told = []
    dialogs.answer_with(ProblemsDialog, lambda p, title, lines: told.append(title))
    windows.registry.trigger("rehearse")
    assert told == ["The session is running"]
    assert not windows.controller.rehearsal
    assert windows.controller.state is RunState.RUNNING
