"""The data folder holds people's names: it is owner-only (0700) and so is every file in it
(0600), whichever part of Presenter creates it, whatever the umask."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from presenter.attendance.store import open_store

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")


def modes(folder: Path) -> dict[str, str]:
    """Every folder and file under (and including) `folder`, with its mode in octal."""
    found = {".": oct(stat.S_IMODE(folder.stat().st_mode))}
    for path in folder.rglob("*"):
        found[str(path.relative_to(folder))] = oct(stat.S_IMODE(path.stat().st_mode))
    return found


def private(found: dict[str, str], folder: Path) -> dict[str, str]:
    """The entries whose mode is not owner-only."""
    wrong = {}
    for name, mode in found.items():
        wanted = "0o700" if (folder / name).is_dir() else "0o600"
        if mode != wanted:
            wrong[name] = mode
    return wrong


def run_with_umask_022(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return subprocess.run(
        [sys.executable, "-m", "presenter", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=lambda: os.umask(0o022),
    )


def test_the_app_started_first_makes_a_private_folder(tmp_path):
    folder = tmp_path / "new" / "presenter"
    done = run_with_umask_022("--quit-when-ready", "--data-dir", str(folder))
    assert done.returncode == 0, done.stderr
    found = modes(folder)
    assert private(found, folder) == {}
    # What the app writes at start-up: its settings and the session cache.
    assert {"settings.ini", "cache"} <= found.keys(), found
    assert any(name.startswith("cache/") for name in found), found
    assert oct(stat.S_IMODE((tmp_path / "new").stat().st_mode)) == "0o700"


def test_the_command_line_started_first_makes_a_private_folder(tmp_path):
    folder = tmp_path / "data"
    done = run_with_umask_022("runs", "new", "twitter-hour", "--venue", "Library",
                              "--data-dir", str(folder))  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert private(modes(folder), folder) == {}


def test_the_open_attendance_file_and_its_journal_are_private(tmp_path):
    folder = tmp_path / "data"
    old = os.umask(0o022)
    try:
        with open_store(folder) as store:
            store.create_run("Twitter hour", on=date(2026, 11, 25))
            found = modes(folder)
            assert {"attendance.sqlite3-wal", "attendance.sqlite3-shm"} <= found.keys(), found
            assert private(found, folder) == {}
    finally:
        os.umask(old)


def test_settings_written_before_are_made_private(tmp_path, qapp):
    from presenter.ui.shared.settings import Settings

    path = tmp_path / "settings.ini"
    path.write_text("[notes]\npoint_size=20\n", encoding="utf-8")
    path.chmod(0o644)
    settings = Settings(path)
    settings.notes_point_size = 24
    assert oct(stat.S_IMODE(path.stat().st_mode)) == "0o600"
    assert Settings(path).notes_point_size == 24
