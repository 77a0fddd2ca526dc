"""Two connections opening a new attendance file at the same moment (the window and the
background publisher, two windows, a window and a command) each run its migrations once."""

from __future__ import annotations

from presenter.attendance.database import Database
from presenter.attendance.store import MIGRATIONS, AttendanceStore


def test_a_migration_run_meanwhile_by_another_connection_is_not_run_again(tmp_path, monkeypatch):
    path = tmp_path / "attendance.sqlite3"
    AttendanceStore(path, hold_window_lock=False).close()  # the other connection, first
    stale = [0]  # this one read the version before the other had migrated
    real = Database.schema_version.fget
    monkeypatch.setattr(
        Database, "schema_version", property(lambda db: stale.pop() if stale else real(db))
    )
    with AttendanceStore(path, hold_window_lock=False) as store:
        monkeypatch.undo()
        assert store.schema_version == len(MIGRATIONS)
        assert store.query("SELECT count(*) FROM runs").fetchone() == (0,)
