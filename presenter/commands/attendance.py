"""Attendance on the command line: `runs`, `checkin`, `roster` and `attendance` commands.

Nothing here imports Qt, except `attendance export` to a .pdf, which draws the register or
the certificates with Qt's PDF writer (offscreen, no window).
"""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from presenter.cli import UsageError

DATA_DIR_HELP = (
    "folder holding attendance.sqlite3 (default: $PRESENTER_DATA_DIR, else the user's data "
    "folder, e.g. ~/.local/share/presenter)"
)


RUN_HELP = "the run's number from `presenter runs list`, or latest"


def _common() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", metavar="DIR", help=DATA_DIR_HELP)
    return common


COMMANDS = ("runs", "checkin", "roster", "attendance")


def register(subparsers: argparse._SubParsersAction) -> None:
    common = _common()
    formatter = argparse.RawDescriptionHelpFormatter

    runs = subparsers.add_parser(
        "runs",
        help="create, list, rename, delete and purge runs (deliveries of a session)",
        description="A run is one delivery of a session: its date, venue, facilitators and "
        "attendees. RUN is a run's number from `presenter runs list`, or `latest`.",
    )
    runs_sub = runs.add_subparsers(title="run commands", metavar="ACTION", required=True)

    new = runs_sub.add_parser(
        "new",
        parents=[common],
        help="start a run of a session",
        description="Start a run of SESSION (a session file, or a bundled session such as "
        "twitter-hour), keeping a copy of its agenda. Prints the run's number.",
    )
    new.add_argument("session", metavar="SESSION", help="session file (.md) or bundled name")
    new.add_argument("--venue", required=True, help='where, e.g. "Ward 12 seminar room"')
    new.add_argument("--date", help="YYYY-MM-DD, today or tomorrow (default: today)")
    new.add_argument(
        "--facilitator",
        action="append",
        metavar="NAME",
        help="who runs it (repeat for each; default: the session's facilitators)",
    )
    new.set_defaults(run=run_new)

    listing = runs_sub.add_parser(
        "list", parents=[common], help="list runs, newest first", description="List runs."
    )
    listing.add_argument(
        "--older-than",
        type=int,
        metavar="DAYS",
        help="only runs held more than DAYS days ago "
        "that still hold personal data (see `runs purge`)",
    )
    listing.set_defaults(run=run_list)

    rename = runs_sub.add_parser("rename", parents=[common], help="change a run's title")
    rename.add_argument("run_ref", metavar="RUN", help=RUN_HELP)
    rename.add_argument("title", metavar="TITLE")
    rename.set_defaults(run=run_rename)

    delete = runs_sub.add_parser(
        "delete",
        parents=[common],
        help="delete a run and its attendees",
        description="Delete a run and everyone on it; nothing is kept.",
    )
    delete.add_argument("run_ref", metavar="RUN", help=RUN_HELP)
    delete.add_argument("--yes", action="store_true", help="do it without asking")
    delete.set_defaults(run=run_delete)

    purge = runs_sub.add_parser(
        "purge",
        parents=[common],
        help="delete a run's personal data, keeping anonymous counts",
        description="Delete the names and details of everyone on a run, keeping the run and "
        "its anonymous counts (checked in, readiness, late). Give RUN, or --older-than DAYS "
        "to purge every run held more than DAYS days ago.",
    )
    purge.add_argument("run_ref", metavar="RUN", nargs="?", help=RUN_HELP)
    purge.add_argument("--older-than", type=int, metavar="DAYS")
    purge.set_defaults(run=run_purge)

    checkin = subparsers.add_parser(
        "checkin",
        parents=[common],
        help="check a person in to a run",
        formatter_class=formatter,
        description="Check NAME in to RUN, durably: when this prints, it is on disk.\n"
        "A pre-registered person with that name or email is checked in; someone already\n"
        "checked in under that name or email is refused unless --merge or --add-anyway.",
        epilog='example:\n  presenter checkin 3 "Sam Patel" --role Nurse --ready "App installed"',
    )
    checkin.add_argument("run_ref", metavar="RUN", help=RUN_HELP)
    checkin.add_argument("name", metavar="NAME")
    checkin.add_argument("--role", default="")
    checkin.add_argument("--department", default="", help="department or ward")
    checkin.add_argument("--email", default="")
    checkin.add_argument("--staff-number", default="")
    checkin.add_argument("--handle", default="", help="social handle, e.g. @name")
    checkin.add_argument("--consent", action="store_true", help="agrees to follow-up contact")
    checkin.add_argument("--note", default="")
    checkin.add_argument(
        "--ready",
        default="",
        metavar="CHECKS",
        help='readiness checks ticked, comma separated, e.g. "App installed,Username ready"',
    )
    same = checkin.add_mutually_exclusive_group()
    same.add_argument("--merge", action="store_true", help="update the existing person")
    same.add_argument(
        "--add-anyway", action="store_true", help="a different person with the same name"
    )
    checkin.set_defaults(run=run_checkin)

    roster = subparsers.add_parser(
        "roster",
        help="import pre-registered people",
        description="Pre-registered people, checked in later by search.",
    )
    roster_sub = roster.add_subparsers(title="roster commands", metavar="ACTION", required=True)
    import_ = roster_sub.add_parser(
        "import",
        parents=[common],
        help="import a CSV or XLSX list of people",
        formatter_class=formatter,
        description="Import people from FILE (.csv or .xlsx): a sheet with a name (or first and\n"
        "last name) column and any of email, role, department or ward, staff number, social\n"
        "handle, consent, notes; an Eventbrite attendee export; or Microsoft Forms / Google\n"
        "Forms responses. Columns are guessed from the header row and shown; confirm them\n"
        "(or pass --yes). CSV may be UTF-8 (with or without BOM), UTF-16 or Windows-1252.\n"
        "A form's questions about the app or a username feed the readiness checks; an\n"
        "answer other than yes (No, Not sure) leaves the check unticked. A file with any\n"
        "bad row imports nothing, and each bad row is listed by its row number.",
        epilog="examples:\n"
        '  presenter roster import 3 signups.xlsx --column name="Full name"\n'
        '  presenter roster import 3 responses.csv --column "App installed=Do you have the app?"',
    )
    import_.add_argument("run_ref", metavar="RUN", help=RUN_HELP)
    import_.add_argument("file", metavar="FILE")
    import_.add_argument(
        "--column",
        action="append",
        default=[],
        metavar="FIELD=HEADER",
        help="use the column headed HEADER (or column letter) for FIELD, a detail such as name "
        'or email, or a readiness check by its label ("App installed"); FIELD= ignores one',
    )
    import_.add_argument("--yes", action="store_true", help="import without asking")
    import_.add_argument("--dry-run", action="store_true", help="show the columns, import nothing")
    import_.set_defaults(run=run_roster_import)

    attendance = subparsers.add_parser(
        "attendance", help="export or summarise a run's attendance", description="Who came."
    )
    attendance_sub = attendance.add_subparsers(
        title="attendance commands", metavar="ACTION", required=True
    )
    export = attendance_sub.add_parser(
        "export",
        parents=[common],
        help="write who came to a .csv, .xlsx or .pdf file",
        formatter_class=formatter,
        description="Write the people checked in to RUN. The format follows the extension of -o:\n"
        "  .csv   UTF-8 with BOM, for Excel; cells that would run as formulas stay text\n"
        "  .xlsx  one sheet, every cell text\n"
        "  .pdf   a printable register, or with --certificates one certificate of\n"
        "         attendance per person (CPD evidence); drawn with Qt, offscreen\n"
        "Only the columns chosen are written: email, staff number and handle only when asked.",
        epilog="columns: name, role, department, email, staff_number, handle, consent, "
        "checked_in, late, note,\n  readiness (every check) or a check's name\n"
        "default: name,role,department,checked_in,late,readiness",
    )
    export.add_argument("run_ref", metavar="RUN", help=RUN_HELP)
    export.add_argument("-o", "--output", required=True, metavar="FILE")
    export.add_argument("--columns", metavar="LIST", help="comma-separated columns to include")
    export.add_argument(
        "--certificates", action="store_true", help="PDF certificates instead of the register"
    )
    export.set_defaults(run=run_export)

    summary = attendance_sub.add_parser(
        "summary", parents=[common], help="print the count and readiness of a run"
    )
    summary.add_argument("run_ref", metavar="RUN", help=RUN_HELP)
    summary.set_defaults(run=run_summary)


# -- helpers ---------------------------------------------------------------------------


def _friendly(command: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """Anything the attendance layer refuses becomes one line and exit status 2."""

    @functools.wraps(command)
    def run(args: argparse.Namespace) -> int:
        from presenter.attendance import AttendanceError

        try:
            return command(args)
        except AttendanceError as exc:
            raise UsageError(f"{exc}; nothing was saved") from None

    return run


def _open(args: argparse.Namespace):
    import sqlite3

    from presenter.attendance import AttendanceError, cannot_open_message, open_store

    try:
        return open_store(args.data_dir, hold_window_lock=False)
    except (AttendanceError, OSError, sqlite3.DatabaseError) as exc:
        raise UsageError(cannot_open_message(exc)) from None


def _run_id(store, ref: str) -> int:
    from presenter.attendance import UnknownRun

    if ref.strip().lower() in ("latest", "last"):
        runs = store.runs()
        if not runs:
            raise UsageError("there are no runs yet; start one with `presenter runs new`")
        return max(r.id for r in runs)
    try:
        run_id = int(ref)
    except ValueError:
        raise UsageError(f'"{ref}" is not a run number; `presenter runs list` shows them') from None
    try:
        store.run(run_id)
    except UnknownRun as exc:
        raise UsageError(str(exc)) from None
    return run_id


def people(count: int) -> str:
    """'1 person', '2 people'."""
    return f"{count} {'person' if count == 1 else 'people'}"


def _parse_date(text: str | None) -> date:
    today = date.today()
    if not text or text.lower() == "today":
        return today
    if text.lower() == "tomorrow":
        return today + timedelta(days=1)
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(f'--date "{text}" is not a date; write it as YYYY-MM-DD') from None


def _describe(run) -> str:
    state = f"{run.checked_in} checked in" + (" (names purged)" if run.purged else "")
    where = f" · {run.venue}" if run.venue else ""
    return f"{run.id:>4}  {run.date.isoformat()}  {run.title}{where} · {state}"


# -- commands --------------------------------------------------------------------------


@_friendly
def run_new(args: argparse.Namespace) -> int:
    from presenter.agenda import bundled_session_path, load_session
    from presenter.agenda.problems import SessionFileError

    path = Path(args.session)
    if not path.exists():
        try:
            path = bundled_session_path(args.session)
        except FileNotFoundError:
            raise UsageError(
                f"{args.session}: no such session file or bundled session; give a .md file"
            ) from None
    try:
        session, _warnings = load_session(path)
    except SessionFileError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return 2
    on = _parse_date(args.date)
    with _open(args) as store:
        run = store.create_run_from_session(
            session, on=on, venue=args.venue, facilitators=args.facilitator
        )
        print(f"run {run.id}: {session.title} · {on.isoformat()} · {run.venue}")
    return 0


@_friendly
def run_list(args: argparse.Namespace) -> int:
    with _open(args) as store:
        if args.older_than is not None:
            if args.older_than < 0:
                raise UsageError("--older-than needs a number of days, 0 or more")
            runs = store.runs_older_than(args.older_than)
        else:
            runs = store.runs()
        if not runs:
            print("no runs" if args.older_than is None else "no runs to purge")
        for run in runs:
            print(_describe(run))
    return 0


@_friendly
def run_rename(args: argparse.Namespace) -> int:
    from presenter.attendance import AttendanceError

    with _open(args) as store:
        run_id = _run_id(store, args.run_ref)
        try:
            run = store.rename_run(run_id, args.title)
        except AttendanceError as exc:
            raise UsageError(str(exc)) from None
        print(_describe(run))
    return 0


def _confirm(question: str) -> bool:
    if not sys.stdin.isatty():
        return False
    return input(f"{question} [y/N] ").strip().lower() in ("y", "yes")


@_friendly
def run_delete(args: argparse.Namespace) -> int:
    with _open(args) as store:
        run_id = _run_id(store, args.run_ref)
        if not args.yes and not _confirm(f"Delete run {run_id} and everyone on it?"):
            raise UsageError(f"run {run_id} not deleted; add --yes to delete it")
        store.delete_run(run_id)
        print(f"run {run_id} deleted")
    return 0


@_friendly
def run_purge(args: argparse.Namespace) -> int:
    if (args.run_ref is None) == (args.older_than is None):
        raise UsageError("give RUN or --older-than DAYS (one of them)")
    with _open(args) as store:
        if args.run_ref is not None:
            targets = [_run_id(store, args.run_ref)]
        else:
            if args.older_than < 0:
                raise UsageError("--older-than needs a number of days, 0 or more")
            targets = [r.id for r in store.runs_older_than(args.older_than)]
        for run_id in targets:
            summary = store.purge_run(run_id)
            print(f"run {run_id} purged; kept the counts: {summary.text()}")
        if not targets:
            print("no runs to purge")
    return 0


@_friendly
def run_checkin(args: argparse.Namespace) -> int:
    from presenter.attendance import AttendeeDetails, DuplicateAttendee, InvalidDetails

    with _open(args) as store:
        run_id = _run_id(store, args.run_ref)
        run = store.run(run_id)
        checks = {c.casefold(): c for c in run.readiness}
        ready = set()
        for item in (r.strip() for r in args.ready.split(",")):
            if not item:
                continue
            if item.casefold() not in checks:
                raise UsageError(
                    f'--ready "{item}" is not one of this run\'s checks: '
                    + ", ".join(f'"{c}"' for c in run.readiness)
                )
            ready.add(checks[item.casefold()])
        details = AttendeeDetails(
            name=args.name,
            role=args.role,
            department=args.department,
            email=args.email,
            staff_number=args.staff_number,
            handle=args.handle,
            consent=args.consent,
            note=args.note,
            ready=frozenset(ready),
        )
        mode = "merge" if args.merge else "add" if args.add_anyway else "ask"
        try:
            done = store.check_in(run_id, details, on_duplicate=mode)
        except DuplicateAttendee as exc:
            raise UsageError(f"{exc} (--merge or --add-anyway)") from None
        except InvalidDetails as exc:
            raise UsageError(f"{exc}; nothing was saved") from None
        person = done.attendee
        late = " (late)" if person.late else ""
        print(f"checked in at {person.checked_in_at:%H:%M}{late}: {store.summary(run_id).text()}")
    return 0


@_friendly
def run_roster_import(args: argparse.Namespace) -> int:
    from presenter.attendance.roster import (
        RosterError,
        guess_columns,
        override_columns,
        plan_import,
        read_table,
    )

    overrides: dict[str, str] = {}
    for item in args.column:
        field, sep, header = item.partition("=")
        if not sep:
            raise UsageError(f'--column "{item}": write it as FIELD=HEADER, e.g. name="Full name"')
        overrides[field] = header
    with _open(args) as store:
        run_id = _run_id(store, args.run_ref)
        run = store.run(run_id)
        try:
            table = read_table(args.file)
            columns = guess_columns(table, run.readiness)
            columns = override_columns(table.headers, columns, overrides, run.readiness)
        except RosterError as exc:
            if len(exc.problems) == 1:
                raise UsageError(exc.lines()[0]) from None
            return _nothing_imported(exc)
        except ValueError as exc:
            raise UsageError(f"--column: {exc}") from None
        if not {"name", "first_name", "last_name"} & set(columns.fields):
            try:  # no name column: the first row may be a person, so it is not shown
                plan_import(table, columns)
            except RosterError as exc:
                raise UsageError(exc.lines()[0]) from None
        what = f"{table.layout}; columns" if table.layout else "columns"
        print(f"{args.file}: {what} found on row {table.header_row}:")
        for line in columns.describe(table.headers):
            print(f"  {line}")
        try:
            plan = plan_import(table, columns)
        except RosterError as exc:
            return _nothing_imported(exc)
        for row, reason in plan.skipped:
            print(f"{args.file}:{row}: note: skipped: {reason}")
        for row, note in plan.notes:
            print(f"{args.file}:{row}: note: {note}")
        if args.dry_run:
            print(f"{people(len(plan.people))} found; nothing imported (--dry-run)")
            return 0
        if not args.yes and not _confirm(f"Import {people(len(plan.people))} with these columns?"):
            raise UsageError("nothing imported; add --yes to import with these columns")
        added, merged = store.add_to_roster(run_id, [p for _, p in plan.people])
        print(f"imported {people(added)} to run {run_id}; {merged} already there, merged")
    return 0


def _nothing_imported(exc) -> int:
    """Every bad row of a roster, one line each, then what to do; exit status 2."""
    for line in exc.lines():
        print(line, file=sys.stderr)
    print(
        f"presenter: nothing imported: {len(exc.problems)} bad row(s); fix them and import again",
        file=sys.stderr,
    )
    return 2


@_friendly
def run_export(args: argparse.Namespace) -> int:
    from presenter.attendance.export import EXPORT_FORMATS, export_run

    output = Path(args.output)
    if output.suffix.lower() not in EXPORT_FORMATS:
        raise UsageError(
            f"{output}: cannot tell the format; end the file name in .csv, .xlsx or .pdf"
        )
    with _open(args) as store:
        run_id = _run_id(store, args.run_ref)
        try:
            report = export_run(
                store, run_id, output, columns=args.columns, certificates=args.certificates
            )
        except ValueError as exc:
            raise UsageError(f"{output}: {exc}") from None
        except OSError as exc:
            why = exc.strerror or "the file could not be written"
            raise UsageError(f"{output}: {why}; nothing was written") from None
        what = "certificates for" if args.certificates else "attendance of"
        print(f"wrote {what} {people(len(report.rows))} to {output}")
    return 0


@_friendly
def run_summary(args: argparse.Namespace) -> int:
    with _open(args) as store:
        run_id = _run_id(store, args.run_ref)
        run = store.run(run_id)
        print(_describe(run))
        print(store.summary(run_id).text())
    return 0
