"""Make the application icon's PNG, ICO and ICNS files from its SVG source.

    python packaging/icons.py

Run it after changing packaging/icons/presenter.svg and commit what it writes: the PNGs the
app sets as its window icon (presenter/resources/icons/), and the Windows and macOS icon
files the frozen builds use (packaging/icons/). Needs PySide6 (to draw the SVG) and Pillow
(to pack ICO and ICNS), both installed with the app.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "icons" / "presenter.svg"
APP_ICONS = HERE.parent / "presenter" / "resources" / "icons"
# The sizes a window manager, a taskbar and a .desktop entry ask for.
APP_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
ICNS_SIZES = (16, 32, 64, 128, 256, 512, 1024)


def render(size: int) -> bytes:
    """The icon drawn at `size` x `size` pixels, as PNG bytes."""
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(SOURCE)).render(painter)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data())


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication(sys.argv[:1])  # noqa: F841  (QImage drawing wants an application)
    APP_ICONS.mkdir(parents=True, exist_ok=True)
    for size in APP_SIZES:
        (APP_ICONS / f"presenter-{size}.png").write_bytes(render(size))
    largest = Image.open(io.BytesIO(render(1024)))
    largest.save(HERE / "icons" / "presenter.ico", sizes=[(s, s) for s in ICO_SIZES])
    largest.save(HERE / "icons" / "presenter.icns", sizes=[(s, s) for s in ICNS_SIZES])
    (HERE / "icons" / "presenter-1024.png").write_bytes(render(1024))
    print(f"wrote {len(APP_SIZES)} PNGs in {APP_ICONS}, presenter.ico and presenter.icns")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
