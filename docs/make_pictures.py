"""Redraw the bundled sessions' pictures from their SVG sources.

    .venv/bin/python docs/make_pictures.py

Each `presenter/slides_src/images/sources/NAME.svg` (drawn by hand for this project) is
rendered with Qt's SVG renderer, at its own size on white, in 256 colours (small files:
the deck and the wheel carry them), to
`presenter/slides_src/images/NAME.png`, the file the session names and the wheel ships.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

IMAGES = Path(__file__).resolve().parents[1] / "presenter" / "slides_src" / "images"
SCALE = 1.0


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication(sys.argv[:1])
    for source in sorted((IMAGES / "sources").glob("*.svg")):
        renderer = QSvgRenderer(str(source))
        image = QImage(renderer.defaultSize() * SCALE, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        target = IMAGES / f"{source.stem}.png"
        image = image.convertToFormat(
            QImage.Format.Format_Indexed8, Qt.ImageConversionFlag.ThresholdDither
        )
        if not image.save(str(target), "PNG"):
            print(f"make_pictures: could not write {target}", file=sys.stderr)
            return 1
        print(f"wrote {target.relative_to(IMAGES.parents[2])}")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
