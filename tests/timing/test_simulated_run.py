"""A whole Twitter hour in fake time: an item runs four minutes over, a three-minute pause."""

from __future__ import annotations

from datetime import datetime, timedelta
from itertools import pairwise

from presenter.timing import (
    RunClock,
    RunState,
    WarningLevel,
    format_ahead_behind,
    format_duration,
)
from tests.timing.helpers import twitter_hour


def at(hour: int, minute: int, second: int = 0) -> datetime:
    return datetime(2026, 11, 25, hour, minute, second)


def test_a_60_minute_run_with_an_overrun_and_a_pause(clock):
    session = twitter_hour()
    assert session.planned_minutes == session.length == 60
    run = RunClock(session, monotonic=clock.monotonic, wall=clock.wall)

    # People arrive: the screen counts down to 12:00.
    assert format_duration(run.view().until_start) == "5:00"
    clock.advance(300)
    run.start()

    # Welcome and "Why use Twitter" run to plan.
    for _ in range(2):
        clock.advance(run.view().item_planned)
        run.next()
    assert run.view().ahead_behind == 0

    # "What to tweet" (8 minutes) runs four minutes over.
    assert session.items[2].title == "What to tweet"
    clock.advance(12 * 60)
    view = run.view()
    assert view.warning is WarningLevel.OVER
    assert view.warning_text == "4 min over"
    assert view.forecast_finish == at(13, 4)
    run.next()
    view = run.view()
    assert format_ahead_behind(view.ahead_behind) == "4 min behind"

    # The facilitator takes the proposal: the flexible items after "Who to follow" (under way,
    # so the facilitator's to change) give up the four minutes in proportion to their plan.
    proposal = run.rebalance_proposal()
    assert proposal is not None
    assert proposal.shortfall == 0
    run.apply_rebalance()
    view = run.view()
    assert view.forecast_finish == at(13, 0)
    assert format_ahead_behind(view.ahead_behind) == "on plan"
    # In whole minutes: 6, 7 and 6 share 15 as 4.7, 5.5 and 4.7; the two minutes left after
    # rounding down go to the two items they fit best.
    assert view.planned_minutes == (5, 6, 8, 8, 5, 5, 6, 5, 8)

    # Every other item runs to its (new) plan; during "Top tips" a three-minute pause.
    while run.current_index < len(session.items) - 1:
        planned = run.view().item_planned
        if session.items[run.current_index].title == "Top tips":
            clock.advance(planned / 2)
            run.pause()
            clock.advance(180)
            assert run.view().item_elapsed == planned / 2
            run.next()
            assert run.state is RunState.PAUSED  # moving on does not end the pause
            run.previous()
            run.resume()
            clock.advance(planned / 2)
        else:
            clock.advance(planned)
        run.next()
    clock.advance(run.view().item_planned)
    assert run.view().warning is WarningLevel.DUE
    run.finish()

    # The end: three minutes past the slot, all of it the pause.
    end = run.view()
    assert end.state is RunState.FINISHED
    assert end.forecast_finish == at(13, 3)
    assert end.slot_remaining == -180
    assert format_ahead_behind(end.ahead_behind) == "3 min behind"
    assert end.session_elapsed == 63 * 60
    assert end.paused_total == 180
    assert all(end.done)

    timings = run.timings()
    assert [round(t.actual_seconds) for t in timings] == [
        300,
        360,
        720,
        480,
        300,
        300,
        360,
        300,
        480,
    ]
    assert sum(t.actual_seconds for t in timings) == 60 * 60
    assert [t.title for t in timings if t.over_seconds > 0] == ["What to tweet"]
    assert timings[2].started_at == at(12, 11)
    assert timings[2].ended_at == at(12, 23)
    top_tips = timings[5]
    assert top_tips.pauses == ((at(12, 38, 30), at(12, 41, 30)),)
    assert top_tips.paused_seconds == 180
    assert timings[8].ended_at == at(13, 3)
    # One item follows the other with no gap; each lasted its time plus its pauses.
    for before, after in pairwise(timings):
        assert after.started_at == before.ended_at
    for timing in timings:
        length = timedelta(seconds=timing.actual_seconds + timing.paused_seconds)
        assert timing.ended_at - timing.started_at == length
