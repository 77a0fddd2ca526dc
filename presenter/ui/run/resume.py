"""Crash-safe runs: every action on the run clock is saved at once, and a run the app was
closed or killed in the middle of is offered back at start-up ("Resume Twitter hour,
Library, started 12:02?").

`RunRecorder` listens to the run controller, saves the clock's snapshot whenever the run
changed (not on the once-a-second repaint), starts or continues the run in the attendance
file when the session starts, and says when the run has finished, for the wrap-up.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from presenter.attendance.clock_log import (
    ResumeOffer,
    describe_action,
    last_clock_save,
    restore_clock,
    resume_offer,
    run_finished,
    run_for_session,
    save_clock,
    todays_run,
)
from presenter.attendance.store import AttendanceError
from presenter.timing import RunState, SnapshotError


class ResumeDialog:
    """Asks whether to carry on with an unfinished run."""

    @classmethod
    def ask(cls, parent: QWidget | None, offer: ResumeOffer) -> bool:
        from PySide6.QtWidgets import QMessageBox  # its Python face is built when first asked

        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Resume the session")
        box.setText(f"Resume {offer.text()}?")
        box.setInformativeText(
            f"Presenter closed during “{offer.item_title}” (item {offer.item_index + 1}). "
            "Resuming carries on with that item, its times and everyone checked in."
        )
        resume = box.addButton("Resume", QMessageBox.ButtonRole.AcceptRole)
        box.addButton("Start afresh", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(resume)
        box.exec()
        return box.clickedButton() is resume


def _without_moment(snapshot: dict[str, Any]) -> dict[str, Any]:
    """The snapshot minus when it was taken: equal before and after a mere repaint."""
    return {key: value for key, value in snapshot.items() if key != "taken_at"}


class RunRecorder(QObject):
    """Saves each run-clock action with its snapshot, durably, in the attendance file
    (`store`), or saves nothing when `store` is None because the file could not be opened."""

    saved = Signal(str)  # the action, e.g. "next", once it is on disk
    finished = Signal(int)  # the run's number, when the last item is over
    run_changed = Signal(int)  # the run that check-ins now go to
    resume_failed = Signal(str)  # why a run could not be resumed, for the status bar
    save_failed = Signal(str)  # why an action is not on disk yet (tried again each second)
    rehearsal_finished = Signal(int)  # the rehearsal's number, when it has been ended

    def __init__(
        self,
        controller,
        store,
        *,
        monotonic: Callable[[], float],
        wall: Callable[[], datetime],
        run_id: int | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.store = store
        self.monotonic = monotonic
        self.wall = wall
        self.run_id = run_id
        self.wrap_up: QWidget | None = None  # the wrap-up view, once the session has ended
        self.history: QWidget | None = None  # the session's history, when asked for
        self._last: dict[str, Any] | None = None
        self._key: dict[str, Any] | None = None
        self.rehearsal_id: int | None = None  # the rehearsal record being written
        self._rehearsal_clock = None  # the clock that record belongs to
        self.fitted_from: int | None = None  # the session's own length, when run fitted shorter
        controller.changed.connect(self.record)

    def record(self) -> None:
        """Save the clock if the run changed since the last save (a tick changes nothing)."""
        clock = self.controller.clock
        if clock.state is RunState.BEFORE_START or self.store is None:
            self._last = self._key = None
            return
        snapshot = clock.snapshot()
        key = _without_moment(snapshot)
        if key == self._key:
            return
        if clock.rehearsal:  # never a run: kept in the rehearsals table only
            self._record_rehearsal(clock, snapshot, key)
            return
        if self._last is None:  # the session has just started
            self._start_run(clock.session)
        action = describe_action(self._last, snapshot)
        assert self.run_id is not None
        try:
            save_clock(self.store, self.run_id, action, snapshot, self.wall())
        except AttendanceError as exc:  # the next tick tries again: the key is unchanged
            self.save_failed.emit(f"The run is not saved yet: {exc}")
            return
        self._last, self._key = snapshot, key
        self.saved.emit(action)
        if clock.state is RunState.FINISHED and action == "finish":
            self.finished.emit(self.run_id)

    def _record_rehearsal(self, clock, snapshot: dict[str, Any], key: dict[str, Any]) -> None:
        from presenter.attendance.rehearsals import save_rehearsal  # loaded when rehearsing

        if clock is not self._rehearsal_clock:  # a new rehearsal (or one started again)
            self._rehearsal_clock, self.rehearsal_id = clock, None
        try:
            self.rehearsal_id = save_rehearsal(
                self.store,
                self.rehearsal_id,
                title=clock.session.title,
                started_at=clock.slot_start,
                state=clock.state.value,
                slot_minutes=clock.session.length,
                timings=clock.timings(),
                at=self.wall(),
            )
        except AttendanceError as exc:
            self.save_failed.emit(f"The rehearsal is not saved yet: {exc}")
            return
        self._last, self._key = snapshot, key
        if clock.state is RunState.FINISHED:
            self.rehearsal_finished.emit(self.rehearsal_id)

    def follow_panel(self, panel) -> None:
        """Check-ins from a panel added after the start (once a rehearsal is over) go to its run."""
        if panel is not None and self.run_id is None:
            self.run_id = panel.run_id

    def _start_run(self, session) -> None:
        """Carry on with today's run of this session (check-ins before the start are in it),
        unless it was already run to the end, in which case this is a new run."""
        today = self.wall().date()
        if self.run_id is not None:
            run = self.store.run(self.run_id)
            if (
                run.title == session.title
                and not run.purged
                and not run_finished(self.store, run.id)
            ):
                self._keep_plan(run.id, session)
                return
        run = run_for_session(self.store, session, today)
        self._keep_plan(run.id, session)
        if run.id != self.run_id:
            self.run_id = run.id
            self.run_changed.emit(run.id)

    def _keep_plan(self, run_id: int, session) -> None:
        """A run not yet under way keeps the plan it starts with (edited, or fitted into a
        shorter slot, since the run was made) and the length it was fitted from."""
        if last_clock_save(self.store, run_id) is None:
            self.store.replan_run(run_id, session, fitted_from=self.fitted_from)

    # -- resuming ---------------------------------------------------------------------------

    def offer(self) -> ResumeOffer | None:
        return resume_offer(self.store, self.wall())

    def offer_resume(self, parent: QWidget | None = None) -> bool:
        """At start-up: ask to resume an unfinished run, and resume it if the answer is yes."""
        offer = None if self.store is None else self.offer()
        if offer is None or not ResumeDialog.ask(parent, offer):
            return False
        return self.resume(offer.run.id)

    def resume(self, run_id: int) -> bool:
        """Carry on with a run from its last save: same plan, same item, times counted on."""
        try:
            clock = restore_clock(self.store, run_id, monotonic=self.monotonic, wall=self.wall)
        except SnapshotError as exc:
            self.resume_failed.emit(f"The session could not be resumed: {exc}")
            return False
        self.controller.show_restored(clock)  # the plan the run started with, and its clock
        snapshot = clock.snapshot()
        self._last, self._key = snapshot, _without_moment(snapshot)
        try:
            save_clock(self.store, run_id, "resume after restart", snapshot, self.wall())
        except AttendanceError as exc:  # the run goes on; the next action is saved
            self.save_failed.emit(f"The run is not saved yet: {exc}")
        if run_id != self.run_id:
            self.run_id = run_id
            self.run_changed.emit(run_id)
        self.controller.announce_restored()
        return True


def attach_recorder(windows, *, monotonic: Callable[[], float]) -> RunRecorder:
    """Record the run shown in `windows` (a RunWindows): check-ins follow the run, and the
    wrap-up opens when the session ends."""
    store = windows.attendance_store
    if store is None:  # no check-in panel: the run is still remembered, if the file opens
        store = windows.open_attendance(hold_window_lock=False)
        if store is not None:
            windows.destroyed.connect(store.close)
    panel = windows.presenter.check_in_panel
    recorder = RunRecorder(
        windows.controller,
        store,
        monotonic=monotonic,
        wall=windows.wall,
        run_id=getattr(panel, "run_id", None),
        parent=windows,
    )
    windows.recorder = recorder
    _follow_the_run(windows, recorder, store)
    recorder.resume_failed.connect(windows.status)
    recorder.save_failed.connect(windows.status)
    _wire_wrap_up(windows, recorder, store)
    if windows.shared_publisher is not None:  # after the wrap-up's wiring: it watches it
        windows.shared_publisher.watch_recorder(recorder)
    windows.registry.action("session_history").triggered.connect(
        lambda: _show_history(windows, recorder, store)
    )
    return recorder


def _follow_the_run(windows, recorder: RunRecorder, store) -> None:
    """Check-ins and the arrival screen follow the run the recorder writes to."""

    def follow(run_id: int) -> None:
        panel = windows.presenter.check_in_panel
        if panel is not None:
            panel.run_id = run_id
            panel.refresh()
        windows.show_run(store.run(run_id))

    recorder.run_changed.connect(follow)
    panel = windows.presenter.check_in_panel
    if panel is None and store is not None and not windows.controller.rehearsal:
        # No check-in panel: the arrival screen still names the place of today's run, if any.
        run = todays_run(store, windows.controller.session, windows.wall().date())
        if run is not None:
            windows.show_run(run)


def _wire_wrap_up(windows, recorder: RunRecorder, store) -> None:
    """The wrap-up opens when the session ends (a rehearsal's when it is ended), or when asked."""

    def rehearsal_over(rehearsal_id: int) -> None:
        from presenter.attendance.rehearsals import rehearsal

        # After the recorder's own work on this change, so the clock is replaced outside it.
        QTimer.singleShot(0, lambda: windows.rehearsal_finished(rehearsal(store, rehearsal_id)))

    def show_wrap_up(run_id: int) -> None:
        from presenter.ui.attendance.wrapup_view import (
            WrapUpView,  # loaded when needed, not at start-up
        )

        recorder.wrap_up = WrapUpView.show_for(store, run_id, windows.presenter, wall=windows.wall)

    def wrap_up_now() -> None:
        if windows.controller.rehearsal and recorder.rehearsal_id is not None:
            from presenter.attendance.rehearsals import rehearsal
            from presenter.ui.run.rehearsal_view import RehearsalWrapUp

            RehearsalWrapUp.show_for(rehearsal(store, recorder.rehearsal_id), windows.presenter)
        elif store is None:
            windows.status("The wrap-up needs the attendance file, which is not open")
        elif recorder.run_id is None:
            windows.status("The wrap-up shows once the session has started")
        else:
            show_wrap_up(recorder.run_id)

    recorder.rehearsal_finished.connect(rehearsal_over)
    recorder.finished.connect(show_wrap_up)
    windows.registry.action("wrap_up").triggered.connect(wrap_up_now)


def _show_history(windows, recorder: RunRecorder, store) -> None:
    """The session's past runs, with the minutes they suggest for the plan."""
    if store is None:
        windows.status("The history needs the attendance file, which is not open")
        return
    from PySide6.QtCore import Qt

    from presenter.ui.attendance.history_view import HistoryView

    session = windows.controller.session
    view = HistoryView(
        store,
        session.title,
        session=session,
        session_path=windows.session_path,
        wall=windows.wall,
        parent=windows.presenter,
    )
    view.session_file_changed.connect(
        lambda path: windows.status(f"{path.name} saved: the new minutes apply from the next run")
    )
    view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    view.show()
    recorder.history = view
