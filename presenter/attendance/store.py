"""The attendance file: runs and attendees in one SQLite database, committed durably.

A check-in is on disk (WAL, synchronous=FULL) before `check_in` returns, so a laptop that
dies a second later keeps it. The schema version lives in PRAGMA user_version and grows by
appending a function to MIGRATIONS. Only the owner may read the file.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from presenter.attendance.model import (
    DEFAULT_READINESS,
    Attendee,
    AttendeeDetails,
    CheckIn,
    Run,
    Summary,
)
from presenter.attendance.paths import data_dir, store_path
from presenter.attendance.search import RosterIndex
from presenter.attendance.text import (
    clean_name,
    email_problem,
    fold,
    has_control_characters,
    normalise_handle,
)

if TYPE_CHECKING:
    from presenter.agenda.model import Session

BUSY_TIMEOUT_MS = 5000


class AttendanceError(Exception):
    """Something the facilitator asked for cannot be done; the message says what to do.

    Messages never contain a person's details: they may end up on a projected screen.
    """


class UnknownRun(AttendanceError):
    """No run with that number."""


class DuplicateAttendee(AttendanceError):
    """The person typed is already on this run's list (same name or same email)."""

    def __init__(self, existing: Attendee, reason: str) -> None:
        super().__init__(
            f"attendee {existing.id} in run {existing.run_id} has the same {reason}; "
            "merge the details into theirs, or add a second person on purpose"
        )
        self.existing = existing
        self.reason = reason


class InvalidDetails(AttendanceError):
    """A field the facilitator typed cannot be stored as it is."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"the {field.replace('_', ' ')} {problem}")
        self.field = field
        self.problem = problem


SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN = 10, 13, 14
ALMOST_NO_ROOM = 64 * 1024  # bytes


def _disk_full(exc: BaseException, path: Path) -> bool:
    """True when `exc` comes from the disk being full. SQLite reports some failures to grow
    its shared-memory file as a plain I/O error, so those count when the disk has no room."""
    if isinstance(exc, OSError):
        return exc.errno in (errno.ENOSPC, errno.EDQUOT)
    code = (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF
    if code == SQLITE_FULL:
        return True
    if code in (SQLITE_IOERR, SQLITE_CANTOPEN):
        import shutil

        with contextlib.suppress(OSError):
            return shutil.disk_usage(path.parent).free < ALMOST_NO_ROOM
    return False


def _full_error(path: Path) -> AttendanceError:
    from presenter.files import disk_full_text

    return AttendanceError(
        f"{path}: {disk_full_text(path.parent)}; free some space on it, then try again"
    )


def _execute_script(db: sqlite3.Connection, script: str) -> None:
    """Statements one by one: executescript() would commit the migration's transaction."""
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


def _migration_1(db: sqlite3.Connection) -> None:
    """Runs and attendees."""
    _execute_script(
        db,
        """
        CREATE TABLE runs (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            run_date TEXT NOT NULL,
            start_time TEXT NOT NULL DEFAULT '12:00',
            length_minutes INTEGER NOT NULL DEFAULT 60,
            venue TEXT NOT NULL DEFAULT '',
            facilitators TEXT NOT NULL DEFAULT '[]',
            readiness TEXT NOT NULL DEFAULT '[]',
            agenda TEXT NOT NULL DEFAULT '{}',
            session_source TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            purged_at TEXT,
            purged_counts TEXT
        );
        CREATE TABLE attendees (
            id INTEGER PRIMARY KEY,
            run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            name TEXT NOT NULL CHECK (name != ''),
            name_key TEXT NOT NULL,
            role TEXT NOT NULL DEFAULT '',
            department TEXT NOT NULL DEFAULT '',
            email TEXT NOT NULL DEFAULT '',
            email_key TEXT NOT NULL DEFAULT '',
            staff_number TEXT NOT NULL DEFAULT '',
            handle TEXT NOT NULL DEFAULT '',
            consent INTEGER NOT NULL DEFAULT 0,
            note TEXT NOT NULL DEFAULT '',
            ready TEXT NOT NULL DEFAULT '[]',
            on_roster INTEGER NOT NULL DEFAULT 0,
            checked_in_at TEXT,
            created_at TEXT NOT NULL
        );
        CREATE INDEX attendees_by_name ON attendees(run_id, name_key);
        CREATE INDEX attendees_by_email ON attendees(run_id, email_key) WHERE email_key != '';
        """,
    )


def _migration_2(db: sqlite3.Connection) -> None:
    """Run history: every run-clock action with its snapshot, feedback, later outcomes."""
    _execute_script(
        db,
        """
        CREATE TABLE clock_saves (
            id INTEGER PRIMARY KEY,
            run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            action TEXT NOT NULL,
            state TEXT NOT NULL,
            snapshot TEXT NOT NULL,
            saved_at TEXT NOT NULL
        );
        CREATE INDEX clock_saves_by_run ON clock_saves(run_id, id);
        CREATE TABLE feedback (
            attendee_id INTEGER PRIMARY KEY REFERENCES attendees(id) ON DELETE CASCADE,
            run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            rating INTEGER CHECK (rating BETWEEN 1 AND 5),
            comment TEXT NOT NULL DEFAULT '',
            given_at TEXT NOT NULL
        );
        CREATE TABLE outcomes (
            id INTEGER PRIMARY KEY,
            run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
            attendee_id INTEGER REFERENCES attendees(id) ON DELETE CASCADE,
            text TEXT NOT NULL CHECK (text != ''),
            noted_on TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        """,
    )


def _migration_3(db: sqlite3.Connection) -> None:
    """Rehearsals: timed practice runs, kept apart from runs so they never count as one."""
    _execute_script(
        db,
        """
        CREATE TABLE rehearsals (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            started_at TEXT NOT NULL,
            saved_at TEXT NOT NULL,
            state TEXT NOT NULL,
            slot_minutes INTEGER NOT NULL,
            items TEXT NOT NULL DEFAULT '[]'
        );
        """,
    )


# In order; the file's user_version is how many have run. Add the next one at the end.
MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (
    _migration_1,
    _migration_2,
    _migration_3,
)

_ATTENDEE_COLUMNS = (
    "id, run_id, name, role, department, email, staff_number, handle, consent, note, "
    "ready, on_roster, checked_in_at"
)
_RUN_COLUMNS = (
    "id, title, run_date, start_time, length_minutes, venue, facilitators, readiness, agenda, "
    "created_at, purged_at, "
    "(SELECT count(*) FROM attendees a WHERE a.run_id = runs.id AND a.checked_in_at IS NOT NULL)"
)


def _ensure_private_file(path: Path) -> None:
    """Create the database file readable by its owner only, or tighten an existing one."""
    from presenter.files import private_folder

    private_folder(path.parent)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    os.close(fd)
    with contextlib.suppress(OSError):  # a file we do not own: SQLite will say so
        os.chmod(path, 0o600)


class _WindowLock:
    """An advisory lock beside the database: tells a second window that one is open."""

    def __init__(self, path: Path) -> None:
        # Held open for the store's lifetime; readable by its owner only, like the database.
        self._file = os.fdopen(os.open(path, os.O_RDWR | os.O_CREAT, 0o600), "r+b")
        self.shared = not self._try_lock()

    def _try_lock(self) -> bool:
        try:
            import fcntl
        except ImportError:  # Windows
            import msvcrt

            try:
                msvcrt.locking(self._file.fileno(), msvcrt.LK_NBLCK, 1)
            except OSError:
                return False
            return True
        try:
            fcntl.flock(self._file.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            return False
        return True

    def close(self) -> None:
        self._file.close()


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat(timespec="seconds")


def _parse_moment(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


class AttendanceStore:
    """Runs and their attendees in one SQLite file. `clock` gives the wall time of a check-in."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        clock: Callable[[], datetime] = datetime.now,
        hold_window_lock: bool = True,
        busy_timeout_ms: int = BUSY_TIMEOUT_MS,
    ) -> None:
        self.path = Path(path)
        self._clock = clock
        try:
            self._open(hold_window_lock, busy_timeout_ms)
        except (OSError, sqlite3.Error) as exc:
            if _disk_full(exc, self.path):
                raise _full_error(self.path) from None
            raise
        self._index_key: tuple[int, int] | None = None
        self._index = RosterIndex(())

    def _open(self, hold_window_lock: bool, busy_timeout_ms: int) -> None:
        self._lock = None
        _ensure_private_file(self.path)
        self._lock = (
            _WindowLock(self.path.with_name(self.path.name + ".lock")) if hold_window_lock else None
        )
        self._runs: dict[int, Run] = {}
        self._runs_version = -1
        try:
            self._db = sqlite3.connect(
                self.path, isolation_level=None, timeout=busy_timeout_ms / 1000
            )
        except sqlite3.Error:
            if self._lock:
                self._lock.close()
            raise
        try:
            self._db.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = FULL")
            self._db.execute("PRAGMA foreign_keys = ON")
            self._db.execute("PRAGMA secure_delete = ON")  # purged data is overwritten
            self._migrate()
        except BaseException:
            self.close()
            raise

    # -- the file -----------------------------------------------------------------------

    @property
    def another_window_open(self) -> bool:
        """True when another Presenter window had this file open when this one opened it."""
        return bool(self._lock and self._lock.shared)

    @property
    def schema_version(self) -> int:
        return self._db.execute("PRAGMA user_version").fetchone()[0]

    def close(self) -> None:
        self._db.close()
        if self._lock:
            self._lock.close()

    def __enter__(self) -> AttendanceStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def query(self, sql: str, parameters: tuple = ()) -> sqlite3.Cursor:
        """A read, for the modules that keep their own tables in this file (the clock log,
        feedback and outcomes)."""
        return self._db.execute(sql, parameters)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One durable write: BEGIN IMMEDIATE so two windows queue instead of failing late.
        A full disk or a file held too long by another window is an AttendanceError."""
        try:
            self._db.execute("BEGIN IMMEDIATE")
            yield self._db
            self._db.execute("COMMIT")
        except BaseException as exc:
            if self._db.in_transaction:
                self._db.execute("ROLLBACK")
            if _disk_full(exc, self.path):
                raise _full_error(self.path) from None
            if isinstance(exc, sqlite3.OperationalError):
                raise AttendanceError(
                    f"the attendance file could not be written ({exc}); try again"
                ) from None
            raise

    def _migrate(self) -> None:
        version = self.schema_version
        if version > len(MIGRATIONS):
            raise AttendanceError(
                f"{self.path}: the attendance file is from a newer Presenter "
                f"(schema {version}); update Presenter to open it"
            )
        for number, migration in enumerate(MIGRATIONS[version:], start=version + 1):
            with self.transaction() as db:
                migration(db)
                db.execute(f"PRAGMA user_version = {number}")

    def outside_changes(self) -> int:
        """A number that changes whenever another window or command writes to the file."""
        return self._db.execute("PRAGMA data_version").fetchone()[0]

    def integrity_ok(self) -> bool:
        return self._db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

    # -- runs ---------------------------------------------------------------------------

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
                    _iso(self._clock()),
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
        from presenter.agenda import write_session

        source = write_session(session)
        return self.create_run(
            session.title,
            on=on,
            venue=session.venue if venue is None else venue,
            facilitators=session.facilitators if facilitators is None else facilitators,
            readiness=session.readiness,
            start=session.start,
            length=session.length,
            agenda=[(item.title, item.minutes) for item in session.items],
            session_source=source,
        )

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
            created_at=_parse_moment(created),
            purged_at=_parse_moment(row[10]),
            checked_in=row[11]
            if row[10] is None
            else self._purged_counts(id_).get("checked_in", 0),
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
        version = self._db.execute("PRAGMA data_version").fetchone()[0]
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

    def delete_run(self, run_id: int) -> None:
        """Remove a run and everyone on it."""
        self.run(run_id)
        with self.transaction() as db:
            db.execute("DELETE FROM runs WHERE id = ?", (run_id,))
            self._runs.clear()
        self._forget_index()
        self._checkpoint()

    def runs_older_than(self, days: int, *, today: date | None = None) -> list[Run]:
        """Runs held more than `days` days ago that still hold personal data."""
        cutoff = (today or self._clock().date()) - timedelta(days=days)
        return [r for r in self.runs() if r.date < cutoff and not r.purged]

    def purge_run(self, run_id: int) -> Summary:
        """Delete every attendee's personal data, keeping the anonymous counts and the
        feedback ratings (numbers only: who gave them, and their comments, go). Outcomes
        are free text that can name people, so only how many there were is kept."""
        summary = self.summary(run_id)
        ratings = self._db.execute(
            "SELECT rating FROM feedback WHERE run_id = ? AND rating IS NOT NULL ORDER BY rating",
            (run_id,),
        ).fetchall()
        (outcomes,) = self._db.execute(
            "SELECT count(*) FROM outcomes WHERE run_id = ?", (run_id,)
        ).fetchone()
        counts = {
            "checked_in": summary.checked_in,
            "late": summary.late,
            "on_roster": summary.on_roster,
            "ready": dict(summary.ready),
            "ratings": [rating for (rating,) in ratings] or list(self.purged_ratings(run_id)),
            "outcomes": outcomes + self.purged_outcomes(run_id),
        }
        with self.transaction() as db:
            db.execute("DELETE FROM outcomes WHERE run_id = ?", (run_id,))
            db.execute("DELETE FROM attendees WHERE run_id = ?", (run_id,))
            db.execute(
                "UPDATE runs SET purged_at = ?, purged_counts = ? WHERE id = ?",
                (_iso(self._clock()), json.dumps(counts), run_id),
            )
            self._runs.clear()
        self._forget_index()
        self._checkpoint()
        return summary

    def _checkpoint(self) -> None:
        """Fold the write-ahead log into the file so deleted rows do not linger in it."""
        self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    # -- attendees ----------------------------------------------------------------------

    def _attendee_from_row(self, row: tuple, starts_at: datetime | None) -> Attendee:
        checked_in_at = _parse_moment(row[12])
        late = bool(checked_in_at and starts_at and checked_in_at.replace(tzinfo=None) > starts_at)
        return Attendee(
            id=row[0],
            run_id=row[1],
            name=row[2],
            role=row[3],
            department=row[4],
            email=row[5],
            staff_number=row[6],
            handle=row[7],
            consent=bool(row[8]),
            note=row[9],
            ready=frozenset(json.loads(row[10])),
            on_roster=bool(row[11]),
            checked_in_at=checked_in_at,
            late=late,
        )

    def attendee(self, attendee_id: int) -> Attendee:
        row = self._db.execute(
            f"SELECT {_ATTENDEE_COLUMNS} FROM attendees WHERE id = ?", (attendee_id,)
        ).fetchone()
        if row is None:
            raise AttendanceError(f"there is no attendee {attendee_id}")
        return self._attendee_from_row(row, self._plain_run(row[1]).starts_at)

    def attendees(self, run_id: int, *, checked_in_only: bool = False) -> list[Attendee]:
        """Everyone on a run's list, in check-in order (roster people not yet in at the end)."""
        starts_at = self.run(run_id).starts_at
        where = " AND checked_in_at IS NOT NULL" if checked_in_only else ""
        rows = self._db.execute(
            f"SELECT {_ATTENDEE_COLUMNS} FROM attendees WHERE run_id = ?{where} "
            "ORDER BY checked_in_at IS NULL, checked_in_at, id",
            (run_id,),
        ).fetchall()
        return [self._attendee_from_row(row, starts_at) for row in rows]

    def validate(self, details: AttendeeDetails, readiness: Iterable[str] = ()) -> AttendeeDetails:
        """The details cleaned up for storing, or InvalidDetails naming the field at fault."""
        name = clean_name(details.name)
        if not name:
            raise InvalidDetails("name", "is empty; type the person's name")
        if has_control_characters(name):
            raise InvalidDetails(
                "name", "has a control character in it (such as NUL or an escape code)"
            )
        email = details.email.strip()
        if problem := email_problem(email):
            raise InvalidDetails("email", problem)
        try:
            handle = normalise_handle(details.handle)
        except ValueError as exc:
            raise InvalidDetails("social_handle", str(exc)) from None
        checks = set(readiness)
        unknown = set(details.ready) - checks if checks else set()
        if unknown:
            raise InvalidDetails(
                "readiness", f"check is not one of this run's: {', '.join(sorted(checks))}"
            )
        return replace(
            details,
            name=name,
            email=email,
            handle=handle,
            role=details.role.strip(),
            department=details.department.strip(),
            staff_number=details.staff_number.strip(),
            note=details.note.strip(),
        )

    def find_duplicate(self, run_id: int, details: AttendeeDetails) -> tuple[Attendee, str] | None:
        """Someone on the run's list with the same email, or else the same name."""
        return self._find_duplicate(run_id, details, self._plain_run(run_id).starts_at)

    def _find_duplicate(
        self, run_id: int, details: AttendeeDetails, starts_at: datetime
    ) -> tuple[Attendee, str] | None:
        # One query: the same email first; then the same name, someone not yet in first.
        # "email_key != ''" lets SQLite use the partial index on emails.
        row = self._db.execute(
            f"SELECT * FROM ("
            f"SELECT 0 AS why, {_ATTENDEE_COLUMNS} FROM attendees "
            "WHERE run_id = ? AND email_key = ? AND email_key != '' "
            f"UNION ALL SELECT 1, {_ATTENDEE_COLUMNS} FROM attendees "
            "WHERE run_id = ? AND name_key = ?"
            ") ORDER BY why, checked_in_at IS NOT NULL, id LIMIT 1",
            (run_id, details.email.strip().casefold(), run_id, fold(details.name)),
        ).fetchone()
        if row is None:
            return None
        return self._attendee_from_row(row[1:], starts_at), ("email", "name")[row[0]]

    def check_in(
        self,
        run_id: int,
        details: AttendeeDetails,
        *,
        on_duplicate: str = "ask",
        attendee_id: int | None = None,
    ) -> CheckIn:
        """Check a person in, durably, and say what changed so the caller can undo it.

        `attendee_id` checks in that roster person. Otherwise a roster person not yet in
        with the same name or email is checked in; anyone else with the same name or email
        raises DuplicateAttendee unless `on_duplicate` is "merge" (update their details)
        or "add" (a second person with the same name, on purpose). The duplicate check and
        the write are one transaction, so two windows cannot both add the same person.
        """
        run = self._plain_run(run_id)
        if run.purged:
            raise AttendanceError(f"run {run_id} was purged; start a new run to check people in")
        details = self.validate(details, run.readiness)
        starts_at = run.starts_at
        now = datetime.fromisoformat(_iso(self._clock()) or "")
        with self.transaction() as db:
            target: Attendee | None = None
            if attendee_id is not None:
                row = db.execute(
                    f"SELECT {_ATTENDEE_COLUMNS} FROM attendees WHERE id = ?", (attendee_id,)
                ).fetchone()
                if row is None or row[1] != run_id:
                    raise AttendanceError(f"attendee {attendee_id} is not on run {run_id}")
                target = self._attendee_from_row(row, starts_at)
            elif (found := self._find_duplicate(run_id, details, starts_at)) is not None:
                existing, reason = found
                if (existing.on_roster and not existing.checked_in) or on_duplicate == "merge":
                    target = existing
                elif on_duplicate != "add":
                    raise DuplicateAttendee(existing, reason)
            if target is None:
                cursor = db.execute(
                    "INSERT INTO attendees (run_id, name, name_key, role, department, email, "
                    "email_key, staff_number, handle, consent, note, ready, on_roster, "
                    "checked_in_at, created_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
                    (run_id, *self._columns(details), _iso(now), _iso(now)),
                )
                result = Attendee(
                    id=cursor.lastrowid or 0,
                    run_id=run_id,
                    **_detail_fields(details),
                    checked_in_at=now,
                    late=now > starts_at,
                )
            else:
                merged = _merge(target.details(), details)
                db.execute(
                    "UPDATE attendees SET name = ?, name_key = ?, role = ?, department = ?, "
                    "email = ?, email_key = ?, staff_number = ?, handle = ?, consent = ?, "
                    "note = ?, ready = ?, checked_in_at = coalesce(checked_in_at, ?) WHERE id = ?",
                    (*self._columns(merged), _iso(now), target.id),
                )
                moment = target.checked_in_at or now
                result = Attendee(
                    id=target.id,
                    run_id=run_id,
                    **_detail_fields(merged),
                    on_roster=target.on_roster,
                    checked_in_at=moment,
                    late=moment > starts_at,
                )
        self._indexed(run_id, put=result)
        return CheckIn(attendee=result, before=target)

    @staticmethod
    def _columns(details: AttendeeDetails) -> tuple:
        return (
            details.name,
            fold(details.name),
            details.role,
            details.department,
            details.email,
            details.email.casefold(),
            details.staff_number,
            details.handle,
            int(details.consent),
            details.note,
            json.dumps(sorted(details.ready)),
        )

    def undo(self, check_in: CheckIn) -> None:
        """Take back a check-in: a walk-in disappears, a roster person goes back to not-in."""
        before = check_in.before
        run_id = check_in.attendee.run_id
        with self.transaction() as db:
            if before is None:
                db.execute("DELETE FROM attendees WHERE id = ?", (check_in.attendee.id,))
            else:
                db.execute(
                    "UPDATE attendees SET name = ?, name_key = ?, role = ?, department = ?, "
                    "email = ?, email_key = ?, staff_number = ?, handle = ?, consent = ?, "
                    "note = ?, ready = ?, checked_in_at = ? WHERE id = ?",
                    (*self._columns(before.details()), _iso(before.checked_in_at), before.id),
                )
        if before is None:
            self._indexed(run_id, removed=check_in.attendee.id)
        else:
            self._indexed(run_id, put=before)

    def update_attendee(self, attendee_id: int, details: AttendeeDetails) -> Attendee:
        """Correct someone's details after the fact (a typo, the app now installed)."""
        current = self.attendee(attendee_id)
        details = self.validate(details, self.run(current.run_id).readiness)
        with self.transaction() as db:
            db.execute(
                "UPDATE attendees SET name = ?, name_key = ?, role = ?, department = ?, "
                "email = ?, email_key = ?, staff_number = ?, handle = ?, consent = ?, "
                "note = ?, ready = ? WHERE id = ?",
                (*self._columns(details), attendee_id),
            )
        updated = self.attendee(attendee_id)
        self._indexed(updated.run_id, put=updated)
        return updated

    def set_ready(self, attendee_id: int, check: str, ticked: bool) -> Attendee:
        current = self.attendee(attendee_id)
        ready = current.ready | {check} if ticked else current.ready - {check}
        return self.update_attendee(attendee_id, replace(current.details(), ready=ready))

    def add_to_roster(self, run_id: int, people: Iterable[AttendeeDetails]) -> tuple[int, int]:
        """Pre-register people in one transaction: all or none. Returns (added, merged).

        Someone already on the list (same email, or same name) gets their empty fields
        filled in instead of a second row.
        """
        run = self.run(run_id)
        cleaned = [self.validate(p, run.readiness) for p in people]
        added = merged = 0
        with self.transaction() as db:
            for details in cleaned:
                found = self.find_duplicate(run_id, details)
                if found:
                    existing = found[0]
                    db.execute(
                        "UPDATE attendees SET name = ?, name_key = ?, role = ?, "
                        "department = ?, email = ?, email_key = ?, staff_number = ?, "
                        "handle = ?, consent = ?, note = ?, ready = ?, on_roster = 1 "
                        "WHERE id = ?",
                        (*self._columns(_merge(details, existing.details())), existing.id),
                    )
                    merged += 1
                else:
                    db.execute(
                        "INSERT INTO attendees (run_id, name, name_key, role, department, "
                        "email, email_key, staff_number, handle, consent, note, ready, "
                        "on_roster, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)",
                        (run_id, *self._columns(details), _iso(self._clock())),
                    )
                    added += 1
        self._forget_index()
        return added, merged

    # -- counts and search --------------------------------------------------------------

    def summary(self, run_id: int) -> Summary:
        run = self.run(run_id)
        if run.purged:
            counts = self._purged_counts(run_id)
            return Summary(
                checked_in=counts["checked_in"],
                ready=tuple((c, counts["ready"].get(c, 0)) for c in run.readiness),
                late=counts["late"],
                on_roster=counts["on_roster"],
            )
        people = self.attendees(run_id)
        present = [p for p in people if p.checked_in]
        return Summary(
            checked_in=len(present),
            ready=tuple((c, sum(c in p.ready for p in present)) for c in run.readiness),
            late=sum(p.late for p in present),
            on_roster=sum(p.on_roster for p in people),
        )

    def search(self, run_id: int, text: str, limit: int = 20) -> list[Attendee]:
        """People on the run whose name, email or department start words as typed."""
        return self._search_index(run_id).search(text, limit)

    def _search_index(self, run_id: int) -> RosterIndex:
        """The run's index, rebuilt only when another window changed the file."""
        version = self._db.execute("PRAGMA data_version").fetchone()[0]
        if self._index_key != (run_id, version):
            self._index = RosterIndex(self.attendees(run_id))
            self._index_key = (run_id, version)
        return self._index

    def _indexed(self, run_id: int, put: Attendee | None = None, removed: int | None = None):
        """Tell the search index about one change this store just made."""
        if self._index_key is None or self._index_key[0] != run_id:
            return
        if put is not None:
            self._index.put(put)
        if removed is not None:
            self._index.remove(removed)

    def _forget_index(self) -> None:
        self._index_key = None


def _detail_fields(details: AttendeeDetails) -> dict:
    """The fields an Attendee shares with AttendeeDetails, for building one from the other."""
    return {name: getattr(details, name) for name in AttendeeDetails.__dataclass_fields__}


def _merge(kept: AttendeeDetails, extra: AttendeeDetails) -> AttendeeDetails:
    """`kept`'s details, with anything it lacks taken from `extra`; readiness ticks add up."""
    return AttendeeDetails(
        name=kept.name or extra.name,
        role=kept.role or extra.role,
        department=kept.department or extra.department,
        email=kept.email or extra.email,
        staff_number=kept.staff_number or extra.staff_number,
        handle=kept.handle or extra.handle,
        consent=kept.consent or extra.consent,
        note=kept.note or extra.note,
        ready=kept.ready | extra.ready,
    )


def open_store(folder: str | os.PathLike[str] | None = None, **kwargs) -> AttendanceStore:
    """The attendance file in the data folder (see `paths.data_dir`)."""
    return AttendanceStore(store_path(data_dir(folder)), **kwargs)


def cannot_open_message(exc: BaseException, *, then: str | None = "check --data-dir") -> str | None:
    """Why the attendance file could not be opened, in the words the command line prints,
    or None when `exc` is not one of those failures (a damaged or newer file, a full disk,
    a folder that cannot be written). `then` is what to do, for the command line; a window
    says that in its own words and passes None."""
    advice = f"; {then}" if then else ""
    if isinstance(exc, AttendanceError):
        return str(exc)
    if isinstance(exc, OSError):
        return f"cannot open the attendance file: {exc.strerror or exc}{advice}"
    if isinstance(exc, sqlite3.DatabaseError):  # not an attendance file, or damaged
        return f"the attendance file cannot be read ({exc}){advice}"
    return None
