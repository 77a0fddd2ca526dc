"""The planned-versus-actual chart of a run: one function paints it on the window and on the
PDF page alike, with QPainter (PySide6-Essentials has no QtCharts)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

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

    _paint_grid(painter, chart, step, top_minutes, axis)

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

    _paint_legend(painter, chart.left(), area.top(), any(b.over for b in bars))
    painter.restore()


def _paint_grid(
    painter: QPainter, chart: QRectF, step: int, top_minutes: float, axis: float
) -> None:
    """A line every `step` minutes across the chart, numbered below it, then "min"."""
    line = painter.fontMetrics().height()
    grid = QPen(QColor("#d0d4d9"), max(1.0, line / 16))
    per_minute = chart.width() / top_minutes
    painter.setPen(grid)
    for minute in range(0, int(top_minutes) + 1, step):
        x = chart.left() + minute * per_minute
        painter.drawLine(int(x), int(chart.top()), int(x), int(chart.bottom()))
        painter.setPen(QColor("#555555"))
        painter.drawText(
            QRectF(x - line * 2, chart.bottom() + 2, line * 4, axis),
            Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
            f"{minute}",
        )
        painter.setPen(grid)
    painter.setPen(QColor("#555555"))
    painter.drawText(
        QRectF(chart.right() + line * 1.2, chart.bottom() + 2, line * 3, axis),
        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
        "min",
    )


def _paint_legend(painter: QPainter, x: float, y: float, any_over: bool) -> None:
    """The colours' meanings in a row from (x, y); "Over" only when an item ran over."""
    metrics = painter.fontMetrics()
    line = metrics.height()
    legend = [(PLANNED_COLOUR, "Planned"), (ON_TIME_COLOUR, "Actual")]
    if any_over:
        legend.append((OVER_COLOUR, "Over by a minute or more"))
    for colour, text in legend:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRect(QRectF(x, y + line * 0.2, line * 0.8, line * 0.8))
        painter.setPen(QColor("#222222"))
        width = metrics.horizontalAdvance(text) + line
        painter.drawText(QRectF(x + line, y, width, line), Qt.AlignmentFlag.AlignVCenter, text)
        x += width + line * 1.5


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
