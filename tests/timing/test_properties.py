"""Random runs: whatever the facilitator presses and however the clocks move, the sums hold."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from presenter.timing import RunClock, RunState
from tests.conftest import FakeClock
from tests.timing.helpers import twitter_hour

SESSION = twitter_hour()
COUNT = len(SESSION.items)

seconds = st.one_of(st.integers(0, 900), st.floats(0, 900, allow_nan=False))
# Weighted so that most runs get going and pause, move and resume often; finishing is rare.
PLAIN = ["next"] * 4 + ["previous"] * 2 + ["pause", "resume", "toggle_pause"] * 2
PLAIN += ["start", "reset_item", "apply_rebalance", "auto_rebalance", "restore", "finish"]
actions = st.one_of(
    st.tuples(st.just("advance"), seconds),
    st.tuples(st.sampled_from(PLAIN), st.none()),
    st.tuples(st.sampled_from(PLAIN), st.none()),
    st.tuples(st.just("jump"), st.integers(0, COUNT - 1)),
    st.tuples(st.sampled_from(["lengthen", "shorten"]), st.integers(1, 10)),
    st.tuples(st.sampled_from(["jump_wall", "reboot"]), st.integers(-3600, 3600)),
)
MOVES = {"next", "previous", "jump"}


def check(run: RunClock, clock: FakeClock, last_elapsed: float) -> float:
    view = run.view()
    durations = (
        view.item_planned,
        view.item_elapsed,
        view.item_remaining,
        view.item_overrun,
        view.until_start,
        view.session_elapsed,
        view.paused_total,
        *view.actual_seconds,
    )
    assert all(value >= 0 for value in durations)
    assert all(minutes > 0 for minutes in view.planned_minutes)
    # Actual time on the items plus pauses is the session's elapsed time.
    total = sum(view.actual_seconds) + view.paused_total
    assert abs(total - view.session_elapsed) < 1e-6
    assert view.session_elapsed >= last_elapsed - 1e-9  # the run never goes backwards
    assert view.item_remaining == 0 or view.item_overrun == 0
    assert (
        abs(view.item_planned - view.item_remaining + view.item_overrun - view.item_elapsed) < 1e-6
    )
    if view.state is RunState.BEFORE_START:
        assert view.session_elapsed == 0
    for timing in run.timings():
        assert timing.actual_seconds >= 0
        if timing.started_at and timing.ended_at:
            assert timing.ended_at >= timing.started_at
        for start, end in timing.pauses:
            assert end is None or end >= start
    proposal = run.rebalance_proposal()
    if proposal is not None:
        for index, item in enumerate(SESSION.items):
            still_to_come = index > view.current_index and not view.done[index]
            if item.fixed or not still_to_come:
                assert proposal.minutes[index] == view.planned_minutes[index]
            else:
                assert proposal.minutes[index] * 60 >= item.minimum * 60 - 1e-9
                assert proposal.minutes[index] == int(proposal.minutes[index])  # whole minutes
    return view.session_elapsed


@settings(max_examples=150, deadline=None)
@given(st.lists(actions, max_size=40), st.integers(0, 3))
def test_no_sequence_of_actions_breaks_the_sums(steps, start_after):
    steps = [*steps[:start_after], ("start", None), *steps[start_after:]]
    clock = FakeClock()
    run = RunClock(SESSION, monotonic=clock.monotonic, wall=clock.wall)
    elapsed = check(run, clock, 0.0)
    for name, value in steps:
        paused = run.state is RunState.PAUSED
        if name in ("advance", "jump_wall"):
            getattr(clock, name)(value)
        elif name == "reboot":
            snapshot = json.loads(json.dumps(run.snapshot(), allow_nan=False))
            clock.advance(1)  # a restart takes a moment, so the two clocks disagree
            clock.reboot(value)
            run = RunClock.restore(SESSION, snapshot, monotonic=clock.monotonic, wall=clock.wall)
        elif name == "restore":
            snapshot = json.loads(json.dumps(run.snapshot(), allow_nan=False))
            again = RunClock.restore(SESSION, snapshot, monotonic=clock.monotonic, wall=clock.wall)
            assert again.view() == run.view()
            run = again
        elif name == "auto_rebalance":
            run.auto_rebalance = not run.auto_rebalance
        elif value is None:
            getattr(run, name)()
        else:
            getattr(run, name)(value)
        if name in MOVES and paused:
            assert run.state is RunState.PAUSED  # moving never resumes a pause
        elapsed = check(run, clock, elapsed)
