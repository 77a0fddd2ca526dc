"""The room sees: a live miniature of the audience window, black and white screens included.

Until it is given the audience window to watch it shows the title and points as text, as the
presenter window did before; watching, the text labels hide and the miniature takes their
place, drawn from the audience window itself, so it can never show something else. It is
drawn again after the audience window repaints (Qt asks a window to update only when
something on it changed), not on every tick of the clock.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

from presenter.ui.audience.points_view import PointsView

PAGE_WORDS = {
    "arrival": "the arrival screen",
    "item": "the current item",
    "finished": "the closing screen",
}


class Miniature(QWidget):
    """Paints the last picture of the audience window, scaled to fit, keeping its shape."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("RoomMiniature")
        self.picture = QPixmap()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(160, 90)

    def sizeHint(self) -> QSize:
        return QSize(320, 180)

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        if self.picture.isNull():
            return
        shown = self.picture.size().scaled(self.size(), Qt.AspectRatioMode.KeepAspectRatio)
        x = (self.width() - shown.width()) // 2
        painter.drawPixmap(x, 0, shown.width(), shown.height(), self.picture)
        painter.setPen(QColor("#9aa4ae"))
        painter.drawRect(x, 0, shown.width() - 1, shown.height() - 1)


class RoomPreview(PointsView):
    """The "The room sees" panel of the presenter window."""

    def __init__(self, caption: str = "The room sees", *, name: str = "CurrentPoints") -> None:
        super().__init__(caption, name=name)
        self.miniature = Miniature(self)
        self.miniature.hide()
        self.layout().addWidget(self.miniature, 1)
        self.audience: QWidget | None = None
        self._due = QTimer(self, singleShot=True, interval=0)
        self._due.timeout.connect(self.redraw)

    def watch(self, audience: QWidget) -> None:
        """Show `audience` (an AudienceWindow) from now on, instead of the text."""
        self.audience = audience
        audience.installEventFilter(self)
        self.title.hide()
        self.points.hide()
        self.miniature.show()
        self.schedule()

    def schedule(self) -> None:
        """Redraw once the audience window has laid out what it was just given."""
        if self.audience is not None:
            self._due.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """After the audience window has painted a change, draw the miniature again."""
        if watched is self.audience and event.type() == QEvent.Type.UpdateRequest:
            self.schedule()
        return False

    def redraw(self) -> None:
        audience = self.audience
        if audience is None:
            return
        if audience.layout() is not None:
            audience.layout().activate()
        size = audience.size()
        target = size.scaled(QSize(480, 270), Qt.AspectRatioMode.KeepAspectRatio)
        picture = QPixmap(target)
        picture.fill(QColor("#000000"))
        painter = QPainter(picture)
        painter.scale(
            target.width() / max(1, size.width()), target.height() / max(1, size.height())
        )
        audience.render(painter, QPoint(0, 0))
        painter.end()
        self.miniature.picture = picture
        self.miniature.setAccessibleName(f"The room sees {self.describe()}")
        self.miniature.update()

    def describe(self) -> str:
        """What the room sees, in words, for screen readers and tests."""
        audience = self.audience
        if audience is None:
            return self.title.text()
        blank = getattr(audience, "blank", "")
        if blank:
            return f"a {blank} screen"
        page = audience.page_name()
        return PAGE_WORDS.get(page, page)
