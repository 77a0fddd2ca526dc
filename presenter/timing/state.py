"""What a run is and what its screens show: the run's state, one moment's view, the record.

Plain values, no behaviour beyond reading them: the run clock (`clock.py`) produces them and
its snapshot (`snapshot.py`) saves and restores the stored spans.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

from presenter.timing.levels import WarningLevel, warning_text


class RunState(enum.StrEnum):
    """Where the run is: waiting for people, under way, paused, or over."""

    BEFORE_START = "before start"
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"

    @property
    def in_progress(self) -> bool:
        """True while the run is under way, running or paused: begun and not yet finished."""
        return self is RunState.RUNNING or self is RunState.PAUSED


class RunView(NamedTuple):
    """Everything the screens show, worked out at one moment. Durations are in seconds."""

    state: RunState
    now: datetime
    current_index: int
    item_planned: float
    item_elapsed: float
    item_remaining: float
    item_overrun: float
    warning: WarningLevel
    until_start: float
    slot_start: datetime
    slot_end: datetime
    slot_remaining: float  # negative once the slot end has passed
    forecast_finish: datetime
    ahead_behind: float  # positive: ahead of the plan; negative: behind
    session_elapsed: float
    paused_total: float
    planned_minutes: tuple[float, ...]
    actual_seconds: tuple[float, ...]
    done: tuple[bool, ...]
    planned_finish: datetime | None = None  # the slot start plus the planned minutes
    # The plan's section markers: the index of the item each comes before, and its title.
    sections: tuple[tuple[int, str], ...] = ()

    @property
    def warning_text(self) -> str:
        """The warning with its figure, e.g. "1 min 30 s left" or "3 min over"."""
        return warning_text(self.warning, self.item_remaining, self.item_overrun)


class ItemTiming(NamedTuple):
    """What actually happened to one agenda item during the run."""

    index: int
    title: str
    planned_minutes: float  # the plan from the session file
    actual_seconds: float
    started_at: datetime | None
    ended_at: datetime | None  # None while under way or never begun
    pauses: tuple[tuple[datetime, datetime | None], ...]  # pauses begun during this item
    adjusted_minutes: float | None = None  # the plan at the end, after any changes in the run

    @property
    def paused_seconds(self) -> float:
        """The length of the pauses begun during this item that have ended."""
        return sum((end - start).total_seconds() for start, end in self.pauses if end)

    @property
    def over_seconds(self) -> float:
        """Seconds over the plan from the file (negative when the item was shorter)."""
        return self.actual_seconds - self.planned_minutes * 60


@dataclass
class Span:
    """A stretch of run time spent on an item (or, for a pause, begun during it)."""

    item: int
    start: float
    end: float | None = None

    def length(self, now: float) -> float:
        return max(0.0, (now if self.end is None else self.end) - self.start)
