"""A page of rich text drawn on exactly one A4 page of Qt's PDF writer (`pdf_writer`), made
smaller when it would run over; and QR codes (made offline with segno) as pictures in it.
Used by the invitation, the handout and the certificates."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QRectF, QSizeF, QUrl
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPdfWriter, QTextDocument

SANS = ("Liberation Sans", "Arial", "Helvetica", "DejaVu Sans")
QR_MODULE_PIXELS = 12  # each square of the code, in the picture's pixels


def sans_font(points: float = 11) -> QFont:
    """The sans-serif font the printed pages use (Liberation Sans or the nearest there is)."""
    font = QFont()
    font.setFamilies(list(SANS))
    font.setStyleHint(QFont.StyleHint.SansSerif)
    font.setPointSizeF(points)
    return font


def qr_image(text: str) -> QImage:
    """`text` as a QR code, black on white with its quiet zone, one picture pixel per
    `QR_MODULE_PIXELS`."""
    import segno

    code = segno.make(text, error="m", micro=False)
    rows = code.matrix
    border = 4
    size = (len(rows) + 2 * border) * QR_MODULE_PIXELS
    image = QImage(size, size, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    try:
        for y, row in enumerate(rows):
            for x, dark in enumerate(row):
                if dark:
                    painter.fillRect(
                        (x + border) * QR_MODULE_PIXELS,
                        (y + border) * QR_MODULE_PIXELS,
                        QR_MODULE_PIXELS,
                        QR_MODULE_PIXELS,
                        QColor("black"),
                    )
    finally:
        painter.end()
    return image


def page_document(
    writer: QPdfWriter, html: str, images: Mapping[str, QImage] | None = None
) -> QTextDocument:
    """The page's text laid out for `writer`, with `images` named in it by `<img src=NAME>`."""
    document = QTextDocument()
    document.documentLayout().setPaintDevice(writer)
    document.setDefaultFont(sans_font())
    for name, image in (images or {}).items():
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
    document.setHtml(html)
    return document


def draw_one_page(
    writer: QPdfWriter,
    painter: QPainter,
    html: str,
    images: Mapping[str, QImage] | None = None,
    *,
    centre: bool = False,
) -> None:
    """Draw `html` on the writer's current page, scaled down to fit when it is too long;
    `centre` puts it half-way down the page."""
    area = writer.pageLayout().paintRectPixels(writer.resolution())
    document = page_document(writer, html, images)
    scale = 1.0
    for _ in range(4):  # a narrower scaled page wraps differently: settle in a few steps
        document.setPageSize(QSizeF(area.width() / scale, 1e9))
        height = document.size().height() * scale
        if height <= area.height():
            break
        scale *= area.height() / height * 0.98
    height = document.size().height() * scale
    top = max(0.0, (area.height() - height) / 2) if centre else 0.0
    painter.save()
    painter.translate(0, top)
    painter.scale(scale, scale)
    document.drawContents(painter, QRectF(0, 0, area.width() / scale, area.height() / scale))
    painter.restore()
