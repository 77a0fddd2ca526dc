"""The contrast measurement itself: it finds unreadable text and passes readable text,
on synthetic pictures and on plain Qt message boxes drawn in the real X session."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.realwindow.desktop import wait_for
from tests.realwindow.pixels import AA_CONTRAST, Picture, contrast_ratio, text_contrasts


def test_contrast_ratio_follows_wcag():
    assert contrast_ratio((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)
    assert contrast_ratio((255, 255, 255), (255, 255, 255)) == pytest.approx(1.0)
    # #767676 on white is the lightest grey that passes AA
    assert contrast_ratio((0x76, 0x76, 0x76), (255, 255, 255)) == pytest.approx(4.54, abs=0.01)


def picture_with_letters(ink, background, width=120, height=40) -> Picture:
    """Three blocky "letters" (3x9 strokes with bars) on a flat background."""
    rows = []
    for y in range(height):
        row = []
        for x in range(width):
            in_letter = 10 <= y < 19 and any(
                start <= x < start + 3 or (start <= x < start + 7 and y in (10, 14, 18))
                for start in (20, 30, 40)
            )
            row.append(ink if in_letter else background)
        rows.append(bytes(c for pixel in row for c in pixel))
    return Picture(width, height, b"".join(rows))


def test_grey_on_grey_letters_are_found_and_fail():
    words = text_contrasts(picture_with_letters((0xE8, 0xEA, 0xED), (0xEF, 0xEF, 0xEF)))
    assert words and max(w.contrast for w in words) < 1.2


def test_dark_on_light_letters_pass():
    words = text_contrasts(picture_with_letters((0x1A, 0x1A, 0x1A), (0xFA, 0xF8, 0xF0)))
    assert words and min(w.contrast for w in words) > 15


MESSAGE_BOX = """
import sys
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QMessageBox
app = QApplication(sys.argv)
app.setStyle("Fusion")
window, text = sys.argv[1], sys.argv[2]
palette = app.palette()
palette.setColor(QPalette.ColorRole.Window, QColor(window))
palette.setColor(QPalette.ColorRole.Button, QColor(window))
for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
    palette.setColor(role, QColor(text))
app.setPalette(palette)
box = QMessageBox(QMessageBox.Icon.Question, "Measured box", "End the session now?")
box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
box.exec()
"""


@pytest.mark.parametrize(
    ("window", "text", "readable"),
    [
        ("#efefef", "#000000", True),  # Fusion's light default
        ("#1e242b", "#e8eaed", True),  # a dark theme done right
        ("#efefef", "#e8eaed", False),  # the style sheet's label colour on a light box
    ],
)
def test_measured_on_a_real_message_box(window, text, readable, laptop, tmp_path):
    process = subprocess.Popen(
        [sys.executable, "-c", MESSAGE_BOX, window, text],
        env=laptop.env(QT_QPA_PLATFORM="xcb"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        box = wait_for(
            "the message box to be mapped",
            lambda: laptop.windows(process.pid, "^Measured box") or None,
            doing_it=process,
        )[0]
        area = laptop.geometry(box)
        wait_for(
            "the message box to be drawn",
            lambda: (
                len(Picture.load(laptop.screenshot(tmp_path / "s.png")).crop(area).colours()) > 8
            ),
            doing_it=process,
        )
        words = text_contrasts(Picture.load(laptop.screenshot(tmp_path / "s.png")).crop(area))
    finally:
        process.kill()
        process.wait()
    assert words, "no text found"
    worst = min(w.contrast for w in words)
    assert (worst >= AA_CONTRAST) == readable, [w.describe() for w in words]
