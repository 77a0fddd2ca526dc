"""A rehearsal is timed from now: at 09:06 its pace and forecast are those of a run begun on time."""

from __future__ import annotations

from datetime import datetime, timedelta

from presenter.timing import RunClock, RunState, format_ahead_behind
from tests.conftest import FakeClock
from tests.timing.helpers import twitter_hour

NINE_OH_SIX = datetime(2026, 11, 25, 9, 6, 0)


def rehearsal(clock: FakeClock, **options) -> RunClock:
    return RunClock(twitter_hour(), monotonic=clock.monotonic, wall=clock.wall, **options)


def test_a_rehearsal_at_nine_is_on_plan_not_hours_ahead():
    clock = FakeClock(NINE_OH_SIX)
    run = rehearsal(clock, rehearsal=True)
    clock.advance(45)  # getting the slides up before pressing Right
    run.start()
    first = run.session.items[0].minutes
    clock.advance(first * 60)
    run.next()
    view = run.view()
    assert view.slot_start == NINE_OH_SIX + timedelta(seconds=45)
    assert view.slot_end == view.slot_start + timedelta(minutes=60)
    assert format_ahead_behind(view.ahead_behind) == "on plan"
    assert view.slot_remaining == (60 - first) * 60
    assert view.forecast_finish == view.slot_start + timedelta(minutes=60)
    assert run.rebalance_proposal() is None


def test_a_rehearsal_that_runs_long_is_behind_by_what_it_overran():
    clock = FakeClock(NINE_OH_SIX)
    run = rehearsal(clock, rehearsal=True)
    run.start()
    clock.advance((run.session.items[0].minutes + 3) * 60)
    run.next()
    assert format_ahead_behind(run.view().ahead_behind) == "3 min behind"
    proposal = run.rebalance_proposal()
    assert proposal is not None
    assert proposal.ends_at == run.view().slot_end  # the rest shrinks to end the hour on time
    assert sum(proposal.minutes) < sum(proposal.previous)


def test_before_it_begins_a_rehearsal_waits_for_no_slot_time():
    clock = FakeClock(NINE_OH_SIX)
    run = rehearsal(clock, rehearsal=True)
    clock.advance(600)
    view = run.view()
    assert view.state is RunState.BEFORE_START
    assert view.until_start == 0
    assert view.slot_start == clock.wall()


def test_the_same_session_as_a_run_at_nine_is_hours_ahead():
    """What a rehearsal avoids: a run keeps the session's noon slot."""
    clock = FakeClock(NINE_OH_SIX)
    run = rehearsal(clock)
    run.start()
    clock.advance(60)
    assert run.view().slot_start.hour == 12
    assert run.view().ahead_behind > 2 * 3600


def test_a_rehearsal_restored_from_its_snapshot_keeps_its_own_slot():
    clock = FakeClock(NINE_OH_SIX)
    run = rehearsal(clock, rehearsal=True)
    run.start()
    clock.advance(120)
    restored = RunClock.restore(
        run.session, run.snapshot(), monotonic=clock.monotonic, wall=clock.wall
    )
    assert restored.rehearsal
    assert restored.view().slot_start == NINE_OH_SIX
    assert restored.view().item_elapsed == 120


def test_a_waiting_rehearsal_reads_its_figures_from_one_moment():
    """A wall clock that moves between two readings (as a real one does) must not leave the slot
    a microsecond short: the display's ticker would then fire every millisecond."""
    clock = FakeClock(NINE_OH_SIX)

    def wall() -> datetime:
        clock.jump_wall(0.000_001)
        return clock.wall()

    run = RunClock(twitter_hour(), monotonic=clock.monotonic, wall=wall, rehearsal=True)
    view = run.view()
    assert view.slot_start == view.now
    assert view.slot_remaining == 3600
    assert view.forecast_finish == view.now + timedelta(minutes=60)
