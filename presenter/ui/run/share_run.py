"""Session ▸ Share this run with another laptop: the run's join code, after publishing it.

The second laptop joins with `presenter runs join CODE`; both then check people in to the
same run and publish. The code comes from the run's id, so it is shown even when the server
cannot be reached yet, saying that the other laptop can join once this one has published.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

TITLE = "Share this run with another laptop"
NOT_SET_UP = (
    "Sharing a run needs the team's shared record. Set it up once on this laptop with "
    "presenter shared setup service=NAME (the README says how), then open Presenter again."
)


class JoinCodeDialog:
    """Says the run's code and what to type on the other laptop; the text can be copied."""

    @classmethod
    def show_code(cls, parent: QWidget | None, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, title, text, parent=parent)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.exec()


def code_text(code: str, why_not: str | None) -> str:
    """What the dialog says: the code, the command, and, if the run is not published yet,
    why not ("server not reachable")."""
    lines = [
        f"This run's code: {code}",
        "",
        "On the other laptop, type:",
        f"    presenter runs join {code}",
        "",
        "Both laptops then check people in to this run; someone checked in on both "
        "counts once in the shared record.",
    ]
    if why_not is not None:
        lines += [
            "",
            f"The run is not on the shared record yet ({why_not}). The code works once this "
            "laptop has published it; it tries again every minute.",
        ]
    return "\n".join(lines)


def current_run_id(windows) -> int | None:
    """The run check-ins go to: the panel's, or the one the run clock is recorded in."""
    panel = windows.presenter.check_in_panel
    if panel is not None:
        return panel.run_id
    return getattr(windows.recorder, "run_id", None)


def share_run(windows) -> None:
    """Publish the run, then show its code (or say why it cannot be shared)."""
    publisher = windows.shared_publisher
    if publisher is None:
        JoinCodeDialog.show_code(windows.presenter, TITLE, NOT_SET_UP)
        return
    store = windows.attendance_store or getattr(windows.recorder, "store", None)
    run_id = current_run_id(windows)
    if store is None or run_id is None:
        windows.status(
            "There is no run to share yet: it opens with check-in, or when the session starts"
        )
        return
    from presenter.attendance.publish import join_code
    from presenter.ui.run.shared_publisher import why_not

    (uid,) = store.query("SELECT uid FROM runs WHERE id = ?", (run_id,)).fetchone()
    code = join_code(uid)
    windows.status("Publishing the run to the shared record…")

    def show(outcome) -> None:
        if not windows.presenter.isVisible():  # closed meanwhile: the store is closed too
            return
        windows.presenter.statusBar().clearMessage()
        # Published now or earlier: the run's own entry has left the outbox.
        waiting = store.query(
            "SELECT 1 FROM outbox WHERE entity = 'runs' AND uid = ?", (uid,)
        ).fetchone()
        why = why_not(outcome.problem or "") if waiting else None
        JoinCodeDialog.show_code(windows.presenter, TITLE, code_text(code, why))

    publisher.then(show)
