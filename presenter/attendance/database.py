"""The attendance file as a database: one SQLite connection, opened durably and privately.

WAL with synchronous=FULL, so a write is on disk before it returns; BEGIN IMMEDIATE, so two
windows queue instead of failing late; a lock file beside it, so a second window knows one
is open; a full disk said in words. The schema is handed in as a list of migrations, and
PRAGMA user_version says how many have run.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import Self

from presenter.attendance.errors import AttendanceError

BUSY_TIMEOUT_MS = 5000
SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN = 10, 13, 14
ALMOST_NO_ROOM = 64 * 1024  # bytes

Migration = Callable[[sqlite3.Connection], None]


def moment_text(moment: datetime | None) -> str | None:
    """A moment as the file keeps it: ISO text to the second."""
    return None if moment is None else moment.isoformat(timespec="seconds")


def read_moment(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


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


class Database:
    """One SQLite file, opened with its migrations run; every write through `transaction`."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        migrations: Sequence[Migration],
        *,
        hold_window_lock: bool = True,
        busy_timeout_ms: int = BUSY_TIMEOUT_MS,
    ) -> None:
        self.path = Path(path)
        try:
            self._open(migrations, hold_window_lock, busy_timeout_ms)
        except (OSError, sqlite3.Error) as exc:
            if _disk_full(exc, self.path):
                raise _full_error(self.path) from None
            raise

    def _open(
        self, migrations: Sequence[Migration], hold_window_lock: bool, busy_timeout_ms: int
    ) -> None:
        self._lock = None
        _ensure_private_file(self.path)
        self._lock = (
            _WindowLock(self.path.with_name(self.path.name + ".lock")) if hold_window_lock else None
        )
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
            self._migrate(migrations)
        except BaseException:
            self.close()
            raise

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

    def __enter__(self) -> Self:
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

    def _migrate(self, migrations: Sequence[Migration]) -> None:
        version = self.schema_version
        if version > len(migrations):
            raise AttendanceError(
                f"{self.path}: the attendance file is from a newer Presenter "
                f"(schema {version}); update Presenter to open it"
            )
        for number, migration in enumerate(migrations[version:], start=version + 1):
            with self.transaction() as db:
                # Another connection (a second window, the background publisher, a command)
                # opening the file at the same moment may have run it since the version was
                # read: the write lock is held now, so this reading is the last word.
                if self.schema_version >= number:
                    continue
                migration(db)
                db.execute(f"PRAGMA user_version = {number}")

    def outside_changes(self) -> int:
        """A number that changes whenever another window or command writes to the file."""
        return self._db.execute("PRAGMA data_version").fetchone()[0]

    def integrity_ok(self) -> bool:
        return self._db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

    def _checkpoint(self) -> None:
        """Fold the write-ahead log into the file so deleted rows do not linger in it."""
        self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
