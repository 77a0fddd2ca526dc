"""Session › Invite… and Session › Handout… from the run window: the files they write, and
what they say when there is nothing to write."""

from __future__ import annotations

import shutil
import subprocess
from datetime import date, time

import icalendar
import pytest
from PySide6.QtWidgets import QMessageBox

from presenter.attendance.model import Run
from presenter.attendance.store import open_store
from presenter.ui.attendance.evidence_actions import InviteChoice, InviteDialog, runs_to_invite
from presenter.ui.shared.dialogs import ProblemsDialog


def session_menu(windows) -> list[str]:
    bar = windows.presenter.menuBar()
    menu = next(a.menu() for a in bar.actions() if a.text() == "&Session")
    return [a.objectName() for a in menu.actions()]


def test_the_session_menu_has_invite_and_handout(windows):
    names = session_menu(windows)
    assert "invite" in names and "handout" in names
    assert windows.registry.bound_twice() == {}


def test_invite_writes_the_three_files_for_the_run_chosen(make_windows, session, dialogs, tmp_path):
    windows = make_windows(session, check_in=True)  # opens today's run, 25 November 2026
    offered = []

    def choose(parent, runs):
        offered.extend(runs)
        return InviteChoice(runs[0].id, reminder=False, qr=True)

    dialogs.answer_with(InviteDialog, choose)
    dialogs.save_path = tmp_path / "ward-invite"
    windows.registry.trigger("invite")
    assert [run.date for run in offered] == [date(2026, 11, 25)]
    written = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("ward-invite"))
    assert written == ["ward-invite.ics", "ward-invite.pdf", "ward-invite.txt"]
    (event,) = icalendar.Calendar.from_ical((tmp_path / "ward-invite.ics").read_bytes()).walk(
        "VEVENT"
    )
    assert str(event["summary"]) == session.title
    assert "Before you come" in str(event["description"])
    notices = windows.presenter.findChildren(QMessageBox, "ExportedNotice")
    assert any("ward-invite.pdf" in box.text() for box in notices)


def test_invite_says_so_when_the_session_has_no_run(windows, dialogs, tmp_path):
    dialogs.expect(ProblemsDialog)
    windows.registry.trigger("invite")
    assert dialogs.titles(ProblemsDialog) == ["No run to invite to"]
    assert "presenter runs new" in dialogs.of(ProblemsDialog)[0].text


def test_a_cancelled_invite_writes_nothing(make_windows, session, dialogs, tmp_path):
    windows = make_windows(session, check_in=True)
    dialogs.answer(InviteDialog, None)
    windows.registry.trigger("invite")
    assert not list(tmp_path.glob("*.ics"))


def test_the_next_runs_come_first_and_other_sessions_are_left_out(session):
    def run(number, day, title=session.title):
        return Run(id=number, title=title, date=day, start=time(12, 0))

    runs = [
        run(1, date(2026, 11, 1)),
        run(2, date(2026, 12, 9)),
        run(3, date(2026, 12, 2)),
        run(4, date(2026, 12, 3), "Another session"),
    ]
    chosen = runs_to_invite(runs, session, date(2026, 12, 1))
    assert [r.id for r in chosen] == [3, 2, 1]


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils (pdftotext)")
def test_handout_writes_each_items_points(windows, session, dialogs, tmp_path):
    dialogs.save_path = tmp_path / "handout"
    windows.registry.trigger("handout")
    path = tmp_path / "handout.pdf"
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    text = " ".join(text.split())
    for item in session.items:
        for point in item.points if item.timed else ():
            assert " ".join(point.split()) in text


def test_an_invite_to_a_run_made_beforehand(make_windows, session, dialogs, tmp_path, clock):
    with open_store(tmp_path / "data", clock=clock.wall) as store:
        store.create_run_from_session(session, on=date(2026, 12, 8), venue="Ward 12")
    windows = make_windows(session)
    dialogs.answer_with(InviteDialog, lambda parent, runs: InviteChoice(runs[0].id, True, False))
    dialogs.save_path = tmp_path / "reminder.pdf"
    windows.registry.trigger("invite")
    text = (tmp_path / "reminder.txt").read_text(encoding="utf-8")
    assert "Reminder: Twitter hour tomorrow" in text and "Where: Ward 12" in text


def test_the_invite_dialog_offers_each_run_and_the_qr_code_by_default(qapp, session):
    runs = [
        Run(id=5, title=session.title, date=date(2026, 12, 8), venue="Ward 12"),
        Run(id=6, title=session.title, date=date(2026, 12, 9)),
    ]
    dialog = InviteDialog(runs)
    assert dialog.list.count() == 2
    assert dialog.list.item(0).text() == "Tuesday 8 December 2026, 12:00 · Ward 12 (run 5)"
    assert dialog.choice() == InviteChoice(5, reminder=False, qr=True)
    dialog.list.setCurrentRow(1)
    dialog.reminder.setChecked(True)
    assert dialog.choice() == InviteChoice(6, reminder=True, qr=True)
    dialog.deleteLater()
