"""`presenter checkin` and `presenter roster import`: people onto a run, one at a time or a
whole list of pre-registered people from a spreadsheet."""

from __future__ import annotations

import argparse

from presenter.commands.common import (
    UsageError,
    add_run,
    confirm,
    data_dir_option,
    friendly,
    open_run,
    people,
)

ROSTER_DESCRIPTION = """\
Import people from FILE (.csv or .xlsx): a sheet with a name (or first and
last name) column and any of email, role, department or ward, staff number, social
handle, consent, notes; an Eventbrite attendee export; or Microsoft Forms / Google
Forms responses. Columns are guessed from the header row and shown; confirm them
(or pass --yes). CSV may be UTF-8 (with or without BOM), UTF-16 or Windows-1252.
A form's questions about the app or a username feed the readiness checks; an
answer other than yes (No, Not sure) leaves the check unticked. A file with any
bad row imports nothing, and each bad row is listed by its row number."""

ROSTER_EXAMPLES = """\
examples:
  presenter roster import 3 signups.xlsx --column name="Full name"
  presenter roster import 3 responses.csv --column "App installed=Do you have the app?\""""


def register(subparsers: argparse._SubParsersAction) -> None:
    common = data_dir_option()
    _add_checkin(subparsers, common)
    roster = subparsers.add_parser(
        "roster",
        help="import pre-registered people",
        description="Pre-registered people, checked in later by search.",
    )
    actions = roster.add_subparsers(title="roster commands", metavar="ACTION", required=True)
    importer = actions.add_parser(
        "import",
        parents=[common],
        help="import a CSV or XLSX list of people",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=ROSTER_DESCRIPTION,
        epilog=ROSTER_EXAMPLES,
    )
    add_run(importer)
    importer.add_argument("file", metavar="FILE")
    importer.add_argument(
        "--column",
        action="append",
        default=[],
        metavar="FIELD=HEADER",
        help="use the column headed HEADER (or column letter) for FIELD, a detail such as name "
        'or email, or a readiness check by its label ("App installed"); FIELD= ignores one',
    )
    importer.add_argument("--yes", action="store_true", help="import without asking")
    importer.add_argument("--dry-run", action="store_true", help="show the columns, import nothing")
    importer.set_defaults(run=run_roster_import)


def _add_checkin(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    checkin = subparsers.add_parser(
        "checkin",
        parents=[common],
        help="check a person in to a run",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Check NAME in to RUN, durably: when this prints, it is on disk.\n"
        "A pre-registered person with that name or email is checked in; someone already\n"
        "checked in under that name or email is refused unless --merge or --add-anyway.",
        epilog='example:\n  presenter checkin 3 "Sam Patel" --role Nurse --ready "App installed"',
    )
    add_run(checkin)
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


def _ready_checks(run, text: str) -> frozenset[str]:
    """The run's readiness checks named in a comma list, whatever their case."""
    checks = {c.casefold(): c for c in run.readiness}
    ready = set()
    for item in (r.strip() for r in text.split(",")):
        if not item:
            continue
        if item.casefold() not in checks:
            raise UsageError(
                f'--ready "{item}" is not one of this run\'s checks: '
                + ", ".join(f'"{c}"' for c in run.readiness)
            )
        ready.add(checks[item.casefold()])
    return frozenset(ready)


@friendly
def run_checkin(args: argparse.Namespace) -> int:
    from presenter.attendance.model import AttendeeDetails
    from presenter.attendance.store import DuplicateAttendee, InvalidDetails

    with open_run(args) as (store, run_id):
        details = AttendeeDetails(
            name=args.name,
            role=args.role,
            department=args.department,
            email=args.email,
            staff_number=args.staff_number,
            handle=args.handle,
            consent=args.consent,
            note=args.note,
            ready=_ready_checks(store.run(run_id), args.ready),
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


class NothingImported(UsageError):
    """Every bad row of a roster, one line each, then what to do."""

    def __init__(self, error) -> None:
        self.error = error
        super().__init__(
            f"nothing imported: {len(error.problems)} bad row(s); fix them and import again"
        )

    def lines(self) -> list[str]:
        return [*self.error.lines(), *super().lines()]


def _column_overrides(items: list[str]) -> dict[str, str]:
    overrides: dict[str, str] = {}
    for item in items:
        field, sep, header = item.partition("=")
        if not sep:
            raise UsageError(f'--column "{item}": write it as FIELD=HEADER, e.g. name="Full name"')
        overrides[field] = header
    return overrides


def _read_columns(path: str, run, overrides: dict[str, str]):
    """The table in `path` and its columns, guessed then overridden; errors as UsageError."""
    from presenter.attendance.roster import (
        RosterError,
        guess_columns,
        override_columns,
        plan_import,
        read_table,
    )

    try:
        table = read_table(path)
        columns = guess_columns(table, run.readiness)
        columns = override_columns(table.headers, columns, overrides, run.readiness)
    except RosterError as exc:
        if len(exc.problems) == 1:
            raise UsageError(exc.lines()[0]) from None
        raise NothingImported(exc) from None
    except ValueError as exc:
        raise UsageError(f"--column: {exc}") from None
    if not {"name", "first_name", "last_name"} & set(columns.fields):
        try:  # no name column: the first row may be a person, so it is not shown
            plan_import(table, columns)
        except RosterError as exc:
            raise UsageError(exc.lines()[0]) from None
    return table, columns


@friendly
def run_roster_import(args: argparse.Namespace) -> int:
    from presenter.attendance.roster import RosterError, plan_import

    overrides = _column_overrides(args.column)
    with open_run(args) as (store, run_id):
        table, columns = _read_columns(args.file, store.run(run_id), overrides)
        what = f"{table.layout}; columns" if table.layout else "columns"
        print(f"{args.file}: {what} found on row {table.header_row}:")
        for line in columns.describe(table.headers):
            print(f"  {line}")
        try:
            plan = plan_import(table, columns)
        except RosterError as exc:
            raise NothingImported(exc) from None
        for row, reason in plan.skipped:
            print(f"{args.file}:{row}: note: skipped: {reason}")
        for row, note in plan.notes:
            print(f"{args.file}:{row}: note: {note}")
        found = people(len(plan.people))
        if args.dry_run:
            print(f"{found} found; nothing imported (--dry-run)")
            return 0
        if not args.yes and not confirm(f"Import {found} with these columns?"):
            raise UsageError("nothing imported; add --yes to import with these columns")
        added, merged = store.add_to_roster(run_id, [p for _, p in plan.people])
        print(f"imported {people(added)} to run {run_id}; {merged} already there, merged")
    return 0
