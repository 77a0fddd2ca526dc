"""Opening the app from the command line: the smoke test, and a bad file as a message."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from presenter.ui.app import run_app
from presenter.ui.shared.dialogs import ProblemsDialog

ROOT = Path(__file__).resolve().parents[2]
BAD_SESSION = "---\ntitle: Broken\n---\n\n## Welcome [five min]\n"


def run_main(*args: str, tmp_path: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args, "--data-dir", str(tmp_path / "data")],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        cwd=tmp_path,
    )


def test_quit_when_ready_opens_the_windows_and_exits_0(tmp_path):
    result = run_main("--quit-when-ready", tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "data" / "settings.ini").parent.is_dir()


def test_quit_when_ready_with_a_session_file_and_one_screen(tmp_path, session):
    from presenter.agenda.writer import save_session

    path = tmp_path / "mine.md"
    save_session(session, path)
    result = run_main("--quit-when-ready", "--one-screen", str(path), tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    # What it was read as is kept, so the next start need not parse it again.
    assert len(list((tmp_path / "data" / "cache").glob("session-*.json"))) == 1


def test_bad_session_file_prints_file_line_and_exits_2(tmp_path):
    bad = tmp_path / "bad.md"
    bad.write_text(BAD_SESSION, encoding="utf-8")
    result = run_main("--quit-when-ready", str(bad), tmp_path=tmp_path)
    assert result.returncode == 2
    first = result.stderr.strip().splitlines()[0]
    assert first.startswith(f"{bad}:5: error: ")
    assert "Traceback" not in result.stderr
    assert not list((tmp_path / "data" / "cache").glob("session-*.json"))


def test_bad_session_file_shows_a_dialog_not_a_traceback(qapp, tmp_path, dialogs, capsys):
    shown = []
    dialogs.answer_with(ProblemsDialog, lambda p, title, lines: shown.append(lines))
    bad = tmp_path / "bad.md"
    bad.write_text(BAD_SESSION, encoding="utf-8")
    assert run_app([str(bad), "--data-dir", str(tmp_path)]) == 2
    assert shown and shown[0][0].startswith(f"{bad}:5: error: ")


def test_missing_file_is_a_message_too(qapp, tmp_path, dialogs):
    shown = []
    dialogs.answer_with(ProblemsDialog, lambda p, title, lines: shown.append(lines))
    missing = tmp_path / "nowhere.md"
    assert run_app([str(missing), "--data-dir", str(tmp_path)]) == 2
    assert shown[0][0].startswith(str(missing))


def test_rehearse_opens_the_windows_and_stays_open(tmp_path, qapp, qtbot, monkeypatch):
    """Unlike --quit-when-ready, --rehearse leaves the windows up for the rehearsal."""
    from PySide6.QtWidgets import QApplication

    seen = {"quit": 0}

    def event_loop(app) -> int:
        def shown() -> list[str]:
            return sorted(w.objectName() for w in QApplication.topLevelWidgets() if w.isVisible())

        qtbot.waitUntil(lambda: "PresenterWindow" in shown() and "AudienceWindow" in shown())
        for window in QApplication.topLevelWidgets():
            window.repaint()
        for _ in range(5):  # what the first paint would have set off
            QApplication.processEvents()
        seen["shown"] = shown()
        return 0

    def quit_asked(*_args) -> None:
        seen["quit"] += 1

    monkeypatch.setattr(QApplication, "exec", event_loop)
    monkeypatch.setattr(QApplication, "quit", quit_asked)
    assert run_app(["--rehearse", "--no-check-in", "--data-dir", str(tmp_path / "data")]) == 0
    assert {"PresenterWindow", "AudienceWindow"} <= set(seen["shown"])
    assert seen["quit"] == 0
