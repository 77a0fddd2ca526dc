"""The printable attendance register and CPD certificates, drawn with Qt's own PDF writer.

Needs a QGuiApplication (fonts); `ensure_gui_app` makes an offscreen one for the command
line. Files are written beside the target and moved into place when complete.
"""

from __future__ import annotations

import contextlib
import html
import os
from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import (
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from presenter.attendance.export import AttendanceReport, length_text
from presenter.attendance.files import replace_atomically, temporary_sibling

RESOLUTION = 300  # dots per inch of the PDF's coordinate space


def ensure_gui_app() -> QGuiApplication:
    """The running Qt application, or an offscreen one for a command with no window."""
    app = QGuiApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(["presenter"])
    return app  # type: ignore[return-value]


def _writer(path: Path, title: str, landscape: bool) -> QPdfWriter:
    writer = QPdfWriter(str(path))
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


def write_pdf_atomically(path: Path, draw) -> None:
    """Call `draw(temp)` to draw a PDF at a temporary path beside `path`, then move it there."""
    temp = temporary_sibling(path)
    try:
        draw(temp)
        if temp.stat().st_size == 0:
            raise OSError(f"{path}: the PDF could not be written")
        replace_atomically(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise


def write_register(path: str | Path, report: AttendanceReport) -> None:
    """A printable register: A4 landscape, the table breaking across pages as needed."""
    ensure_gui_app()

    def draw(temp: Path) -> None:
        writer = _writer(temp, f"Attendance register: {report.run.title}", landscape=True)
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

    def draw(temp: Path) -> None:
        writer = _writer(temp, f"Certificates of attendance: {report.run.title}", landscape=True)
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

    write_pdf_atomically(Path(path), draw)
