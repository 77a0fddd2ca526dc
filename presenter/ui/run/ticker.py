"""A timer that fires just after the next whole second shown on screen changes.

Each shot is scheduled from the run clock's state (`RunClock.view()`), not by counting ticks,
so the display never creeps and a late shot is not carried into the next one.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from presenter.timing import RunState, RunView

# Fire this long after the boundary, so the view computed in the slot already shows the new second.
MARGIN_SECONDS = 0.002


def _until_drops_past_whole(value: float) -> float:
    """Seconds until a falling count (time left) crosses its next whole second."""
    fraction = value - math.floor(value)
    return fraction if fraction > 1e-6 else 1.0


def _until_rises_past_whole(value: float) -> float:
    """Seconds until a rising count (time over, elapsed) crosses its next whole second."""
    fraction = math.ceil(value) - value
    return fraction if fraction > 1e-6 else 1.0


def seconds_to_next_change(view: RunView) -> float:
    """How long until any seconds figure on screen changes: the item's, the start's or the slot's."""
    candidates = [
        1.0 - view.now.microsecond / 1_000_000,  # time of day and slot left follow the wall clock
        _until_drops_past_whole(view.slot_remaining),
    ]
    if view.state is RunState.BEFORE_START:
        candidates.append(_until_drops_past_whole(view.until_start))
    elif view.state is RunState.RUNNING:
        if view.item_remaining > 0:
            candidates.append(_until_drops_past_whole(view.item_remaining))
        else:
            candidates.append(_until_rises_past_whole(view.item_overrun))
    return max(0.0, min(candidates))


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
        delay = seconds_to_next_change(self._view()) + MARGIN_SECONDS
        self._timer.start(max(1, math.ceil(delay * 1000)))
