"""Long work (PowerPoint export and import) on a worker thread, with a progress dialog.

The work function gets a `progress(done, total, what="")` callable; it must not touch any widget.
Results come back to the GUI thread through queued signals.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget
from shiboken6 import isValid

# Jobs under way, kept referenced until their result has been delivered.
_RUNNING: set[BackgroundJob] = set()


class JobSignals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(str)


class BackgroundJob(QRunnable):
    """Runs `work(progress)` on the thread pool; emits `finished(result)` or `failed(message)`."""

    def __init__(self, work: Callable[[Callable[..., None]], Any]) -> None:
        super().__init__()
        self.work = work
        self.signals = JobSignals()
        self.setAutoDelete(False)  # the signals object must outlive run() until delivered

    def run(self) -> None:
        try:
            result = self.work(self._progress)
        except Exception as exc:  # the message goes to a dialog, never a traceback
            self.signals.failed.emit(str(exc) or type(exc).__name__)
        else:
            self.signals.finished.emit(result)

    def _progress(self, done: int, total: int, what: str = "") -> None:
        self.signals.progress.emit(int(done), int(total), str(what))


def run_in_background(
    parent: QWidget,
    label: str,
    work: Callable[[Callable[..., None]], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[str], None],
) -> BackgroundJob:
    """Start `work` off the GUI thread with a progress dialog that closes when it ends."""
    dialog = QProgressDialog(label, "", 0, 0, parent)
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    job = BackgroundJob(work)

    def progress(done: int, total: int, what: str) -> None:
        if not isValid(dialog):
            return
        if what:
            dialog.setLabelText(f"{label}\n{what}")
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, max(total, 1)))

    def finished(result: Any) -> None:
        _RUNNING.discard(job)
        if isValid(parent):  # the window may have closed while the work ran
            dialog.close()
            on_done(result)

    def failed(message: str) -> None:
        _RUNNING.discard(job)
        if isValid(parent):
            dialog.close()
            on_error(message)

    job.signals.progress.connect(progress, Qt.ConnectionType.QueuedConnection)
    job.signals.finished.connect(finished, Qt.ConnectionType.QueuedConnection)
    job.signals.failed.connect(failed, Qt.ConnectionType.QueuedConnection)
    _RUNNING.add(job)
    QThreadPool.globalInstance().start(job)
    return job
