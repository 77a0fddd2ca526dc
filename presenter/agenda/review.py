"""Keeping a session's content current: what it rests on (`outcomes`, `sources`), when it was
last checked (`reviewed`), and the blank session's words left unchanged.

`presenter validate` asks `review_problems` for its warnings; today's date comes in as a
callable, so nothing here reads the clock."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from typing import Any

from presenter.agenda.model import Session
from presenter.agenda.problems import Problem, Problems
from presenter.agenda.source import decode_source, read_source

# A review older than this many months is out of date: guidance and the platforms change.
REVIEW_MONTHS = 12

# The words `blank-lunchtime-session.md` leaves for the facilitator to replace: a session
# that still says them is not ready to run or share (`presenter validate --strict` says so).
PLACEHOLDERS = {
    "title": "Your session title",
    "subtitle": "One line on what people will get out of the hour",
    "facilitators": "Your name",
    "audience": "Who the session is for",
}
ITEM_PLACEHOLDERS = (
    "What you need to have ready",
    "Your main topic",
    "The first thing the audience should see",
    "The second thing",
    "What everyone does, step by step",
)


def review_fields(session: Session) -> dict[str, Any]:
    """The front matter keys for what the session rests on, for the session writer."""
    fields: dict[str, Any] = {}
    if session.outcomes:
        fields["outcomes"] = list(session.outcomes)
    if session.sources:
        fields["sources"] = list(session.sources)
    if session.reviewed:
        fields["reviewed"] = session.reviewed
    return fields


def approval_warning(session: Session) -> str:
    """What to tell whoever exports a session that says who agreed its content."""
    return (
        f'note: the deck\'s notes say "{session.approval}"; that approval is for your '
        "organisation only and does not travel with the deck: whoever presents it elsewhere "
        "needs their own communications team's agreement"
    )


def months_since(reviewed: str, today: date) -> int:
    """Whole months from a "YYYY-MM" review to today's month (negative when it is later)."""
    year, month = (int(part) for part in reviewed.split("-"))
    return (today.year * 12 + today.month) - (year * 12 + month)


def review_problems(
    session: Session,
    path: str | os.PathLike[str],
    today: Callable[[], date],
    *,
    strict: bool = False,
) -> list[Problem]:
    """Warnings about the session file at `path`: a review more than a year before `today()`,
    and (when `strict`) the blank session's placeholders left unchanged."""
    problems = Problems(path)
    try:
        text = decode_source(read_source(path), Problems(path)) or ""
    except OSError:  # read a moment ago; the lines are only for the messages
        text = ""
    lines = text.split("\n")
    _check_reviewed(session, lines, today(), problems)
    if strict:
        _check_placeholders(session, lines, problems)
    return problems.warnings


def _check_reviewed(session: Session, lines: list[str], today: date, problems: Problems) -> None:
    if not session.reviewed:
        return
    months = months_since(session.reviewed, today)
    if months > REVIEW_MONTHS:
        problems.warn(
            _line_of(lines, "reviewed:", key=True),
            f"the content was last reviewed in {session.reviewed}, more than a year before "
            f"today ({today.isoformat()}); check it against its sources, then set "
            f"'reviewed: {today.year}-{today.month:02d}'",
        )


def _check_placeholders(session: Session, lines: list[str], problems: Problems) -> None:
    for key, words in PLACEHOLDERS.items():
        value = getattr(session, key)
        values = value if isinstance(value, tuple) else (value,)
        if any(_same(v, words) for v in values):
            problems.warn(
                _line_of(lines, f"{key}:", key=True),
                f"'{key}' still says \"{words}\", the blank session's placeholder; write your own",
            )
    for item in session.items:
        for text in (item.title, *item.points):
            words = next((w for w in ITEM_PLACEHOLDERS if _same(text, w)), None)
            if words is not None:
                problems.warn(
                    _line_of(lines, words),
                    f'"{words}" is the blank session\'s placeholder; write your own',
                )


def _same(text: str, words: str) -> bool:
    return text.strip().casefold() == words.casefold()


def _line_of(lines: list[str], text: str, *, key: bool = False) -> int:
    """The first line (1-based) that starts with the key `text`, or holds `text`; else 1."""
    for number, line in enumerate(lines, start=1):
        if line.startswith(text) if key else text.casefold() in line.casefold():
            return number
    return 1
