"""Pictures made in a test, and where a colour was drawn on a grabbed window."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage, QPainter

MAGENTA = QColor("#ff00ff")  # the picture's colour: nothing else on the screens is this
WIDE = (500, 200)  # 5:2


def make_picture(path: Path, size=WIDE, colour: QColor = MAGENTA) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    image = QImage(*size, QImage.Format.Format_RGB32)
    image.fill(colour)
    painter = QPainter(image)  # a corner of another colour: the picture is not upside down
    painter.fillRect(0, 0, size[0] // 5, size[1] // 5, QColor("#00ff00"))
    painter.end()
    assert image.save(str(path))


def colour_box(image: QImage, colour: QColor = MAGENTA) -> QRect | None:
    """The bounding box of the pixels of exactly `colour` in `image`, or None: none."""
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    pixel = bytes((colour.blue(), colour.green(), colour.red(), 255))
    data = bytes(image.constBits())
    stride = image.bytesPerLine()
    left, right, top, bottom = image.width(), -1, None, None
    for y in range(image.height()):
        row = data[y * stride : y * stride + image.width() * 4]
        first = next((i for i in _finds(row, pixel)), None)
        if first is None:
            continue
        last = max(i for i in _rfinds(row, pixel))
        left, right = min(left, first // 4), max(right, last // 4)
        top = y if top is None else top
        bottom = y
    if top is None:
        return None
    return QRect(left, top, right - left + 1, bottom - top + 1)


def _finds(row: bytes, pixel: bytes):
    at = row.find(pixel)
    while at >= 0:
        if at % 4 == 0:
            yield at
            return
        at = row.find(pixel, at + 1)


def _rfinds(row: bytes, pixel: bytes):
    at = row.rfind(pixel)
    while at >= 0:
        if at % 4 == 0:
            yield at
            return
        at = row.rfind(pixel, 0, at + 3)
