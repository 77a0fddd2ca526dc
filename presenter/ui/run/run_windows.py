"""The two windows of a run, wired to the action registry and the run controller.

Built once by `app.run_app`, and by the tests with a fake clock and a settings file in a
temporary folder.
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QApplication, QLabel

from presenter.agenda import Session
from presenter.attendance import (
    AttendanceError,
    AttendanceStore,
    cannot_open_message,
    data_dir,
    open_store,
    store_path,
)
from presenter.timing import RunState
from presenter.ui.audience.audience_window import AudienceWindow
from presenter.ui.audience.screens import ScreenPlacer
from presenter.ui.run.actions import ActionRegistry
from presenter.ui.run.controller import RunController
from presenter.ui.run.focus import RunFocus
from presenter.ui.run.presenter_window import PresenterWindow
from presenter.ui.shared.settings import Settings
from presenter.ui.shared.theme import THEMES, apply_theme

ATTENDANCE_OFF = (
    "Check-in is off. {problem}. The session runs as usual, but nobody can be checked in "
    "and this run's times are not kept. Nothing in the attendance file ({path}) has been "
    "changed. To check people in, fix what is said above, or move that file elsewhere (keep "
    "it) so that Presenter starts a new one; then open Presenter again."
)


class RunWindows(QObject):
    """Presenter and audience windows over one `RunController`.

    Dialogs, the editor and PowerPoint are imported where they are first opened, so the
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
        self.presenter = PresenterWindow(session, self.registry, settings.notes_point_size)
        self.audience = AudienceWindow()
        self.audience.addActions(self.registry.actions())
        self.audience.countdown_shown = settings.audience_countdown
        self.registry.action("audience_countdown").setChecked(settings.audience_countdown)
        self.registry.action("one_screen").setChecked(one_screen)
        self.placer = ScreenPlacer(self.presenter, self.audience, one_screen=one_screen)
        self.editor = None
        self.screensaver = None
        self.attendance_store: AttendanceStore | None = None
        self.attendance_problem: str | None = None  # why the attendance file is not open
        self.attendance_banner: QLabel | None = None
        self.recorder = None  # set by resume.attach_recorder
        # The system bell: Qt Multimedia is not part of PySide6-Essentials.
        self.chime = QApplication.beep
        self.registry.action("times_up_chime").setChecked(settings.times_up_chime)
        self._shared_warned = False
        self._rehearsal_banner = None
        # A rehearsal is not a run: the check-in panel, which opens today's run, waits for it.
        self._check_in_after_rehearsal = check_in and rehearse
        if rehearse:
            self.controller.set_rehearsal(True)
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
        act("blackout").toggled.connect(lambda on: self._blank("black", on))
        act("whiteout").toggled.connect(lambda on: self._blank("white", on))
        act("audience_countdown").toggled.connect(self._audience_countdown)
        act("swap_screens").triggered.connect(self.placer.swap)
        act("one_screen").toggled.connect(self.placer.set_one_screen)
        act("audience_full_screen").toggled.connect(self._audience_full_screen)
        act("audience_only").toggled.connect(self.placer.set_audience_only)
        act("rehearse").triggered.connect(self.rehearse)
        act("times_up_chime").toggled.connect(self._remember_chime)
        self.presenter.countdown.times_up.connect(self._times_up)
        c.rehearsal_changed.connect(self._rehearsal_changed)
        self.placer.placed.connect(self._placed)
        self.placer.shared.connect(self._warn_shared_screen)
        act("full_screen").triggered.connect(self.presenter.toggle_full_screen)
        act("leave_full_screen").triggered.connect(self.presenter.leave_full_screen)
        act("notes_bigger").triggered.connect(self.presenter.notes.bigger)
        act("notes_smaller").triggered.connect(self.presenter.notes.smaller)
        act("help").triggered.connect(self.presenter.help.toggle)
        act("check_in").triggered.connect(self.focus_check_in)
        act("edit_agenda").triggered.connect(self.edit_agenda)
        act("open_session").triggered.connect(self.ask_open_session)
        act("quit").triggered.connect(self.presenter.close)
        self.presenter.notes.point_size_changed.connect(self._remember_notes_size)
        c.changed.connect(self.refresh)
        c.session_replaced.connect(self._session_replaced)
        c.running_changed.connect(self._hold_screen_saver)
        self._connect_deck_actions()
        self._connect_themes()

    def _connect_themes(self) -> None:
        """The View menu's themes: one ticked, switched live, remembered."""
        self.theme_group = QActionGroup(self)
        for name in THEMES:
            action = self.registry.action(f"theme_{name}")
            self.theme_group.addAction(action)
            action.setChecked(name == self.theme.name)
            action.triggered.connect(lambda _checked=False, n=name: self.set_theme(n))

    def set_theme(self, name: str) -> None:
        self.theme = apply_theme(name)
        self.settings.theme = self.theme.name
        self.registry.action(f"theme_{self.theme.name}").setChecked(True)

    def _connect_deck_actions(self) -> None:
        self.registry.action("export_deck").triggered.connect(self.export_deck)
        self.registry.action("import_deck").triggered.connect(self.import_deck)

    def export_deck(self) -> None:
        from presenter.ui.editor import deck_actions

        deck_actions.export(self.presenter, self.controller.session, self.wall().date())

    def import_deck(self) -> None:
        from presenter.ui.editor import deck_actions

        deck_actions.import_(self.presenter, self.open_session)

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
        panel = CheckInPanel(self.attendance_store, run_id, self.controller.session.readiness)
        self.presenter.add_check_in_panel(panel)
        panel.changed.connect(self._arrivals_changed)
        self.audience.arrived = panel.checked_in_count()
        self.show_run(self.attendance_store.run(run_id))

    def show_run(self, run) -> None:
        """The arrival screen gives the run's venue and facilitators (a run made with
        `presenter runs new --venue` may be somewhere else than the session's usual room)."""
        self.audience.run_place = (run.venue, tuple(run.facilitators))
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

    def _blank(self, colour: str, on: bool) -> None:
        other = self.registry.action("whiteout" if colour == "black" else "blackout")
        if on and other.isChecked():
            other.setChecked(False)
        if on:
            self.audience.set_blank(colour)
        elif self.audience.blank == colour:
            self.audience.set_blank("")
        self.refresh()

    def _audience_countdown(self, shown: bool) -> None:
        self.audience.countdown_shown = shown
        self.settings.audience_countdown = shown
        self.refresh()

    def _placed(self, audience_full_screen: bool) -> None:
        """Keep the menu's tick in step when the windows move (a screen plugged or unplugged)."""
        action = self.registry.action("audience_full_screen")
        action.blockSignals(True)
        action.setChecked(audience_full_screen)
        action.blockSignals(False)

    def _audience_full_screen(self, on: bool) -> None:
        if on:
            self.audience.showFullScreen()
        else:
            self.audience.showNormal()

    def _remember_chime(self, on: bool) -> None:
        self.settings.times_up_chime = on

    def _times_up(self) -> None:
        if self.registry.action("times_up_chime").isChecked():
            self.chime()

    def _warn_shared_screen(self, why: str) -> None:
        """Once per start: the room may see this window; offer the audience screen alone."""
        if self._shared_warned or self.placer.audience_only:
            return
        if why == "one screen" and self.placer.one_screen:
            return  # side by side on purpose, to share one window in a video call
        self._shared_warned = True
        from presenter.ui.audience.banner import Banner

        if why == "mirrored":
            text = "A projector copies this screen: the room sees "
        else:
            text = "One screen for both windows: if the room sees it, it sees "
        self.shared_banner = Banner(
            "SharedScreenBanner",
            text + "your notes and names.",
            (
                (
                    "Audience only (Ctrl+Shift+A)",
                    lambda: self.registry.action("audience_only").setChecked(True),
                ),
                ("Keep both", None),
            ),
        )
        self.presenter.show_banner(self.shared_banner)

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

    def _remember_notes_size(self, size: int) -> None:
        self.settings.notes_point_size = size

    def _hold_screen_saver(self, running: bool) -> None:
        if self.screensaver is None:
            from presenter.ui.run.screensaver import ScreenSaverBlock

            self.screensaver = ScreenSaverBlock()
        self.screensaver.set_held(running)

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

    def focus_check_in(self) -> None:
        panel = self.presenter.check_in_panel
        if self.controller.rehearsal:
            self.status("Check-in is off during a rehearsal")
            return
        if panel is None:
            self.status("Check-in is not available")
            return
        panel.focus_name()

    # -- sessions -------------------------------------------------------------------------

    def ask_open_session(self) -> None:
        from presenter.ui.shared.file_dialogs import FileDialogs

        folder = str(self.session_path.parent) if self.session_path else ""
        path = FileDialogs.open_session(self.presenter, folder)
        if path is not None:
            self.open_session_file(path)

    def open_session_file(self, path: Path) -> bool:
        from presenter.agenda import SessionFileError, load_session
        from presenter.ui.shared.dialogs import ProblemsDialog

        try:
            session, _warnings = load_session(path)
        except SessionFileError as exc:
            ProblemsDialog.show_problems(
                self.presenter, "This file cannot be opened", [str(p) for p in exc.problems]
            )
            return False
        except OSError as exc:
            ProblemsDialog.show_problems(
                self.presenter, "This file cannot be opened", [f"{path}: {exc.strerror or exc}"]
            )
            return False
        if self.open_session(session):
            self.session_path = Path(path)
            self.settings.add_recent_file(path)
            return True
        return False

    def open_session(self, session: Session) -> bool:
        """Run a different session; refused once this run has started."""
        from presenter.ui.shared.dialogs import ProblemsDialog

        if not session.items:
            self.status("That session has no agenda items yet")
            return False
        if self.controller.state is not RunState.BEFORE_START:
            ProblemsDialog.show_problems(
                self.presenter,
                "The session is running",
                ["A running session is not replaced. End it first, then open the other one."],
            )
            return False
        return self.controller.replace_session(session)

    def edit_agenda(self) -> None:
        from presenter.ui.editor.editor_window import AgendaEditor

        if self.editor is None:
            self.editor = AgendaEditor(self.controller.session, self.session_path, self.settings)
            self.editor.session_changed.connect(self._edited)
            self.editor.saved.connect(self._editor_saved)
        self.editor.show()
        self.editor.raise_()
        self.editor.activateWindow()

    def _edited(self, session: Session) -> None:
        """Before the start the run follows the editor live; once running the plan stays."""
        if self.controller.state is RunState.BEFORE_START and session.items:
            self.controller.replace_session(session)
        elif self.controller.state is not RunState.BEFORE_START:
            self.status("The running session keeps its plan; edits apply to the next run")

    def _editor_saved(self, path: Path) -> None:
        if self.controller.state is RunState.BEFORE_START:
            self.session_path = path

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
        if self.attendance_store is not None:
            self.attendance_store.close()
            self.attendance_store = None
        self.presenter.hide()
