"""The display is repainted just after each displayed second changes, computed from the clock."""

from __future__ import annotations

import pytest

from presenter.timing import RunClock
from presenter.ui.run.ticker import MARGIN_SECONDS, SecondTicker, seconds_to_next_change


@pytest.fixture
def run(session, clock):
    return RunClock(session, monotonic=clock.monotonic, wall=clock.wall)


def test_before_the_start_the_next_change_is_the_next_wall_second(run, clock):
    clock.advance(0.25)
    assert seconds_to_next_change(run.view()) == pytest.approx(0.75)


def test_running_item_boundary_need_not_match_the_wall_second(run, clock):
    clock.advance(0.6)  # the wall clock is at .6 of a second
    run.start()  # the item's seconds count from here
    clock.advance(0.3)
    view = run.view()
    # wall second turns in 0.1 s; the item's countdown in 0.7 s: the sooner wins
    assert seconds_to_next_change(view) == pytest.approx(0.1)
    clock.advance(0.15)
    assert seconds_to_next_change(run.view()) == pytest.approx(0.55)


def test_overrun_counts_up_from_whole_seconds(run, clock, session):
    run.start()
    clock.advance(session.items[0].minutes * 60 + 2.4)
    view = run.view()
    assert view.item_overrun == pytest.approx(2.4)
    assert seconds_to_next_change(view) == pytest.approx(0.6)


def test_ticker_arms_its_shot_for_the_next_boundary(qapp, run, clock):
    clock.advance(0.25)
    ticker = SecondTicker(run.view)
    ticker.start()
    assert ticker.is_active()
    assert ticker.interval_ms() == round((0.75 + MARGIN_SECONDS) * 1000)
    ticker.stop()


def test_ticker_re_arms_after_each_tick_from_the_clock_not_a_count(qapp, run, clock):
    ticker = SecondTicker(run.view)
    ticks = []
    ticker.tick.connect(lambda: ticks.append(clock.monotonic()))
    clock.advance(0.9)
    ticker._fire()  # as the timer would, late: the next shot is still aligned
    assert ticks
    assert ticker.interval_ms() == round((0.1 + MARGIN_SECONDS) * 1000)
    ticker.stop()
