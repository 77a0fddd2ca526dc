"""The planned-versus-actual report of a run, as figures, as CSV and on the command line."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from presenter.agenda.model import AgendaItem, Session
from presenter.attendance.clock_log import describe_action, save_clock
from presenter.attendance.history import give_feedback, record_outcome, session_history
from presenter.attendance.model import AttendeeDetails
from presenter.attendance.report import build_report, write_report_csv
from presenter.timing import RunClock

ROOT = Path(__file__).resolve().parents[2]
SESSION = Session(
    title="Twitter hour",
    venue="Library",
    readiness=("App installed", "Username ready"),
    facilitators=("A. Facilitator",),
    items=(
        AgendaItem("Welcome and check-in", 5, fixed=True),
        AgendaItem("Who to follow", 7),
        AgendaItem("=Top tips", 8),  # a title a spreadsheet would run as a formula
    ),
)


def _run(store, clock, *, finish: bool = True) -> int:
    """12:02 start; welcome 5 min, Who to follow 10 min with a 2 min pause, Top tips 6 min."""
    run = store.create_run_from_session(SESSION, on=clock.wall().date())
    for name, ready in (("Sam Patel", {"App installed"}), ("Ana Costa", set()), ("Jo", set())):
        store.check_in(run.id, AttendeeDetails(name, ready=ready))
    timer = RunClock(SESSION, monotonic=clock.monotonic, wall=clock.wall)
    last = None

    def do(action: str, seconds: float = 0) -> None:
        nonlocal last
        clock.advance(seconds)
        getattr(timer, action)()
        snapshot = timer.snapshot()
        save_clock(store, run.id, describe_action(last, snapshot), snapshot, clock.wall())
        last = snapshot

    do("start", 7 * 60)
    do("next", 5 * 60)
    do("pause", 4 * 60)
    do("resume", 2 * 60)
    do("next", 6 * 60)
    if finish:
        do("finish", 6 * 60)
    return run.id


def test_the_report_has_planned_and_actual_minutes_overrun_pauses_and_attendance(store, clock):
    run_id = _run(store, clock)
    sam = store.attendees(run_id)[0]
    give_feedback(store, sam.id, 5, "Loved the icons", at=clock.wall())
    report = build_report(store, run_id)
    assert [(r.title, r.planned_minutes, r.actual_minutes) for r in report.items] == [
        ("Welcome and check-in", 5, pytest.approx(5)),
        ("Who to follow", 7, pytest.approx(10)),
        ("=Top tips", 8, pytest.approx(6)),
    ]
    assert report.overrun_minutes == pytest.approx(1)
    assert report.overrun_text() == "1 min over the plan"
    assert report.pauses_text() == "1 pause, 2 min in all"
    assert report.times_text() == "12:02 to 12:25"
    assert report.attendance_lines() == [
        "3 checked in",
        "App installed: 1 of 3 (33%)",
        "Username ready: 0 of 3 (0%)",
        "Rating: 5.0 out of 5 from 1",
    ]


def test_a_purged_run_keeps_its_ratings_but_not_who_gave_them(store, clock):
    run_id = _run(store, clock)
    sam, ana, _jo = store.attendees(run_id)
    give_feedback(store, sam.id, 5, "Loved the icons", at=clock.wall())
    give_feedback(store, ana.id, 3, "Too fast", at=clock.wall())
    store.purge_run(run_id)
    report = build_report(store, run_id)
    assert report.feedback == ()  # names and comments are gone
    assert report.ratings == [3, 5]
    assert report.attendance_lines()[-1] == "Rating: 4.0 out of 5 from 2"
    history = session_history(store, SESSION.title, SESSION)
    assert [record.rating for record in history.runs] == [4.0]


def test_an_unfinished_run_reports_what_was_saved(store, clock):
    run_id = _run(store, clock, finish=False)
    report = build_report(store, run_id)
    assert report.times_text() == "started 12:02, not finished"
    assert report.items[2].reached and report.items[2].actual_minutes == pytest.approx(0)


def test_a_run_never_started_reports_its_plan(store, run_id):
    report = build_report(store, run_id)
    assert report.times_text() == "not started"
    assert [r.reached for r in report.items] == [False, False]


def test_the_csv_opens_in_a_spreadsheet_with_numbers_as_numbers_and_no_formulas(
    store, clock, tmp_path
):
    run_id = _run(store, clock)
    record_outcome(store, run_id, "now tweeting actively", on=date(2026, 12, 20), at=clock.wall())
    path = tmp_path / "report.csv"
    write_report_csv(path, build_report(store, run_id))
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))
    assert rows[0] == ["Item", "Planned (min)", "Actual (min)", "Over (min)", "Paused (min)"]
    assert rows[2] == ["Who to follow", "7", "10", "3", "2"]
    assert rows[3] == ["'=Top tips", "8", "6", "-2", ""]
    assert rows[4] == ["Total", "20", "21", "1", "2"]
    assert ["Overrun", "1 min over the plan"] in rows
    assert ["App installed", "1", "33%"] in rows
    assert ["Outcome", "2026-12-20", "now tweeting actively"] in rows
    assert not any("Sam Patel" in cell for row in rows for cell in row)
    assert os.stat(path).st_mode & 0o077 == 0


def _presenter(*args: str, data: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return subprocess.run(
        [sys.executable, "-m", "presenter", *args, "--data-dir", str(data)],
        capture_output=True,
        text=True,
        env=env,
        timeout=90,
    )


def test_report_command_writes_csv_and_refuses_other_formats(store, clock, tmp_path):
    run_id = _run(store, clock)
    data = store.path.parent
    out = tmp_path / "out.csv"
    result = _presenter("report", str(run_id), "-o", str(out), data=data)
    assert result.returncode == 0, result.stderr
    assert "12:02 to 12:25 · 1 min over the plan · 1 pause, 2 min in all" in result.stdout
    assert "Who to follow" in out.read_text(encoding="utf-8-sig")
    bad = _presenter("report", "latest", "-o", str(tmp_path / "out.txt"), data=data)
    assert bad.returncode == 2
    assert bad.stderr.strip().endswith('cannot write ".txt"; use .csv or .pdf')
    assert not (tmp_path / "out.txt").exists()
    missing = _presenter("report", "99", "-o", str(out), data=data)
    assert missing.returncode == 2 and "there is no run 99" in missing.stderr
    assert "Traceback" not in bad.stderr + missing.stderr


@pytest.mark.skipif(
    not __import__("shutil").which("pdftotext"), reason="needs poppler-utils to read the PDF"
)
def test_report_command_writes_a_pdf_with_the_figures(store, clock, tmp_path):
    run_id = _run(store, clock)
    out = tmp_path / "report.pdf"
    result = _presenter("report", str(run_id), "-o", str(out), data=store.path.parent)
    assert result.returncode == 0, result.stderr
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Twitter hour" in text and "Who to follow" in text
    assert "1 min over the plan" in text and "Planned" in text


def test_history_command_lists_runs_and_applies_a_suggestion(store, clock, tmp_path):
    session_file = tmp_path / "twitter.md"
    session_file.write_text(
        "---\ntitle: Twitter hour\nreadiness: [App installed, Username ready]\n---\n\n"
        "## Welcome and check-in [5 min, fixed]\n\n"
        "## Who to follow [7 min]\n\n## =Top tips [8 min]\n"
    )
    for _ in range(3):
        _run(store, clock)
        clock.advance(24 * 3600)
    data = store.path.parent
    result = _presenter("history", str(session_file), data=data)
    assert result.returncode == 0, result.stderr
    assert "Twitter hour: 3 runs, 3.0 people on average" in result.stdout
    assert "App installed: 33% · Username ready: 0%" in result.stdout
    assert "Who to follow ran 3 minutes over in 3 of 3 runs: plan 10 minutes?" in result.stdout
    applied = _presenter("history", str(session_file), "--apply", data=data)
    assert applied.returncode == 0, applied.stderr
    assert "## Who to follow [10 min]" in session_file.read_text()
    bundled = _presenter("history", "twitter-hour", "--apply", data=data)
    assert bundled.returncode == 2 and "save a copy" in bundled.stderr


def test_history_of_a_missing_file_says_so_and_of_an_unknown_title_says_no_runs(tmp_path):
    missing = _presenter("history", str(tmp_path / "nope.md"), data=tmp_path)
    assert missing.returncode == 2
    assert missing.stderr.strip() == (
        f"presenter: {tmp_path / 'nope.md'}: no such session file; check the path, "
        "or give the session's title"
    )
    unknown = _presenter("history", "Excel hour", data=tmp_path)
    assert unknown.returncode == 0 and unknown.stdout == "Excel hour: no runs yet\n"
