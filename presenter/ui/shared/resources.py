"""The style sheet and icons that ship with the app, read from the installed package."""

from __future__ import annotations

from pathlib import Path


def resource_root() -> Path:
    """The folder of `presenter.resources`, whatever the install."""
    from presenter.resources import FOLDER

    return FOLDER


def read_text(name: str) -> str:
    """A text resource such as `style.qss`; an empty string if it is missing, so the app still opens."""
    try:
        return (resource_root() / name).read_text(encoding="utf-8")
    except OSError:
        return ""


ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def set_app_icon(app) -> None:
    """The window icon and the name of the `.desktop` entry the desktop matches windows to.

    Each PNG is given with its size, so QIcon reads it only when a window manager asks for
    that size (without one, it opens every file at once to find out)."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QIcon

    icon = QIcon()
    folder = resource_root() / "icons"
    for size in ICON_SIZES:
        icon.addFile(str(folder / f"presenter-{size}.png"), QSize(size, size))
    app.setWindowIcon(icon)
    app.setDesktopFileName("presenter")
