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


class Settings:
    """A small typed wrapper over an INI file whose path is chosen once at start-up."""

    # The settings the file dialogs remember their last folder in (set by the run windows).
    for_file_dialogs: ClassVar[Settings | None] = None

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
        self._qsettings.setValue("notes/point_size", int(size))
        self._qsettings.sync()

    @property
    def audience_countdown(self) -> bool:
        return self._qsettings.value("audience/countdown", "false") in ("true", True)

    @audience_countdown.setter
    def audience_countdown(self, shown: bool) -> None:
        self._qsettings.setValue("audience/countdown", "true" if shown else "false")
        self._qsettings.sync()

    @property
    def theme(self) -> str:
        """The name of the chosen look ("dark" or "light"); see `presenter.ui.shared.theme`."""
        return str(self._qsettings.value("view/theme", "dark") or "dark")

    @theme.setter
    def theme(self, name: str) -> None:
        self._qsettings.setValue("view/theme", str(name))
        self._qsettings.sync()

    @property
    def times_up_chime(self) -> bool:
        """Whether a quiet chime sounds when an item's time is up (off unless turned on)."""
        return self._qsettings.value("run/times_up_chime", "false") in ("true", True)

    @times_up_chime.setter
    def times_up_chime(self, on: bool) -> None:
        self._qsettings.setValue("run/times_up_chime", "true" if on else "false")
        self._qsettings.sync()

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
        self._qsettings.setValue("editor/recent", recent[:MAX_RECENT])
        self._qsettings.sync()

    @property
    def last_folder(self) -> str:
        """The folder of the file last chosen in a file dialog, or "" before the first."""
        return str(self._qsettings.value("files/last_folder", "") or "")

    @last_folder.setter
    def last_folder(self, folder: str) -> None:
        self._qsettings.setValue("files/last_folder", str(folder))
        self._qsettings.sync()

    def _int(self, key: str, default: int) -> int:
        try:
            return int(self._qsettings.value(key, default))
        except (TypeError, ValueError):
            return default
