"""Qt's PDF writer, set up once for every PDF the app prints: A4, 300 dpi, 18 mm margins.

Needs a QGuiApplication (fonts); `ensure_gui_app` makes an offscreen one for the command
line. A PDF is drawn in memory, then written whole or not at all by presenter.files, which
reads it back and counts its pages (QPdfWriter itself reports no write errors).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPdfWriter

from presenter.files import NotWhole, WriteError, pdf_check, pdf_pages, write_bytes

RESOLUTION = 300  # dots per inch of the PDF's coordinate space
MARGIN_MM = 18


def ensure_gui_app() -> QGuiApplication:
    """The running Qt application, or an offscreen one for a command with no window."""
    app = QGuiApplication.instance()
    if app is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(["presenter"])
    return app  # type: ignore[return-value]


def pdf_writer(device: QIODevice, title: str, *, landscape: bool) -> QPdfWriter:
    """A writer drawing an A4 PDF titled `title` into `device`."""
    writer = QPdfWriter(device)
    writer.setResolution(RESOLUTION)
    writer.setTitle(title)
    writer.setCreator("Presenter")
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    orientation = (
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    )
    writer.setPageOrientation(orientation)
    margins = QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM)
    writer.setPageMargins(margins, QPageLayout.Unit.Millimeter)
    return writer


def write_pdf(
    path: str | Path,
    title: str,
    draw: Callable[[QPdfWriter], None],
    *,
    landscape: bool = False,
    pages: int | None = None,
) -> None:
    """Call `draw(writer)` to draw a PDF into memory, then write it to `path` whole.

    `pages` is how many pages it must have (None: at least one). Raises WriteError."""
    ensure_gui_app()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    draw(pdf_writer(buffer, title, landscape=landscape))
    data = bytes(buffer.data().data())
    buffer.close()
    try:
        pdf_pages(data)
    except NotWhole as exc:
        raise WriteError(
            f"{path}: the PDF could not be drawn ({exc}); nothing was written"
        ) from None
    write_bytes(Path(path), data, check=pdf_check(pages))
