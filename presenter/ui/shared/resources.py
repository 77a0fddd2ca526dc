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
