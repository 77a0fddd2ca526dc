"""The runs in the attendance file: a new run, the list, one run, a rename.

A run keeps a copy of its session's agenda and source, so its history still reads when the
session file has changed or gone. What a purge kept of a run (its counts and ratings) is
read here too; deleting or purging a run is in `attendees`, as it takes the people with it.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from presenter.attendance.database import Database, moment_text, read_moment
from presenter.attendance.errors import AttendanceError, UnknownRun
from presenter.attendance.model import DEFAULT_READINESS, Run

if TYPE_CHECKING:
    from presenter.agenda.model import Session

_RUN_COLUMNS = (
    "id, title, run_date, start_time, length_minutes, venue, facilitators, readiness, agenda, "
    "created_at, purged_at, "
    "(SELECT count(*) FROM attendees a WHERE a.run_id = runs.id AND a.checked_in_at IS NOT NULL), "
    "fitted_from"
)


class RunStore(Database):
    """Runs in the attendance file. `_clock` gives the wall time a run is recorded at."""

    _clock: Callable[[], datetime]
    _runs: dict[int, Run]  # the `_plain_run` cache, emptied when the file changes
    _runs_version: int

    def create_run(
        self,
        title: str,
        *,
        on: date,
        venue: str = "",
        facilitators: Iterable[str] = (),
        readiness: Iterable[str] = DEFAULT_READINESS,
        start: time = time(12, 0),
        length: int = 60,
        agenda: Iterable[tuple[str, int]] = (),
        session_source: str = "",
    ) -> Run:
        """Record a new delivery of a session and return it."""
        title = " ".join(title.split())
        if not title:
            raise AttendanceError("a run needs a title; give the session's title")
        agenda_json = json.dumps([{"title": t, "minutes": m} for t, m in agenda])
        with self.transaction() as db:
            cursor = db.execute(
                "INSERT INTO runs (title, run_date, start_time, length_minutes, venue, "
                "facilitators, readiness, agenda, session_source, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    title,
                    on.isoformat(),
                    start.strftime("%H:%M"),
                    length,
                    " ".join(venue.split()),
                    json.dumps([f.strip() for f in facilitators if f.strip()]),
                    json.dumps([r.strip() for r in readiness if r.strip()]),
                    agenda_json,
                    session_source,
                    moment_text(self._clock()),
                ),
            )
        return self.run(cursor.lastrowid or 0)

    def create_run_from_session(
        self,
        session: Session,
        *,
        on: date,
        venue: str | None = None,
        facilitators: Iterable[str] | None = None,
    ) -> Run:
        """A run of a session, keeping a copy of its agenda and its source text."""
        from presenter.agenda.writer import write_session

        source = write_session(session)
        return self.create_run(
            session.title,
            on=on,
            venue=session.venue if venue is None else venue,
            facilitators=session.facilitators if facilitators is None else facilitators,
            readiness=session.readiness,
            start=session.start,
            length=session.length,
            agenda=[(item.title, item.minutes) for item in session.items if item.timed],
            session_source=source,
        )

    def replan_run(self, run_id: int, session: Session, *, fitted_from: int | None = None) -> Run:
        """The plan a run is about to start with, kept in place of the one it was made with
        (a session edited or fitted into a shorter slot before the start): its slot, agenda
        and source, and the session's own length when it was fitted (None: its own length)."""
        from presenter.agenda.writer import write_session

        self.run(run_id)
        agenda = [{"title": item.title, "minutes": item.minutes} for item in session.items]
        with self.transaction() as db:
            db.execute(
                "UPDATE runs SET start_time = ?, length_minutes = ?, agenda = ?, "
                "session_source = ?, fitted_from = ? WHERE id = ?",
                (
                    session.start.strftime("%H:%M"),
                    session.length,
                    json.dumps(agenda),
                    write_session(session),
                    fitted_from,
                    run_id,
                ),
            )
            self._runs.clear()
        return self.run(run_id)

    def _run_from_row(self, row: tuple) -> Run:
        (id_, title, on, start, length, venue, facilitators, readiness, agenda, created) = row[:10]
        return Run(
            id=id_,
            title=title,
            date=date.fromisoformat(on),
            venue=venue,
            facilitators=tuple(json.loads(facilitators)),
            readiness=tuple(json.loads(readiness)),
            start=time.fromisoformat(start),
            length=length,
            agenda=tuple((i["title"], i["minutes"]) for i in json.loads(agenda)),
            created_at=read_moment(created),
            purged_at=read_moment(row[10]),
            checked_in=row[11]
            if row[10] is None
            else self._purged_counts(id_).get("checked_in", 0),
            fitted_from=row[12],
        )

    def purged_ratings(self, run_id: int) -> tuple[int, ...]:
        """The feedback ratings a purged run kept, lowest first (none for a run not purged)."""
        return tuple(self._purged_counts(run_id).get("ratings", ()))

    def purged_outcomes(self, run_id: int) -> int:
        """How many outcomes a purged run had noted (their text went with the purge)."""
        return int(self._purged_counts(run_id).get("outcomes", 0))

    def _purged_counts(self, run_id: int) -> dict:
        """What `purge_run` kept of a run: its counts and ratings (empty if not purged)."""
        row = self._db.execute("SELECT purged_counts FROM runs WHERE id = ?", (run_id,)).fetchone()
        return json.loads(row[0]) if row is not None and row[0] else {}

    def _plain_run(self, run_id: int) -> Run:
        """A run without its count, cached: check-in reads it on every key press."""
        version = self.outside_changes()
        if version != self._runs_version:
            self._runs.clear()
            self._runs_version = version
        if run_id not in self._runs:
            self._runs[run_id] = self.run(run_id)
        return self._runs[run_id]

    def run(self, run_id: int) -> Run:
        row = self._db.execute(
            f"SELECT {_RUN_COLUMNS} FROM runs WHERE id = ?", (run_id,)
        ).fetchone()
        if row is None:
            raise UnknownRun(f"there is no run {run_id}; `presenter runs list` shows them")
        return self._run_from_row(row)

    def runs(self) -> list[Run]:
        """Every run, newest first."""
        rows = self._db.execute(
            f"SELECT {_RUN_COLUMNS} FROM runs ORDER BY run_date DESC, id DESC"
        ).fetchall()
        return [self._run_from_row(row) for row in rows]

    def rename_run(self, run_id: int, title: str) -> Run:
        title = " ".join(title.split())
        if not title:
            raise AttendanceError("a run needs a title")
        self.run(run_id)
        with self.transaction() as db:
            db.execute("UPDATE runs SET title = ? WHERE id = ?", (title, run_id))
            self._runs.clear()
        return self.run(run_id)

    def runs_older_than(self, days: int, *, today: date | None = None) -> list[Run]:
        """Runs held more than `days` days ago that still hold personal data."""
        cutoff = (today or self._clock().date()) - timedelta(days=days)
        return [r for r in self.runs() if r.date < cutoff and not r.purged]
