"""A timer that fires just after the next whole second shown on screen changes.

Each shot is scheduled from the run clock's state (`RunClock.view()`), not by counting ticks,
so the display never creeps and a late shot is not carried into the next one; the delay is
worked out in `presenter.timing.display`, and only the timer lives here.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from presenter.timing import RunView
from presenter.timing.display import next_tick_ms


class SecondTicker(QObject):
    """Emits `tick` just after each displayed second changes; a single-shot timer re-armed each time."""

    tick = Signal()

    def __init__(self, view: Callable[[], RunView], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._view = view
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._fire)

    def start(self) -> None:
        self._arm()

    def stop(self) -> None:
        self._timer.stop()

    def is_active(self) -> bool:
        return self._timer.isActive()

    def interval_ms(self) -> int:
        """The delay of the shot now armed, in milliseconds (for tests and the benchmark)."""
        return self._timer.interval()

    def _fire(self) -> None:
        self.tick.emit()
        self._arm()

    def _arm(self) -> None:
        self._timer.start(next_tick_ms(self._view()))
