"""`presenter invite` and `presenter handout`: the files that get people ready before the day
(a calendar event, a printable invitation, an email to paste), and the one-page handout.
Nothing is sent. The PDFs are drawn with Qt's PDF writer, offscreen, no window.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from presenter.commands.common import (
    UsageError,
    add_data_dir,
    add_session,
    friendly,
    open_store,
    print_warnings,
    read_session,
    resolve_run,
)

INVITE_DESCRIPTION = """\
Write the invitation to one run of SESSION, as three files side by side, ready to send
yourself (nothing is sent):
  NAME.ics   a calendar event: start, end, venue, organiser, and the session's
             readiness checklist ("Before you come: ...")
  NAME.pdf   a printable one-page invitation with the same checklist and a QR code
             that adds the event to a phone's calendar
  NAME.txt   the email to paste into Outlook: the subject line, then the message
With --reminder, the same for the day before ("Reminder: tomorrow")."""

HANDOUT_DESCRIPTION = (
    "Write a one-page handout of SESSION for the people who came: the points of each item, "
    "the guidance documents it rests on, where to find your trust's own policy, and the "
    "readiness checklist for next time. Without -o, it is written here as SESSION-handout.pdf."
)


def register(subparsers: argparse._SubParsersAction) -> None:
    invite = subparsers.add_parser(
        "invite",
        help="write a run's invitation: calendar file, printable PDF and email text",
        description=INVITE_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_session(invite)
    invite.add_argument(
        "--run",
        dest="run_ref",
        metavar="RUN",
        required=True,
        help="the run's number from `presenter runs list`, or latest",
    )
    invite.add_argument(
        "-o",
        "--output",
        metavar="NAME",
        help="the files' name, without .ics/.pdf/.txt (default: SESSION-DATE-invite, or "
        "SESSION-DATE-reminder, in the current folder)",
    )
    invite.add_argument("--reminder", action="store_true", help="the reminder for the day before")
    invite.add_argument("--no-qr", action="store_true", help="leave the QR code off the PDF")
    invite.add_argument(
        "--email", metavar="ADDRESS", help="the organiser's email address, for the calendar event"
    )
    add_data_dir(invite, help="folder of the attendance file (--run)")
    invite.set_defaults(run=run_invite)

    handout = subparsers.add_parser(
        "handout",
        help="write a one-page handout of a session (.pdf)",
        description=HANDOUT_DESCRIPTION,
    )
    add_session(handout)
    handout.add_argument(
        "-o", "--output", metavar="FILE.pdf", help="default: SESSION-handout.pdf here"
    )
    handout.add_argument(
        "--policy",
        metavar="TEXT",
        help='where your trust\'s own policy is, e.g. "Intranet > Policies > Social media"',
    )
    handout.set_defaults(run=run_handout)


INVITE_SUFFIXES = (".ics", ".pdf", ".txt")  # as presenter.attendance.invite, without its import


def invite_stem(output: str | None, session_path: Path, run, reminder: bool) -> Path:
    """Where the three files go, without their extension."""
    if output:
        path = Path(output)
        if path.suffix.lower() in INVITE_SUFFIXES:
            path = path.with_suffix("")
        if path.name in ("", ".", ".."):
            raise UsageError(f"{output}: give a file name for the invitation, such as invite")
        return path
    kind = "reminder" if reminder else "invite"
    return Path(f"{session_path.stem}-{run.date.isoformat()}-{kind}")


def _check_folder(path: Path) -> None:
    if not path.parent.is_dir():
        raise UsageError(f"{path}: the folder {path.parent} does not exist; nothing was written")


def _the_run(args: argparse.Namespace, session):
    with open_store(args.data_dir) as store:
        run = store.run(resolve_run(store, args.run_ref, option="--run"))
    if run.title != session.title:
        raise UsageError(
            f'run {run.id} is of "{run.title}", not "{session.title}"; give one of its runs '
            "(`presenter runs list`)"
        )
    return run


@friendly
def run_invite(args: argparse.Namespace) -> int:
    from datetime import UTC, datetime

    from presenter.attendance.invite import Invitation

    if args.email is not None and "@" not in args.email:
        raise UsageError(f'--email "{args.email}" is not an email address')
    session, path, warnings = read_session(args.session)
    print_warnings(warnings)
    run = _the_run(args, session)
    invitation = Invitation(run, session, reminder=args.reminder, email=args.email or "")
    stem = invite_stem(args.output, path, run, args.reminder)
    _check_folder(stem)
    from presenter.ui.attendance.invite_pdf import write_invitation_files

    now = datetime.now(UTC).replace(microsecond=0)
    try:
        written = write_invitation_files(stem, invitation, now, qr=not args.no_qr)
    except OSError as exc:
        raise UsageError(_why(exc)) from None
    what = "reminder" if args.reminder else "invitation"
    print(f"wrote the {what} to run {run.id} ({invitation.when_text()}):")
    for file in written:
        print(f"  {file}")
    print("nothing was sent: attach the .ics to your email, and print the .pdf")
    return 0


def _why(exc: OSError) -> str:
    from presenter.files import WriteError

    if isinstance(exc, WriteError):
        return str(exc)
    if exc.filename:
        return f"{exc.filename}: {exc.strerror or 'could not be written'}; nothing was written"
    return str(exc)


def run_handout(args: argparse.Namespace) -> int:
    session, path, warnings = read_session(args.session)
    print_warnings(warnings)
    output = Path(args.output) if args.output else Path(f"{path.stem}-handout.pdf")
    if output.suffix.lower() != ".pdf":
        raise UsageError(f"{output}: a handout is a PDF; end the file name in .pdf")
    _check_folder(output)
    from presenter.ui.attendance.handout_pdf import shown_items, write_handout

    if not shown_items(session):
        raise UsageError(f"{path}: no item has points to hand out; add some bullet points")
    try:
        write_handout(output, session, args.policy or "")
    except OSError as exc:
        raise UsageError(_why(exc)) from None
    print(f"wrote the handout of {session.title} to {output}")
    return 0
