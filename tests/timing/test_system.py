"""The computer's clocks the app hands to the run clock."""

from __future__ import annotations

import sys
import time
from datetime import datetime

import pytest

from presenter.timing.system import monotonic_clock, system_clocks


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="CLOCK_BOOTTIME is Linux only")
def test_on_linux_the_run_clock_counts_time_asleep():
    read = monotonic_clock()
    before = time.clock_gettime(time.CLOCK_BOOTTIME)
    reading = read()
    after = time.clock_gettime(time.CLOCK_BOOTTIME)
    assert before <= reading <= after


def test_the_clocks_never_run_backwards_and_the_wall_is_local_time():
    monotonic, wall = system_clocks()
    first = monotonic()
    assert monotonic() >= first
    now = wall()
    assert isinstance(now, datetime)
    assert now.tzinfo is None  # the slot start in a session file is a local clock time
