"""The big line at the top of the presenter window: what is on now and how long it has left."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from presenter.agenda.model import Session
from presenter.timing import RunState, RunView, WarningLevel
from presenter.timing.display import (
    countdown_text,
    elapsed_text,
    item_warning_text,
    times_up,
    until_start_text,
)
from presenter.ui.shared.theme import set_style_state

FLASH_MS = 700  # how long the countdown flashes when an item's time is up


class ItemCountdown(QWidget):
    """The current item's number, title, countdown and warning, or the countdown to the start.

    When the item under way reaches its planned end the countdown flashes once (`times_up`)."""

    times_up = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mode = ""  # e.g. "Rehearsal", put before the heading
        self._seen: tuple[int, WarningLevel] | None = None  # (item, level) shown last
        self._flash_off = QTimer(self, singleShot=True, interval=FLASH_MS)
        self._flash_off.timeout.connect(lambda: self._set_flash(False))
        self.setObjectName("ItemCountdown")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.heading = QLabel(objectName="NowHeading")
        self.title = QLabel(objectName="NowTitle", wordWrap=True)
        self.countdown = QLabel(objectName="Countdown")
        self.warning = QLabel(objectName="Warning")
        self.title.setAccessibleDescription("Current item")
        self.countdown.setAccessibleDescription("Time left in this item")
        self.warning.setAccessibleDescription("Warning")
        left = QVBoxLayout()
        left.addWidget(self.heading)
        left.addWidget(self.title)
        right = QVBoxLayout()
        right.addWidget(self.countdown)
        right.addWidget(self.warning)
        right.setSpacing(2)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 4, 10, 6)
        layout.addLayout(left, 1)
        layout.addLayout(right)

    def set_compact(self, compact: bool) -> None:
        """Smaller type for a small window (the style sheet's `[compact="true"]` sizes)."""
        for label in (self.heading, self.title, self.countdown, self.warning):
            set_style_state(label, "compact", str(compact).lower())

    def show_view(self, session: Session, view: RunView) -> None:
        count = len(session.items)
        if view.state is RunState.BEFORE_START:
            self.heading.setText("Before the start")
            self.title.setText(session.title)
            self.countdown.setText(until_start_text(view))
            self.warning.setText("Starts in" if view.until_start > 0 else "Due to start")
            level = "before"
        elif view.state is RunState.FINISHED or not count:
            self.heading.setText("Finished")
            self.title.setText(session.title)
            self.countdown.setText("Ended")
            self.warning.setText(f"Session over after {elapsed_text(view)}")
            level = "finished"
        else:
            item = session.items[view.current_index]
            self.heading.setText(f"Now · {view.current_index + 1} of {count} · {item.kind.value}")
            self.title.setText(item.title)
            self.countdown.setText(countdown_text(view))
            self.warning.setText(item_warning_text(view))
            level = "paused" if view.state is RunState.PAUSED else WarningLevel(view.warning).name
        if self.mode:
            self.heading.setText(f"{self.mode} · {self.heading.text()}")
        for widget in (self, self.countdown, self.warning):
            set_style_state(widget, "warning", level.lower())
        self._notice_times_up(view)

    def _notice_times_up(self, view: RunView) -> None:
        """Flash once when the item under way goes from time left to time up (not on a jump)."""
        seen = self._seen
        running = view.state is RunState.RUNNING
        self._seen = (view.current_index, view.warning) if running else None
        if times_up(seen, view):
            self._set_flash(True)
            self._flash_off.start()
            self.times_up.emit()

    def _set_flash(self, on: bool) -> None:
        for widget in (self, self.heading, self.title, self.countdown):
            set_style_state(widget, "flash", "on" if on else "off")

    @property
    def flashing(self) -> bool:
        return self.property("flash") == "on"
