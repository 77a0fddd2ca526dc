"""Open the app: parse the window options, read the session, show both windows, run the loop."""

from __future__ import annotations

import argparse
import gc
import linecache
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from presenter.agenda.bundled import bundled_session_path
from presenter.agenda.cache import load_session_cached
from presenter.agenda.model import Session
from presenter.agenda.problems import SessionFileError
from presenter.agenda.timetable import MAX_MINUTES
from presenter.ui.shared.resources import set_app_icon
from presenter.ui.shared.theme import FUSION_ARGUMENTS, FUSION_MARK

if TYPE_CHECKING:  # the windows are imported once the session has been read
    from presenter.ui.run.resume import RunRecorder
    from presenter.ui.run.run_windows import RunWindows
    from presenter.ui.shared.settings import Settings

READY_TIMEOUT_MS = 30_000
# The window and the worker threads (PowerPoint export and import) share Python's interpreter
# lock. A worker holds it for up to this long before the window gets it back to repaint the
# clock: 1 ms instead of Python's default 5 ms keeps the seconds on time during an export.
SWITCH_INTERVAL_SECONDS = 0.001


def share_the_interpreter_with_the_window() -> None:
    sys.setswitchinterval(SWITCH_INTERVAL_SECONDS)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="presenter",
        description="Open the presenter and audience windows on a session.",
    )
    parser.add_argument(
        "session", nargs="?", help="a session file (.md); the bundled Twitter hour if left out"
    )
    parser.add_argument(
        "--data-dir",
        metavar="FOLDER",
        help="where attendance and settings are kept (default: your user data folder)",
    )
    parser.add_argument(
        "--one-screen",
        action="store_true",
        help="both windows side by side on one screen, for sharing a screen in a video call",
    )
    parser.add_argument(
        "--quit-when-ready",
        action="store_true",
        help="open the windows, wait for them to be drawn, and exit 0 (a smoke test)",
    )
    parser.add_argument(
        "--no-check-in", action="store_true", help="leave the check-in panel out of the window"
    )
    parser.add_argument(
        "--length",
        type=int,
        metavar="MINUTES",
        help="run the session fitted into a shorter slot: optional items dropped first, "
        "flexible ones squeezed (see `presenter validate SESSION --length`)",
    )
    parser.add_argument("--venue", help='where this run is, such as "Ward 12"')
    parser.add_argument(
        "--rehearse",
        action="store_true",
        help="practise the session timed from when you start it; kept as a rehearsal, not a run",
    )
    return parser


def read_session(path: Path, cache_dir: Path) -> tuple[Session | None, list[str]]:
    """The session, or None and the format's own messages (`FILE:LINE: error: ...`).

    A file opened before, unchanged, is read back from `cache_dir` (see `agenda.cache`)."""
    try:
        session, _warnings = load_session_cached(path, cache_dir)
    except SessionFileError as exc:
        return None, [str(p) for p in exc.problems]
    except OSError as exc:
        return None, [f"{path}: {exc.strerror or exc}; check the file name and try again"]
    if not session.items:
        return None, [f"{path}:1: error: the session has no agenda items; add a '## Title [5 min]'"]
    return session, []


class FirstPaint(QObject):
    """Calls `done` once every watched window has been painted at least once."""

    def __init__(self, windows: list[QWidget], done) -> None:
        super().__init__()
        self._waiting = set(windows)
        self._done = done
        for window in windows:
            window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and watched in self._waiting:
            self._waiting.discard(watched)
            watched.removeEventFilter(self)
            if not self._waiting:
                QTimer.singleShot(0, self._done)
        return False


def _cannot_start(
    args: argparse.Namespace, title: str, problems: list[str], theme: str = "dark"
) -> int:
    """Says what is wrong on standard error and, unless smoke-testing, in a dialog; exit 2."""
    for line in problems:
        print(line, file=sys.stderr)
    if not args.quit_when_ready:
        from presenter.ui.shared.dialogs import ProblemsDialog
        from presenter.ui.shared.theme import apply_theme

        apply_theme(theme)

        ProblemsDialog.show_problems(None, title, problems)
    return 2


def run_app(argv: list[str]) -> int:
    args = build_parser().parse_args(argv)
    share_the_interpreter_with_the_window()
    app = QApplication.instance()
    if app is None:
        app = QApplication([sys.argv[0], *FUSION_ARGUMENTS])
        app.setProperty(FUSION_MARK, True)
    app.setApplicationName("Presenter")
    app.setApplicationDisplayName("Presenter")
    set_app_icon(app)

    from presenter.attendance.paths import cache_dir, data_dir, settings_path
    from presenter.files import private_folder

    folder = data_dir(args.data_dir)
    try:
        private_folder(folder)
    except OSError as exc:
        problem = (
            f"{folder}: the data folder cannot be made ({exc.strerror or exc}); "
            "give another with --data-dir"
        )
        return _cannot_start(args, "Presenter cannot start", [problem])

    path = Path(args.session) if args.session else bundled_session_path()
    session, problems = read_session(path, cache_dir(folder))
    from presenter.ui.shared.settings import Settings

    settings = Settings(settings_path(folder))
    if session is None:
        return _cannot_start(args, "This session file cannot be opened", problems, settings.theme)
    if args.venue is not None:
        session = replace(session, venue=" ".join(args.venue.split()))
    fit, problems = _fitted(args, session, path)
    if problems:
        return _cannot_start(args, "This session does not fit", problems, settings.theme)
    windows, recorder = _open_windows(args, fit.session if fit else session, path, settings, folder)
    if fit is not None:
        windows.use_fit(session, fit)  # the run remembers the length it was fitted from
    return _run(app, args, windows, recorder)


def _fitted(args: argparse.Namespace, session: Session, path: Path):
    """`--length`: the session fitted into that slot (None without it), or why it cannot."""
    if args.length is None:
        return None, []
    from presenter.timing.fit import fit_session

    if not 1 <= args.length <= MAX_MINUTES:
        return None, [f"--length {args.length}: give whole minutes from 1 to {MAX_MINUTES}"]
    fit = fit_session(session, args.length)
    return (fit, []) if fit.fits else (None, [f"{path}: {fit.error()}"])


def _open_windows(
    args: argparse.Namespace, session: Session, path: Path, settings: Settings, folder: Path
) -> tuple[RunWindows, RunRecorder]:
    """The run windows over the system's clocks, their run recorded in the attendance file."""
    from presenter.timing import system_clocks
    from presenter.ui.run.run_windows import RunWindows

    # PySide6 read the source of a few modules into the line cache while it loaded, before
    # its table was filled in (see `presenter.ui`): that memory goes back for the windows.
    linecache.clearcache()

    # The monotonic clock keeps counting while the laptop sleeps, so a shut lid does not
    # freeze the countdown; the wall clock gives the time of day and the slot end.
    monotonic, wall = system_clocks()
    windows = RunWindows(
        session,
        settings=settings,
        monotonic=monotonic,
        wall=wall,
        session_path=path if args.session else None,
        data_dir=folder,
        one_screen=args.one_screen,
        check_in=not args.no_check_in,
        rehearse=args.rehearse,
    )
    from presenter.ui.run.resume import attach_recorder

    recorder = attach_recorder(windows, monotonic=monotonic)
    return windows, recorder


def _run(
    app: QApplication, args: argparse.Namespace, windows: RunWindows, recorder: RunRecorder
) -> int:
    """Show the windows and run until they close: the exit code."""
    result = {"code": 0}
    if not args.quit_when_ready:
        # A run cut short (laptop died, app killed) is offered back once the windows are up;
        # not to someone who asked to rehearse.
        if not args.rehearse:
            QTimer.singleShot(0, lambda: recorder.offer_resume(windows.presenter))
    else:
        watcher = FirstPaint([windows.presenter, windows.audience], app.quit)

        def too_slow() -> None:
            print("presenter: the windows were not drawn within 30 s", file=sys.stderr)
            result["code"] = 1
            app.quit()

        QTimer.singleShot(READY_TIMEOUT_MS, too_slow)
    windows.show()
    if not gc.isenabled():  # paused for the start (see `cli._open_app`)
        gc.freeze()  # the windows and everything loaded for them live as long as the app
        gc.enable()
    code = app.exec()
    windows.close_all()
    if args.quit_when_ready:
        del watcher
    return result["code"] or code
