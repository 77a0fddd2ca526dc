"""The run windows' side of check-in: the attendance file, today's run and the panel.

Mixed into `RunWindows`; it uses the windows' `registry`, `controller`, `presenter`,
`audience`, `data_dir` and `wall`.
"""

from __future__ import annotations

import sqlite3
import sys
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from presenter.agenda.model import Session
from presenter.attendance.paths import data_dir, store_path
from presenter.attendance.store import (
    AttendanceError,
    AttendanceStore,
    cannot_open_message,
    open_store,
)

ATTENDANCE_OFF = (
    "Check-in is off. {problem}. The session runs as usual, but nobody can be checked in "
    "and this run's times are not kept. Nothing in the attendance file ({path}) has been "
    "changed. To check people in, fix what is said above, or move that file elsewhere (keep "
    "it) so that Presenter starts a new one; then open Presenter again."
)


class CheckInWiring:
    """Opens the attendance file and today's run, adds the check-in panel, and turns
    check-in off, saying why, when the file cannot be used."""

    attendance_store: AttendanceStore | None
    attendance_problem: str | None  # why the attendance file is not open
    attendance_banner: QLabel | None

    def _add_check_in_panel(self) -> None:
        try:
            from presenter.ui.attendance.checkin_panel import CheckInPanel
        except ImportError:
            self.registry.action("check_in").setEnabled(False)
            return
        self.attendance_store = self.open_attendance(clock=self.wall)
        if self.attendance_store is None:
            return
        try:
            run_id = self._todays_run_id(self.controller.session, self.wall().date())
        except AttendanceError as exc:  # a full disk when the day's run is first written
            self.attendance_store.close()
            self.attendance_store = None
            self.attendance_unavailable(cannot_open_message(exc, then=None))
            return
        # Made in the window's side column, where it goes: styled once, not again when put there.
        panel = CheckInPanel(
            self.attendance_store, run_id, self.controller.session.readiness, self.presenter.side
        )
        self.presenter.add_check_in_panel(panel)
        panel.changed.connect(self._arrivals_changed)
        if self.shared_publisher is not None:  # each check-in, undo and tick is published
            panel.changed.connect(self.shared_publisher.publish_soon)
        self.audience.arrived = panel.checked_in_count()
        # Both callers (the windows being made, a rehearsal ending) refresh the windows next.
        self.show_run(self.attendance_store.run(run_id), refresh=False)

    def show_run(self, run, *, refresh: bool = True) -> None:
        """The arrival screen gives the run's venue and facilitators (a run made with
        `presenter runs new --venue` may be somewhere else than the session's usual room)."""
        self.audience.run_place = (run.venue, tuple(run.facilitators))
        if refresh:
            self.refresh()

    def open_attendance(self, **options) -> AttendanceStore | None:
        """The attendance file, or None once `attendance_unavailable` has said why not.

        The file is only read: a damaged file, or one from a newer Presenter, is left as it is."""
        if self.attendance_problem is not None:
            return None
        try:
            return open_store(data_dir(self.data_dir), **options)
        except (AttendanceError, OSError, sqlite3.DatabaseError) as exc:
            self.attendance_unavailable(cannot_open_message(exc, then=None))
            return None

    def attendance_unavailable(self, problem: str) -> None:
        """The session runs without the attendance file: say so once, in the window, and turn
        check-in, the wrap-up and the history off until Presenter is opened again."""
        if self.attendance_problem is not None:
            return
        self.attendance_problem = problem
        for name in ("check_in", "wrap_up", "session_history"):
            self.registry.action(name).setEnabled(False)
        path = store_path(data_dir(self.data_dir))
        problem = problem.removeprefix(f"{path}: ")  # the file is named below
        text = ATTENDANCE_OFF.format(problem=problem[:1].upper() + problem[1:], path=path)
        print(f"presenter: {text}", file=sys.stderr)
        banner = QLabel(text, objectName="AttendanceProblem", wordWrap=True)
        banner.setAccessibleName("Check-in is off")
        banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.presenter.centralWidget().layout().insertWidget(0, banner)
        self.attendance_banner = banner

    def _arrivals_changed(self) -> None:
        self.audience.arrived = self.presenter.check_in_panel.checked_in_count()
        self.refresh()

    def _todays_run_id(self, session: Session, today: date) -> int:
        """Reopening the app on the same day carries on with that day's unfinished run."""
        from presenter.attendance.clock_log import run_for_session

        return run_for_session(self.attendance_store, session, today).id

    def focus_check_in(self) -> None:
        panel = self.presenter.check_in_panel
        if self.controller.rehearsal:
            self.status("Check-in is off during a rehearsal")
            return
        if panel is None:
            self.status("Check-in is not available")
            return
        panel.focus_name()
