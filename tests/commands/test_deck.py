"""`presenter export` and `presenter import` as a facilitator runs them."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

from pptx import Presentation

from presenter.agenda.reader import load_session
from tests.deck.decks import BUNDLED, REPO
from tests.deck.valid import assert_valid_pptx


def presenter(*args, cwd=None):
    """`presenter ARGS` in a child process; a deck it says it wrote is checked as PowerPoint
    would open it (tests/deck/valid.py), as every export in the tests is."""
    done = subprocess.run(
        [sys.executable, "-m", "presenter", *map(str, args)],
        capture_output=True,
        text=True,
        cwd=cwd or REPO,
        timeout=60,
    )
    if done.returncode == 0 and args and args[0] == "export":
        written = Path(cwd or REPO) / done.stdout.strip().rsplit(" to ", 1)[1]
        assert_valid_pptx(written)
    return done


def test_export_then_import_on_the_command_line(tmp_path):
    deck = tmp_path / "deck.pptx"
    done = presenter("export", BUNDLED, "-o", deck)
    assert done.returncode == 0, done.stderr
    back = tmp_path / "back.md"
    done = presenter("import", deck, "-o", back)
    assert done.returncode == 0, done.stderr
    assert load_session(back)[0] == load_session(BUNDLED)[0]


def test_export_takes_a_bundled_session_by_name(tmp_path):
    done = presenter("export", "twitter-hour", "-o", tmp_path / "d.pptx")
    assert done.returncode == 0, done.stderr


def test_bad_session_file_exits_2_with_file_and_line(tmp_path):
    bad = tmp_path / "bad.md"
    bad.write_text("---\ntitle: [unclosed\n---\n")
    done = presenter("export", bad, "-o", tmp_path / "d.pptx")
    assert done.returncode == 2
    assert f"{bad}:" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "d.pptx").exists()


def test_bad_template_and_bad_deck_exit_2_with_one_line(tmp_path):
    junk = tmp_path / "junk.pptx"
    junk.write_text("junk")
    done = presenter("export", BUNDLED, "-o", tmp_path / "d.pptx", "--template", junk)
    assert done.returncode == 2 and "junk.pptx: not a PowerPoint" in done.stderr
    assert "Traceback" not in done.stderr
    done = presenter("import", junk, "-o", tmp_path / "s.md")
    assert done.returncode == 2 and "junk.pptx: not a PowerPoint" in done.stderr
    assert not (tmp_path / "s.md").exists()


def test_import_of_another_tools_deck_warns_about_minutes(tmp_path):
    from tests.deck.decks import others_deck

    deck = others_deck(tmp_path / "theirs.pptx")
    done = presenter("import", deck, "-o", tmp_path / "s.md")
    assert done.returncode == 0, done.stderr
    assert "shared out across" in done.stderr
    assert load_session(tmp_path / "s.md")[0].planned_minutes == 60


def test_export_with_a_run_puts_its_date_and_venue_on_the_title_slide(tmp_path):
    from presenter.attendance.store import open_store

    data = tmp_path / "data"
    data.mkdir()
    with open_store(data, hold_window_lock=False) as store:
        run = store.create_run("Twitter hour", on=date(2026, 12, 3), venue="Ward 12 seminar room")
    deck = tmp_path / "d.pptx"
    done = presenter("export", BUNDLED, "-o", deck, "--run", run.id, "--data-dir", data)
    assert done.returncode == 0, done.stderr
    title_slide = Presentation(str(deck)).slides[0]
    texts = " ".join(s.text_frame.text for s in title_slide.shapes if s.has_text_frame)
    assert "Thursday 3 December 2026 · Ward 12 seminar room" in texts
    done = presenter("export", BUNDLED, "-o", deck, "--run", "99", "--data-dir", data)
    assert done.returncode == 2 and "Traceback" not in done.stderr


def test_export_without_o_writes_the_sessions_name_here_and_says_so(tmp_path):
    done = presenter("export", "twitter-hour", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "wrote Twitter hour (9 items, 60 min) to twitter-hour.pptx\n"
    assert len(Presentation(str(tmp_path / "twitter-hour.pptx")).slides) > 9
    mine = tmp_path / "plans" / "ward-round.md"
    mine.parent.mkdir()
    mine.write_text("---\ntitle: Ward round\n---\n\n## Hello [5 min]\n", encoding="utf-8")
    done = presenter("export", mine, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "wrote Ward round (1 item, 5 min) to ward-round.pptx\n"
    assert (tmp_path / "ward-round.pptx").is_file()


def test_import_says_what_it_wrote(tmp_path):
    deck = tmp_path / "deck.pptx"
    assert presenter("export", "twitter-hour", "-o", deck).returncode == 0
    done = presenter("import", deck, "-o", tmp_path / "back.md")
    assert done.returncode == 0, done.stderr
    assert done.stdout == f"wrote Twitter hour (9 items, 60 min) to {tmp_path / 'back.md'}\n"
