"""The wrap-up after the last item: planned against actual minutes per item as a chart, the
total overrun and pauses, who came and how ready, a quick rating and comment per attendee,
and the report saved as PDF or CSV.

The chart is painted with QPainter (PySide6-Essentials has no QtCharts), by one function
that draws on the window and on the PDF page alike.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from presenter.attendance.report import RunReport

PLANNED_COLOUR = QColor("#9aa5b1")
# Blue and vermillion (Okabe-Ito): told apart with any colour vision, unlike green and red.
ON_TIME_COLOUR = QColor("#0072b2")
OVER_COLOUR = QColor("#d55e00")
OVER_MINUTES = 1.0  # an actual bar turns red a minute past the plan


@dataclass(frozen=True)
class Bar:
    """One item of the chart: its label, planned and actual minutes, and whether it overran."""

    title: str
    planned: float
    actual: float
    over: bool


def chart_bars(report: RunReport) -> list[Bar]:
    """What the chart shows, item by item (items never reached show no actual bar)."""
    return [
        Bar(
            row.title,
            row.planned_minutes,
            row.actual_minutes if row.reached else 0.0,
            row.reached and row.over_minutes >= OVER_MINUTES,
        )
        for row in report.items
    ]


def paint_chart(painter: QPainter, area: QRectF, bars: list[Bar]) -> None:
    """Horizontal bars, two per item: the plan (grey) above the actual time (green or red).

    Sizes follow the painter's font, so the same drawing fits a window and a 300 dpi page.
    """
    if not bars:
        return
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    metrics = painter.fontMetrics()
    line = metrics.height()
    scale = max(1.0, line / 16)
    label_width = min(
        area.width() * 0.4, max(metrics.horizontalAdvance(b.title) for b in bars) + line
    )
    top = area.top() + line * 1.6  # room for the legend
    axis = line * 1.4
    chart = QRectF(area.left() + label_width, top, area.width() - label_width - line * 3, 0)
    chart.setBottom(area.bottom() - axis)
    most = max(max(b.planned, b.actual) for b in bars)
    step = 5 if most <= 30 else 10
    top_minutes = max(step, step * -(-most // step))
    per_minute = chart.width() / top_minutes
    band = chart.height() / len(bars)
    bar = max(1.0, band * 0.34)

    painter.setPen(QPen(QColor("#d0d4d9"), max(1.0, scale)))
    for minute in range(0, int(top_minutes) + 1, step):
        x = chart.left() + minute * per_minute
        painter.drawLine(int(x), int(chart.top()), int(x), int(chart.bottom()))
        painter.setPen(QColor("#555555"))
        painter.drawText(
            QRectF(x - line * 2, chart.bottom() + 2, line * 4, axis),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
            f"{minute}",
        )
        painter.setPen(QPen(QColor("#d0d4d9"), max(1.0, scale)))
    painter.setPen(QColor("#555555"))
    painter.drawText(
        QRectF(chart.right() + line * 1.2, chart.bottom() + 2, line * 3, axis),
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
        "min",
    )

    for index, item in enumerate(bars):
        y = chart.top() + index * band + (band - 2 * bar) / 2
        painter.setPen(QColor("#222222"))
        painter.drawText(
            QRectF(area.left(), chart.top() + index * band, label_width - line / 2, band),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(
                item.title, Qt.TextElideMode.ElideRight, int(label_width - line / 2)
            ),
        )
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(PLANNED_COLOUR)
        painter.drawRect(QRectF(chart.left(), y, item.planned * per_minute, bar))
        painter.setBrush(OVER_COLOUR if item.over else ON_TIME_COLOUR)
        painter.drawRect(QRectF(chart.left(), y + bar, item.actual * per_minute, bar))

    legend_y = area.top()
    x = chart.left()
    legend = [(PLANNED_COLOUR, "Planned"), (ON_TIME_COLOUR, "Actual")]
    if any(b.over for b in bars):
        legend.append((OVER_COLOUR, "Over by a minute or more"))
    for colour, text in legend:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRect(QRectF(x, legend_y + line * 0.2, line * 0.8, line * 0.8))
        painter.setPen(QColor("#222222"))
        width = metrics.horizontalAdvance(text) + line
        painter.drawText(
            QRectF(x + line, legend_y, width, line), Qt.AlignmentFlag.AlignVCenter, text
        )
        x += width + line * 1.5
    painter.restore()


class PlanActualChart(QWidget):
    """The chart on screen; `bars` is what it draws."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PlanActualChart")
        self.setAccessibleName("Planned and actual minutes of each item")
        self.bars: list[Bar] = []
        self.setMinimumHeight(200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def show_report(self, report: RunReport) -> None:
        self.bars = chart_bars(report)
        self.setMinimumHeight(60 + 34 * len(self.bars))
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(640, 60 + 34 * max(1, len(self.bars)))

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        try:
            painter.fillRect(self.rect(), QColor("white"))
            paint_chart(painter, QRectF(self.rect()).adjusted(8, 8, -8, -8), self.bars)
        finally:
            painter.end()


class WrapUpView(QDialog):
    """The wrap-up of a run; ratings and comments are saved as they are given."""

    def __init__(self, store, run_id: int, *, wall=datetime.now, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("WrapUpView")
        self.store = store
        self.run_id = run_id
        self.wall = wall
        self.heading = QLabel(objectName="WrapUpHeading")
        self.heading.setWordWrap(True)
        self.timing_line = QLabel(objectName="WrapUpTiming")
        self.attendance_line = QLabel(objectName="WrapUpAttendance")
        self.attendance_line.setWordWrap(True)
        self.chart = PlanActualChart(self)
        self.feedback = QTableWidget(0, 3, self)
        self.feedback.setObjectName("Feedback")
        self.feedback.setAccessibleName("Feedback from each attendee")
        self.feedback.setHorizontalHeaderLabels(["Attendee", "Rating (optional)", "Comment"])
        self.feedback.horizontalHeader().setStretchLastSection(True)
        self.feedback.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents
        )
        self.feedback.verticalHeader().hide()
        self.save_pdf = QPushButton("Save report as &PDF…")
        self.save_csv = QPushButton("Save report as &CSV…")
        close = QPushButton("&Close")
        self.save_pdf.clicked.connect(lambda: self.export(".pdf"))
        self.save_csv.clicked.connect(lambda: self.export(".csv"))
        close.clicked.connect(self.accept)
        self.message = QLabel(objectName="WrapUpMessage")
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        for button in (self.save_pdf, self.save_csv, close):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.timing_line)
        layout.addWidget(self.chart, 3)
        layout.addWidget(self.attendance_line)
        layout.addWidget(QLabel("Feedback: a quick rating and comment from each attendee"))
        layout.addWidget(self.feedback, 2)
        layout.addLayout(buttons)
        self.setWindowTitle("Wrap-up")
        self.resize(900, 720)
        self.refresh()
        self._fill_feedback()

    def refresh(self) -> None:
        from presenter.attendance.report import build_report

        self.report = build_report(self.store, self.run_id)
        report = self.report
        self.setWindowTitle(f"Wrap-up – {report.run.title}")
        self.heading.setText(f"<b>{html.escape(report.heading())}</b>")
        self.timing_line.setText(
            f"{report.times_text()} · {report.overrun_text()} · {report.pauses_text()}"
        )
        self.attendance_line.setText(" · ".join(report.attendance_lines()))
        self.chart.show_report(report)

    def _fill_feedback(self) -> None:
        from presenter.attendance.history import feedback_for

        given = {f.attendee_id: f for f in feedback_for(self.store, self.run_id)}
        people = self.store.attendees(self.run_id, checked_in_only=True)
        self.feedback.setRowCount(len(people))
        self.people = people
        for row, person in enumerate(people):
            name = QLabel(person.name)
            rating = QComboBox()
            rating.addItems(["–", "1", "2", "3", "4", "5"])
            comment = QLineEdit()
            comment.setPlaceholderText("optional")
            rating.setAccessibleName(f"Rating from {person.name}")
            comment.setAccessibleName(f"Comment from {person.name}")
            if person.id in given:
                rating.setCurrentIndex(given[person.id].rating or 0)
                comment.setText(given[person.id].comment)
            rating.currentIndexChanged.connect(lambda _i, r=row: self._save_feedback(r))
            comment.editingFinished.connect(lambda r=row: self._save_feedback(r))
            self.feedback.setCellWidget(row, 0, name)
            self.feedback.setCellWidget(row, 1, rating)
            self.feedback.setCellWidget(row, 2, comment)

    def rate(self, row: int, rating: int | None, comment: str = "") -> None:
        """Give one attendee's feedback as if typed in the table."""
        combo: QComboBox = self.feedback.cellWidget(row, 1)
        line: QLineEdit = self.feedback.cellWidget(row, 2)
        line.setText(comment)
        combo.setCurrentIndex(rating or 0)
        self._save_feedback(row)

    def _save_feedback(self, row: int) -> None:
        from presenter.attendance.history import give_feedback

        combo: QComboBox = self.feedback.cellWidget(row, 1)
        line: QLineEdit = self.feedback.cellWidget(row, 2)
        rating = combo.currentIndex() or None
        give_feedback(self.store, self.people[row].id, rating, line.text(), at=self.wall())
        self.refresh()

    def done(self, result: int) -> None:
        """A comment still being typed when the wrap-up closes is kept too."""
        focused = self.focusWidget()
        for row in range(self.feedback.rowCount()):
            if self.feedback.cellWidget(row, 2) is focused:
                self._save_feedback(row)
        super().done(result)

    @classmethod
    def choose_file(cls, parent: QWidget | None, suggested: str, suffix: str) -> Path | None:
        """Where to save the report, or None when the facilitator cancels."""
        from presenter.ui.shared.file_dialogs import FileDialogs

        kind = "PDF files (*.pdf)" if suffix == ".pdf" else "CSV files (*.csv)"
        name, _ = QFileDialog.getSaveFileName(
            parent, "Save the report", FileDialogs.place(suggested), kind
        )
        path = FileDialogs.chosen(name)
        if path is None:
            return None
        return path if path.suffix.lower() == suffix else path.with_suffix(suffix)

    def export(self, suffix: str) -> Path | None:
        from presenter.attendance.report import write_report_csv

        run = self.report.run
        suggested = f"{run.title} {run.date.isoformat()} report{suffix}"
        path = self.choose_file(self, suggested, suffix)
        if path is None:
            return None
        try:
            if suffix == ".pdf":
                write_report_pdf(path, self.report)
            else:
                write_report_csv(path, self.report)
        except OSError as exc:
            self.message.setText(f"Not saved: {exc.strerror or exc}. Choose another folder.")
            return None
        self.message.setText(f"Saved {path.name}")
        from presenter.ui.shared.file_dialogs import ExportedNotice

        ExportedNotice.show_for(self, "The report", path)
        return path

    @classmethod
    def show_for(
        cls, store, run_id: int, parent: QWidget | None = None, *, wall=datetime.now
    ) -> WrapUpView:
        """Open the wrap-up without blocking the window behind it."""
        view = cls(store, run_id, wall=wall, parent=parent)
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.show()
        return view


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
    from PySide6.QtGui import QTextDocument

    from presenter.ui.attendance.pdf_export import RESOLUTION, ensure_gui_app, write_pdf_atomically

    ensure_gui_app()
    target = Path(path)

    def draw(device) -> None:
        writer = QPdfWriter(device)
        writer.setResolution(RESOLUTION)
        writer.setTitle(f"Report: {report.run.title}")
        writer.setCreator("Presenter")
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        writer.setPageOrientation(QPageLayout.Orientation.Portrait)
        writer.setPageMargins(QMarginsF(18, 18, 18, 18), QPageLayout.Unit.Millimeter)
        page = writer.pageLayout().paintRectPixels(writer.resolution())
        scale = RESOLUTION / 96
        painter = QPainter(writer)
        try:
            title_font = QFont(painter.font())
            title_font.setPointSizeF(16)
            title_font.setBold(True)
            painter.setFont(title_font)
            title_height = painter.fontMetrics().height() * 1.6
            painter.drawText(
                QRectF(0, 0, page.width(), title_height),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                report.heading(),
            )
            body_font = QFont(painter.font())
            body_font.setPointSizeF(9)
            body_font.setBold(False)
            painter.setFont(body_font)
            chart_height = min(page.height() * 0.45, (60 + 34 * len(report.items)) * scale)
            chart = QRectF(0, title_height, page.width(), chart_height)
            paint_chart(painter, chart, chart_bars(report))
            document = QTextDocument()
            document.documentLayout().setPaintDevice(writer)
            document.setPageSize(QSizeF(page.width(), page.height()))
            document.setHtml(report_html(report))
            top = title_height + chart_height + 20 * scale
            shown = page.height() - top  # the rest of the first page, then whole pages
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
        finally:
            painter.end()

    write_pdf_atomically(target, draw)
