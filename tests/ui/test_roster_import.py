"""The roster import dialog over a real sign-up export: the guessed mapping is shown, with
the readiness checks the form's questions feed, and imports everyone as confirmed."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from presenter.attendance.store import open_store
from presenter.ui.attendance.checkin_panel import CheckInPanel
from presenter.ui.attendance.roster_import import RosterImportDialog

READINESS = ("App installed", "Username ready")
SIGNUPS = Path(__file__).resolve().parents[1] / "fixtures" / "signups"


@pytest.fixture
def panel(qtbot, tmp_path, clock):
    with open_store(tmp_path, clock=clock.wall) as store:
        run_id = store.create_run("Twitter hour", on=date(2026, 11, 25), venue="Library").id
        widget = CheckInPanel(store, run_id, READINESS)
        qtbot.addWidget(widget)
        yield widget


def test_a_google_forms_export_is_shown_mapped_and_imports_everyone(qtbot, panel, dialogs):
    shown = {}

    def confirm(parent, table, columns, readiness):
        dialog = RosterImportDialog(table, columns, readiness)
        qtbot.addWidget(dialog)
        shown["intro"] = dialog.findChildren(QLabel)[0].text()
        shown["boxes"] = {
            key: box.currentText()
            for key, box in {**dialog.field_boxes, **dialog.ready_boxes}.items()
            if box.currentIndex() > 0
        }
        return dialog.columns()

    dialogs.open_path = SIGNUPS / "google-forms-responses.csv"
    dialogs.answer_with(RosterImportDialog.confirm, confirm)
    problems = []
    dialogs.answer_with(
        RosterImportDialog.show_problems, lambda parent, lines: problems.extend(lines)
    )
    assert panel.import_roster() == 4
    assert problems == []
    assert shown["intro"].startswith("Recognised as Google Forms responses. 5 rows")
    assert shown["boxes"] == {
        "name": "C: Your full name",
        "email": "B: Email address",
        "role": "D: Job title",
        "department": "E: Ward or department",
        "handle": "H: Your X username (if you have one)",
        "App installed": "G: Have you installed the X app on your phone?",
        "Username ready": "H: Your X username (if you have one)",
    }  # "Do you use Twitter?" (Yes / No / Not sure) is not the handle
    ready = {p.name: p.ready for p in panel.store.attendees(panel.run_id)}
    assert ready["Harry Example"] == {"Username ready"}  # "Not sure" about the app
