"""The style sheet and icons that ship with the app, read from the installed package."""

from __future__ import annotations

from importlib import resources
from importlib.abc import Traversable


def resource_root() -> Traversable:
    """`presenter.resources`, the same from a wheel, an editable install or a checkout."""
    return resources.files("presenter.resources")


def read_text(name: str) -> str:
    """A text resource such as `style.qss`; an empty string if it is missing, so the app still opens."""
    try:
        return (resource_root() / name).read_text(encoding="utf-8")
    except OSError:
        return ""
