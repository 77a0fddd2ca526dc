"""The printable attendance register and CPD certificates, drawn with Qt's PDF writer
(`pdf_writer`), for the command line and the app alike."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QSizeF
from PySide6.QtGui import QPainter, QPdfWriter, QTextDocument

from presenter.attendance.export import AttendanceReport, length_text
from presenter.ui.attendance.pdf_writer import write_pdf


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


def register_html(report: AttendanceReport) -> str:
    """The register as rich text: heading, run details, one table row per person present."""
    run = report.run
    facilitators = ", ".join(run.facilitators)
    heads = "".join(f"<th align='left'>{_text(h)}</th>" for h in ("", *report.headings))
    body = "".join(
        "<tr>" + f"<td>{number}</td>" + "".join(f"<td>{_text(cell)}</td>" for cell in row) + "</tr>"
        for number, row in enumerate(report.rows, start=1)
    )
    if not report.rows:
        body = f"<tr><td colspan='{len(report.headings) + 1}'>Nobody is checked in.</td></tr>"
    return (
        "<html><body style='font-family: sans-serif; font-size: 10pt'>"
        f"<h1 style='font-size: 18pt'>Attendance register: {_text(run.title)}</h1>"
        f"<p>{_text(_run_line(report))}"
        + (f"<br>Facilitators: {_text(facilitators)}" if facilitators else "")
        + f"<br>{_text(report.summary.text())}</p>"
        "<table border='1' cellspacing='0' cellpadding='4' width='100%'>"
        f"<thead><tr>{heads}</tr></thead><tbody>{body}</tbody></table>"
        "</body></html>"
    )


def certificate_html(report: AttendanceReport, name: str) -> str:
    """One certificate of attendance: name, session, date, length, facilitators."""
    run = report.run
    facilitators = ", ".join(run.facilitators)
    return (
        "<html><body style='font-family: serif'>"
        "<p align='center' style='font-size: 30pt'>Certificate of attendance</p>"
        "<p align='center' style='font-size: 14pt'>This is to certify that</p>"
        f"<p align='center' style='font-size: 26pt; font-weight: bold'>{_text(name)}</p>"
        "<p align='center' style='font-size: 14pt'>attended</p>"
        f"<p align='center' style='font-size: 20pt'>{_text(run.title)}</p>"
        f"<p align='center' style='font-size: 13pt'>{_text(_run_line(report))}</p>"
        + (
            f"<p align='center' style='font-size: 13pt'>Facilitated by {_text(facilitators)}</p>"
            if facilitators
            else ""
        )
        + "<p align='center' style='font-size: 10pt'>Keep this as evidence of learning for "
        "your continuing professional development (CPD) record.</p>"
        "</body></html>"
    )


def write_register(path: str | Path, report: AttendanceReport) -> None:
    """A printable register: A4 landscape, the table breaking across pages as needed."""

    def draw(writer: QPdfWriter) -> None:
        document = QTextDocument()
        document.documentLayout().setPaintDevice(writer)
        document.setHtml(register_html(report))
        document.print_(writer)

    write_pdf(path, f"Attendance register: {report.run.title}", draw, landscape=True)


def write_certificates(path: str | Path, report: AttendanceReport) -> None:
    """One A4 landscape page per person checked in."""
    if not report.names:
        raise ValueError("nobody is checked in to this run, so there are no certificates")

    def draw(writer: QPdfWriter) -> None:
        area = writer.pageLayout().paintRectPixels(writer.resolution())
        painter = QPainter(writer)
        try:
            for index, name in enumerate(report.names):
                if index:
                    writer.newPage()
                document = QTextDocument()
                document.documentLayout().setPaintDevice(writer)
                document.setPageSize(QSizeF(area.width(), area.height()))
                document.setHtml(certificate_html(report, name))
                top = max(0.0, (area.height() - document.size().height()) / 2)
                painter.save()
                painter.translate(0, top)
                document.drawContents(painter)
                painter.restore()
        finally:
            painter.end()

    title = f"Certificates of attendance: {report.run.title}"
    write_pdf(path, title, draw, landscape=True, pages=len(report.names))
