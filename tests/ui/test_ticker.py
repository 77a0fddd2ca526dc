"""The display is repainted just after each displayed second changes, computed from the clock.

The delay itself is worked out and tested in tests/timing/test_display.py."""

from __future__ import annotations

import pytest

from presenter.timing import RunClock
from presenter.timing.display import MARGIN_SECONDS
from presenter.ui.run.ticker import SecondTicker


@pytest.fixture
def run(session, clock):
    return RunClock(session, monotonic=clock.monotonic, wall=clock.wall)


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
