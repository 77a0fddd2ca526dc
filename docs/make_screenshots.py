"""Regenerate the screenshots in docs/ from the bundled Twitter hour, on a fixed clock.

    QT_QPA_PLATFORM=offscreen python docs/make_screenshots.py

Writes presenter-window.png (mid-session, with notes), audience-arrival.png (before the
start) and audience-item.png (during an item, countdown shown) beside this script.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402


class StillClock:
    """Time stands still until the script moves it, so every run draws the same pictures."""

    def __init__(self) -> None:
        self.seconds = 1000.0
        self.now = datetime(2026, 11, 25, 11, 56, 48)

    def monotonic(self) -> float:
        return self.seconds

    def wall(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.seconds += seconds
        self.now += timedelta(seconds=seconds)


def main() -> int:
    from presenter.agenda import bundled_session_path, load_session
    from presenter.ui.run_windows import RunWindows
    from presenter.ui.settings import Settings

    app = QApplication(sys.argv)
    session, _ = load_session(bundled_session_path())
    clock = StillClock()
    with tempfile.TemporaryDirectory() as folder:
        windows = RunWindows(
            session,
            settings=Settings(Path(folder) / "settings.ini"),
            monotonic=clock.monotonic,
            wall=clock.wall,
            data_dir=Path(folder),
            check_in=True,
        )
        windows.show()
        windows.presenter.resize(1280, 800)
        windows.audience.resize(1280, 720)
        panel = windows.presenter.check_in_panel
        if panel is not None:
            from presenter.attendance import AttendeeDetails

            for name in ("Sam Patel", "Ana Costa", "Jo Bloggs", "Priya Shah"):
                windows.attendance_store.check_in(panel.run_id, AttendeeDetails(name))
            panel.refresh()
            windows._arrivals_changed()
        windows.controller.refresh()
        app.processEvents()
        save(windows.audience, "audience-arrival.png")

        clock.advance(3 * 60 + 12)  # 12:00
        windows.registry.trigger("next")
        windows.presenter.notes.toggle_line(0)
        clock.advance(5 * 60 + 40)
        windows.registry.trigger("next")
        clock.advance(7 * 60 + 5)
        windows.registry.trigger("next")
        clock.advance(3 * 60 + 21)
        windows.registry.trigger("audience_countdown")
        windows.controller.refresh()
        app.processEvents()
        save(windows.presenter, "presenter-window.png")
        save(windows.audience, "audience-item.png")
        windows.close_all()
    return 0


def save(window, name: str) -> None:
    path = HERE / name
    if not window.grab().save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(f"wrote {path.relative_to(HERE.parent)}")


if __name__ == "__main__":
    raise SystemExit(main())
