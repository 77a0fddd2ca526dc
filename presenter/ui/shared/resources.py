"""The style sheet and icons that ship with the app, read from the installed package."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.abc import Traversable


def resource_root() -> Traversable:
    """`presenter.resources` when installed; the source tree's `resources/` when run from a clone.

    The package is installed as files, so its folder is found without `importlib.resources`
    (which would be loaded at start-up for the style sheet alone)."""
    try:
        import presenter.resources as package
    except ModuleNotFoundError:
        return Path(__file__).resolve().parents[3] / "resources"
    return Path(package.__file__).parent


def read_text(name: str) -> str:
    """A text resource such as `style.qss`; an empty string if it is missing, so the app still opens."""
    try:
        return (resource_root() / name).read_text(encoding="utf-8")
    except OSError:
        return ""
