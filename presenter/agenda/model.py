"""The session plan: a session and its agenda items, as immutable values.

Values are frozen so an editor can keep old versions for undo and a run can hold the
plan it started with. Change a field with `dataclasses.replace`.
"""

from __future__ import annotations

import enum
import os
from dataclasses import dataclass, field
from datetime import time

DEFAULT_START = time(12, 0)
DEFAULT_LENGTH = 60
DEFAULT_READINESS = ()  # a session names its own checks; none by default
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
    # A marker between parts of the agenda (a deck's section header): takes no time.
    SECTION = "section"


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


def tidy_levels(levels: list[int]) -> tuple[int, ...]:
    """Levels an outline can hold: the first point at the top, none more than one deeper
    than the point before it."""
    tidy: list[int] = []
    for level in levels:
        tidy.append(max(0, min(level, tidy[-1] + 1 if tidy else 0)))
    return tuple(tidy)


@dataclass(frozen=True)
class Picture:
    """A picture shown with an item (or on the arrival screen).

    `path` is as written in the session: relative to the session's folder, with `/`
    between parts. `alt` is the words a screen reader says in its place.
    """

    path: str
    alt: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "alt", _one_line(self.alt))


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
    # How deep each point is nested (0 = top level), one per point; empty means all 0.
    levels: tuple[int, ...] = ()
    # A table shown with the item: rows of cells, the first row the header.
    table: tuple[tuple[str, ...], ...] = ()
    pictures: tuple[Picture, ...] = ()
    # Not shown and not timed (a deck's hidden slide), kept so it goes back out hidden.
    hidden: bool = False
    # Dropped first when the session is fitted into a shorter slot.
    optional: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "title", _one_line(self.title))
        object.__setattr__(self, "kind", Kind(self.kind))
        points = [_clean_lines(p) for p in self.points]
        levels = list(self.levels) if self.levels else [0] * len(points)
        if len(levels) != len(points):
            raise ValueError(f"{len(levels)} levels for {len(points)} points")
        kept = [(p, max(0, int(n))) for p, n in zip(points, levels, strict=True) if p]
        object.__setattr__(self, "points", tuple(p for p, _ in kept))
        nested = tuple(n for _, n in kept)
        object.__setattr__(self, "levels", nested if any(nested) else ())
        object.__setattr__(self, "notes", _clean_lines(self.notes))
        rows = (tuple(_one_line(cell) for cell in row) for row in self.table)
        object.__setattr__(self, "table", tuple(row for row in rows if any(row)))
        object.__setattr__(self, "pictures", tuple(self.pictures))

    def level(self, index: int) -> int:
        """How deep point `index` is nested (0 = top level)."""
        return self.levels[index] if self.levels else 0

    @property
    def timed(self) -> bool:
        """Whether the item takes part in the run's clock (hidden items and sections do not)."""
        return not self.hidden and self.kind is not Kind.SECTION

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
    # What attendees should be able to do afterwards (certificates, handout).
    outcomes: tuple[str, ...] = ()
    # The guidance the content rests on: each a title and who publishes it.
    sources: tuple[str, ...] = ()
    # When the content was last checked, as "YYYY-MM" (empty: never said).
    reviewed: str = ""
    # The session's own picture (a logo or poster) for the arrival screen.
    picture: Picture | None = None
    # The folder `Picture.path` is relative to: the session file's folder, absolute.
    # Where the session was read from, not what it says, so it takes no part in equality.
    folder: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        for name in ("title", "subtitle", "audience", "venue", "approval", "reviewed"):
            object.__setattr__(self, name, _one_line(getattr(self, name)))
        object.__setattr__(self, "items", tuple(self.items))
        for name in ("facilitators", "readiness", "outcomes", "sources"):
            names = (_one_line(n) for n in getattr(self, name))
            object.__setattr__(self, name, tuple(n for n in names if n))
        object.__setattr__(self, "description", _clean_lines(self.description))

    @property
    def planned_minutes(self) -> int:
        """The sum of every timed item's planned minutes."""
        return sum(item.minutes for item in self.items if item.timed)

    def picture_file(self, picture: Picture) -> str:
        """Where `picture` is on disk: its path joined to the session's folder."""
        return os.path.join(self.folder, *picture.path.split("/"))
