"""The lines a deck's speaker notes carry so a facilitator, and an import, can read the timing.

An item slide's notes end with its timing line, which is also how minutes come back exactly
when a deck made here is imported (whatever its template or slide order):

    Timing: 8 min (12:05–12:13) · activity · fixed. Start wrapping up at 12:11.

The title slide's notes start with the session's details, one `Label: value` line each
(`Slot:` first), then a blank line and the session description. The agenda, closing and
"(cont.)" slides start with `Agenda:`, `Close:` and `Continued:`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import time

from presenter.agenda.heading import read_words, spec_words
from presenter.agenda.model import AgendaItem, Kind, Session
from presenter.agenda.timetable import (
    ScheduledItem,
    clock_time,
    format_clock,
    minutes_of_day,
    slot_fit,
)
from presenter.deck.outline import levels_of

TIMING = re.compile(
    r"^Timing: (?P<minutes>\d+) min \((?P<start>\d{1,2}:\d\d)–(?P<end>\d{1,2}:\d\d)\)"
    r"(?P<words>(?: · [^·.]+)*)\.(?: .*)?$"
)
BUDGET = re.compile(r"^\d{1,2}:\d\d–\d{1,2}:\d\d · \d+ min$")
SLOT = re.compile(r"^Slot: (?P<start>\d{1,2}):(?P<minute>\d\d)–\d{1,2}:\d\d · (?P<length>\d+) min$")
AGENDA_MARK = "Agenda:"
CLOSE_MARK = "Close:"
CONTINUED_MARK = "Continued:"
LIST_SEPARATOR = "; "


def time_budget(placed: ScheduledItem) -> str:
    """The quiet line on an item's slide: "12:05–12:13 · 8 min"."""
    return f"{format_clock(placed.start)}–{format_clock(placed.end)} · {placed.item.minutes} min"


def timing_line(placed: ScheduledItem, session: Session) -> str:
    """The last line of an item's notes: its minutes, times, kind, and when to wrap up."""
    item = placed.item
    words = spec_words(item)
    line = f"Timing: {item.minutes} min ({format_clock(placed.start)}–{format_clock(placed.end)})"
    line += "".join(f" · {word}" for word in words) + "."
    warning = min(round(session.soon_minutes), item.minutes // 2)
    if warning >= 1 and item.timed:
        wrap_up = clock_time(minutes_of_day(placed.end) - warning)
        line += f" Start wrapping up at {format_clock(wrap_up)}."
    return line


def item_notes(placed: ScheduledItem, session: Session) -> str:
    notes = placed.item.notes
    line = timing_line(placed, session)
    return f"{notes}\n\n{line}" if notes else line


@dataclass(frozen=True)
class ItemTiming:
    """What an item's timing line says."""

    minutes: int
    kind: Kind
    fixed: bool
    min_minutes: int | None
    optional: bool = False
    hidden: bool = False


def split_timing(notes: str) -> tuple[str, ItemTiming | None]:
    """The notes without their timing line, and what the line said (None if there is none)."""
    lines = notes.rstrip().split("\n")
    match = TIMING.match(lines[-1].strip()) if lines else None
    if match is None:
        return notes, None
    spec = read_words(match["words"].split("·"))
    rest = "\n".join(lines[:-1]).rstrip()
    timing = ItemTiming(
        int(match["minutes"]), spec.kind, spec.fixed, spec.min_minutes, spec.optional, spec.hidden
    )
    return rest, timing


SESSION_LABELS = (
    ("Facilitators", "facilitators"),
    ("Audience", "audience"),
    ("Venue", "venue"),
    ("Readiness", "readiness"),
    ("Approval", "approval"),
    ("Outcomes", "outcomes"),
    ("Sources", "sources"),
    ("Reviewed", "reviewed"),
)


def title_notes(session: Session) -> str:
    """The title slide's notes: the slot, the session's details, then its description."""
    end = clock_time(minutes_of_day(session.start) + session.length)
    lines = [
        f"Slot: {format_clock(session.start)}–{format_clock(end)} · {session.length} min",
        f"Planned: {slot_fit(session).describe()}.",
    ]
    for label, name in SESSION_LABELS:
        value = getattr(session, name)
        if isinstance(value, tuple):
            value = LIST_SEPARATOR.join(value)
        if value:
            lines.append(f"{label}: {value}")
    text = "\n".join(lines)
    return f"{text}\n\n{session.description}" if session.description else text


def read_title_notes(notes: str) -> dict | None:
    """Session fields from a title slide's notes written by `title_notes`, or None."""
    head, _, description = notes.partition("\n\n")
    lines = head.split("\n")
    slot = SLOT.match(lines[0].strip()) if lines else None
    if slot is None:
        return None
    fields: dict = {
        "start": time(int(slot["start"]) % 24, int(slot["minute"])),
        "length": int(slot["length"]),
        "description": description,
    }
    labels = dict(SESSION_LABELS)
    for line in lines[1:]:
        label, _, value = line.partition(": ")
        name = labels.get(label)
        if name in ("facilitators", "readiness", "outcomes", "sources"):
            fields[name] = tuple(v.strip() for v in value.split(LIST_SEPARATOR) if v.strip())
        elif name:
            fields[name] = value.strip()
    fields.setdefault("readiness", ())
    return fields


def rebuilt_item(title: str, points: list[str], notes: str, timing: ItemTiming) -> AgendaItem:
    return AgendaItem(
        title=title,
        minutes=timing.minutes,
        kind=timing.kind,
        fixed=timing.fixed,
        points=tuple(points),
        notes=notes,
        min_minutes=timing.min_minutes,
        optional=timing.optional,
        levels=levels_of(points),
        hidden=timing.hidden,
    )
