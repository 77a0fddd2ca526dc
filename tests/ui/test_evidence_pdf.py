"""The invitation, the handout and the CPD certificates, read back from the PDF."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import replace
from datetime import date, time

import pytest

from presenter.agenda.model import AgendaItem, Kind, Session
from presenter.attendance.attended import build_evidence
from presenter.attendance.export import build_report
from presenter.attendance.invite import Invitation
from presenter.attendance.model import AttendeeDetails, Run
from presenter.attendance.store import open_store
from presenter.ui.attendance.handout_pdf import write_handout
from presenter.ui.attendance.invite_pdf import write_invitation
from presenter.ui.attendance.register_pdf import write_certificates, write_register
from tests.ui.test_attendance_pdf import pdf_pages, pdf_text

pytestmark = pytest.mark.skipif(
    not shutil.which("pdftotext") or not shutil.which("pdfimages"),
    reason="needs poppler-utils (pdftotext, pdfimages) to read the PDF back",
)

OUTCOMES = ("Set up a professional profile", "Know where to find the professional guidance")
SESSION = Session(
    "Twitter hour",
    items=(
        AgendaItem("Welcome", 5, points=("Who we are", "Is the app on your phone?")),
        AgendaItem("Part two", 0, kind=Kind.SECTION),
        AgendaItem("Who to follow", 10, points=("Your professional body", "Your trust")),
        AgendaItem(
            "Nested", 10, points=("Top point", "A point under it"), levels=(0, 1), optional=True
        ),
        AgendaItem("Secret", 5, points=("Not for the handout",), hidden=True),
    ),
    subtitle="Getting the most out of X for professional networking",
    facilitators=("A. Facilitator",),
    readiness=("App installed", "Username ready"),
    outcomes=OUTCOMES,
    sources=("Guidance on using social media responsibly (Nursing and Midwifery Council)",),
)
RUN = Run(
    id=1,
    title="Twitter hour",
    date=date(2026, 12, 8),
    venue="Library",
    facilitators=("A. Facilitator",),
    readiness=("App installed", "Username ready"),
    start=time(12, 0),
)


def images(path) -> int:
    out = subprocess.run(
        ["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True
    ).stdout
    return len(out.splitlines()) - 2  # two lines of headings


def test_the_invitation_holds_the_checklist_and_a_qr_code(qapp, tmp_path):
    path = tmp_path / "invite.pdf"
    write_invitation(path, Invitation(RUN, SESSION), qr=True)
    assert pdf_pages(path) == 1
    text = pdf_text(path)
    for words in ("You are invited", "Twitter hour", "Tuesday 8 December 2026, 12:00 to 13:00",
                  "Library", "Before you come", "App installed", "Username ready",
                  "add it to your calendar"):  # fmt: skip
        assert words in text
    assert images(path) == 1


def test_an_invitation_without_a_checklist_or_qr_code(qapp, tmp_path):
    path = tmp_path / "reminder.pdf"
    bare = RUN._replace(readiness=())
    write_invitation(path, Invitation(bare, SESSION, reminder=True), qr=False)
    text = pdf_text(path)
    assert "Reminder: tomorrow" in text
    assert "Before you come" not in text and "App installed" not in text
    assert "Nothing to prepare" in text
    assert images(path) == 0


def test_the_handout_holds_each_items_points_on_one_page(qapp, tmp_path):
    path = tmp_path / "handout.pdf"
    write_handout(path, SESSION, "Intranet > Policies > Social media")
    assert pdf_pages(path) == 1
    text = " ".join(pdf_text(path).split())
    for item in SESSION.items:
        if item.timed:
            assert item.title in text
            for point in item.points:
                assert point in text
    assert "Not for the handout" not in text and "Part two" not in text
    assert "Guidance on using social media responsibly (Nursing and Midwifery Council)" in text
    assert "Intranet > Policies > Social media" in text
    assert "Ready for next time" in text and "Username ready" in text
    assert OUTCOMES[0] in text


def test_a_long_session_still_fits_one_page(qapp, tmp_path):
    many = tuple(
        AgendaItem(f"Item {n}", 3, points=tuple(f"Point {n}.{p} " * 6 for p in range(6)))
        for n in range(20)
    )
    path = tmp_path / "handout.pdf"
    write_handout(path, replace(SESSION, items=many, readiness=()))
    assert pdf_pages(path) == 1
    text = pdf_text(path)
    assert "Item 19" in text and "Ready for next time" not in text


@pytest.fixture
def run_with_people(tmp_path, clock):
    """Two people: one from before the start (a full hour), one from 12:20 (45 minutes)."""
    with open_store(tmp_path / "data", clock=clock.wall) as store:
        run = store.create_run_from_session(SESSION, on=clock.wall().date())
        store.check_in(run.id, AttendeeDetails("Sam Patel"))
        clock.advance(25 * 60)
        store.check_in(run.id, AttendeeDetails("Jo Smith"))
        yield store, run.id


def test_a_certificate_gives_time_attended_participatory_learning_and_outcomes(
    qapp, run_with_people, tmp_path
):
    store, run_id = run_with_people
    path = tmp_path / "certificates.pdf"
    evidence = build_evidence(store, run_id, outcomes=OUTCOMES)
    write_certificates(path, build_report(store, run_id), evidence)
    assert pdf_pages(path) == 2
    first, second = (" ".join(pdf_text(path, page).split()) for page in (1, 2))
    assert "Sam Patel" in first and "Time attended 1 hour" in first
    assert "Jo Smith" in second and "Time attended 45 minutes (0.75 hours)" in second
    for page in (first, second):
        assert "Participatory learning" in page
        assert "A. Facilitator" in page
        assert all(outcome in page for outcome in OUTCOMES)
        assert "Your reflection" in page
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout
    names = [line.split()[0] for line in fonts.splitlines()[2:]]
    assert names and all("Sans" in name and "Serif" not in name for name in names), names


def test_the_register_gives_the_same_totals(qapp, run_with_people, tmp_path):
    store, run_id = run_with_people
    path = tmp_path / "register.pdf"
    write_register(path, build_report(store, run_id), build_evidence(store, run_id))
    text = " ".join(pdf_text(path).split())
    assert "Time attended" in text
    assert "1 hour" in text and "45 minutes (0.75 hours)" in text
    assert "Time attended in all: 1 hour 45 minutes (1.75 hours), by 2 people" in text
