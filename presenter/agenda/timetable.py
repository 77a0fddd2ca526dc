"""Schedule maths: when each item is planned to start and end, and how the agenda fits the slot."""

from __future__ import annotations

from dataclasses import replace
from datetime import time
from typing import NamedTuple

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


class ScheduledItem(NamedTuple):
    """An agenda item placed in the slot."""

    index: int
    item: AgendaItem
    start_offset: int  # minutes after the slot start
    end_offset: int
    start: time
    end: time


class SlotFit(NamedTuple):
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
    """Each item's planned start and end, one after another from the slot start.

    An item that is not timed (hidden, or a section marker) takes no time: it starts and
    ends where the one before it ends, so every item keeps its place in the list."""
    base = minutes_of_day(session.start)
    placed: list[ScheduledItem] = []
    offset = 0
    for index, item in enumerate(session.items):
        end = offset + (item.minutes if item.timed else 0)
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
    crossing = next((s for s in placed if s.item.timed and s.end_offset > session.length), None)
    return SlotFit(session.planned_minutes, session.length, crossing)


def timed_session(session: Session) -> Session:
    """The session as a run goes through it: its timed items only (no hidden items, no
    section markers), so every figure of the run counts the same items."""
    if all(item.timed for item in session.items):
        return session
    return replace(session, items=tuple(item for item in session.items if item.timed))


def section_headings(session: Session) -> tuple[tuple[int, str], ...]:
    """Each section marker a run shows between its items: the position, among the timed
    items, of the first item after it, and its title. Hidden items are left out."""
    headings = []
    position = 0
    for item in session.items:
        if item.timed:
            position += 1
        elif not item.hidden:
            headings.append((position, item.title))
    return tuple(headings)


def share_minutes(total: int, count: int) -> list[int]:
    """Split `total` minutes into `count` whole shares, differing by at most one, each >= 1."""
    if count <= 0:
        return []
    base, extra = divmod(max(total, count), count)
    return [base + (1 if i < extra else 0) for i in range(count)]
