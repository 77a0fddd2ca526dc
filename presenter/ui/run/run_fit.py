"""The run windows' side of fitting: Session › Fit to a shorter slot…, and `--length`.

Mixed into `RunWindows`; it uses the windows' `controller`, `presenter`, `session_path`,
`attendance_store`, `recorder` and `status`. While a fitted plan is in use the full one is
kept, so a second fit starts from the whole session, and fitting back to the session's
own length gives it back. The fitted plan has no file: the editor saves it only under a
new name, so the library hour's file is never overwritten with the ward's quarter hour.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from presenter.agenda.model import Session
from presenter.attendance.store import AttendanceError
from presenter.timing import RunState

if TYPE_CHECKING:  # the fitting itself is loaded when a fit is asked for
    from presenter.timing.fit import Fit


class FitWiring:
    """A shorter version of the session before the start; the run remembers its length."""

    full_session: Session | None = None  # the session as planned, while a fit is in use
    full_path: Path | None = None  # and its file

    def _connect_fit(self) -> None:
        self.registry.action("fit_to").triggered.connect(self.fit_to)

    def fit_to(self) -> None:
        """Ask for the minutes, show what is cut, and run the fitted plan."""
        from presenter.ui.shared.dialogs import ProblemsDialog
        from presenter.ui.shared.fit_dialog import FitDialog

        if self.controller.state is not RunState.BEFORE_START:
            ProblemsDialog.show_problems(
                self.presenter,
                "The session is running",
                ["A running session keeps its plan. End it first, then fit the next run."],
            )
            return
        full = self.full_session or self.controller.session
        fit = FitDialog.ask(self.presenter, full)
        if fit is not None:
            self.use_fit(full, fit)

    def use_fit(self, full: Session, fit: Fit) -> None:
        """Run `fit`'s plan in place of `full` (the whole session again at its own length)."""
        if self.full_session is None:
            self.full_path = self.session_path
        fitted = fit.length != full.length
        self.full_session = full if fitted else None
        self.session_path = None if fitted else self.full_path
        self.controller.replace_session(fit.session)
        fitted_from = full.length if fitted else None
        if self.recorder is not None:
            self.recorder.fitted_from = fitted_from
        self._replan_todays_run(fit.session, fitted_from)
        self.status(fit.headline())

    def _replan_todays_run(self, session: Session, fitted_from: int | None) -> None:
        """Today's run, made when the window opened, takes the new plan and its length."""
        panel = self.presenter.check_in_panel
        run_id = getattr(panel, "run_id", None)
        if self.attendance_store is None or run_id is None:
            return
        from presenter.attendance.clock_log import last_clock_save

        if last_clock_save(self.attendance_store, run_id) is not None:
            return  # under way before (a resume was declined): its saved plan stays
        try:
            self.show_run(
                self.attendance_store.replan_run(run_id, session, fitted_from=fitted_from)
            )
        except AttendanceError as exc:  # the run's start records the plan again
            self.status(f"The run's new length is not saved yet: {exc}")
