"""Warnings about an agenda as a whole, the same for a session file and a slide deck:
repeated titles, more minutes than the slot, a session running past midnight."""

from __future__ import annotations

from presenter.agenda.model import Session
from presenter.agenda.problems import Problems
from presenter.agenda.timetable import (
    MAX_MINUTES,
    format_clock,
    minutes_of_day,
    schedule,
    slot_fit,
)


def check_agenda(session: Session, lines: list[int], problems: Problems) -> None:
    """Warnings about the agenda as a whole: repeated titles, more minutes than the slot."""
    seen: dict[str, int] = {}
    for item, line in zip(session.items, lines, strict=True):
        key = item.title.casefold()
        if key in seen:
            problems.warn(
                line,
                f"'{item.title}' is also the title on line {seen[key]}; give each item its own",
            )
        else:
            seen[key] = line
    fit = slot_fit(session)
    if fit.crossing is not None:
        crossing = fit.crossing
        end = format_clock(crossing.end)
        if crossing.end_offset + minutes_of_day(session.start) > MAX_MINUTES:
            end += " the next day"
        past = crossing.end_offset - session.length
        problems.warn(
            lines[crossing.index],
            f"'{crossing.item.title}' ends at {end}, {past} min after the slot ends "
            f"({fit.describe()}); shorten items or set a longer 'length'",
        )
    midnight = MAX_MINUTES - minutes_of_day(session.start)
    late = next((s for s in schedule(session) if s.end_offset > midnight), None)
    if late is not None and late is not fit.crossing:
        problems.warn(
            lines[late.index],
            f"'{late.item.title}' ends at {format_clock(late.end)} the next day, after "
            "midnight; a session runs within one day, so check the start time and minutes",
        )
    elif late is None and session.length > midnight:
        problems.warn(
            1,
            f"the slot ends after midnight ({session.length} min from "
            f"{format_clock(session.start)}); check the start time and length",
        )
