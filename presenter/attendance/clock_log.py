"""The run clock's log: every action saved durably, so a run killed mid-session resumes.

Each action on the run clock is one row holding the clock's snapshot, so a run killed
mid-session resumes on the same item with the right times, and reports read each item's
planned and actual time from the last row. This is all the app needs while it runs; the
history across runs is in `presenter.attendance.history`. Pure functions over an
`AttendanceStore`; no Qt, and time comes in as arguments.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any, NamedTuple

from presenter.attendance.model import Run
from presenter.attendance.store import AttendanceError, AttendanceStore
from presenter.timing.state import RunState

if TYPE_CHECKING:
    from presenter.agenda.model import Session
    from presenter.timing import ItemTiming, RunClock

RESUME_WITHIN = timedelta(hours=12)  # an unfinished run older than this is not offered


class ClockSave(NamedTuple):
    """One action on the run clock, as saved: what was done, and the clock after it."""

    id: int
    run_id: int
    action: str
    state: str
    snapshot: dict[str, Any]
    saved_at: datetime


def _under_way(state: str) -> bool:
    """Whether a saved clock's state is a run under way (a damaged row's is not)."""
    try:
        return RunState(state).in_progress
    except ValueError:
        return False


def save_clock(
    store: AttendanceStore, run_id: int, action: str, snapshot: dict[str, Any], at: datetime
) -> None:
    """Record one run-clock action durably: one INSERT and one commit, nothing else."""
    with store.transaction() as db:
        db.execute(
            "INSERT INTO clock_saves (run_id, action, state, snapshot, saved_at) "
            "VALUES (?, ?, ?, ?, ?)",
            (
                run_id,
                action,
                snapshot["state"],
                json.dumps(snapshot),
                at.isoformat(timespec="seconds"),
            ),
        )


def _save_from_row(row: tuple) -> ClockSave:
    return ClockSave(
        id=row[0],
        run_id=row[1],
        action=row[2],
        state=row[3],
        snapshot=json.loads(row[4]),
        saved_at=datetime.fromisoformat(row[5]),
    )


_SAVE_COLUMNS = "id, run_id, action, state, snapshot, saved_at"


def last_clock_save(store: AttendanceStore, run_id: int) -> ClockSave | None:
    """The run clock as it was after the last action of a run, or None if it never started."""
    row = store.query(
        f"SELECT {_SAVE_COLUMNS} FROM clock_saves WHERE run_id = ? ORDER BY id DESC LIMIT 1",
        (run_id,),
    ).fetchone()
    return None if row is None else _save_from_row(row)


def clock_saves(store: AttendanceStore, run_id: int) -> list[ClockSave]:
    """Every action on a run's clock, in order: the log of how the session went."""
    rows = store.query(
        f"SELECT {_SAVE_COLUMNS} FROM clock_saves WHERE run_id = ? ORDER BY id", (run_id,)
    ).fetchall()
    return [_save_from_row(row) for row in rows]


def describe_action(before: dict[str, Any] | None, after: dict[str, Any]) -> str:
    """What the facilitator did between two snapshots, in their words ("next", "pause")."""
    state = after["state"]
    was = before["state"] if before else "before start"
    if was == "before start" and state != "before start":
        return "start"
    if state != was:
        return {"paused": "pause", "running": "resume", "finished": "finish"}.get(state, state)
    assert before is not None
    if after["current_index"] != before["current_index"]:
        step = after["current_index"] - before["current_index"]
        return {1: "next", -1: "previous"}.get(step, "jump")
    if after["reset_at"] != before["reset_at"]:
        return "restart item"
    changed = [
        (a, b)
        for a, b in zip(after["planned_minutes"], before["planned_minutes"], strict=False)
        if a != b
    ]
    if len(changed) > 1:
        return "rebalance"
    if changed:
        return "lengthen" if changed[0][0] > changed[0][1] else "shorten"
    return "save"


def run_session(store: AttendanceStore, run_id: int) -> Session:
    """The plan a run started with: its saved session source, else its agenda copy."""
    from presenter.agenda.model import AgendaItem, Session

    run = store.run(run_id)
    source = store.query("SELECT session_source FROM runs WHERE id = ?", (run_id,)).fetchone()[0]
    if source and (session := _parsed(source)) is not None:
        return session
    return Session(
        title=run.title,
        items=tuple(AgendaItem(title, minutes) for title, minutes in run.agenda),
        venue=run.venue,
        facilitators=run.facilitators,
        readiness=run.readiness,
        start=run.start,
        length=run.length,
    )


@functools.lru_cache(maxsize=16)
def _parsed(source: str) -> Session | None:
    """A run's saved session text, read once: many runs share the same text."""
    from presenter.agenda.reader import parse_session

    session, _problems = parse_session(source, "the run's saved session")
    return session


def restore_clock(
    store: AttendanceStore,
    run_id: int,
    *,
    monotonic: Callable[[], float],
    wall: Callable[[], datetime],
) -> RunClock:
    """The run's clock carried on from its last save, counting the time since (see RunClock)."""
    from presenter.timing import RunClock

    save = last_clock_save(store, run_id)
    if save is None:
        raise AttendanceError(f"run {run_id} was never started, so there is nothing to resume")
    return RunClock.restore(
        run_session(store, run_id), save.snapshot, monotonic=monotonic, wall=wall
    )


def recorded_clock(store: AttendanceStore, run_id: int) -> RunClock | None:
    """The run's clock frozen at its last save (for reports), or None if never started."""
    from presenter.timing import RunClock

    save = last_clock_save(store, run_id)
    if save is None:
        return None
    taken = save.snapshot["taken_at"]
    monotonic, wall = float(taken["monotonic"]), datetime.fromisoformat(taken["wall"])
    return RunClock.restore(
        run_session(store, run_id), save.snapshot, monotonic=lambda: monotonic, wall=lambda: wall
    )


def run_timings(store: AttendanceStore, run_id: int) -> list[ItemTiming] | None:
    """Planned and actual time of each item of a run, or None if the run never started."""
    clock = recorded_clock(store, run_id)
    return None if clock is None else clock.timings()


class ResumeOffer(NamedTuple):
    """An unfinished run the app can carry on with after it was closed or killed."""

    run: Run
    save: ClockSave
    started_at: datetime | None
    item_index: int
    item_title: str

    def text(self) -> str:
        """'Twitter hour, Library, started 12:02'."""
        parts = [self.run.title]
        if self.run.venue:
            parts.append(self.run.venue)
        if self.started_at is not None:
            parts.append(f"started {self.started_at:%H:%M}")
        return ", ".join(parts)


def resume_offer(store: AttendanceStore, now: datetime) -> ResumeOffer | None:
    """The most recently saved run still under way (running or paused) in the last 12 hours."""
    row = store.query(
        f"SELECT {_SAVE_COLUMNS} FROM clock_saves ORDER BY id DESC LIMIT 1"
    ).fetchone()
    if row is None:
        return None
    save = _save_from_row(row)
    run = store.run(save.run_id)
    if not _under_way(save.state) or run.purged:
        return None
    if abs(now.replace(tzinfo=None) - save.saved_at.replace(tzinfo=None)) > RESUME_WITHIN:
        return None
    snapshot = save.snapshot
    started = snapshot.get("started_wall")
    index = int(snapshot["current_index"])
    titles = [title for title, _minutes in run.agenda]
    return ResumeOffer(
        run=run,
        save=save,
        started_at=None if started is None else datetime.fromisoformat(started),
        item_index=index,
        item_title=titles[index] if index < len(titles) else f"item {index + 1}",
    )


def run_finished(store: AttendanceStore, run_id: int) -> bool:
    save = last_clock_save(store, run_id)
    return save is not None and save.state == "finished"


def todays_run(store: AttendanceStore, session: Session, on: date) -> Run | None:
    """Today's run of this session still to be finished, if there is one (nothing is made)."""
    for run in store.runs():
        if run.date == on and run.title == session.title and not run.purged:
            if not run_finished(store, run.id):
                return run
            break
    return None


def run_for_session(store: AttendanceStore, session: Session, on: date) -> Run:
    """Today's run of this session still to be finished, or a new one."""
    run = todays_run(store, session, on)
    return run if run is not None else store.create_run_from_session(session, on=on)
