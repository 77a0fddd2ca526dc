"""The printable register and the CPD certificates, read back from the PDF."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from datetime import date

import pytest

from presenter.attendance.export import build_report
from presenter.attendance.model import AttendeeDetails
from presenter.attendance.store import open_store
from presenter.ui.attendance.register_pdf import write_certificates, write_register

pytestmark = pytest.mark.skipif(
    not shutil.which("pdftotext") or not shutil.which("pdfinfo"),
    reason="needs poppler-utils (pdftotext, pdfinfo) to read the PDF back",
)

NAMES = ("Sam Patel", "Zoë Ångström", "Ζωή Παπαδοπούλου", 'Smith, "Jo"')


@pytest.fixture
def store_and_run(tmp_path, clock):
    with open_store(tmp_path / "data", clock=clock.wall) as store:
        run = store.create_run(
            "Twitter hour",
            on=date(2026, 11, 25),
            venue="Library",
            facilitators=["A. Facilitator", "B. Facilitator"],
            readiness=["App installed", "Username ready"],
        )
        for name in NAMES:
            store.check_in(run.id, AttendeeDetails(name, role="Nurse", ready={"App installed"}))
        store.add_to_roster(run.id, [AttendeeDetails("Did Not Come")])
        yield store, run.id


def pdf_text(path, page: int | None = None) -> str:
    """The text of a PDF (or one page), with ligatures such as "ﬁ" spelled out."""
    pages = ["-f", str(page), "-l", str(page)] if page else []
    out = subprocess.run(
        ["pdftotext", *pages, str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return unicodedata.normalize("NFKC", out)


def pdf_pages(path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    line = next(x for x in info.stdout.splitlines() if x.startswith("Pages:"))
    return int(line.split()[1])


def test_the_register_lists_everyone_present(qapp, store_and_run, tmp_path):
    store, run_id = store_and_run
    path = tmp_path / "register.pdf"
    write_register(path, build_report(store, run_id))
    text = pdf_text(path)
    assert "Attendance register: Twitter hour" in text
    assert "Wednesday 25 November 2026" in text
    assert "A. Facilitator, B. Facilitator" in text
    assert "4 checked in · 4 app installed · 0 username ready" in text
    for name in NAMES:
        assert name in text
    assert "Did Not Come" not in text


def test_one_certificate_page_per_person(qapp, store_and_run, tmp_path):
    store, run_id = store_and_run
    path = tmp_path / "certificates.pdf"
    write_certificates(path, build_report(store, run_id))
    assert pdf_pages(path) == len(NAMES)
    for page, name in enumerate(NAMES, start=1):
        text = pdf_text(path, page)
        assert "Certificate of attendance" in text
        assert name in text
        assert "Twitter hour" in text
        assert "1 hour" in text
        assert "A. Facilitator, B. Facilitator" in text


def test_no_certificates_when_nobody_came(qapp, tmp_path):
    with open_store(tmp_path) as store:
        run = store.create_run("Twitter hour", on=date(2026, 11, 25))
        report = build_report(store, run.id)
    target = tmp_path / "certificates.pdf"
    with pytest.raises(ValueError, match="nobody is checked in"):
        write_certificates(target, report)
    assert not target.exists()


def test_a_pdf_is_replaced_whole(qapp, store_and_run, tmp_path):
    store, run_id = store_and_run
    path = tmp_path / "register.pdf"
    path.write_bytes(b"old")
    write_register(path, build_report(store, run_id))
    assert path.read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "register.pdf"]
