"""Saving the run state and carrying on: after a crash, a restart of the app or of the computer."""

from __future__ import annotations

import json
from datetime import datetime

import pytest

from presenter.timing import RunClock, RunState, SnapshotError
from tests.timing.helpers import three_items, twitter_hour


def restored(clock, session, snapshot) -> RunClock:
    saved = json.loads(json.dumps(snapshot, allow_nan=False))  # as it would be on disk
    return RunClock.restore(session, saved, monotonic=clock.monotonic, wall=clock.wall)


def mid_item(clock, session):
    run = RunClock(session, monotonic=clock.monotonic, wall=clock.wall)
    clock.advance(300)
    run.start()
    clock.advance(5 * 60)
    run.next()
    clock.advance(100)
    return run


def test_restored_mid_item_after_90_seconds_shows_the_item_90_seconds_on(clock):
    session = twitter_hour()
    run = mid_item(clock, session)
    before = run.view()
    snapshot = run.snapshot()
    clock.advance(90)
    again = restored(clock, session, snapshot).view()
    assert again.state is RunState.RUNNING
    assert again.current_index == 1
    assert again.item_elapsed == before.item_elapsed + 90 == 190
    assert again.session_elapsed == before.session_elapsed + 90
    assert again == run.view()  # exactly where the original run is now


def test_restored_after_the_computer_restarted_continues_by_the_wall_clock(clock):
    session = twitter_hour()
    snapshot = mid_item(clock, session).snapshot()
    clock.reboot(90)  # the monotonic clock began again
    again = restored(clock, session, snapshot)
    view = again.view()
    assert view.item_elapsed == 190
    assert view.session_elapsed == 490
    clock.advance(30)
    assert again.view().item_elapsed == 220
    assert again.timings()[1].started_at == datetime(2026, 11, 25, 12, 5)


def test_a_wall_clock_set_back_across_a_restart_loses_no_recorded_time(clock):
    session = twitter_hour()
    snapshot = mid_item(clock, session).snapshot()
    clock.reboot(-600)  # restarted, and the wall clock now reads ten minutes earlier
    view = restored(clock, session, snapshot).view()
    assert view.item_elapsed == 100  # carries on from the snapshot, never backwards
    assert view.actual_seconds[0] == 300


def test_a_wall_clock_jump_before_restoring_in_the_same_boot_is_ignored(clock):
    session = twitter_hour()
    snapshot = mid_item(clock, session).snapshot()
    clock.advance(90)
    clock.jump_wall(3600)
    view = restored(clock, session, snapshot).view()
    assert view.item_elapsed == 190  # by the monotonic clock
    assert view.now == datetime(2026, 11, 25, 13, 8, 10)


def test_a_paused_run_restores_paused_and_the_time_away_counts_as_pause(clock):
    session = twitter_hour()
    run = mid_item(clock, session)
    run.pause()
    run.next()
    snapshot = run.snapshot()
    clock.reboot(120)
    again = restored(clock, session, snapshot)
    view = again.view()
    assert view.state is RunState.PAUSED
    assert view.current_index == 2
    assert view.paused_total == 120
    assert view.actual_seconds[:3] == (300, 100, 0)
    again.resume()
    clock.advance(10)
    assert again.view().item_elapsed == 10


def test_everything_a_run_holds_survives_the_round_trip(clock):
    session = three_items()
    run = RunClock(session, monotonic=clock.monotonic, wall=clock.wall)
    run.auto_rebalance = True
    clock.advance(300)
    run.start()
    clock.advance(400)
    run.next()
    run.lengthen(2)
    clock.advance(30)
    run.reset_item()
    clock.advance(20)
    run.pause()
    clock.advance(5)
    again = restored(clock, session, run.snapshot())
    assert again.view() == run.view()
    assert again.timings() == run.timings()
    assert again.auto_rebalance
    run.finish()
    clock.advance(50)
    finished = restored(clock, session, run.snapshot())
    assert finished.view() == run.view()
    assert finished.state is RunState.FINISHED


def test_before_the_start_the_countdown_continues(clock):
    session = three_items()
    run = RunClock(session, monotonic=clock.monotonic, wall=clock.wall)
    snapshot = run.snapshot()
    clock.reboot(120)
    view = restored(clock, session, snapshot).view()
    assert view.state is RunState.BEFORE_START
    assert view.until_start == 180


def test_a_snapshot_of_another_session_is_refused(clock):
    snapshot = mid_item(clock, twitter_hour()).snapshot()
    with pytest.raises(SnapshotError, match="9 items but Short session has 3"):
        restored(clock, three_items(), snapshot)


def test_a_damaged_snapshot_is_refused_with_a_reason(clock):
    snapshot = mid_item(clock, twitter_hour()).snapshot()
    del snapshot["segments"]
    with pytest.raises(SnapshotError, match="damaged"):
        restored(clock, twitter_hour(), snapshot)
    with pytest.raises(SnapshotError, match="version"):
        restored(clock, twitter_hour(), {"version": 99})
