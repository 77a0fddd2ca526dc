"""The sessions that ship with the app, read from the installed package."""

from __future__ import annotations

from pathlib import Path

BUNDLED_SESSION = "twitter-hour"


def bundled_sessions() -> list[str]:
    """Names of the bundled sessions (file names without .md)."""
    from presenter.slides_src import FOLDER

    return sorted(entry.stem for entry in FOLDER.glob("*.md"))


def bundled_session_path(name: str = BUNDLED_SESSION) -> Path:
    """The path of a bundled session file, such as `twitter-hour`.

    The package is installed as files (a wheel or editable install, or a checkout), so the
    entry is a real path that can be handed on."""
    from presenter.slides_src import FOLDER

    entry = FOLDER / f"{name}.md"
    if not entry.is_file():
        raise FileNotFoundError(f"no bundled session called '{name}'")
    return entry
