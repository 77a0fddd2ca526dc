"""The two windows of a run, wired to the action registry and the run controller.

Built once by `app.run_app`, and by the tests with a fake clock and a settings file in a
temporary folder.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from presenter.agenda.model import Session
from presenter.attendance.paths import data_dir as data_folder
from presenter.attendance.paths import shared_record_path
from presenter.ui.audience.audience_window import AudienceWindow
from presenter.ui.audience.screens import ScreenPlacer, sizes_ahead
from presenter.ui.run.controller import RunController
from presenter.ui.run.presenter_window import PresenterWindow
from presenter.ui.run.run_check_in import CheckInWiring
from presenter.ui.run.run_fit import FitWiring
from presenter.ui.run.run_sessions import SessionWiring
from presenter.ui.run.run_view import ViewWiring
from presenter.ui.shared.actions import ActionRegistry
from presenter.ui.shared.focus import RunFocus
from presenter.ui.shared.settings import Settings
from presenter.ui.shared.theme import apply_theme


class RunWindows(CheckInWiring, SessionWiring, FitWiring, ViewWiring, QObject):
    """Presenter and audience windows over one `RunController`.

    This module builds them and holds the run's own actions (next, rebalance, jump, rehearse,
    end) and closing; check-in, other sessions and the View menu each have a module beside
    it. Dialogs, the editor and PowerPoint are imported where they are first opened, so the
    windows come up without them."""

    def __init__(
        self,
        session: Session,
        *,
        settings: Settings,
        monotonic: Callable[[], float],
        wall: Callable[[], datetime],
        session_path: Path | None = None,
        data_dir: Path | None = None,
        one_screen: bool = False,
        check_in: bool = True,
        rehearse: bool = False,
    ) -> None:
        super().__init__()
        self.settings = settings
        # The theme first, on the whole app: each window is then styled once, when first shown.
        self.theme = apply_theme(settings.theme)
        Settings.for_file_dialogs = settings  # file dialogs open in the folder last used
        self.session_path = session_path
        self.data_dir = data_dir
        self.wall = wall
        self.registry = ActionRegistry(self)
        self.controller = RunController(session, monotonic=monotonic, wall=wall, parent=self)
        self._build_windows(self.controller.session, one_screen)  # the items the run goes through
        self.editor = None
        self.screensaver = None
        self.attendance_store = None
        self.attendance_problem = None
        self.attendance_banner = None
        self.recorder = None  # set by resume.attach_recorder
        # The system bell: Qt Multimedia is not part of PySide6-Essentials.
        self.chime = QApplication.beep
        self._shared_warned = False
        self._rehearsal_banner = None
        # A rehearsal is not a run: the check-in panel, which opens today's run, waits for it.
        self._check_in_after_rehearsal = check_in and rehearse
        if rehearse:
            self.controller.set_rehearsal(True)
        self.shared_publisher = None
        if shared_record_path(data_folder(data_dir)).is_file():  # the shared record is set up
            from presenter.ui.run.shared_publisher import attach_publisher

            self.shared_publisher = attach_publisher(self)
        if check_in and not rehearse:
            self._add_check_in_panel()
        self.focus = RunFocus(self)  # the keys stay with the run except while typing a name
        for window in (self.presenter, self.audience):
            self.focus.add_window(window)
        if self.presenter.check_in_panel is not None:
            self.focus.add_typing_area(self.presenter.check_in_panel)
        # What to show first, then the fonts: each widget is styled once, in its state.
        self.refresh()
        self.audience.set_base_style("")  # colours come from the app's theme
        self._connect()
        if rehearse:
            self._rehearsal_changed(True)
        self.presenter.current_points.watch(self.audience)
        self.presenter.close_guard = self._closing

    def _build_windows(self, session: Session, one_screen: bool) -> None:
        """Both windows, with the menu's ticks as the settings left them."""
        settings = self.settings
        presenter_size, audience_size = sizes_ahead(one_screen=one_screen)
        self.presenter = PresenterWindow(
            session, self.registry, settings.notes_point_size, size=presenter_size
        )
        self.audience = AudienceWindow()
        self.audience.resize(audience_size)  # its fonts are scaled once, for this size
        self.audience.addActions(self.registry.actions())
        self.audience.countdown_shown = settings.audience_countdown
        self.registry.action("audience_countdown").setChecked(settings.audience_countdown)
        self.registry.action("one_screen").setChecked(one_screen)
        self.registry.action("times_up_chime").setChecked(settings.times_up_chime)
        self.placer = ScreenPlacer(self.presenter, self.audience, one_screen=one_screen)

    # -- wiring ---------------------------------------------------------------------------

    def _connect(self) -> None:
        act = self.registry.action
        c = self.controller
        act("next").triggered.connect(self.next)
        act("previous").triggered.connect(c.previous)
        act("toggle_pause").triggered.connect(c.toggle_pause)
        act("lengthen").triggered.connect(c.lengthen)
        act("shorten").triggered.connect(c.shorten)
        act("reset_item").triggered.connect(c.reset_item)
        act("rebalance").triggered.connect(self.rebalance)
        act("jump").triggered.connect(self.jump)
        act("finish").triggered.connect(self.finish)
        act("rehearse").triggered.connect(self.rehearse)
        c.rehearsal_changed.connect(self._rehearsal_changed)
        act("help").triggered.connect(self.presenter.help.toggle)
        act("check_in").triggered.connect(self.focus_check_in)
        act("quit").triggered.connect(self.presenter.close)
        act("share_run").triggered.connect(self.share_run)
        c.changed.connect(self.refresh)
        c.session_replaced.connect(self._session_replaced)
        self._connect_view()
        self._connect_sessions()
        self._connect_fit()

    # -- showing --------------------------------------------------------------------------

    def show(self) -> None:
        # The windows already show their first state (set in __init__, before the style).
        self.placer.place()
        self.controller.start_ticking()

    def refresh(self) -> None:
        view = self.controller.view()
        self.presenter.show_view(view)
        self.audience.show_view(self.controller.session, view)

    def _session_replaced(self) -> None:
        self.presenter.set_session(self.controller.session)

    # -- rehearsal ------------------------------------------------------------------------

    def rehearse(self) -> None:
        """Start a rehearsal now: timed from this moment, never a run, no check-in."""
        from presenter.ui.shared.dialogs import ConfirmDialog, ProblemsDialog

        c = self.controller
        under_way = c.in_progress
        if under_way and not c.rehearsal:
            ProblemsDialog.show_problems(
                self.presenter,
                "The session is running",
                ["A rehearsal does not start during the session. End the session first."],
            )
            return
        if under_way and not ConfirmDialog.ask(
            self.presenter,
            "Rehearse again",
            "Start the rehearsal again from the first item? The times so far are kept.",
            "Start again",
        ):
            return
        c.set_rehearsal(True, start=True)

    def rehearsal_finished(self, record) -> None:
        """Show each item's plan beside what it took, and make the app ready for the run."""
        from presenter.ui.run.rehearsal_view import RehearsalWrapUp

        self.rehearsal_wrap_up = RehearsalWrapUp.show_for(record, self.presenter)
        self.controller.set_rehearsal(False)

    def _rehearsal_changed(self, on: bool) -> None:
        from presenter.ui.audience.banner import Banner

        title = self.presenter.windowTitle().removeprefix("Rehearsal – ")
        self.presenter.setWindowTitle(f"Rehearsal – {title}" if on else title)
        self.presenter.countdown.mode = "Rehearsal" if on else ""
        self.registry.action("check_in").setEnabled(not on)
        if self.presenter.check_in_panel is not None:
            self.presenter.check_in_panel.setVisible(not on)
        if self._rehearsal_banner is not None:
            self._rehearsal_banner.hide()
            self._rehearsal_banner.deleteLater()
            self._rehearsal_banner = None
        if on:
            self._rehearsal_banner = Banner(
                "RehearsalBanner",
                "Rehearsal: not a run, no check-in. Ctrl+Shift+E ends it and compares with the plan.",
            )
            self.presenter.show_banner(self._rehearsal_banner)
        elif self._check_in_after_rehearsal:
            self._check_in_after_rehearsal = False
            self._add_check_in_panel()
            if self.recorder is not None:
                self.recorder.follow_panel(self.presenter.check_in_panel)
        self.refresh()

    def share_run(self) -> None:
        from presenter.ui.run.share_run import share_run

        share_run(self)

    def status(self, text: str) -> None:
        self.presenter.statusBar().showMessage(text, 8000)

    # -- actions that ask first -----------------------------------------------------------

    def next(self) -> None:
        """Next item; on the last item, offer to end the session (a clicker has no other key)."""
        c = self.controller
        last = len(c.session.items) - 1
        if c.in_progress and c.clock.current_index >= last:
            self.finish()
            return
        c.next()

    def rebalance(self) -> None:
        from presenter.ui.run.rebalance_dialog import RebalanceDialog

        proposal = self.controller.clock.rebalance_proposal()
        if proposal is None:
            self.status("On plan: nothing to rebalance")
            return
        if RebalanceDialog.ask(self.presenter, proposal):
            self.controller.apply_rebalance()

    def jump(self) -> None:
        from presenter.ui.shared.dialogs import JumpDialog

        c = self.controller
        index, ok = JumpDialog.ask(self.presenter, c.session, c.clock.current_index)
        if ok:
            c.jump(index)

    def finish(self) -> None:
        from presenter.ui.shared.dialogs import ConfirmDialog

        if not self.controller.in_progress:
            return
        what = "the rehearsal" if self.controller.rehearsal else "the session"
        if ConfirmDialog.ask(self.presenter, f"End {what}", f"End {what} now?", f"End {what}"):
            self.controller.finish()

    # -- closing --------------------------------------------------------------------------

    def _closing(self) -> bool:
        if not self.may_close():
            return False
        self.close_all()
        return True

    def may_close(self) -> bool:
        """Closing during a run asks first; an unsaved agenda asks to be saved."""
        if self.editor is not None and not self.editor.maybe_save():
            return False
        if self.controller.in_progress:
            from presenter.ui.shared.dialogs import ConfirmDialog

            return ConfirmDialog.ask(
                self.presenter,
                "Quit during the session",
                "The session is still running. Quit anyway?",
                "Quit",
            )
        return True

    def close_all(self) -> None:
        """Stop the clock display, let the screen saver back, close the attendance file."""
        self.presenter.close_guard = None
        self.controller.ticker.stop()
        self.focus.release()
        if self.screensaver is not None:
            self.screensaver.release()
        for window in (self.audience, self.editor):
            if window is not None:
                window.hide()
        if self.shared_publisher is not None:
            self.shared_publisher.stop()
        if self.attendance_store is not None:
            self.attendance_store.close()
            self.attendance_store = None
        self.presenter.hide()
