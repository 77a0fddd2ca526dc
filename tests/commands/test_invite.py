"""`presenter invite` and `presenter handout` as a facilitator types them: the files they
write, read back, and one-line errors with exit status 2."""

from __future__ import annotations

import os
import subprocess
import sys
import unicodedata
from datetime import datetime
from pathlib import Path

import icalendar
import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def run_presenter(tmp_path):
    """The real command in a child process (it draws PDFs with Qt), in `tmp_path/out`."""
    env = dict(os.environ, PRESENTER_DATA_DIR=str(tmp_path / "data"))
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    out = tmp_path / "out"
    out.mkdir()

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "presenter", *args],
            env=env,
            cwd=out,
            capture_output=True,
            text=True,
            timeout=60,
        )

    return run


def pdf_text(path: Path) -> str:
    done = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True)
    return " ".join(unicodedata.normalize("NFKC", done.stdout).split())


def test_invite_writes_the_calendar_event_the_page_and_the_email(run_presenter, tmp_path):
    new = run_presenter("runs", "new", "twitter-hour", "--venue", "Ward 12", "--date", "2026-12-08")
    assert new.returncode == 0, new.stderr
    done = run_presenter("invite", "twitter-hour", "--run", "latest")
    assert done.returncode == 0, done.stderr
    out = tmp_path / "out"
    stem = "twitter-hour-2026-12-08-invite"
    assert sorted(p.name for p in out.iterdir()) == [f"{stem}{s}" for s in (".ics", ".pdf", ".txt")]
    assert "nothing was sent" in done.stdout
    calendar = icalendar.Calendar.from_ical((out / f"{stem}.ics").read_bytes())
    (event,) = calendar.walk("VEVENT")
    assert event.decoded("dtstart") == datetime(2026, 12, 8, 12, 0)
    assert event.decoded("dtend") == datetime(2026, 12, 8, 13, 0)
    assert str(event["location"]) == "Ward 12"
    assert "Before you come: app installed; username ready." in str(event["description"])
    assert "Before you come" in pdf_text(out / f"{stem}.pdf")
    assert "App installed" in pdf_text(out / f"{stem}.pdf")
    email = (out / f"{stem}.txt").read_bytes().decode("utf-8")
    assert email.startswith("Subject: Invitation: Twitter hour, Tuesday 8 December 2026 at 12:00")
    assert "\r\n" in email and "Where: Ward 12" in email


def test_the_reminder_and_a_name_of_your_own(run_presenter, tmp_path):
    run_presenter("runs", "new", "twitter-hour", "--venue", "Library", "--date", "2026-12-08")
    done = run_presenter(
        "invite", "twitter-hour", "--run", "1", "--reminder", "--no-qr", "-o", "ward.pdf"
    )
    assert done.returncode == 0, done.stderr
    out = tmp_path / "out"
    assert sorted(p.name for p in out.iterdir()) == ["ward.ics", "ward.pdf", "ward.txt"]
    assert "Reminder: tomorrow" in pdf_text(out / "ward.pdf")
    assert "tomorrow" in (out / "ward.txt").read_text(encoding="utf-8")


def test_handout_writes_each_items_points(run_presenter, tmp_path):
    done = run_presenter("handout", "twitter-hour")
    assert done.returncode == 0, done.stderr
    text = pdf_text(tmp_path / "out" / "twitter-hour-handout.pdf")
    assert "Who we are, and why this hour" in text
    assert "Ready for next time" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("invite", "twitter-hour", "--run", "7"), "there is no run 7"),
        (("invite", "twitter-hour", "--run", "one"), '--run "one" is not a run number'),
        (("invite", "nonesuch", "--run", "1"), "nonesuch: no such session file or bundled"),
        (("invite", "twitter-hour", "--run", "1", "--email", "sam"), "not an email address"),
        (("invite", "twitter-hour", "--run", "1", "-o", "no/such/x"), "does not exist"),
        (("invite", "blank-lunchtime-session", "--run", "1"), 'run 1 is of "Twitter hour"'),
        (("handout", "twitter-hour", "-o", "handout.docx"), "end the file name in .pdf"),
        (("handout", "missing.md"), "missing.md: no such session file"),
        (("handout", "twitter-hour", "-o", "no/such/h.pdf"), "does not exist"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(run_presenter, args, message):
    run_presenter("runs", "new", "twitter-hour", "--venue", "Library", "--date", "2026-12-08")
    done = run_presenter(*args)
    assert done.returncode == 2, done.stdout
    assert message in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert "Traceback" not in done.stderr


def test_invite_needs_a_run(run_presenter):
    done = run_presenter("invite", "twitter-hour")
    assert done.returncode == 2
    assert "--run" in done.stderr
