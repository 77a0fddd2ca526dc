"""The computer's own clocks, for the app to hand to a `RunClock` (tests hand in a fake one).

The run clock measures durations with the monotonic clock it is given. Python's
`time.monotonic` stops while a Linux or macOS computer sleeps, which would lose the minutes
the session carried on in the room with the lid shut; so where the system has a monotonic
clock that keeps counting through sleep, that one is used instead.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from datetime import datetime


def _clock_id() -> int | None:
    """The clock id of a monotonic clock that counts sleep, where there is one."""
    if sys.platform.startswith("linux"):
        return getattr(time, "CLOCK_BOOTTIME", None)  # CLOCK_MONOTONIC plus time suspended
    if sys.platform == "darwin":
        return getattr(time, "CLOCK_MONOTONIC", None)  # on macOS this one counts sleep
    return None  # Windows: time.monotonic already counts sleep


def monotonic_clock() -> Callable[[], float]:
    """A clock that never goes back or jumps when the time is set, and counts sleep if it can."""
    clock_id = _clock_id()
    if clock_id is None:
        return time.monotonic
    try:
        time.clock_gettime(clock_id)
    except OSError:
        return time.monotonic

    def read() -> float:
        return time.clock_gettime(clock_id)

    return read


def wall_clock() -> datetime:
    """The time of day as the room's clock shows it (local time)."""
    return datetime.now()


def system_clocks() -> tuple[Callable[[], float], Callable[[], datetime]]:
    """`(monotonic, wall)` for `RunClock(session, monotonic=..., wall=...)`."""
    return monotonic_clock(), wall_clock
