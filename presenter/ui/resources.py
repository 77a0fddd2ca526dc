"""The style sheet and icons that ship with the app, read from the installed package."""

from __future__ import annotations

from importlib import resources
from importlib.abc import Traversable
from pathlib import Path


def resource_root() -> Traversable:
    """`presenter.resources` when installed; the source tree's `resources/` when run from a clone."""
    try:
        return resources.files("presenter.resources")
    except ModuleNotFoundError:
        return Path(__file__).resolve().parents[2] / "resources"


def read_text(name: str) -> str:
    """A text resource such as `style.qss`; an empty string if it is missing, so the app still opens."""
    try:
        return (resource_root() / name).read_text(encoding="utf-8")
    except OSError:
        return ""
