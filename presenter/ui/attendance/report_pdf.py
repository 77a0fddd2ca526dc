"""The wrap-up report of a run as an A4 PDF: heading, the planned-versus-actual chart, then
the figures, comments and outcomes, drawn with Qt's PDF writer (`pdf_writer`)."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import QFont, QPainter, QPdfWriter, QTextDocument

from presenter.attendance.report import RunReport
from presenter.ui.attendance.chart import chart_bars, paint_chart
from presenter.ui.attendance.pdf_writer import RESOLUTION, write_pdf


def report_html(report: RunReport) -> str:
    """The text of the PDF report (the chart is painted above it)."""
    rows = "".join(
        "<tr>"
        f"<td>{html.escape(item.title)}</td><td align='right'>{item.planned_minutes:g}</td>"
        f"<td align='right'>{f'{item.actual_minutes:.1f}' if item.reached else '–'}</td>"
        f"<td align='right'>{f'{item.over_minutes:+.1f}' if item.reached else ''}</td>"
        "</tr>"
        for item in report.items
    )
    comments = "".join(f"<li>{html.escape(f.comment)}</li>" for f in report.feedback if f.comment)
    outcomes = "".join(
        f"<li>{o.noted_on.isoformat()}: {html.escape(o.text)}</li>" for o in report.outcomes
    )
    facilitators = ", ".join(report.run.facilitators)
    return (
        "<html><body style='font-family: sans-serif; font-size: 10pt'>"
        f"<p>{html.escape(report.times_text())} · {html.escape(report.overrun_text())} · "
        f"{html.escape(report.pauses_text())}"
        + (f"<br>Facilitators: {html.escape(facilitators)}" if facilitators else "")
        + "</p>"
        "<table border='1' cellspacing='0' cellpadding='3' width='100%'>"
        "<tr><th align='left'>Item</th><th>Planned (min)</th><th>Actual (min)</th>"
        f"<th>Over (min)</th></tr>{rows}"
        f"<tr><td><b>Total</b></td><td align='right'>{report.planned_minutes:g}</td>"
        f"<td align='right'>{report.actual_minutes:.1f}</td>"
        f"<td align='right'>{report.overrun_minutes:+.1f}</td></tr></table>"
        f"<p>{'<br>'.join(html.escape(line) for line in report.attendance_lines())}</p>"
        + (f"<p><b>Comments</b></p><ul>{comments}</ul>" if comments else "")
        + (f"<p><b>Outcomes</b></p><ul>{outcomes}</ul>" if outcomes else "")
        + "</body></html>"
    )


def write_report_pdf(path: str | Path, report: RunReport) -> None:
    """An A4 page: heading, the planned-versus-actual chart, then the figures and comments."""

    def draw(writer: QPdfWriter) -> None:
        page = writer.pageLayout().paintRectPixels(writer.resolution())
        scale = RESOLUTION / 96
        painter = QPainter(writer)
        try:
            title_height = _paint_heading(painter, page.width(), report.heading())
            chart_height = min(page.height() * 0.45, (60 + 34 * len(report.items)) * scale)
            chart = QRectF(0, title_height, page.width(), chart_height)
            paint_chart(painter, chart, chart_bars(report))
            document = QTextDocument()
            document.documentLayout().setPaintDevice(writer)
            document.setPageSize(QSizeF(page.width(), page.height()))
            document.setHtml(report_html(report))
            top = title_height + chart_height + 20 * scale
            _paint_pages(writer, painter, document, top)
        finally:
            painter.end()

    write_pdf(path, f"Report: {report.run.title}", draw)


def _paint_heading(painter: QPainter, width: float, text: str) -> float:
    """The report's title across the top; leaves the body font set. Returns its height."""
    title_font = QFont(painter.font())
    title_font.setPointSizeF(16)
    title_font.setBold(True)
    painter.setFont(title_font)
    height = painter.fontMetrics().height() * 1.6
    painter.drawText(
        QRectF(0, 0, width, height),
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
        text,
    )
    body_font = QFont(painter.font())
    body_font.setPointSizeF(9)
    body_font.setBold(False)
    painter.setFont(body_font)
    return height


def _paint_pages(
    writer: QPdfWriter, painter: QPainter, document: QTextDocument, top: float
) -> None:
    """`document` from `top` down the rest of the first page, then on whole new pages."""
    page = writer.pageLayout().paintRectPixels(writer.resolution())
    shown = page.height() - top
    painter.save()
    painter.translate(0, top)
    document.drawContents(painter, QRectF(0, 0, page.width(), shown))
    painter.restore()
    while shown < document.size().height():
        writer.newPage()
        painter.save()
        painter.translate(0, -shown)
        document.drawContents(painter, QRectF(0, shown, page.width(), page.height()))
        painter.restore()
        shown += page.height()
