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

    QIcon reads each PNG only when a window manager asks for that size."""
    from PySide6.QtGui import QIcon

    icon = QIcon()
    for size in ICON_SIZES:
        icon.addFile(str(resource_root() / "icons" / f"presenter-{size}.png"))
    app.setWindowIcon(icon)
    app.setDesktopFileName("presenter")
