"""Quitting is clean: exit 0 and nothing on standard error about a fatal error, every time,
however long the clock has been shown."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}

# What an hour's clock does to a label, as many times as a long session would, then quit.
AN_HOUR_OF_CLOCK = """
import sys
import presenter.ui.app
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel()
for second in range(60_000):
    label.setText(f"{second // 60}:{second % 60:02d}")
    label.setWordWrap(second % 2 == 0)
label.deleteLater()
sys.exit(0)
"""


def test_a_long_session_ends_without_a_fatal_error(tmp_path):
    result = subprocess.run(
        [sys.executable, "-c", AN_HOUR_OF_CLOCK],
        capture_output=True,
        text=True,
        env=ENV,
        timeout=60,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr
    assert "Fatal Python error" not in result.stderr


def test_opening_and_quitting_thirty_times_exits_0_every_time(tmp_path):
    command = [sys.executable, str(ROOT / "main.py"), "--quit-when-ready"]
    for attempt in range(30):
        result = subprocess.run(
            [*command, "--data-dir", str(tmp_path / "data")],
            capture_output=True,
            text=True,
            env=ENV,
            timeout=60,
            cwd=tmp_path,
        )
        assert result.returncode == 0, f"attempt {attempt + 1}: {result.stderr}"
        assert "Fatal Python error" not in result.stderr, f"attempt {attempt + 1}"
