"""An attendance file that cannot be opened never stops the session: the app opens, says once
what is wrong, turns check-in off, and leaves the file exactly as it was."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from presenter.attendance.paths import store_path
from presenter.attendance.store import open_store
from presenter.timing import RunState
from presenter.ui.run.resume import attach_recorder

ROOT = Path(__file__).resolve().parents[2]
DAMAGED = b"SQLite format 3\x00" + bytes(range(256)) * 16


def damaged_file(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = store_path(folder)
    path.write_bytes(DAMAGED)
    return path


def newer_file(folder: Path) -> Path:
    with open_store(folder) as store:
        store.query("PRAGMA user_version = 99")
    return store_path(folder)


def open_app(tmp_path: Path, *options: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--quit-when-ready", *options],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        cwd=tmp_path,
    )


@pytest.mark.parametrize("check_in", [True, False], ids=["with check-in", "--no-check-in"])
def test_the_app_opens_with_a_damaged_attendance_file_and_leaves_it_as_it_was(tmp_path, check_in):
    path = damaged_file(tmp_path / "data")
    options = ["--data-dir", str(tmp_path / "data")] + ([] if check_in else ["--no-check-in"])
    result = open_app(tmp_path, *options)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.count("Check-in is off") == 1  # said once
    assert "The attendance file cannot be read" in result.stderr
    assert path.read_bytes() == DAMAGED


@pytest.mark.parametrize("make", [damaged_file, newer_file], ids=["damaged", "newer"])
def test_the_session_runs_and_check_in_is_off(make_windows, session, tmp_path, make, qtbot):
    path = make(tmp_path / "data")
    before = path.read_bytes()
    windows = make_windows(session, check_in=True)
    recorder = attach_recorder(windows, monotonic=lambda: 0.0)
    banner = windows.attendance_banner
    assert banner is not None and banner.isVisible()
    assert banner.text().startswith("Check-in is off. The attendance file ")
    assert str(path) in banner.text()
    if make is newer_file:
        assert "update Presenter to open it" in banner.text()
    assert windows.presenter.check_in_panel is None
    for name in ("check_in", "wrap_up", "session_history"):
        assert not windows.registry.action(name).isEnabled()
    windows.registry.trigger("next")
    windows.registry.trigger("next")
    assert windows.controller.state is RunState.RUNNING
    assert windows.controller.clock.current_index == 1
    assert recorder.store is None
    windows.close_all()
    assert path.read_bytes() == before


def test_a_full_disk_when_the_run_is_first_written_turns_check_in_off(
    make_windows, session, tmp_path, monkeypatch
):
    from presenter.attendance.store import AttendanceError
    from presenter.ui.run.run_windows import RunWindows

    def full(self, *_args):
        raise AttendanceError("the attendance file could not be written (database or disk is full)")

    monkeypatch.setattr(RunWindows, "_todays_run_id", full)
    windows = make_windows(session, check_in=True)
    assert windows.presenter.check_in_panel is None
    assert "disk is full" in windows.attendance_banner.text()
    assert windows.attendance_store is None


def test_the_command_line_and_the_window_give_the_same_reason(tmp_path):
    from presenter.attendance.store import cannot_open_message

    damaged_file(tmp_path)
    with pytest.raises(sqlite3.DatabaseError) as caught:
        open_store(tmp_path)
    env = {**os.environ, "PRESENTER_DATA_DIR": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "presenter", "runs", "list"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        cwd=tmp_path,
    )
    assert result.returncode == 2
    assert cannot_open_message(caught.value) in result.stderr
