"""What the data folder holds, and where it is: the user's data folder, unless told otherwise.

The attendance file, the app's settings and the cache of sessions read before all live in
it; these names are the one place their paths are spelled (the windows use them too)."""

from __future__ import annotations

import os
from pathlib import Path

DATA_DIR_ENV = "PRESENTER_DATA_DIR"
STORE_FILE = "attendance.sqlite3"
SETTINGS_FILE = "settings.ini"
CACHE_FOLDER = "cache"
SHARED_RECORD_FILE = "shared.ini"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The data folder: `override` (from `--data-dir`), else $PRESENTER_DATA_DIR, else the
    platform's per-user data folder (e.g. ~/.local/share/presenter)."""
    if override:
        return Path(override).expanduser()
    from_env = os.environ.get(DATA_DIR_ENV, "").strip()
    if from_env:
        return Path(from_env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("presenter", appauthor=False))


def store_path(folder: Path) -> Path:
    """The attendance file inside a data folder."""
    return folder / STORE_FILE


def settings_path(folder: Path) -> Path:
    """The app's settings file (an INI file Qt reads and writes) inside a data folder."""
    return folder / SETTINGS_FILE


def shared_record_path(folder: Path) -> Path:
    """Where the shared record is (`presenter shared setup`), in a data folder; no file, none."""
    return folder / SHARED_RECORD_FILE


def cache_dir(folder: Path) -> Path:
    """The folder of sessions read before (see `presenter.agenda.cache`) in a data folder."""
    return folder / CACHE_FOLDER
