"""Publishing to the shared record from the app, in the background and never in the way.

When the data folder has a `shared.ini` (`presenter shared setup`), the app publishes the
attendance file's outbox (`attendance.publish.push`) after each change it makes (a check-in,
a readiness tick, the run clock's saves, feedback in the wrap-up) and once a minute. Each
publish runs on a worker thread of its own with its own connection to the attendance file,
so the window and the clock never wait for the server. A server that cannot be reached is
said quietly in the status bar ("Shared record: 12 changes waiting, server not reachable")
and tried again a minute later; no dialog opens during a run.

Without `shared.ini` nothing here runs: no thread, no psycopg, no network.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThreadPool, QTimer
from PySide6.QtWidgets import QLabel
from shiboken6 import isValid

from presenter.attendance.paths import data_dir, store_path
from presenter.ui.shared.background import BackgroundJob

RETRY_MS = 60_000  # the next try after a failure, and the regular publish
# Closing waits this long for a publish under way (the connection gives up after 5 seconds).
CLOSE_WAIT_MS = 7_000


@dataclass(frozen=True)
class Outcome:
    """What one publish did: rows still waiting (None: not known, the file did not open),
    and why they did not go (None: all went)."""

    waiting: int | None
    problem: str | None = None


def publish_once(folder: Path) -> Outcome:
    """Publish the outbox of the attendance file in `folder`; on the worker thread.

    The file is opened here, for this thread (SQLite's connection stays on the thread that
    made it), without the window lock, which belongs to the window's own connection."""
    from presenter.attendance.publish import pending, push
    from presenter.attendance.shared import SharedRecordError, load_settings
    from presenter.attendance.store import AttendanceStore

    with AttendanceStore(store_path(folder), hold_window_lock=False) as store:
        try:
            push(store, load_settings(folder))
        except SharedRecordError as exc:
            return Outcome(sum(pending(store).values()), str(exc))
        return Outcome(sum(pending(store).values()))


def status_text(outcome: Outcome) -> str:
    """The status line: 'Shared record: up to date', or what is waiting and why."""
    if outcome.problem is None and outcome.waiting == 0:
        return "Shared record: up to date"
    if outcome.waiting is None:
        return "Shared record: not published"
    waiting = f"{outcome.waiting} change{'' if outcome.waiting == 1 else 's'} waiting"
    if outcome.problem is None:
        return f"Shared record: {waiting}"
    return f"Shared record: {waiting}, {why_not(outcome.problem)}"


def why_not(problem: str) -> str:
    """A publish's failure in two words; the whole message goes in the status line's tip."""
    reachable = ("the server cannot be reached", "publishing stopped")
    return "server not reachable" if problem.startswith(reachable) else "not published"


class SharedPublisher(QObject):
    """Publishes in the background: one publish at a time, again after each change."""

    def __init__(
        self, folder: Path, status_line: QLabel, parent: QObject | None = None, *, work=None
    ) -> None:
        super().__init__(parent)
        self.folder = folder
        self.status_line = status_line
        self._work: Callable[[Path], Outcome] = work or publish_once
        self.pool = QThreadPool(self)  # its own thread: an export never waits for a publish
        self.pool.setObjectName("SharedRecordPublisher")
        self.pool.setMaxThreadCount(1)
        self.timer = QTimer(self, interval=RETRY_MS)  # once a minute, and retries
        self.timer.timeout.connect(self.publish_soon)
        self.last: Outcome | None = None
        self._job: BackgroundJob | None = None
        self._again = False
        self._callbacks: list[Callable[[Outcome], None]] = []  # for the next publish
        self._closed = False

    @property
    def busy(self) -> bool:
        return self._job is not None

    def start(self) -> None:
        """The first publish once the window has opened the attendance file (see `attach`)."""
        self.timer.start()
        first = QTimer(self, singleShot=True, interval=0)
        first.timeout.connect(self.publish_soon)
        first.start()

    def publish_soon(self, *_signal_args) -> None:
        """Publish now, or right after the publish under way (which may have missed a change)."""
        if self._closed:
            return
        if self._job is not None:
            self._again = True
            return
        callbacks, self._callbacks = self._callbacks, []
        folder, work = self.folder, self._work
        job = BackgroundJob(lambda _progress: work(folder))
        job.signals.finished.connect(
            lambda outcome: self._done(job, outcome, callbacks), Qt.ConnectionType.QueuedConnection
        )
        job.signals.failed.connect(  # the file could not be opened, the settings read, ...
            lambda message: self._done(job, Outcome(None, message), callbacks),
            Qt.ConnectionType.QueuedConnection,
        )
        self._job = job
        if self.last is None:
            self.status_line.setText("Shared record: publishing…")
        self.pool.start(job)

    def then(self, callback: Callable[[Outcome], None]) -> None:
        """Publish, and call `callback(outcome)` once a publish that began after now is over."""
        if self._job is not None:
            self._again = True
            self._callbacks.append(callback)
        else:
            self._callbacks.append(callback)
            self.publish_soon()

    def _done(self, job: BackgroundJob, outcome: Outcome, callbacks) -> None:
        if job is not self._job or not isValid(self):
            return
        self._job = None
        self.last = outcome
        if isValid(self.status_line):
            self.status_line.setText(status_text(outcome))
            self.status_line.setToolTip(outcome.problem or "")
        for callback in callbacks:
            callback(outcome)
        if self._closed:
            return
        self.timer.start()  # a minute from the last try
        if self._again:
            self._again = False
            self.publish_soon()

    def watch_recorder(self, recorder) -> None:
        """The run clock's saves, and feedback given in the wrap-up, are published too."""
        recorder.saved.connect(self.publish_soon)
        recorder.finished.connect(lambda _run: self._watch_wrap_up(recorder))

    def _watch_wrap_up(self, recorder) -> None:
        view = recorder.wrap_up  # opened by the run's end, just before this
        if view is not None:
            view.finished.connect(self.publish_soon)

    def stop(self) -> None:
        """At closing: no new publish; one under way is let finish, for a few seconds."""
        self._closed = True
        self.timer.stop()
        self.pool.waitForDone(CLOSE_WAIT_MS)


def attach_publisher(windows) -> SharedPublisher:
    """A publisher for the run windows, whose data folder has the shared record set up (they
    check, and load this module only then)."""
    folder = data_dir(windows.data_dir)
    line = QLabel(objectName="SharedRecordStatus")
    line.setAccessibleName("Shared record")
    windows.presenter.statusBar().addPermanentWidget(line)
    publisher = SharedPublisher(folder, line, parent=windows)
    publisher.start()
    return publisher
