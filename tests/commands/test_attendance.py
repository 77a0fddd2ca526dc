"""The attendance commands as a facilitator types them: clear errors, exit status 2."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def new_run(presenter) -> None:
    status, out, _ = presenter("runs", "new", "twitter-hour", "--venue", "Ward 12 seminar room",
                               "--date", "2026-11-25")  # fmt: skip
    assert status == 0
    assert out.startswith("run 1: Twitter hour · 2026-11-25 · Ward 12 seminar room")


def test_a_run_from_start_to_export(presenter, tmp_path):
    new_run(presenter)
    status, out, _ = presenter("runs", "list")
    assert "Ward 12 seminar room · 0 checked in" in out
    status, out, _ = presenter(
        "checkin", "1", "Sam Patel", "--role", "Nurse", "--ready", "app installed,Username ready"
    )
    assert status == 0
    assert out.endswith("1 checked in · 1 app installed · 1 username ready\n")
    csv_path = tmp_path / "out.csv"
    status, out, _ = presenter("attendance", "export", "1", "-o", str(csv_path))
    assert status == 0
    with open(csv_path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[1][:2] == ["Sam Patel", "Nurse"]


def test_a_duplicate_is_refused_until_merged(presenter):
    new_run(presenter)
    presenter("checkin", "1", "Sam Patel")
    status, _, err = presenter("checkin", "1", "sam patel", "--role", "Nurse")
    assert status == 2
    assert "--merge" in err and "Sam Patel" not in err and "sam patel" not in err
    status, out, _ = presenter("checkin", "1", "sam patel", "--role", "Nurse", "--merge")
    assert status == 0 and "1 checked in" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("checkin", "7", "Sam"), "there is no run 7"),
        (("checkin", "one", "Sam"), '"one" is not a run number'),
        (("checkin", "1", "Sam", "--email", "sam"), "email is not an email address"),
        (("checkin", "1", "Sam", "--ready", "Fed"), '"Fed" is not one of this run'),
        (("attendance", "export", "1", "-o", "x.docx"), "end the file name in .csv"),
        (("runs", "purge"), "give RUN or --older-than DAYS"),
        (("roster", "import", "1", "missing.csv", "--yes"), "missing.csv:0: error: no such file"),
    ],
)
def test_bad_input_is_one_clear_line_and_status_2(presenter, args, message):
    new_run(presenter)
    status, _, err = presenter(*args)
    assert status == 2
    assert message in err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_runs_new_with_a_bad_date_or_session(presenter):
    status, _, err = presenter("runs", "new", "twitter-hour", "--venue", "L", "--date", "25/11")
    assert status == 2 and "YYYY-MM-DD" in err
    status, _, err = presenter("runs", "new", "no-such-session", "--venue", "L")
    assert status == 2 and "no such session file" in err


def test_roster_import_shows_columns_and_names_bad_rows(presenter, tmp_path):
    new_run(presenter)
    good = tmp_path / "good.csv"
    good.write_text("Full name,Email,Ward\nSam Patel,sam@nhs.net,ED\nAna Costa,,ICU\n")
    status, out, err = presenter("roster", "import", "1", str(good))
    assert status == 2 and "add --yes" in err  # not a terminal: asks for --yes
    assert 'name                ← A "Full name"' in out
    status, out, _ = presenter("roster", "import", "1", str(good), "--yes")
    assert status == 0 and "imported 2 people to run 1" in out
    status, out, _ = presenter("checkin", "1", "ana costa")
    assert status == 0 and "1 checked in" in out
    bad = tmp_path / "bad.csv"
    bad.write_text("Name,Email\nJo,jo@nhs.net\n,x@nhs.net\nBo,bo-at-nhs\n")
    status, _, err = presenter("roster", "import", "1", str(bad), "--yes")
    assert status == 2
    assert f"{bad}:3: error: the name is empty" in err
    assert f"{bad}:4: error: the email in column B" in err
    assert "nothing imported" in err
    status, out, _ = presenter("attendance", "summary", "1")
    assert "1 checked in" in out


def test_purge_and_list_old_runs(presenter):
    new_run(presenter)
    presenter("checkin", "1", "Sam Patel")
    status, out, _ = presenter("runs", "list", "--older-than", "0")
    assert status == 0
    status, out, _ = presenter("runs", "purge", "1", "--yes")
    assert status == 0 and "kept the counts: 1 checked in" in out
    status, out, _ = presenter("runs", "list")
    assert "1 checked in (names purged)" in out
    status, _, err = presenter("checkin", "1", "Late Comer")
    assert status == 2 and "run 1 was purged" in err and "Traceback" not in err


def test_a_damaged_attendance_file_is_one_line(presenter, tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "attendance.sqlite3").write_bytes(b"this is not a database" * 100)
    status, _, err = presenter("runs", "list")
    assert status == 2
    assert "cannot be read" in err and len(err.strip().splitlines()) == 1


def test_pdf_export_from_the_command_line(tmp_path):
    env = dict(os.environ, PRESENTER_DATA_DIR=str(tmp_path))
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))

    def presenter(*args):
        return subprocess.run(
            [sys.executable, "-m", "presenter", *args], env=env, capture_output=True, text=True
        )

    assert presenter("runs", "new", "twitter-hour", "--venue", "Library").returncode == 0
    assert presenter("checkin", "1", "Sam Patel").returncode == 0
    assert presenter("checkin", "1", "Ana Costa").returncode == 0
    done = presenter("attendance", "export", "1", "-o", str(tmp_path / "c.pdf"), "--certificates")
    assert done.returncode == 0, done.stderr
    assert "certificates for 2 people" in done.stdout
    assert (tmp_path / "c.pdf").read_bytes().startswith(b"%PDF")
