"""A check-in reported done survives the process being killed mid-stream."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# Checks people in one by one, printing "done NAME" once each check-in is committed.
CHECK_IN_FOREVER = """
import sys
from datetime import date
from presenter.attendance.model import AttendeeDetails
from presenter.attendance.store import open_store

store = open_store(sys.argv[1])
run = store.create_run("Twitter hour", on=date(2026, 11, 25))
number = 0
while True:
    number += 1
    name = f"Person {number:05d}"
    store.check_in(run.id, AttendeeDetails(name, ready={"App installed"}))
    print("done", name, flush=True)
"""

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX only")


def _environment(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env["PRESENTER_DATA_DIR"] = str(tmp_path)
    return env


def _read_done(stream, count: int) -> list[str]:
    names = []
    while len(names) < count:
        line = stream.readline()
        assert line, "the check-in process stopped early"
        if line.startswith("done "):
            names.append(line[5:].rstrip("\n"))
    return names


def _names_in_file(folder: Path) -> tuple[set[str], str]:
    db = sqlite3.connect(folder / "attendance.sqlite3")
    try:
        integrity = db.execute("PRAGMA integrity_check").fetchone()[0]
        names = {row[0] for row in db.execute("SELECT name FROM attendees")}
    finally:
        db.close()
    return names, integrity


def test_every_reported_check_in_survives_sigkill(tmp_path):
    process = subprocess.Popen(
        [sys.executable, "-c", CHECK_IN_FOREVER, str(tmp_path)],
        stdout=subprocess.PIPE,
        text=True,
        env=_environment(tmp_path),
    )
    try:
        reported = _read_done(process.stdout, 150)
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
    reported += [line[5:].rstrip("\n") for line in process.stdout if line.startswith("done ")]
    process.stdout.close()
    names, integrity = _names_in_file(tmp_path)
    assert integrity == "ok"
    assert set(reported) <= names
    assert len(reported) >= 150


def test_the_checkin_command_is_durable_when_killed(tmp_path):
    env = _environment(tmp_path)
    subprocess.run(
        [sys.executable, "-m", "presenter", "runs", "new", "twitter-hour", "--venue", "Library"],
        env=env,
        check=True,
        capture_output=True,
    )
    loop = (
        'i=0; while true; do i=$((i+1)); "$0" -m presenter checkin 1 "Walk-in $i" '
        '--ready "App installed" >/dev/null && echo "done Walk-in $i"; done'
    )
    process = subprocess.Popen(
        ["sh", "-c", loop, sys.executable],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
        start_new_session=True,
    )
    try:
        reported = _read_done(process.stdout, 3)
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    reported += [line[5:].rstrip("\n") for line in process.stdout if line.startswith("done ")]
    process.stdout.close()
    names, integrity = _names_in_file(tmp_path)
    assert integrity == "ok"
    assert set(reported) <= names


# Two windows (processes) checking people in to the same run at the same time.
CHECK_IN_MANY = """
import sys
from presenter.attendance.model import AttendeeDetails
from presenter.attendance.store import open_store

store = open_store(sys.argv[1])
for number in range(int(sys.argv[3])):
    store.check_in(1, AttendeeDetails(f"{sys.argv[2]} {number}"))
print("finished", flush=True)
"""


def test_two_processes_writing_at_once_lose_nothing(tmp_path):
    from datetime import date

    from presenter.attendance.store import open_store

    with open_store(tmp_path) as store:
        store.create_run("Twitter hour", on=date(2026, 11, 25))
    env = _environment(tmp_path)
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", CHECK_IN_MANY, str(tmp_path), who, "100"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for who in ("Window A", "Window B")
    ]
    for process in processes:
        out, err = process.communicate()
        assert process.returncode == 0, err
        assert out == "finished\n"
    names, integrity = _names_in_file(tmp_path)
    assert integrity == "ok"
    assert len(names) == 200


def test_the_attendance_file_is_written_durably(tmp_path):
    """WAL with synchronous=FULL: a check-in is on the disk, not only in the system's cache,
    before `check_in` returns. A process kill cannot tell; only these settings can."""
    from presenter.attendance.store import open_store

    with open_store(tmp_path) as store:
        assert store.query("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert store.query("PRAGMA synchronous").fetchone()[0] == 2  # FULL


# Checks people in through the check-in panel's own path (the name box, then Enter's
# `check_in`), printing "done NAME" once the panel has acknowledged each one. When the
# statement named in argv[2] starts for person argv[3], the process kills itself: the kill
# lands mid-write, with a transaction open.
CHECK_IN_THROUGH_THE_PANEL = """
import os, signal, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from datetime import date
from PySide6.QtWidgets import QApplication
from presenter.attendance.store import open_store
from presenter.ui.attendance.checkin_panel import CheckInPanel

app = QApplication([])
store = open_store(sys.argv[1])
run = store.create_run("Twitter hour", on=date(2026, 11, 25))
panel = CheckInPanel(store, run.id, run.readiness)
statement, victim = sys.argv[2], int(sys.argv[3])
number = 0

def trace(sql):
    if number == victim and sql.lstrip().upper().startswith(statement):
        os.kill(os.getpid(), signal.SIGKILL)

store._db.set_trace_callback(trace)
while True:
    number += 1
    name = f"Person {number:05d}"
    panel.name_edit.setText(name)
    done = panel.check_in(walk_in=True)
    assert done is not None and done.attendee.name == name, panel.status.text()
    print("done", name, flush=True)
"""


@pytest.mark.parametrize("statement", ["INSERT", "COMMIT"])
def test_a_check_in_killed_mid_write_keeps_everyone_acknowledged(tmp_path, statement):
    done = subprocess.run(
        [sys.executable, "-c", CHECK_IN_THROUGH_THE_PANEL, str(tmp_path), statement, "40"],
        capture_output=True,
        text=True,
        env=_environment(tmp_path),
        timeout=120,
    )
    assert done.returncode == -signal.SIGKILL, done.stderr
    reported = [line[5:] for line in done.stdout.splitlines() if line.startswith("done ")]
    assert len(reported) == 39
    names, integrity = _names_in_file(tmp_path)
    assert integrity == "ok"
    assert set(reported) <= names
    assert names <= {*reported, "Person 00040"}
