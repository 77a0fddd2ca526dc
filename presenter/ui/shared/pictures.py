"""A session's picture on screen: decoded at the size it is shown, kept for the next paint.

Reading a file's header gives the picture's size; its pixels are decoded once for each size
it is shown at (`QImageReader.setScaledSize`), so a projector gets every pixel it can show
and a clock tick repaints from memory. A file that went missing or no longer decodes after
the session was read shows the picture's alt text in its place, never an error.
"""

from __future__ import annotations

import os
from collections import OrderedDict

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QColor, QImage, QImageIOHandler, QImageReader, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

KEPT_BYTES = 96 * 1024 * 1024  # decoded pixels kept; the one shown longest ago goes first
MAX_PIXELS = 40_000_000  # larger than this is not decoded (the session reader refuses it too)
# A file as it is on disk: a changed or replaced file is read again.
Stamp = tuple[str, int, int]


def _stamp(path: str) -> Stamp | None:
    try:
        found = os.stat(path)
    except OSError:
        return None
    return (path, found.st_mtime_ns, found.st_size)


def fitted(natural: QSize, box: QSize) -> QSize:
    """`natural` scaled to fit in `box`, its shape kept (at least one pixel each way)."""
    if natural.isEmpty() or box.isEmpty():
        return QSize(0, 0)
    shown = natural.scaled(box, Qt.AspectRatioMode.KeepAspectRatio)
    return QSize(max(1, shown.width()), max(1, shown.height()))


def _turned(reader: QImageReader) -> bool:
    """Whether the file says to show it turned a quarter (a phone's JPEG, on its side)."""
    turn = QImageIOHandler.Transformation.TransformationRotate90
    return bool(reader.transformation() & turn)


class PictureCache:
    """Sizes read from files' headers, and pixels decoded at the sizes they are shown."""

    def __init__(self, limit: int = KEPT_BYTES) -> None:
        self.limit = limit
        self.kept = 0  # bytes of pixels kept
        self.decoded = 0  # how many times pixels were decoded from a file
        self._sizes: dict[Stamp, QSize | None] = {}
        self._images: OrderedDict[tuple[Stamp, int, int, float], QImage | None] = OrderedDict()

    def natural_size(self, path: str) -> QSize | None:
        """The picture's size as it is shown upright, from its header; None: not a picture."""
        stamp = _stamp(path)
        if stamp is None:
            return None
        if stamp not in self._sizes:
            reader = QImageReader(path)
            reader.setAutoTransform(True)
            size = reader.size()
            if not size.isValid() or size.width() * size.height() > MAX_PIXELS:
                self._sizes[stamp] = None
            else:
                self._sizes[stamp] = size.transposed() if _turned(reader) else size
        return self._sizes[stamp]

    def image(self, path: str, size: QSize, ratio: float = 1.0) -> QImage | None:
        """The picture decoded at `size` device pixels (its device pixel ratio `ratio`)."""
        stamp = _stamp(path)
        if stamp is None or size.isEmpty():
            return None
        key = (stamp, size.width(), size.height(), ratio)
        if key in self._images:
            self._images.move_to_end(key)
            return self._images[key]
        image = self._decode(path, size, ratio)
        self._images[key] = image
        self.kept += _bytes(image)
        while self.kept > self.limit and len(self._images) > 1:
            _key, dropped = self._images.popitem(last=False)
            self.kept -= _bytes(dropped)
        return image

    def _decode(self, path: str, size: QSize, ratio: float) -> QImage | None:
        if self.natural_size(path) is None:
            return None
        self.decoded += 1
        reader = QImageReader(path)
        reader.setAutoTransform(True)
        reader.setScaledSize(size.transposed() if _turned(reader) else size)
        image = reader.read()
        if image.isNull():
            return None
        image.setDevicePixelRatio(ratio)
        return image


def _bytes(image: QImage | None) -> int:
    return image.sizeInBytes() if image is not None else 0


CACHE = PictureCache()


class PictureView(QWidget):
    """One picture, as large as fits its space without changing its shape, centred in it.

    When the file cannot be shown, its alt text is drawn in a frame instead. The alt text
    is the widget's accessible name, so a screen reader says it either way."""

    def __init__(self, parent: QWidget | None = None, *, name: str = "PictureView") -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.setMinimumSize(16, 16)
        self.path = ""
        self.alt = ""
        self.drawn: QRect | None = None  # where the picture was last drawn; None: alt text
        self.alignment = Qt.AlignmentFlag.AlignCenter  # where in its space a smaller one sits

    def sizeHint(self) -> QSize:
        return QSize(160, 120)

    def show_picture(self, path: str, alt: str) -> None:
        """Show the file at `path`; `alt` says what it shows, for screen readers and in its
        place when the file cannot be shown."""
        if (path, alt) == (self.path, self.alt):
            return
        self.path, self.alt = path, alt
        self.setAccessibleName(alt or "A picture with no description")
        self.setAccessibleDescription(f"Picture: {alt}" if alt else "Picture")
        self.update()

    def natural_size(self) -> QSize | None:
        return CACHE.natural_size(self.path) if self.path else None

    def showing_alt_text(self) -> bool:
        """True when the file cannot be shown, so its alt text stands in for it."""
        natural = self.natural_size()
        if natural is None:
            return True
        shown = fitted(natural, self.contentsRect().size())
        ratio = self.devicePixelRatioF()
        return CACHE.image(self.path, shown * ratio, ratio) is None

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        box = self.contentsRect()
        natural = self.natural_size()
        image = None
        if natural is not None:
            shown = fitted(natural, box.size())
            ratio = self.devicePixelRatioF()
            image = CACHE.image(self.path, shown * ratio, ratio)
        if image is None:
            self.drawn = None
            self._draw_alt_text(painter, box)
            return
        x, y = box.x(), box.y()
        if not self.alignment & Qt.AlignmentFlag.AlignLeft:
            x += (box.width() - shown.width()) // 2
        if not self.alignment & Qt.AlignmentFlag.AlignTop:
            y += (box.height() - shown.height()) // 2
        self.drawn = QRect(x, y, shown.width(), shown.height())
        painter.drawImage(QPoint(x, y), image)

    def _draw_alt_text(self, painter: QPainter, box: QRect) -> None:
        colour = self.palette().windowText().color()
        faint = QColor(colour)
        faint.setAlphaF(0.5)
        painter.setPen(QPen(faint, 2, Qt.PenStyle.DashLine))
        painter.drawRect(box.adjusted(1, 1, -2, -2))
        painter.setPen(colour)
        margin = max(4, min(box.width(), box.height()) // 12)
        painter.drawText(
            box.adjusted(margin, margin, -margin, -margin),
            Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
            self.alt or "(picture not found)",
        )
