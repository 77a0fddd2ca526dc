"""The printable attendance register and the certificates for CPD and revalidation, drawn
with Qt's PDF writer (`pdf_writer`) in a sans-serif font, for the command line and the app
alike. Given the run's `Evidence`, both give each person's time attended alike."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtGui import QPainter, QPdfWriter, QTextDocument

from presenter.attendance.attended import Evidence, hours_text
from presenter.attendance.export import AttendanceReport, length_text
from presenter.ui.attendance.one_page import draw_one_page, sans_font
from presenter.ui.attendance.pdf_writer import write_pdf

SANS_CSS = '"Liberation Sans", Arial, sans-serif'


def _text(value: str) -> str:
    return html.escape(value).replace("\n", "<br>")


def _run_line(report: AttendanceReport) -> str:
    run = report.run
    day = f"{run.date:%A} {run.date.day} {run.date:%B %Y}"
    parts = [day, run.start.strftime("%H:%M")]
    parts.append(length_text(run.length))
    if run.venue:
        parts.append(run.venue)
    return " · ".join(parts)


def _attended_cells(report: AttendanceReport, evidence: Evidence | None) -> list[str]:
    """The 'Time attended' cell of each row (empty without evidence)."""
    if evidence is None:
        return []
    if len(evidence.people) != len(report.rows):  # the file changed between the two reads
        return [hours_text(evidence.minutes_for(name)) for name in report.names]
    return [person.text() for person in evidence.people]


def register_html(report: AttendanceReport, evidence: Evidence | None = None) -> str:
    """The register as rich text: heading, run details, one table row per person present;
    with `evidence`, each person's time attended and the total, as the certificates give."""
    run = report.run
    facilitators = ", ".join(run.facilitators)
    attended = _attended_cells(report, evidence)
    headings = (*report.headings, "Time attended") if attended else report.headings
    heads = "".join(f"<th align='left'>{_text(h)}</th>" for h in ("", *headings))
    rows = [(*row, attended[i]) if attended else row for i, row in enumerate(report.rows)]
    body = "".join(
        "<tr>" + f"<td>{number}</td>" + "".join(f"<td>{_text(cell)}</td>" for cell in row) + "</tr>"
        for number, row in enumerate(rows, start=1)
    )
    if not report.rows:
        body = f"<tr><td colspan='{len(headings) + 1}'>Nobody is checked in.</td></tr>"
    totals = (
        f"<br>Run {_text(evidence.times_text())} · {_text(evidence.total_text())}"
        if evidence is not None
        else ""
    )
    return (
        f"<html><body style='font-family: {SANS_CSS}; font-size: 10pt'>"
        f"<h1 style='font-size: 18pt'>Attendance register: {_text(run.title)}</h1>"
        f"<p>{_text(_run_line(report))}"
        + (f"<br>Facilitators: {_text(facilitators)}" if facilitators else "")
        + f"<br>{_text(report.summary.text())}{totals}</p>"
        "<table border='1' cellspacing='0' cellpadding='4' width='100%'>"
        f"<thead><tr>{heads}</tr></thead><tbody>{body}</tbody></table>"
        "</body></html>"
    )


def _outcomes_html(outcomes: tuple[str, ...]) -> str:
    if not outcomes:
        return ""
    items = "".join(f"<li>{_text(o)}</li>" for o in outcomes)
    return (
        "<p style='font-size: 12pt; font-weight: bold'>Learning outcomes</p>"
        f"<ul style='font-size: 12pt'>{items}</ul>"
    )


REFLECTION = (
    "<p style='font-size: 12pt; font-weight: bold'>Your reflection</p>"
    "<p style='font-size: 10pt'>What did you learn, how will you use it in your practice, and "
    "how does it relate to your professional standards?</p>"
    "<table border='1' cellspacing='0' cellpadding='6' width='100%'><tr><td>"
    + "<br>" * 9
    + "</td></tr></table>"
)


def certificate_html(report: AttendanceReport, name: str, evidence: Evidence | None = None) -> str:
    """One certificate: the person, the session, date, venue, facilitators, the time they
    attended, that it was participatory learning, the outcomes, and room to reflect."""
    run = report.run
    facilitators = ", ".join(run.facilitators)
    attended = hours_text(evidence.minutes_for(name)) if evidence else length_text(run.length)
    outcomes = evidence.outcomes if evidence else ()
    details = [("Session", run.title), ("Date", f"{run.date:%A} {run.date.day} {run.date:%B %Y}")]
    if run.venue:
        details.append(("Venue", run.venue))
    if facilitators:
        details.append(("Facilitated by", facilitators))
    details.append(("Time attended", attended))
    details.append(("Type of learning", "Participatory learning (interactive, face to face)"))
    rows = "".join(f"<tr><td><b>{_text(k)}</b></td><td>{_text(v)}</td></tr>" for k, v in details)
    return (
        f"<html><body style='font-family: {SANS_CSS}'>"
        "<p align='center' style='font-size: 28pt; font-weight: bold'>Certificate of attendance</p>"
        "<p align='center' style='font-size: 13pt'>This is to certify that</p>"
        f"<p align='center' style='font-size: 24pt; font-weight: bold'>{_text(name)}</p>"
        "<p align='center' style='font-size: 13pt'>took part in</p>"
        f"<p align='center' style='font-size: 20pt'>{_text(run.title)}</p>"
        f"<table cellpadding='4' style='font-size: 12pt; margin-top: 8pt'>{rows}</table>"
        + _outcomes_html(outcomes)
        + REFLECTION
        + "<p style='font-size: 9pt'>Keep this as evidence of learning for your continuing "
        "professional development (CPD) record and revalidation.</p>"
        "</body></html>"
    )


def write_register(
    path: str | Path, report: AttendanceReport, evidence: Evidence | None = None
) -> None:
    """A printable register: A4 landscape, the table breaking across pages as needed."""

    def draw(writer: QPdfWriter) -> None:
        document = QTextDocument()
        document.documentLayout().setPaintDevice(writer)
        document.setDefaultFont(sans_font(10))
        document.setHtml(register_html(report, evidence))
        document.print_(writer)

    write_pdf(path, f"Attendance register: {report.run.title}", draw, landscape=True)


def write_certificates(
    path: str | Path, report: AttendanceReport, evidence: Evidence | None = None
) -> None:
    """One A4 portrait page per person checked in. Without `evidence`, the time attended is
    the run's planned length."""
    if not report.names:
        raise ValueError("nobody is checked in to this run, so there are no certificates")

    def draw(writer: QPdfWriter) -> None:
        painter = QPainter(writer)
        try:
            for index, name in enumerate(report.names):
                if index:
                    writer.newPage()
                draw_one_page(
                    writer, painter, certificate_html(report, name, evidence), centre=True
                )
        finally:
            painter.end()

    title = f"Certificates of attendance: {report.run.title}"
    write_pdf(path, title, draw, pages=len(report.names))
