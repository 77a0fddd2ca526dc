"""The first word: no word or a session opens the app; a command runs; anything else is one
line suggesting the nearest command, exit 2, and never a window."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def presenter(*args: str, tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    # No display and no offscreen platform: a window would fail or wait, never pass.
    clean = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
    return subprocess.run(
        [sys.executable, "-m", "presenter", *args],
        capture_output=True,
        text=True,
        env={**clean, "PRESENTER_DATA_DIR": str(tmp_path / "data"), **env},
        cwd=tmp_path,
        timeout=60,
    )


def test_help_starts_with_how_to_open_the_app(tmp_path):
    out = presenter("--help", tmp_path=tmp_path).stdout
    lines = out.splitlines()
    assert lines[0].startswith("usage: presenter [SESSION] [--one-screen]")
    assert lines[1].strip() == "presenter COMMAND ..."
    description = out.split("\n\n")[1]
    assert description.startswith("Open the app")
    assert "presenter my-session.md" in description
    assert out.index("Open the app") < out.index("commands:")


@pytest.mark.parametrize(
    ("word", "nearest"),
    [("sessionz", "sessions"), ("valdate", "validate"), ("twiter-hour", "twitter-hour")],
)
def test_a_mistyped_word_suggests_the_nearest_and_opens_no_window(tmp_path, word, nearest):
    code = (
        "import sys; from presenter.cli import main; rc = main(sys.argv[1:]); "
        "assert 'PySide6' not in sys.modules, 'Qt imported'; sys.exit(rc)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code, word], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 2, done.stderr
    assert done.stderr == (
        f"presenter: {word}: not a command, a session file or a bundled session; "
        f"did you mean `presenter {nearest}`?\n"
    )


def test_a_word_like_nothing_points_at_the_help(tmp_path):
    done = presenter("xyzzy", tmp_path=tmp_path)
    assert done.returncode == 2
    assert done.stderr.strip().endswith("`presenter --help` lists them")
    assert len(done.stderr.strip().splitlines()) == 1


def test_a_missing_session_file_is_one_line_not_a_window(tmp_path):
    done = presenter("my-sesion.md", "--one-screen", tmp_path=tmp_path)
    assert done.returncode == 2
    assert done.stderr == "presenter: my-sesion.md: no such session file; check the path\n"
    assert not (tmp_path / "data").exists()


def test_a_bundled_name_opens_the_app_on_that_session(tmp_path):
    done = presenter(
        "--data-dir",
        str(tmp_path / "mine"),
        "twitter-hour",
        "--quit-when-ready",
        tmp_path=tmp_path,
        QT_QPA_PLATFORM="offscreen",
    )
    assert done.returncode == 0, done.stderr
    assert list((tmp_path / "mine" / "cache").glob("session-*.json"))
