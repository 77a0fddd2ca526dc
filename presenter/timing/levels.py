"""Warning levels for the item under way, as states with words, so no one depends on colour."""

from __future__ import annotations

import enum
import math

from presenter.timing.format import format_span

# After the plan runs out the item shows "Time's up" for this long, then "Over".
DUE_SECONDS = 60.0


class WarningLevel(enum.StrEnum):
    """How close the current item is to its planned end."""

    ON_TIME = "on time"
    SOON = "soon"
    DUE = "due"
    OVER = "over"

    @property
    def label(self) -> str:
        """A short fixed label shown beside the colour."""
        return _LABELS[self]


_LABELS = {
    WarningLevel.ON_TIME: "On time",
    WarningLevel.SOON: "Ending soon",
    WarningLevel.DUE: "Time's up",
    WarningLevel.OVER: "Over time",
}


def soon_threshold(planned_seconds: float, soon_percent: float, soon_minutes: float) -> float:
    """Seconds left at which an item is ending soon: the smaller of the two session settings."""
    return max(0.0, min(planned_seconds * soon_percent / 100, soon_minutes * 60))


def warning_level(remaining: float, overrun: float, soon_seconds: float) -> WarningLevel:
    """The level for an item with `remaining` seconds to go or `overrun` seconds past its plan."""
    if remaining > soon_seconds:
        return WarningLevel.ON_TIME
    if remaining > 0:
        return WarningLevel.SOON
    if overrun < DUE_SECONDS:
        return WarningLevel.DUE
    return WarningLevel.OVER


def warning_text(level: WarningLevel, remaining: float, overrun: float) -> str:
    """The label with its figure: "On time", "1 min 30 s left", "Time's up", "3 min over"."""
    if level is WarningLevel.SOON:
        return f"{format_span(math.ceil(remaining))} left"
    if level is WarningLevel.OVER:
        return f"{format_span(overrun)} over"
    return level.label
