"""Where the two windows go: presenter on the laptop, audience full screen on the other screen.

`plan_screens` decides from screen rectangles alone (tested without real screens); the
`ScreenPlacer` applies the plan and re-applies it when a screen is plugged in or unplugged.
"""

from __future__ import annotations

from typing import NamedTuple

from PySide6.QtCore import QEvent, QMargins, QObject, QRect, QSize, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget


class Placement(NamedTuple):
    """Where each window goes (a named tuple: see CONTRIBUTING.md on start-up)."""

    presenter_screen: int
    audience_screen: int
    presenter_rect: QRect
    audience_rect: QRect
    audience_full_screen: bool


def plan_screens(
    available: list[QRect],
    primary: int,
    *,
    swapped: bool = False,
    one_screen: bool = False,
    presenter_min_width: int = 0,
) -> Placement:
    """Two screens or more: one window on each (audience full screen). One screen, or the
    screen-sharing mode: both side by side on the presenter's screen, audience on the right.

    Side by side, the presenter gets half the screen, or its minimum width when that is more
    (Qt would widen it anyway, under the audience window), the audience keeping the rest but
    never less than a quarter of the screen."""
    if len(available) >= 2 and not one_screen:
        other = next(i for i in range(len(available)) if i != primary)
        mine, theirs = (other, primary) if swapped else (primary, other)
        return Placement(mine, theirs, available[mine], available[theirs], True)
    area = available[primary]
    width = area.width()
    presenter_width = min(max(width // 2, presenter_min_width), width - width // 4)
    audience_width = width - presenter_width
    if swapped:
        presenter_x, audience_x = area.x() + audience_width, area.x()
    else:
        presenter_x, audience_x = area.x(), area.x() + presenter_width
    presenter = QRect(presenter_x, area.y(), presenter_width, area.height())
    audience = QRect(audience_x, area.y(), audience_width, area.height())
    return Placement(primary, primary, presenter, audience, False)


def distinct_screens(geometries: list[QRect], primary: int) -> list[int]:
    """The screens that show a picture of their own, the primary first among equals: a
    projector that mirrors the laptop has the laptop's geometry and adds no room to put a
    window in."""
    kept: list[int] = []
    seen: set[tuple[int, int, int, int]] = set()
    for index in [primary, *(i for i in range(len(geometries)) if i != primary)]:
        rect = geometries[index]
        key = (rect.x(), rect.y(), rect.width(), rect.height())
        if key not in seen:
            seen.add(key)
            kept.append(index)
    return sorted(kept)


def shared_screen(geometries: list[QRect], *, one_screen: bool = False) -> str:
    """Why the audience window would share the presenter's screen: "mirrored" (a projector
    copying the laptop), "one screen", or "" when each has a screen of its own."""
    if len(distinct_screens(geometries, 0)) < len(geometries):
        return "mirrored"
    if len(geometries) < 2 or one_screen:
        return "one screen"
    return ""


def fit_inside(rect: QRect, area: QRect) -> QRect:
    """`rect` moved (not resized) to lie on `area`, or to start at its top left corner when it
    is too big for it: a window wider than planned does not run off the edge of its screen."""
    x = max(area.left(), min(rect.x(), area.right() + 1 - rect.width()))
    y = max(area.top(), min(rect.y(), area.bottom() + 1 - rect.height()))
    return QRect(x, y, rect.width(), rect.height())


FRAME_EVENTS = (QEvent.Type.Expose, QEvent.Type.Move, QEvent.Type.Resize, QEvent.Type.Show)


def frame_margins(window: QWidget) -> QMargins:
    """The window manager's frame around a window (title bar, borders): none until it is shown."""
    outer, inner = window.frameGeometry(), window.geometry()
    return QMargins(
        inner.left() - outer.left(),
        inner.top() - outer.top(),
        outer.right() - inner.right(),
        outer.bottom() - inner.bottom(),
    )


def _screens() -> tuple[list[QRect], list[QScreen], int]:
    """Every screen's geometry, the distinct screens and which of those is the primary."""
    every = QGuiApplication.screens()
    geometries = [s.geometry() for s in every]
    first = every.index(QGuiApplication.primaryScreen())
    screens = [every[i] for i in distinct_screens(geometries, first)]
    return geometries, screens, screens.index(QGuiApplication.primaryScreen())


def sizes_ahead(*, one_screen: bool = False) -> tuple[QSize, QSize]:
    """The sizes `ScreenPlacer.place` first gives the presenter and audience windows: windows
    built at them are laid out and styled once, not for a default size and again when placed."""
    _geometries, screens, primary = _screens()
    available = [s.availableGeometry() for s in screens]
    plan = plan_screens(available, primary, one_screen=one_screen)
    return plan.presenter_rect.size(), plan.audience_rect.size()


class ScreenPlacer(QObject):
    """Puts the windows on the screens and keeps them there as screens come and go."""

    placed = Signal(bool)  # after each placement: whether the audience window is full screen
    shared = Signal(str)  # after a placement that puts both windows on one picture: why

    def __init__(self, presenter: QWidget, audience: QWidget, *, one_screen: bool = False) -> None:
        super().__init__(presenter)
        self.presenter = presenter
        self.audience = audience
        self.one_screen = one_screen
        self.swapped = False
        self.audience_only = False  # the laptop shows the audience window alone
        self.sharing = ""  # see `shared_screen`
        self.last: Placement | None = None
        # Each window's frame when it was placed, and where it went unless full screen.
        self._framed: dict[QWidget, tuple[QMargins, tuple[QScreen, QRect] | None]] = {}
        self._handles: dict[QObject, QWidget] = {}  # native window -> its widget
        for window in (presenter, audience):
            window.installEventFilter(self)
        app = QGuiApplication.instance()
        app.screenAdded.connect(self._screens_changed)
        app.screenRemoved.connect(self._screens_changed)

    def swap(self) -> None:
        self.swapped = not self.swapped
        self.place()

    def set_one_screen(self, on: bool) -> None:
        self.one_screen = on
        self.place()

    def set_audience_only(self, on: bool) -> None:
        self.audience_only = on
        self.place()

    def place(self) -> Placement:
        geometries, screens, primary = _screens()
        self.sharing = shared_screen(geometries, one_screen=self.one_screen)
        if self.audience_only:
            # Nothing private on a screen the room may see: only the audience window shows.
            self.presenter.hide()
            area = screens[primary].availableGeometry()
            plan = Placement(primary, primary, area, area, True)
            self._put(self.audience, screens[primary], area, True)
            self.last = plan
            self.placed.emit(True)
            return plan
        available = [s.availableGeometry() for s in screens]
        # The window's minimum depends on how it is laid out for the room it will get: half
        # the screen when the windows share one (see `PresenterWindow.arrange`).
        ahead = plan_screens(available, primary, swapped=self.swapped, one_screen=self.one_screen)
        arrange = getattr(self.presenter, "arrange", None)
        if arrange is not None:
            arrange(ahead.presenter_rect.size())
        plan = plan_screens(
            available,
            primary,
            swapped=self.swapped,
            one_screen=self.one_screen,
            presenter_min_width=self._minimum_width(self.presenter),
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
        if self.sharing:
            self.shared.emit(self.sharing)
        return plan

    @staticmethod
    def _minimum_width(window: QWidget) -> int:
        """The width Qt will not let the window go below, its layout brought up to date."""
        if window.layout() is not None:
            window.layout().activate()
        return window.minimumWidth()

    def _put(self, window: QWidget, screen: QScreen, rect: QRect, full_screen: bool) -> None:
        if not window.isVisible():  # first shown at its size, so laid out once for it
            # The native window first: where the platform knows the frame before the window
            # is shown, the size inside it is known too, and no second layout follows.
            window.winId()
            inside = rect.marginsRemoved(frame_margins(window)).size()
            window.resize(inside.expandedTo(window.minimumSize()))
        window.showNormal()
        if window.windowHandle() is not None:
            window.windowHandle().setScreen(screen)
        # `rect` is for the whole window, title bar and frame included: the window's own
        # geometry is what is left inside the frame.
        frame = frame_margins(window)
        inner = rect.marginsRemoved(frame)
        # Qt will not make a window smaller than its minimum size, so ask for what it will
        # give, kept on the screen: a geometry lying across two screens, even for a moment,
        # makes Qt count the window on the other one.
        size = inner.size().expandedTo(window.minimumSize())
        area = screen.availableGeometry().marginsRemoved(frame)
        self._framed[window] = (frame, None if full_screen else (screen, rect))
        window.setGeometry(fit_inside(QRect(inner.topLeft(), size), area))
        if full_screen:
            window.showFullScreen()
        else:
            window.show()
        handle = window.windowHandle()
        if handle is not None and handle not in self._handles:
            self._handles[handle] = window
            handle.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A window manager adds its frame after a window is first shown, and Qt tells the
        widget nothing when only the frame changes: on the next event of its native window
        (an expose, a move) the frame is looked at again and, if it changed, the window is
        placed again so that the frame, not only the inside, fits the screen."""
        window = self._handles.get(watched, watched)
        placed = self._framed.get(window)
        if (
            event.type() in FRAME_EVENTS
            and placed is not None
            and placed[1] is not None
            and frame_margins(window) != placed[0]
        ):
            QTimer.singleShot(0, lambda: self._refit(window))
        return False

    def _refit(self, window: QWidget) -> None:
        placed = self._framed.get(window)
        if placed is None or placed[1] is None or window.isFullScreen():
            return
        if frame_margins(window) != placed[0]:
            screen, rect = placed[1]
            self._put(window, screen, rect, False)

    def _screens_changed(self, _screen: QScreen) -> None:
        # Let Qt finish moving windows off an unplugged screen before re-planning.
        QTimer.singleShot(0, self.place)
