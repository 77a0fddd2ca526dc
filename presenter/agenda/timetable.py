"""Schedule maths: when each item is planned to start and end, and how the agenda fits the slot."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time

from presenter.agenda.model import AgendaItem, Session

MAX_MINUTES = 24 * 60  # an item, or the whole slot, lasts at most a day


def minutes_of_day(at: time) -> int:
    return at.hour * 60 + at.minute


def clock_time(minutes: int) -> time:
    """A minute offset from midnight as a time of day (wrapping past midnight)."""
    minutes %= 24 * 60
    return time(minutes // 60, minutes % 60)


def format_clock(at: time) -> str:
    return at.strftime("%H:%M")


@dataclass(frozen=True)
class ScheduledItem:
    """An agenda item placed in the slot."""

    index: int
    item: AgendaItem
    start_offset: int  # minutes after the slot start
    end_offset: int
    start: time
    end: time


@dataclass(frozen=True)
class SlotFit:
    """How the planned agenda compares with the slot."""

    planned: int
    length: int
    crossing: ScheduledItem | None  # the item that runs past the slot end, if any

    @property
    def spare(self) -> int:
        """Minutes left over (negative when over)."""
        return self.length - self.planned

    @property
    def over(self) -> int:
        return max(0, -self.spare)

    def describe(self) -> str:
        if self.spare > 0:
            return f"{self.planned} of {self.length} minutes planned, {self.spare} spare"
        if self.spare == 0:
            return f"{self.planned} minutes planned: exactly the {self.length}-minute slot"
        return f"{self.planned} minutes planned: {self.over} over the {self.length}-minute slot"


def schedule(session: Session) -> list[ScheduledItem]:
    """Each item's planned start and end, one after another from the slot start."""
    base = minutes_of_day(session.start)
    placed: list[ScheduledItem] = []
    offset = 0
    for index, item in enumerate(session.items):
        end = offset + item.minutes
        placed.append(
            ScheduledItem(
                index, item, offset, end, clock_time(base + offset), clock_time(base + end)
            )
        )
        offset = end
    return placed


def slot_fit(session: Session) -> SlotFit:
    """Total against the slot, and which item first crosses the slot end."""
    placed = schedule(session)
    crossing = next((s for s in placed if s.end_offset > session.length), None)
    return SlotFit(session.planned_minutes, session.length, crossing)


def share_minutes(total: int, count: int) -> list[int]:
    """Split `total` minutes into `count` whole shares, differing by at most one, each >= 1."""
    if count <= 0:
        return []
    base, extra = divmod(max(total, count), count)
    return [base + (1 if i < extra else 0) for i in range(count)]
