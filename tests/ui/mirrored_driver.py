"""Builds the real windows on the offscreen platform's screens and reports what the room can see.

    QT_QPA_PLATFORM=offscreen:configfile=SCREENS.json python tests/ui/mirrored_driver.py DATA_DIR

Used by test_mirrored_screens.py for a projector that mirrors the laptop (two screens with the
same geometry) and for a projector that extends the desktop. One JSON line per step:
start, audience only (the banner's button pressed), both windows again.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtGui import QGuiApplication  # noqa: E402
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QTextBrowser  # noqa: E402

from presenter.attendance.model import AttendeeDetails  # noqa: E402
from presenter.ui.run.run_windows import RunWindows  # noqa: E402
from tests.ui.two_screens_driver import build  # noqa: E402


def on_screen_text(window) -> str:
    """Every piece of text a window shows, so a test can look for notes or names in it."""
    if not window.isVisible():
        return ""
    parts = [label.text() for label in window.findChildren(QLabel) if label.isVisible()]
    parts += [view.toPlainText() for view in window.findChildren(QTextBrowser) if view.isVisible()]
    for view in window.findChildren(QAbstractItemView):
        model = view.model()
        if view.isVisible() and model is not None:
            parts += [
                str(model.index(row, column).data() or "")
                for row in range(model.rowCount())
                for column in range(model.columnCount())
            ]
    return "\n".join(parts)


def report(windows: RunWindows, step: str, name: str) -> None:
    for _ in range(3):
        QApplication.processEvents()
    banner = getattr(windows, "shared_banner", None)
    audience_screen = windows.audience.screen()
    print(
        json.dumps(
            {
                "step": step,
                "sharing": windows.placer.sharing,
                "banner": banner.text.text() if banner is not None and banner.isVisible() else "",
                "presenter_visible": windows.presenter.isVisible(),
                "audience_visible": windows.audience.isVisible(),
                "audience_full_screen": windows.audience.isFullScreen(),
                "audience_screen": audience_screen.name() if audience_screen else "",
                "audience_text": on_screen_text(windows.audience),
                "presenter_text": on_screen_text(windows.presenter),
                "name_on_screen": name,
            }
        ),
        flush=True,
    )


def main(folder: Path) -> None:
    QApplication([sys.argv[0]])
    windows = build(folder, check_in=True)
    name = "Robin Example-Walkin"
    panel = windows.presenter.check_in_panel
    windows.attendance_store.check_in(panel.run_id, AttendeeDetails(name))
    panel.refresh()
    windows.registry.trigger("next")
    report(windows, "start", name)
    banner = getattr(windows, "shared_banner", None)
    if banner is not None:
        banner.buttons["Audience only (Ctrl+Shift+A)"].click()
        report(windows, "audience only", name)
        windows.registry.trigger("audience_only")
        report(windows, "both windows again", name)
    print(json.dumps({"step": "screens", "names": [s.name() for s in QGuiApplication.screens()]}))
    windows.close_all()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
