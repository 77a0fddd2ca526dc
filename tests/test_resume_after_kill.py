"""Acceptance: the app is killed with SIGKILL mid-session, opened again, and resumes on the
same item with the right times and everyone checked in."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DRIVER = ROOT / "tests" / "run_driver.py"

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is POSIX only")


def _environment() -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


APP_RECORDS_RUNS = "attach_recorder" in (ROOT / "presenter" / "ui" / "app.py").read_text()


@pytest.mark.parametrize(
    "through",
    [
        "objects",
        pytest.param(
            "app",
            marks=pytest.mark.skipif(
                not APP_RECORDS_RUNS, reason="the app's start-up does not record runs yet"
            ),
        ),
    ],
)
def test_a_killed_session_resumes_on_the_same_item_with_its_times_and_people(tmp_path, through):
    """`objects` builds the windows as the app does; `app` goes through the app's start-up."""
    flags = ["--app"] if through == "app" else []
    process = subprocess.Popen(
        [sys.executable, str(DRIVER), "run", str(tmp_path), *flags],
        stdout=subprocess.PIPE,
        text=True,
        env=_environment(),
    )
    try:
        lines = []
        for line in process.stdout:
            if line.strip() == "ready":
                break
            lines.append(line)
        else:
            pytest.fail("the app stopped before it was ready: " + "".join(lines))
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
        process.stdout.close()
    assert process.returncode == -signal.SIGKILL
    before = json.loads(lines[-1])

    again = subprocess.run(
        [sys.executable, str(DRIVER), "resume", str(tmp_path), *flags],
        capture_output=True,
        text=True,
        env=_environment(),
        timeout=90,
    )
    assert again.returncode == 0, again.stderr
    after = json.loads(again.stdout.strip().splitlines()[-1])

    assert after["resumed"] is True
    assert len(after["offer"]) == 1 and after["offer"][0].startswith(
        "Twitter hour, Library, started "
    )
    assert after["state"] == "running"
    assert after["index"] == before["index"] == 2
    between = (
        datetime.fromisoformat(after["wall"]) - datetime.fromisoformat(before["wall"])
    ).total_seconds()
    assert before["actual"][:2] == pytest.approx([300, 180], abs=1)
    assert after["actual"][:2] == pytest.approx(before["actual"][:2], abs=1)
    assert after["actual"][2] == pytest.approx(before["actual"][2] + between, abs=1)
    assert after["actual"][2] >= 120
    assert after["run"] == before["run"]
    assert (
        sorted(after["people"])
        == sorted(before["people"])
        == [
            "Ana Costa",
            "Jo Bloggs",
            "Sam Patel",
        ]
    )
