"""What the app remembers between runs: notes zoom, recent files, audience countdown, theme,
chime, and the folder files were last opened or saved in."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from PySide6.QtCore import QSettings

from presenter.files import private_file

MAX_RECENT = 8
DEFAULT_NOTES_POINT_SIZE = 20
MIN_NOTES_POINT_SIZE = 10
MAX_NOTES_POINT_SIZE = 60


class _Flag:
    """An on/off setting, kept as "true" or "false"; off until turned on."""

    def __init__(self, key: str, doc: str = "") -> None:
        self.key = key
        self.__doc__ = doc

    def __get__(self, settings: Settings | None, owner: type) -> bool:
        if settings is None:
            return self
        return settings._qsettings.value(self.key, "false") in ("true", True)

    def __set__(self, settings: Settings, on: bool) -> None:
        settings._save(self.key, "true" if on else "false")


class _Text:
    """A setting kept as text, `default` until first set (or when set empty)."""

    def __init__(self, key: str, default: str, doc: str = "") -> None:
        self.key = key
        self.default = default
        self.__doc__ = doc

    def __get__(self, settings: Settings | None, owner: type) -> str:
        if settings is None:
            return self
        return str(settings._qsettings.value(self.key, self.default) or self.default)

    def __set__(self, settings: Settings, text: str) -> None:
        settings._save(self.key, str(text))


class Settings:
    """A small typed wrapper over an INI file whose path is chosen once at start-up."""

    # The settings the file dialogs remember their last folder in (set by the run windows).
    for_file_dialogs: ClassVar[Settings | None] = None

    audience_countdown = _Flag("audience/countdown", "Whether the audience sees the countdown.")
    times_up_chime = _Flag(
        "run/times_up_chime",
        "Whether a quiet chime sounds when an item's time is up (off unless turned on).",
    )
    theme = _Text(
        "view/theme",
        "dark",
        'The name of the chosen look ("dark" or "light"); see `presenter.ui.shared.theme`.',
    )
    last_folder = _Text(
        "files/last_folder",
        "",
        'The folder of the file last chosen in a file dialog, or "" before the first.',
    )

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        private_file(self.path)  # Qt keeps an existing file's mode when it saves
        self._qsettings = QSettings(str(self.path), QSettings.Format.IniFormat)

    @property
    def notes_point_size(self) -> int:
        value = self._int("notes/point_size", DEFAULT_NOTES_POINT_SIZE)
        return min(MAX_NOTES_POINT_SIZE, max(MIN_NOTES_POINT_SIZE, value))

    @notes_point_size.setter
    def notes_point_size(self, size: int) -> None:
        self._save("notes/point_size", int(size))

    @property
    def recent_files(self) -> list[str]:
        value = self._qsettings.value("editor/recent", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in value or []]

    def add_recent_file(self, path: str | Path) -> None:
        """Put `path` first in the recent list, without duplicates, keeping the newest few."""
        text = str(Path(path).resolve())
        recent = [text] + [p for p in self.recent_files if p != text]
        self._save("editor/recent", recent[:MAX_RECENT])

    def _save(self, key: str, value: object) -> None:
        """Written to the file at once: a laptop that dies keeps what was chosen."""
        self._qsettings.setValue(key, value)
        self._qsettings.sync()

    def _int(self, key: str, default: int) -> int:
        try:
            return int(self._qsettings.value(key, default))
        except (TypeError, ValueError):
            return default
