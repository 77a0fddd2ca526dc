"""The printable attendance register and CPD certificates, drawn with Qt's own PDF writer.

Needs a QGuiApplication (fonts); `ensure_gui_app` makes an offscreen one for the command
line. A PDF is drawn in memory, then written whole or not at all by presenter.files, which
reads it back and counts its pages (QPdfWriter itself reports no write errors).
"""

from __future__ import annotations

import html
import os
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QSizeF
from PySide6.QtGui import (
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from presenter.attendance.export import AttendanceReport, length_text
from presenter.files import NotWhole, WriteError, pdf_check, pdf_pages, write_bytes

RESOLUTION = 300  # dots per inch of the PDF's coordinate space


def ensure_gui_app() -> QGuiApplication:
    """The running Qt application, or an offscreen one for a command with no window."""
    app = QGuiApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(["presenter"])
    return app  # type: ignore[return-value]


def _writer(device: QIODevice, title: str, landscape: bool) -> QPdfWriter:
    writer = QPdfWriter(device)
    writer.setResolution(RESOLUTION)
    writer.setTitle(title)
    writer.setCreator("Presenter")
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    orientation = (
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    )
    writer.setPageOrientation(orientation)
    writer.setPageMargins(QMarginsF(18, 18, 18, 18), QPageLayout.Unit.Millimeter)
    return writer


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


def write_pdf_atomically(path: Path, draw, pages: int | None = None) -> None:
    """Call `draw(device)` to draw a PDF into memory, then write it to `path` whole.

    `pages` is how many pages it must have (None: at least one). Raises WriteError."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    draw(buffer)
    data = bytes(buffer.data().data())
    buffer.close()
    try:
        pdf_pages(data)
    except NotWhole as exc:
        raise WriteError(
            f"{path}: the PDF could not be drawn ({exc}); nothing was written"
        ) from None
    write_bytes(path, data, check=pdf_check(pages))


def write_register(path: str | Path, report: AttendanceReport) -> None:
    """A printable register: A4 landscape, the table breaking across pages as needed."""
    ensure_gui_app()

    def draw(device: QIODevice) -> None:
        writer = _writer(device, f"Attendance register: {report.run.title}", landscape=True)
        document = QTextDocument()
        document.documentLayout().setPaintDevice(writer)
        document.setHtml(register_html(report))
        document.print_(writer)

    write_pdf_atomically(Path(path), draw)


def write_certificates(path: str | Path, report: AttendanceReport) -> None:
    """One A4 landscape page per person checked in."""
    if not report.names:
        raise ValueError("nobody is checked in to this run, so there are no certificates")
    ensure_gui_app()

    def draw(device: QIODevice) -> None:
        writer = _writer(device, f"Certificates of attendance: {report.run.title}", landscape=True)
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

    write_pdf_atomically(Path(path), draw, pages=len(report.names))
