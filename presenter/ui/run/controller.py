"""The run clock on the Qt side: every change to the run goes through here and emits `changed`.

The windows only listen and re-read `view()`; the timing rules live in `presenter.timing`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, Signal

from presenter.agenda.model import Session
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
        self._clock = self._new_clock(session, rehearsal=False)
        self.ticker = SecondTicker(self.view, self)
        self.ticker.tick.connect(self.changed)
        self._was_running = False

    @property
    def clock(self) -> RunClock:
        """The clock of the run on screen; replaced only through this controller's methods."""
        return self._clock

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
        self._clock = self._new_clock(self.clock.plan, rehearsal=on)
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
        self._clock = self._new_clock(session, rehearsal=self.clock.rehearsal)
        self.session_replaced.emit()
        self._changed()
        return True

    def show_restored(self, clock: RunClock) -> None:
        """Put a run restored from its last save on screen: the plan it started with, then its
        clock. The windows hear of the clock at `announce_restored`, which the recorder calls
        once it has saved the resumption (so the resumed run is not taken for a new start)."""
        self.replace_session(clock.session)
        self._clock = clock

    def announce_restored(self) -> None:
        """Tell the windows a restored run is on screen: whether it is running, then repaint."""
        self.running_changed.emit(self.clock.state is RunState.RUNNING)
        self.refresh()

    @property
    def in_progress(self) -> bool:
        """True while the run (or rehearsal) on screen is under way, running or paused."""
        return self.clock.state.in_progress

    def next(self) -> None:
        if self.clock.state is RunState.BEFORE_START:
            self.clock.start()
        elif self.clock.state is not RunState.FINISHED:
            self.clock.next()
        self._changed()

    def previous(self) -> None:
        self._in_progress_do(self.clock.previous)

    def jump(self, index: int) -> None:
        if self.clock.state is RunState.BEFORE_START:
            self.clock.start()
        if self.in_progress:
            self.clock.jump(index)
        self._changed()

    def toggle_pause(self) -> None:
        self._in_progress_do(self.clock.toggle_pause)

    def lengthen(self) -> None:
        self._in_progress_do(lambda: self.clock.lengthen(1))

    def shorten(self) -> None:
        self._in_progress_do(lambda: self.clock.shorten(1))

    def reset_item(self) -> None:
        self._in_progress_do(self.clock.reset_item)

    def apply_rebalance(self) -> None:
        self._in_progress_do(self.clock.apply_rebalance)

    def finish(self) -> None:
        self._in_progress_do(self.clock.finish)

    def _in_progress_do(self, action: Callable[[], None]) -> None:
        """Do `action` to the clock and tell the windows, only while the run is under way."""
        if self.in_progress:
            action()
            self._changed()

    def _new_clock(self, session: Session, *, rehearsal: bool) -> RunClock:
        return RunClock(session, monotonic=self._monotonic, wall=self._wall, rehearsal=rehearsal)

    def _changed(self) -> None:
        running = self.in_progress
        if running != self._was_running:
            self._was_running = running
            self.running_changed.emit(running)
        self.changed.emit()
        self.ticker.start()  # re-align: the item's seconds now count from a new moment
