"""The session plan: a session and its agenda items, as immutable values.

Values are frozen so an editor can keep old versions for undo and a run can hold the
plan it started with. Change a field with `dataclasses.replace`.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import time

DEFAULT_START = time(12, 0)
DEFAULT_LENGTH = 60
DEFAULT_READINESS = ("App installed", "Username ready")
DEFAULT_SOON_PERCENT = 20
DEFAULT_SOON_MINUTES = 2


class Kind(enum.StrEnum):
    """What happens during an agenda item."""

    TALK = "talk"
    DEMO = "demo"
    DISCUSSION = "discussion"
    ACTIVITY = "activity"
    BREAK = "break"
    QUESTIONS = "questions"


def _one_line(text: str) -> str:
    """Titles, names and labels: one line, single spaces."""
    return " ".join(str(text).split())


def _clean_lines(text: str) -> str:
    """Notes and descriptions: no trailing spaces on a line, no blank lines at either end."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)


@dataclass(frozen=True)
class AgendaItem:
    """One slot of the agenda: what the audience sees and what the facilitator says."""

    title: str
    minutes: int
    kind: Kind = Kind.TALK
    fixed: bool = False
    points: tuple[str, ...] = ()
    notes: str = ""
    min_minutes: int | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "title", _one_line(self.title))
        object.__setattr__(self, "kind", Kind(self.kind))
        points = tuple(_clean_lines(p) for p in self.points)
        object.__setattr__(self, "points", tuple(p for p in points if p))
        object.__setattr__(self, "notes", _clean_lines(self.notes))

    @property
    def minimum(self) -> int:
        """The fewest minutes this item may be shortened to when the agenda is rebalanced."""
        if self.fixed:
            return self.minutes
        return max(1, self.min_minutes or 1)


@dataclass(frozen=True)
class Session:
    """A reusable plan for one lunchtime session."""

    title: str
    items: tuple[AgendaItem, ...] = ()
    subtitle: str = ""
    facilitators: tuple[str, ...] = ()
    audience: str = ""
    venue: str = ""
    start: time = DEFAULT_START
    length: int = DEFAULT_LENGTH
    approval: str = ""
    readiness: tuple[str, ...] = DEFAULT_READINESS
    soon_percent: int = DEFAULT_SOON_PERCENT
    soon_minutes: float = DEFAULT_SOON_MINUTES
    description: str = field(default="")

    def __post_init__(self) -> None:
        for name in ("title", "subtitle", "audience", "venue", "approval"):
            object.__setattr__(self, name, _one_line(getattr(self, name)))
        object.__setattr__(self, "items", tuple(self.items))
        for name in ("facilitators", "readiness"):
            names = (_one_line(n) for n in getattr(self, name))
            object.__setattr__(self, name, tuple(n for n in names if n))
        object.__setattr__(self, "description", _clean_lines(self.description))

    @property
    def planned_minutes(self) -> int:
        """The sum of every item's planned minutes."""
        return sum(item.minutes for item in self.items)
