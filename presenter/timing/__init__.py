"""The run clock: item countdowns, the slot's hard end, pauses, pace, rebalancing, timings.

No Qt here, and no reading of the system clock: time comes in as callables.
"""

from presenter.timing.clock import RunClock
from presenter.timing.format import (
    ON_PLAN_SECONDS,
    format_ahead_behind,
    format_duration,
    format_minutes,
    format_span,
)
from presenter.timing.levels import WarningLevel, soon_threshold, warning_level, warning_text
from presenter.timing.snapshot import SnapshotError
from presenter.timing.state import ItemTiming, RunState, RunView
from presenter.timing.system import system_clocks

__all__ = [
    "ON_PLAN_SECONDS",
    "ItemTiming",
    "Rebalance",
    "RunClock",
    "RunState",
    "RunView",
    "SnapshotError",
    "WarningLevel",
    "format_ahead_behind",
    "format_duration",
    "format_minutes",
    "format_span",
    "share_minutes",
    "share_seconds",
    "soon_threshold",
    "system_clocks",
    "warning_level",
    "warning_text",
]

# The rebalancing is loaded when one of its names is first asked for (most of a run's start
# needs none of it).
_REBALANCE = ("Rebalance", "share_minutes", "share_seconds")


def __getattr__(name: str):
    if name in _REBALANCE:
        from presenter.timing import rebalance

        return getattr(rebalance, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
