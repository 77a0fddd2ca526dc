"""`presenter where`: the data folder, the settings file and the cache, where the app keeps them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from presenter.cli import main

ROOT = Path(__file__).resolve().parents[2]


def places(out: str) -> dict[str, str]:
    """Label → path, from the lines `where` prints."""
    found = {}
    for line in out.splitlines():
        label, _, rest = line.partition("  ")
        found[label.strip()] = rest.strip().split("  ")[0]
    return found


def test_where_names_the_folder_given_and_what_is_in_it(tmp_path, capsys):
    data = tmp_path / "data"
    assert main(["where", "--data-dir", str(data)]) == 0
    out = capsys.readouterr().out
    assert places(out) == {
        "data folder": str(data),
        "attendance": str(data / "attendance.sqlite3"),
        "settings": str(data / "settings.ini"),
        "cache": str(data / "cache"),
    }
    assert "given with --data-dir" in out and "not made yet" in out


def test_where_follows_the_environment(tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("PRESENTER_DATA_DIR", str(tmp_path))
    assert main(["where"]) == 0
    out = capsys.readouterr().out
    assert places(out)["settings"] == str(tmp_path / "settings.ini")
    assert "from $PRESENTER_DATA_DIR" in out


def test_where_points_at_the_files_the_app_writes_and_needs_no_qt(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PRESENTER_DATA_DIR": str(tmp_path)}
    opened = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "twitter-hour", "--quit-when-ready"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )
    assert opened.returncode == 0, opened.stderr
    code = (
        "import sys; from presenter.cli import main; rc = main(['where']); "
        "assert 'PySide6' not in sys.modules, 'Qt imported'; sys.exit(rc)"
    )
    where = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60
    )
    assert where.returncode == 0, where.stderr
    shown = places(where.stdout)
    assert Path(shown["settings"]).is_file()
    assert list(Path(shown["cache"]).glob("session-*.json"))
    for line in where.stdout.splitlines():
        if line.startswith(("settings", "cache")):
            assert "not made yet" not in line
