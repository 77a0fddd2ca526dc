"""Where the two windows go: presenter on the laptop, audience full screen on the other screen.

`plan_screens` decides from screen rectangles alone (tested without real screens); the
`ScreenPlacer` applies the plan and re-applies it when a screen is plugged in or unplugged.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, QRect, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget


@dataclass(frozen=True)
class Placement:
    presenter_screen: int
    audience_screen: int
    presenter_rect: QRect
    audience_rect: QRect
    audience_full_screen: bool


def plan_screens(
    available: list[QRect], primary: int, *, swapped: bool = False, one_screen: bool = False
) -> Placement:
    """Two screens or more: one window on each (audience full screen). One screen, or the
    screen-sharing mode: both side by side on the presenter's screen, audience on the right."""
    if len(available) >= 2 and not one_screen:
        other = next(i for i in range(len(available)) if i != primary)
        mine, theirs = (other, primary) if swapped else (primary, other)
        return Placement(mine, theirs, available[mine], available[theirs], True)
    area = available[primary]
    half = area.width() // 2
    left = QRect(area.x(), area.y(), half, area.height())
    right = QRect(area.x() + half, area.y(), area.width() - half, area.height())
    if swapped:
        left, right = right, left
    return Placement(primary, primary, left, right, False)


class ScreenPlacer(QObject):
    """Puts the windows on the screens and keeps them there as screens come and go."""

    placed = Signal(bool)  # after each placement: whether the audience window is full screen

    def __init__(self, presenter: QWidget, audience: QWidget, *, one_screen: bool = False) -> None:
        super().__init__(presenter)
        self.presenter = presenter
        self.audience = audience
        self.one_screen = one_screen
        self.swapped = False
        self.last: Placement | None = None
        app = QGuiApplication.instance()
        app.screenAdded.connect(self._screens_changed)
        app.screenRemoved.connect(self._screens_changed)

    def swap(self) -> None:
        self.swapped = not self.swapped
        self.place()

    def set_one_screen(self, on: bool) -> None:
        self.one_screen = on
        self.place()

    def place(self) -> Placement:
        screens = QGuiApplication.screens()
        primary = screens.index(QGuiApplication.primaryScreen())
        plan = plan_screens(
            [s.availableGeometry() for s in screens],
            primary,
            swapped=self.swapped,
            one_screen=self.one_screen,
        )
        self._put(self.presenter, screens[plan.presenter_screen], plan.presenter_rect, False)
        self._put(
            self.audience,
            screens[plan.audience_screen],
            plan.audience_rect,
            plan.audience_full_screen,
        )
        self.last = plan
        self.placed.emit(plan.audience_full_screen)
        return plan

    @staticmethod
    def _put(window: QWidget, screen: QScreen, rect: QRect, full_screen: bool) -> None:
        window.showNormal()
        if window.windowHandle() is not None:
            window.windowHandle().setScreen(screen)
        window.setGeometry(rect)
        if full_screen:
            window.showFullScreen()
        else:
            window.show()

    def _screens_changed(self, _screen: QScreen) -> None:
        # Let Qt finish moving windows off an unplugged screen before re-planning.
        QTimer.singleShot(0, self.place)
