"""Rehearsal records: how long each item took in a practice run, beside its plan.

A rehearsal is never a run: it has its own table, so it is not in `runs list`, the history,
the suggested minutes or the attendance. Each action of a rehearsal saves its record again,
so a rehearsal cut short keeps what was timed. Pure functions over an `AttendanceStore`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from presenter.attendance.store import AttendanceStore, UnknownRun

if TYPE_CHECKING:
    from presenter.timing import ItemTiming


@dataclass(frozen=True)
class RehearsedItem:
    """One agenda item of a rehearsal: its plan from the file and how long it took."""

    title: str
    planned_minutes: float
    took_seconds: float

    @property
    def over_seconds(self) -> float:
        """Seconds over the plan (negative when it was quicker)."""
        return self.took_seconds - self.planned_minutes * 60


@dataclass(frozen=True)
class Rehearsal:
    """A practice run of a session, timed from the moment it began."""

    id: int
    title: str
    started_at: datetime
    saved_at: datetime
    state: str  # the run clock's state at the last save: "running", "paused" or "finished"
    slot_minutes: int
    items: tuple[RehearsedItem, ...]

    @property
    def finished(self) -> bool:
        return self.state == "finished"

    @property
    def planned_minutes(self) -> float:
        return sum(item.planned_minutes for item in self.items)

    @property
    def took_seconds(self) -> float:
        return sum(item.took_seconds for item in self.items)


def save_rehearsal(
    store: AttendanceStore,
    rehearsal_id: int | None,
    *,
    title: str,
    started_at: datetime,
    state: str,
    slot_minutes: int,
    timings: list[ItemTiming],
    at: datetime,
) -> int:
    """Write a rehearsal's record (a new one when `rehearsal_id` is None); returns its number."""
    items = json.dumps([[t.title, t.planned_minutes, round(t.actual_seconds, 1)] for t in timings])
    moment = at.isoformat(timespec="seconds")
    with store.transaction() as db:
        if rehearsal_id is None:
            cursor = db.execute(
                "INSERT INTO rehearsals (title, started_at, saved_at, state, slot_minutes, items) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (
                    title,
                    started_at.isoformat(timespec="seconds"),
                    moment,
                    state,
                    slot_minutes,
                    items,
                ),
            )
            return int(cursor.lastrowid)
        db.execute(
            "UPDATE rehearsals SET saved_at = ?, state = ?, items = ? WHERE id = ?",
            (moment, state, items, rehearsal_id),
        )
    return rehearsal_id


_COLUMNS = "id, title, started_at, saved_at, state, slot_minutes, items"


def _from_row(row: tuple) -> Rehearsal:
    return Rehearsal(
        id=row[0],
        title=row[1],
        started_at=datetime.fromisoformat(row[2]),
        saved_at=datetime.fromisoformat(row[3]),
        state=row[4],
        slot_minutes=row[5],
        items=tuple(
            RehearsedItem(str(title), float(planned), float(took))
            for title, planned, took in json.loads(row[6])
        ),
    )


def rehearsals(store: AttendanceStore) -> list[Rehearsal]:
    """Every rehearsal kept, newest first."""
    rows = store.query(f"SELECT {_COLUMNS} FROM rehearsals ORDER BY id DESC").fetchall()
    return [_from_row(row) for row in rows]


def rehearsal(store: AttendanceStore, rehearsal_id: int) -> Rehearsal:
    row = store.query(f"SELECT {_COLUMNS} FROM rehearsals WHERE id = ?", (rehearsal_id,)).fetchone()
    if row is None:
        raise UnknownRun(f"there is no rehearsal {rehearsal_id}; `presenter rehearsals` lists them")
    return _from_row(row)


def comparison_rows(record: Rehearsal) -> list[tuple[str, str, str, str]]:
    """(item, planned, took, difference) in words, for the wrap-up and the command line."""
    from presenter.timing.format import format_span

    rows = []
    for item in record.items:
        rows.append(
            (
                item.title,
                format_span(item.planned_minutes * 60),
                format_span(item.took_seconds) if item.took_seconds else "not reached",
                _difference(item.over_seconds) if item.took_seconds else "",
            )
        )
    return rows


def _difference(over: float) -> str:
    from presenter.timing.format import ON_PLAN_SECONDS, format_span

    if abs(over) < ON_PLAN_SECONDS:
        return "on plan"
    return f"{format_span(over)} {'over' if over > 0 else 'under'}"


def summary_line(record: Rehearsal) -> str:
    """'Rehearsal 2 of Twitter hour, 09:06 on 2026-12-01: took 52 min 10 s of 1 h planned'."""
    from presenter.timing.format import format_span

    state = "" if record.finished else " (stopped before the end)"
    return (
        f"Rehearsal {record.id} of {record.title}, {record.started_at:%H:%M} on "
        f"{record.started_at:%Y-%m-%d}: took {format_span(record.took_seconds)} of "
        f"{format_span(record.planned_minutes * 60)} planned{state}"
    )
