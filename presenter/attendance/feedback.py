"""What came of a run: each attendee's feedback at the end, and outcomes noted later.

Both live in the attendance file beside the run (tables `feedback` and `outcomes`); a purge
keeps the ratings as numbers and only how many outcomes there were.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from presenter.attendance.database import moment_text
from presenter.attendance.errors import AttendanceError
from presenter.attendance.store import AttendanceStore


@dataclass(frozen=True)
class Feedback:
    """An attendee's quick verdict at the end: a rating out of 5 and a comment, both optional."""

    attendee_id: int
    name: str
    rating: int | None
    comment: str


def give_feedback(
    store: AttendanceStore,
    attendee_id: int,
    rating: int | None,
    comment: str = "",
    *,
    at: datetime,
) -> Feedback | None:
    """Record (or replace) one attendee's feedback; no rating and no comment clears it."""
    if rating is not None and not 1 <= rating <= 5:
        raise AttendanceError("a rating is from 1 to 5; leave it empty for no rating")
    person = store.attendee(attendee_id)
    comment = comment.strip()
    with store.transaction() as db:
        if rating is None and not comment:
            db.execute("DELETE FROM feedback WHERE attendee_id = ?", (attendee_id,))
            return None
        db.execute(
            "INSERT INTO feedback (attendee_id, run_id, rating, comment, given_at) "
            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (attendee_id) DO UPDATE SET "
            "rating = excluded.rating, comment = excluded.comment, given_at = excluded.given_at",
            (attendee_id, person.run_id, rating, comment, moment_text(at)),
        )
    return Feedback(attendee_id, person.name, rating, comment)


def feedback_for(store: AttendanceStore, run_id: int) -> list[Feedback]:
    """The feedback given at a run, in check-in order."""
    rows = store.query(
        "SELECT f.attendee_id, a.name, f.rating, f.comment FROM feedback f "
        "JOIN attendees a ON a.id = f.attendee_id WHERE f.run_id = ? "
        "ORDER BY a.checked_in_at, a.id",
        (run_id,),
    ).fetchall()
    return [Feedback(*row) for row in rows]


@dataclass(frozen=True)
class Outcome:
    """What happened after a run, noted later: "now tweeting actively"."""

    id: int
    run_id: int
    text: str
    noted_on: date
    attendee_id: int | None = None
    name: str = ""


def record_outcome(
    store: AttendanceStore,
    run_id: int,
    text: str,
    *,
    on: date,
    at: datetime,
    attendee_id: int | None = None,
) -> Outcome:
    """Note an outcome of a run, for the whole group or for one attendee."""
    text = " ".join(text.split())
    if not text:
        raise AttendanceError("an outcome needs some words, e.g. 'now tweeting actively'")
    store.run(run_id)
    name = ""
    if attendee_id is not None:
        person = store.attendee(attendee_id)
        if person.run_id != run_id:
            raise AttendanceError(f"attendee {attendee_id} is not on run {run_id}")
        name = person.name
    with store.transaction() as db:
        cursor = db.execute(
            "INSERT INTO outcomes (run_id, attendee_id, text, noted_on, created_at) "
            "VALUES (?, ?, ?, ?, ?)",
            (run_id, attendee_id, text, on.isoformat(), moment_text(at)),
        )
    return Outcome(cursor.lastrowid or 0, run_id, text, on, attendee_id, name)


def outcomes_for(store: AttendanceStore, run_id: int) -> list[Outcome]:
    rows = store.query(
        "SELECT o.id, o.run_id, o.text, o.noted_on, o.attendee_id, coalesce(a.name, '') "
        "FROM outcomes o LEFT JOIN attendees a ON a.id = o.attendee_id "
        "WHERE o.run_id = ? ORDER BY o.noted_on, o.id",
        (run_id,),
    ).fetchall()
    return [
        Outcome(row[0], row[1], row[2], date.fromisoformat(row[3]), row[4], row[5]) for row in rows
    ]
