"""The app has its own icon in every size a desktop asks for, and names its .desktop entry."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from presenter.ui.shared.resources import ICON_SIZES, set_app_icon


def test_the_window_icon_is_the_apps_own_in_each_size(qapp: QApplication, dialogs):
    set_app_icon(qapp)
    icon = qapp.windowIcon()
    assert not icon.isNull()
    assert {QSize(size, size) for size in ICON_SIZES} <= set(icon.availableSizes())
    image = icon.pixmap(QSize(64, 64)).toImage()
    assert image.width() == 64
    # The icon's blue ground, not Qt's blank or default icon.
    assert image.pixelColor(32, 6).blue() > image.pixelColor(32, 6).red()
    assert qapp.desktopFileName() == "presenter"
