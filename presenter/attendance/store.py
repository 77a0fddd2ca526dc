"""The attendance file: runs and attendees in one SQLite database, committed durably.

A check-in is on disk (WAL, synchronous=FULL) before `check_in` returns, so a laptop that
dies a second later keeps it. The schema version lives in PRAGMA user_version and grows by
appending a function to MIGRATIONS. Only the owner may read the file.

This module opens the store; its rooms are `database` (the connection, transactions, the
window lock, a full disk), `schema` (the tables and their migrations), `runs`, `attendees`
(check-in, undo, the roster, search) with `details` (cleaning what was typed), and `errors`.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from datetime import datetime

from presenter.attendance.attendees import AttendeeStore
from presenter.attendance.database import BUSY_TIMEOUT_MS
from presenter.attendance.errors import (
    AttendanceError,
    DuplicateAttendee,
    InvalidDetails,
    UnknownRun,
)
from presenter.attendance.paths import data_dir, store_path
from presenter.attendance.schema import MIGRATIONS
from presenter.attendance.search import RosterIndex

__all__ = [
    "BUSY_TIMEOUT_MS",
    "MIGRATIONS",
    "AttendanceError",
    "AttendanceStore",
    "DuplicateAttendee",
    "InvalidDetails",
    "UnknownRun",
    "cannot_open_message",
    "open_store",
]


class AttendanceStore(AttendeeStore):
    """Runs and their attendees in one SQLite file. `clock` gives the wall time of a check-in."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        *,
        clock: Callable[[], datetime] = datetime.now,
        hold_window_lock: bool = True,
        busy_timeout_ms: int = BUSY_TIMEOUT_MS,
    ) -> None:
        self._clock = clock
        self._runs = {}
        self._runs_version = -1
        self._index_key = None
        self._index = RosterIndex(())
        # This module's MIGRATIONS, looked up at each opening (a test may append one).
        super().__init__(
            path, MIGRATIONS, hold_window_lock=hold_window_lock, busy_timeout_ms=busy_timeout_ms
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
