"""The run clock on the Qt side: every change to the run goes through here and emits `changed`.

The windows only listen and re-read `view()`; the timing rules live in `presenter.timing`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, Signal

from presenter.agenda import Session
from presenter.timing import RunClock, RunState, RunView
from presenter.ui.run.ticker import SecondTicker


class RunController(QObject):
    """Owns the `RunClock` of the run on screen and the ticker that repaints it each second."""

    changed = Signal()
    session_replaced = Signal()
    running_changed = Signal(bool)
    rehearsal_changed = Signal(bool)

    def __init__(
        self,
        session: Session,
        *,
        monotonic: Callable[[], float],
        wall: Callable[[], datetime],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._monotonic = monotonic
        self._wall = wall
        self.clock = RunClock(session, monotonic=monotonic, wall=wall)
        self.ticker = SecondTicker(self.view, self)
        self.ticker.tick.connect(self.changed)
        self._was_running = False

    @property
    def session(self) -> Session:
        return self.clock.session

    @property
    def state(self) -> RunState:
        return self.clock.state

    @property
    def rehearsal(self) -> bool:
        """True while the clock on screen is a rehearsal's (timed from now, never a run)."""
        return self.clock.rehearsal

    def set_rehearsal(self, on: bool, *, start: bool = False) -> bool:
        """A fresh clock for a rehearsal (started at once if `start`) or for the real run.

        Refused while the real run is under way: a run is never replaced mid-session."""
        if not self.clock.rehearsal and self.clock.state is not RunState.BEFORE_START:
            return False
        self.clock = RunClock(
            self.clock.session, monotonic=self._monotonic, wall=self._wall, rehearsal=on
        )
        if start:
            self.clock.start()
        self.rehearsal_changed.emit(on)
        self._changed()
        return True

    def view(self) -> RunView:
        return self.clock.view()

    def start_ticking(self) -> None:
        self.ticker.start()

    def refresh(self) -> None:
        """Re-read the clock and repaint (the ticker calls this; tests call it after advancing time)."""
        self.changed.emit()

    def replace_session(self, session: Session) -> bool:
        """Use a new plan; only before the start, so a run never changes under the facilitator."""
        if self.clock.state is not RunState.BEFORE_START:
            return False
        self.clock = RunClock(
            session, monotonic=self._monotonic, wall=self._wall, rehearsal=self.clock.rehearsal
        )
        self.session_replaced.emit()
        self._changed()
        return True

    def next(self) -> None:
        if self.clock.state is RunState.BEFORE_START:
            self.clock.start()
        elif self.clock.state is not RunState.FINISHED:
            self.clock.next()
        self._changed()

    def previous(self) -> None:
        if self.clock.state in (RunState.RUNNING, RunState.PAUSED):
            self.clock.previous()
            self._changed()

    def jump(self, index: int) -> None:
        if self.clock.state is RunState.BEFORE_START:
            self.clock.start()
        if self.clock.state in (RunState.RUNNING, RunState.PAUSED):
            self.clock.jump(index)
        self._changed()

    def toggle_pause(self) -> None:
        if self.clock.state in (RunState.RUNNING, RunState.PAUSED):
            self.clock.toggle_pause()
            self._changed()

    def lengthen(self) -> None:
        if self._in_run():
            self.clock.lengthen(1)
            self._changed()

    def shorten(self) -> None:
        if self._in_run():
            self.clock.shorten(1)
            self._changed()

    def reset_item(self) -> None:
        if self._in_run():
            self.clock.reset_item()
            self._changed()

    def apply_rebalance(self) -> None:
        if self._in_run():
            self.clock.apply_rebalance()
            self._changed()

    def finish(self) -> None:
        if self._in_run():
            self.clock.finish()
            self._changed()

    def _in_run(self) -> bool:
        return self.clock.state in (RunState.RUNNING, RunState.PAUSED)

    def _changed(self) -> None:
        running = self._in_run()
        if running != self._was_running:
            self._was_running = running
            self.running_changed.emit(running)
        self.changed.emit()
        self.ticker.start()  # re-align: the item's seconds now count from a new moment
