"""Who gets a key press: the run, or the name being typed. The focus model, in one place.

- **The run owns the keys.** Each run window (presenter and audience) is its own *home*: it
  takes the keyboard focus from a click anywhere that is not a check-in control (agenda,
  notes, points, the check-in list, empty space) and eats no key, so every run key (next,
  previous, pause, lengthen, shorten, rebalance, jump, black, white, room countdown, swap,
  full screen, help) reaches its shortcut whatever was clicked last. The panels that only
  show things take no focus at all.
- **Typing a name is a mode.** It begins when a check-in control gets the focus on purpose:
  Ctrl+I, a click in the name box or on a tick, Tab. While in it the control keeps its keys:
  letters and arrows go to the name, Space ticks the tick that has the focus (it never moves
  the slides), Enter checks in (from a tick too), Esc leaves and clears the form. Enter and
  Esc hand the keys back: the focus goes home (`CheckInPanel.done_typing`).
- **Page Down and Page Up always move the session**, even while typing: they are what a
  presentation clicker sends, and a check-in control never keeps them.
- **The focus never lands in a check-in control by itself.** Each window starts with the
  focus at home; when a window comes back to the front, a check-in control gets the focus
  back only if a name was being typed when the keys last went to a run window.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

CLICKER_KEYS = frozenset({Qt.Key.Key_PageDown, Qt.Key.Key_PageUp})
KEPT_WHILE_TYPING = frozenset(
    {Qt.Key.Key_Space, Qt.Key.Key_Escape, Qt.Key.Key_Return, Qt.Key.Key_Enter}
)
RESTORED = frozenset({Qt.FocusReason.ActiveWindowFocusReason, Qt.FocusReason.PopupFocusReason})

# For the F1 list (`ActionRegistry.help_rows`), under "Attendance": (what it does, keys).
TYPING_HELP = (
    ("Type a name: letters go to the name, not the run", "Ctrl+I, a click in the box"),
    ("While typing: to the readiness ticks, tick one", "Tab, Space"),
    ("While typing: check in, keys back to the run", "Enter"),
    ("While typing: clear, keys back to the run", "Esc"),
    ("Next or previous, even while typing", "PgDown, PgUp"),
)


class RunFocus(QObject):
    """Keeps the keyboard with the run, except while a name is being typed (see the module)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._windows: list[QWidget] = []
        self._areas: list[QWidget] = []
        self.typing = False  # was the last focus in a run window on a check-in control?
        self._following = True
        QApplication.instance().focusChanged.connect(self._focus_changed)

    def add_window(self, window: QWidget) -> None:
        """A run window: a click on anything that takes no focus gives the focus to it."""
        window.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self._windows.append(window)
        window.setFocus(Qt.FocusReason.OtherFocusReason)  # where the keys go when it is shown

    def add_typing_area(self, area: QWidget) -> None:
        """A check-in panel: its controls get typing-mode keys; `done_typing` sends focus home.
        The controls a panel makes later are taken in when it says so (`controls_added`);
        call this again for any other control added to it."""
        if area not in self._areas:
            self._areas.append(area)
            area.done_typing.connect(lambda: self.go_home(area.window()))
            area.controls_added.connect(lambda: self._following and self.add_typing_area(area))
        # The panel itself too: a key its control does not want goes up to it.
        for control in (area, *area.findChildren(QWidget)):
            if control is area or control.focusPolicy() != Qt.FocusPolicy.NoFocus:
                control.installEventFilter(self)

    def in_typing_area(self, widget: QWidget | None) -> bool:
        return widget is not None and any(a.isAncestorOf(widget) for a in self._areas)

    def go_home(self, window: QWidget) -> None:
        """Hand the keys back to the run in this window."""
        window.setFocus(Qt.FocusReason.OtherFocusReason)

    def release(self) -> None:
        """The windows are closing: stop following the focus."""
        if not self._following:
            return
        self._following = False
        QApplication.instance().focusChanged.disconnect(self._focus_changed)
        for area in self._areas:
            for control in (area, *area.findChildren(QWidget)):
                control.removeEventFilter(self)
        self._areas.clear()
        self._windows.clear()

    def _focus_changed(self, _old: QWidget | None, now: QWidget | None) -> None:
        # Dialogs and other applications leave the mode as it was: a name typed before a
        # "same person?" question is still being typed after it.
        if now is not None and now.window() in self._windows:
            self.typing = self.in_typing_area(now)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            key = event.key()
            if key in CLICKER_KEYS:
                event.ignore()  # not the control's: the shortcut moves the session
                return True
            if key in KEPT_WHILE_TYPING:
                event.accept()  # the control's: Space ticks, Enter checks in, Esc leaves
                return True
        elif (
            kind == QEvent.Type.FocusIn
            and isinstance(event, QFocusEvent)
            and event.reason() in RESTORED
            and not self.typing
            and isinstance(watched, QWidget)
        ):
            self.go_home(watched.window())  # a window back in front does not start typing
        return False
