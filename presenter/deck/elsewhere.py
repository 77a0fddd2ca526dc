"""A deck made elsewhere (PowerPoint, LibreOffice, pandoc, Marp) read as a session.

Such a deck carries no timing lines, so its items share the slot, unless an agenda slide
gives each item its minutes ("12:00 Welcome (5 min)", "Welcome - 5 min") or its start
times. Every slide that is left out, titled here, or read as the agenda is named in a
warning, so nothing is lost without a word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import time

from presenter.agenda.model import DEFAULT_LENGTH, AgendaItem, Kind, Session
from presenter.agenda.problems import Problem
from presenter.agenda.timetable import share_minutes
from presenter.deck.outline import levels_of, prose_notes
from presenter.deck.tables import join_pages
from presenter.deck.text import CONTINUED, clean_text, plain_text

LONGEST_MADE_TITLE = 70
AGENDA_TITLES = ("agenda", "programme", "program", "timetable", "running order", "plan")
_CLOCK = r"(?P<hour>[01]?\d|2[0-3])[:.](?P<minute>[0-5]\d)"
_LENGTH = r"(?P<minutes>\d{1,3})\s*(?:min|mins|minutes|m)\b\.?"
_AGENDA_ROW = re.compile(
    rf"^\s*(?:{_CLOCK}\s*(?:[-–—]\s*(?P<end_hour>[01]?\d|2[0-3])[:.](?P<end_minute>[0-5]\d))?)?"
    r"\s*[-–—:|]?\s*"
    rf"(?P<title>.+?)\s*(?:[-–—:,|]\s*|\(\s*)?(?:{_LENGTH}\s*\)?)?\s*$",
    re.IGNORECASE,
)


@dataclass
class SlideText:
    """What one slide says, read without assuming anything about how it was made."""

    number: int
    title: str = ""
    points: list[str] = field(default_factory=list)
    table: tuple[tuple[str, ...], ...] = ()  # its first table, header row first
    notes: str = ""
    is_title_slide: bool = False
    hidden: bool = False
    section: bool = False
    left_out: list[str] = field(default_factory=list)


def one_line(text: str) -> str:
    return " ".join(clean_text(text).split())


def their_deck(
    slides: list[SlideText], core_title: str, stem: str, source: str, warnings: list[Problem]
) -> Session:
    """The session a deck made elsewhere describes; what it cannot keep goes in `warnings`."""
    title = subtitle = description = ""
    remaining = list(slides)
    if remaining and remaining[0].is_title_slide and remaining[0].title:
        first = remaining.pop(0)
        title, description = first.title, prose_notes(first.notes)
        subtitle = first.points[0] if first.points else ""
    drafts: list[SlideText] = []
    for slide in remaining:
        if not _keep(slide, source, warnings):
            continue
        if drafts and slide.title == drafts[-1].title + CONTINUED:
            drafts[-1].points.extend(slide.points)
            drafts[-1].table = join_pages(drafts[-1].table, slide.table)
            continue
        drafts.append(slide)
    untimed = [d for d in drafts if d.hidden or d.section]
    drafts = [d for d in drafts if not (d.hidden or d.section)]
    timed = _timed_by_agenda(drafts, source, warnings)
    if timed is None:
        start, minutes = None, share_minutes(DEFAULT_LENGTH, len(drafts))
        if drafts:
            warnings.append(_shared_out(source, len(drafts)))
    else:
        drafts, start, minutes = timed
    items = tuple(
        _item(d, m) for d, m in _in_deck_order(drafts, minutes, untimed, min(minutes, default=1))
    )
    when: dict = {}
    if timed is not None:
        when = {"length": sum(minutes)} | ({"start": start} if start is not None else {})
    return Session(
        title=title or one_line(core_title) or stem,
        subtitle=subtitle,
        items=items,
        description=description,
        **when,
    )


def _in_deck_order(
    timed: list[SlideText], minutes: list[int], untimed: list[SlideText], spare: int
) -> list[tuple[SlideText, int]]:
    """The timed slides with their minutes and the untimed ones put back in deck order: a
    section marker takes no minutes; a hidden slide keeps a typical share, for when it is
    shown after all."""
    pairs = list(zip(timed, minutes, strict=True))
    pairs += [(d, 0 if d.section else spare) for d in untimed]
    return sorted(pairs, key=lambda pair: pair[0].number)


def _item(slide: SlideText, minutes: int) -> AgendaItem:
    return AgendaItem(
        title=slide.title,
        minutes=minutes,
        kind=Kind.SECTION if slide.section else Kind.TALK,
        points=tuple(slide.points),
        notes=prose_notes(slide.notes),
        levels=levels_of(slide.points),
        hidden=slide.hidden,
        table=slide.table,
    )


def _shared_out(source: str, count: int) -> Problem:
    items = "1 item" if count == 1 else f"{count} items"
    return Problem(
        source,
        0,
        f"the deck has no timings: the {DEFAULT_LENGTH}-minute slot was shared out across "
        f"{items}; check each item's minutes",
        False,
    )


def _keep(slide: SlideText, source: str, warnings: list[Problem]) -> bool:
    """Whether a slide becomes an item (titled if it had none); each slide left out, or
    titled here, is named in a warning."""

    def warn(text: str) -> None:
        warnings.append(Problem(source, slide.number, f"slide {slide.number} {text}", False))

    if slide.hidden:
        slide.title = slide.title or f"Slide {slide.number}"
        warn(
            f"('{slide.title}') is hidden in the deck; kept as a hidden item, "
            "not shown and not timed"
        )
        return True
    if slide.section and not (slide.points or slide.table):
        slide.title = slide.title or f"Slide {slide.number}"
        warn(f"('{slide.title}') opens a section; kept as a section marker, taking no time")
        return True
    slide.section = False  # a section slide with points of its own is timed as an item
    if slide.title:
        return True
    if slide.points:
        slide.title = _title_from(slide.points)
        warn("has no title; used its first line of text")
    elif slide.notes:
        slide.title = f"Slide {slide.number}"
    elif "pictures" in slide.left_out:
        slide.title = f"Slide {slide.number}"
        warn(f"is a picture with no text or notes; kept as '{slide.title}'")
    else:
        warn("is empty; left out")
        return False
    return True


def _title_from(points: list[str]) -> str:
    """A title made from a slide's first line of text: short lines move up whole; a long
    line gives its first words and stays as the first point."""
    line = one_line(plain_text(points[0]))
    if len(line) <= LONGEST_MADE_TITLE:
        points.pop(0)
        return line
    cut = line.rfind(" ", 0, LONGEST_MADE_TITLE)
    return line[: cut if cut > 0 else LONGEST_MADE_TITLE].rstrip(" ,;:.") + "…"


# -- an agenda slide that gives the times --------------------------------------------------------


@dataclass(frozen=True)
class _Row:
    title: str
    start: int | None  # minutes after midnight
    minutes: int | None  # as written, or from a range such as 12:50-13:00


def _key(title: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", plain_text(title).casefold()).split())


def _rows(points: list[str]) -> list[_Row] | None:
    """The agenda slide's rows, or None when a row carries no time at all."""
    rows = []
    for point in points:
        found = _AGENDA_ROW.match(one_line(plain_text(point)))
        if not found or (found["hour"] is None and found["minutes"] is None):
            return None
        start = int(found["hour"]) * 60 + int(found["minute"]) if found["hour"] else None
        minutes = int(found["minutes"]) if found["minutes"] else None
        if minutes is None and found["end_hour"] and start is not None:
            minutes = int(found["end_hour"]) * 60 + int(found["end_minute"]) - start
        rows.append(_Row(found["title"], start, minutes))
    return rows or None


def _table_rows(table: tuple[tuple[str, ...], ...]) -> list[_Row] | None:
    """An agenda set out as a table: its rows, the header row left out when it has no time."""
    lines = [" | ".join(cell for cell in row if cell) for row in table]
    return _rows(lines) or _rows(lines[1:])


def _minutes_of(rows: list[_Row]) -> list[int] | None:
    """Each row's minutes: as written, else up to the next row's start time."""
    minutes = []
    for index, row in enumerate(rows):
        if row.minutes is not None:
            minutes.append(row.minutes)
            continue
        following = rows[index + 1].start if index + 1 < len(rows) else None
        if row.start is None or following is None or following <= row.start:
            return None
        minutes.append(following - row.start)
    return minutes if all(m >= 1 for m in minutes) else None


def _timed_by_agenda(
    drafts: list[SlideText], source: str, warnings: list[Problem]
) -> tuple[list[SlideText], time | None, list[int]] | None:
    """The items, the start and each item's minutes from an agenda slide whose rows name
    the other slides in order; None when there is no such slide."""
    for index, slide in enumerate(drafts):
        if _key(slide.title) not in AGENDA_TITLES:
            continue
        rows = _rows(slide.points) if slide.points else _table_rows(slide.table)
        items = drafts[:index] + drafts[index + 1 :]
        if rows is None or [_key(r.title) for r in rows] != [_key(d.title) for d in items]:
            continue
        minutes = _minutes_of(rows)
        if minutes is None:
            continue
        first = rows[0].start
        start = time(first // 60, first % 60) if first is not None else None
        warnings.append(
            Problem(
                source,
                slide.number,
                f"slide {slide.number} ('{slide.title}') read as the agenda: each item's "
                "minutes are taken from it; check them",
                False,
            )
        )
        return items, start, minutes
    return None
