"""The room sees: a live miniature of the audience window, black and white screens included.

Until it is given the audience window to watch it shows the title and points as text, as the
presenter window did before; watching, the text labels hide and the miniature takes their
place, drawn from the audience window itself, so it can never show something else (its pictures
included). It is drawn again after the audience window repaints (Qt asks a window to update
only when something on it changed), not on every tick of the clock.

"Next" is an `ItemPreview`: the next item's title and points, with its pictures as
thumbnails under them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPixmap
from PySide6.QtWidgets import QSizePolicy, QWidget

from presenter.agenda.model import AgendaItem, Session
from presenter.ui.audience.points_view import PointsView

if TYPE_CHECKING:  # made, and imported, only for a session with pictures
    from presenter.ui.audience.picture_view import PicturesView

PAGE_WORDS = {
    "arrival": "the arrival screen",
    "item": "the current item",
    "finished": "the closing screen",
}
THUMBNAIL_HEIGHT = 120  # pixels; 80 in a compact window


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


class ItemPreview(PointsView):
    """An item's title and points, and its pictures as thumbnails (made for the first item
    that has any)."""

    def __init__(self, caption: str = "", *, name: str = "") -> None:
        super().__init__(caption, name=name)
        self.thumbnails: PicturesView | None = None
        self.compact = False

    def show_item(
        self, item: AgendaItem | None, empty_text: str = "", session: Session | None = None
    ) -> None:
        """`session` is the item's, whose folder the pictures' paths start from."""
        super().show_item(item, empty_text)
        pictures = item.pictures if item is not None and session is not None else ()
        if pictures and self.thumbnails is None:
            from presenter.ui.audience.picture_view import PicturesView

            self.thumbnails = PicturesView(name=f"{self.objectName()}Thumbnails", to_the_left=True)
            self.thumbnails.setAccessibleName("Pictures")
            self._size_thumbnails()
            self._place_thumbnails(self.thumbnails)
        if self.thumbnails is not None:
            if session is not None:
                self.thumbnails.show_pictures(session, pictures)
            self.thumbnails.setVisible(bool(pictures) and self.shows_text())
            self.thumbnails.updateGeometry()

    def _place_thumbnails(self, thumbnails: QWidget) -> None:
        """Right under the points, the space left over below them."""
        layout = self.layout()
        layout.insertWidget(layout.indexOf(self.points) + 1, thumbnails)
        layout.setStretchFactor(self.points, 0)
        layout.addStretch(1)

    def show_text(self, title: str, points: tuple[str, ...] = ()) -> None:
        super().show_text(title, points)
        if self.thumbnails is not None:
            self.thumbnails.hide()

    def shows_text(self) -> bool:
        """Whether the title and points are shown as text (they are, unless watching)."""
        return True

    def set_compact(self, compact: bool) -> None:
        super().set_compact(compact)
        self.compact = compact
        self._size_thumbnails()

    def _size_thumbnails(self) -> None:
        if self.thumbnails is not None:
            self.thumbnails.setFixedHeight(
                THUMBNAIL_HEIGHT * 2 // 3 if self.compact else THUMBNAIL_HEIGHT
            )


class RoomPreview(ItemPreview):
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
        if self.thumbnails is not None:
            self.thumbnails.hide()  # the miniature shows the pictures as the room sees them
        self.miniature.show()
        self.schedule()

    def shows_text(self) -> bool:
        return self.audience is None

    def _place_thumbnails(self, thumbnails: QWidget) -> None:
        """Under the points; the miniature, when watching, keeps the space left over."""
        layout = self.layout()
        layout.insertWidget(layout.indexOf(self.points) + 1, thumbnails)

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
