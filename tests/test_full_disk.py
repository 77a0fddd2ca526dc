"""On a full disk every command that writes a file says so in one line, exits 2 and leaves
nothing behind; a check-in says the disk is full. The disk is a small tmpfs filled up."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from presenter.agenda.bundled import bundled_session_path
from presenter.agenda.reader import load_session
from presenter.agenda.writer import save_session
from presenter.files import WriteError

ROOT = Path(__file__).resolve().parents[1]


def _fill(folder: Path, leave: int = 0) -> None:
    """Use every byte of the disk holding `folder`, or all but about `leave` bytes."""
    fd = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        while os.write(fd, b"\0" * 4096):
            pass
    except OSError:
        pass
    finally:
        if leave:
            os.ftruncate(fd, max(0, os.fstat(fd).st_size - leave))
        os.close(fd)


@pytest.fixture
def small_disk(tmp_path):
    """A 256 KB disk of its own, unmounted afterwards."""
    folder = tmp_path / "usb"
    folder.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(folder)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small disk here: {done.stderr.strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def presenter(*args, data: Path):
    env = dict(os.environ, PRESENTER_DATA_DIR=str(data), QT_QPA_PLATFORM="offscreen")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return subprocess.run(
        [sys.executable, "-m", "presenter", *map(str, args)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def data(tmp_path):
    """An attendance file (on a disk with room) with a run and two people checked in."""
    folder = tmp_path / "data"
    assert (
        presenter("runs", "new", "twitter-hour", "--venue", "Library", data=folder).returncode == 0
    )
    for name in ("Sam Patel", "Ana Costa"):
        assert presenter("checkin", "1", name, data=folder).returncode == 0
    return folder


EXPORTS = {
    "attendance.csv": ["attendance", "export", "1", "-o"],
    "attendance.xlsx": ["attendance", "export", "1", "-o"],
    "register.pdf": ["attendance", "export", "1", "-o"],
    "certificates.pdf": ["attendance", "export", "1", "--certificates", "-o"],
    "report.csv": ["report", "1", "-o"],
    "report.pdf": ["report", "1", "-o"],
    "deck.pptx": ["export", "twitter-hour", "-o"],
}


def test_every_export_on_a_full_disk_is_one_line_and_leaves_nothing(data, small_disk):
    # First, with room: each export is written and whole.
    for name, args in EXPORTS.items():
        done = presenter(*args, small_disk / name, data=data)
        assert done.returncode == 0, (name, done.stderr)
        (small_disk / name).unlink()
    _fill(small_disk)
    wrong = {}
    for name, args in EXPORTS.items():
        done = presenter(*args, small_disk / name, data=data)
        lines = done.stderr.strip().splitlines()
        left = sorted(p.name for p in small_disk.iterdir() if p.name != "filler")
        if not (
            done.returncode == 2
            and len(lines) == 1
            and "the disk is full: 0 bytes free on" in lines[0]
            and lines[0].endswith("nothing was written")
            and not left
        ):
            wrong[name] = (done.returncode, done.stderr[-300:], left)
        for stray in left:
            (small_disk / stray).unlink()
    assert not wrong


def test_a_pdf_that_does_not_fit_is_not_reported_as_written(data, small_disk):
    """With a little room left, Qt's PDF writer would stop silently part-way."""
    _fill(small_disk, leave=12 * 1024)
    for name in ("register.pdf", "certificates.pdf", "report.pdf"):
        done = presenter(*EXPORTS[name], small_disk / name, data=data)
        assert done.returncode == 2, (name, done.stdout, done.stderr)
        assert len(done.stderr.strip().splitlines()) == 1, done.stderr
        assert "the disk is full" in done.stderr
        assert sorted(p.name for p in small_disk.iterdir()) == ["filler"], name


def test_importing_a_deck_onto_a_full_disk_writes_no_session(data, small_disk, tmp_path):
    deck = tmp_path / "deck.pptx"
    assert presenter("export", "twitter-hour", "-o", deck, data=data).returncode == 0
    _fill(small_disk)
    done = presenter("import", deck, "-o", small_disk / "session.md", data=data)
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert "the disk is full" in done.stderr
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler"]


def test_saving_a_session_on_a_full_disk_keeps_the_old_file(small_disk):
    session, _ = load_session(bundled_session_path())
    target = small_disk / "session.md"
    target.write_text("the old text\n", encoding="utf-8")
    _fill(small_disk)
    with pytest.raises(WriteError) as caught:
        save_session(session, target)
    assert str(caught.value).startswith(f"{target}: the disk is full: 0 bytes free on ")
    assert target.read_text(encoding="utf-8") == "the old text\n"
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler", "session.md"]


def test_check_in_on_a_full_disk_says_the_disk_is_full(small_disk):
    folder = small_disk / "data"
    assert (
        presenter("runs", "new", "twitter-hour", "--venue", "Library", data=folder).returncode == 0
    )
    _fill(small_disk)
    done = presenter("checkin", "1", "Sam Patel", data=folder)
    assert done.returncode == 2
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert "the disk is full" in done.stderr
    assert "cannot be read" not in done.stderr


def test_the_check_in_panel_path_on_a_full_disk_says_the_disk_is_full(small_disk):
    from datetime import date

    from presenter.attendance.model import AttendeeDetails
    from presenter.attendance.store import AttendanceError, open_store

    with open_store(small_disk / "data") as store:
        run = store.create_run("Twitter hour", on=date(2026, 11, 25))
        store.check_in(run.id, AttendeeDetails("Sam Patel"))
        _fill(small_disk)
        with pytest.raises(AttendanceError) as caught:
            for number in range(200):  # until the attendance file's journal needs room
                store.check_in(run.id, AttendeeDetails(f"Walk-in {number}", note="x" * 2000))
        assert "the disk is full: 0 bytes free on" in str(caught.value)
        assert "free some space on it, then try again" in str(caught.value)
        assert store.attendees(run.id, checked_in_only=True)[0].name == "Sam Patel"


def test_the_editor_saving_onto_a_full_disk_says_so_and_keeps_the_changes(
    small_disk, tmp_path, qtbot, dialogs
):
    from presenter.ui.editor.editor_window import AgendaEditor
    from presenter.ui.shared.dialogs import ProblemsDialog, SaveChangesDialog
    from presenter.ui.shared.settings import Settings

    shown = []
    dialogs.answer_with(ProblemsDialog, lambda parent, title, lines: shown.append((title, lines)))
    dialogs.answer(SaveChangesDialog, "discard")
    target = small_disk / "session.md"
    dialogs.save_path = target
    session, _ = load_session(bundled_session_path())
    editor = AgendaEditor(session, None, Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(editor)
    editor.registry.trigger("add_item")
    _fill(small_disk)
    editor.registry.trigger("save")
    assert len(shown) == 1
    title, lines = shown[0]
    assert title == "The session was not saved"
    assert len(lines) == 1 and lines[0].startswith(f"{target}: the disk is full: 0 bytes free on ")
    assert not editor.is_saved()
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler"]
