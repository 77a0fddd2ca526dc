"""Session › Invite… and Session › Handout…: the invitation to one run of the session (a
calendar file, the printable page and the email text, side by side) and the one-page handout,
written from the window as the command line writes them. Nothing is sent."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from presenter.agenda.model import Session
from presenter.attendance.invite import Invitation
from presenter.attendance.model import Run
from presenter.ui.shared.dialogs import ProblemsDialog
from presenter.ui.shared.file_dialogs import ExportedNotice, FileDialogs

PDF_FILTER = "PDF files (*.pdf)"
NO_RUN = (
    "There is no run of this session to invite people to yet. Start one for the day with "
    '`presenter runs new SESSION --venue "..." --date YYYY-MM-DD`, then choose Invite… again.'
)


@dataclass(frozen=True)
class InviteChoice:
    """What the facilitator chose in the invite dialog."""

    run_id: int
    reminder: bool = False
    qr: bool = True


def run_label(run: Run) -> str:
    """'Tuesday 8 December 2026, 12:00 · Ward 12 (run 3)'."""
    where = f" · {run.venue}" if run.venue else ""
    return f"{run.date:%A} {run.date.day} {run.date:%B %Y}, {run.start:%H:%M}{where} (run {run.id})"


class InviteDialog(QDialog):
    """Pick the run (the next one first), the reminder or the invitation, and the QR code."""

    def __init__(self, runs: list[Run], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Invite people to a run")
        self.runs = runs
        self.list = QListWidget()
        self.list.setAccessibleName("Runs of this session")
        self.list.addItems([run_label(run) for run in runs])
        self.list.setCurrentRow(0)
        self.list.itemActivated.connect(self.accept)
        self.reminder = QCheckBox("The &reminder for the day before")
        self.qr = QCheckBox("A &QR code that adds it to a phone's calendar")
        self.qr.setChecked(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Write an invitation (calendar file, printable page, email) for:"))
        layout.addWidget(self.list)
        layout.addWidget(self.reminder)
        layout.addWidget(self.qr)
        layout.addWidget(QLabel("Nothing is sent: you attach, paste and print them yourself."))
        layout.addWidget(buttons)

    def choice(self) -> InviteChoice | None:
        row = self.list.currentRow()
        if row < 0:
            return None
        return InviteChoice(self.runs[row].id, self.reminder.isChecked(), self.qr.isChecked())

    @classmethod
    def ask(cls, parent: QWidget | None, runs: list[Run]) -> InviteChoice | None:
        dialog = cls(runs, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.choice()


def runs_to_invite(runs: list[Run], session: Session, today) -> list[Run]:
    """This session's runs that still hold people, the soonest from today first, then past."""
    own = [run for run in runs if run.title == session.title and not run.purged]
    coming = sorted((r for r in own if r.date >= today), key=lambda r: (r.date, r.start, r.id))
    past = sorted((r for r in own if r.date < today), key=lambda r: r.date, reverse=True)
    return coming + past


def invite(parent: QWidget, session: Session, runs: list[Run], today) -> list[Path] | None:
    """Ask which run, then where; write the three files and say where they are."""
    from presenter.ui.attendance.invite_pdf import write_invitation_files

    runs = runs_to_invite(runs, session, today)
    if not runs:
        ProblemsDialog.show_problems(parent, "No run to invite to", [NO_RUN])
        return None
    choice = InviteDialog.ask(parent, runs)
    if choice is None:
        return None
    run = next(r for r in runs if r.id == choice.run_id)
    kind = "reminder" if choice.reminder else "invite"
    suggested = f"{session.title}-{run.date.isoformat()}-{kind}.pdf"
    path = FileDialogs.save_file(parent, "Save the invitation", suggested, PDF_FILTER, ".pdf")
    if path is None:
        return None
    invitation = Invitation(run, session, reminder=choice.reminder)
    now = datetime.now(UTC).replace(microsecond=0)
    try:
        written = write_invitation_files(path.with_suffix(""), invitation, now, qr=choice.qr)
    except OSError as exc:
        ProblemsDialog.show_problems(parent, "The invitation was not saved", [str(exc)])
        return None
    ExportedNotice.show_for(
        parent, "The invitation (.pdf, .ics calendar file and email .txt)", path
    )
    return written


def handout(parent: QWidget, session: Session) -> Path | None:
    """Ask where, then write the one-page handout and say where it is."""
    from presenter.ui.attendance.handout_pdf import shown_items, write_handout

    if not shown_items(session):
        ProblemsDialog.show_problems(
            parent, "Nothing to hand out", ["No item of this session has points to hand out."]
        )
        return None
    suggested = f"{session.title}-handout.pdf"
    path = FileDialogs.save_file(parent, "Save the handout", suggested, PDF_FILTER, ".pdf")
    if path is None:
        return None
    try:
        write_handout(path, session)
    except OSError as exc:
        ProblemsDialog.show_problems(parent, "The handout was not saved", [str(exc)])
        return None
    ExportedNotice.show_for(parent, "The handout", path)
    return path
