"""The sessions that ship with the app, read from the installed package."""

from __future__ import annotations

from pathlib import Path

BUNDLED_SESSION = "twitter-hour"


def bundled_sessions() -> list[str]:
    """Names of the bundled sessions (file names without .md)."""
    from importlib import resources

    folder = resources.files("presenter.slides_src")
    return sorted(entry.name[:-3] for entry in folder.iterdir() if entry.name.endswith(".md"))


def bundled_session_path(name: str = BUNDLED_SESSION) -> Path:
    """The path of a bundled session file, such as `twitter-hour`.

    The package is installed as files (a wheel or editable install, or a checkout), so the
    entry is a real path that can be handed on."""
    from importlib import resources

    entry = resources.files("presenter.slides_src") / f"{name}.md"
    if not entry.is_file():
        raise FileNotFoundError(f"no bundled session called '{name}'")
    return Path(str(entry))
