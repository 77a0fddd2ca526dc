"""`presenter shared`: the library team's shared record on the trust's PostgreSQL server.

The laptop's own file stays the record while a session runs, with or without a network;
`shared push` publishes what changed since the last publish. `runs join CODE` (in
commands/runs.py) brings another laptop's run here, so two laptops can check people in at
one door.
"""

from __future__ import annotations

import argparse
import contextlib
from datetime import date
from pathlib import Path

from presenter.commands.common import (
    UsageError,
    add_data_dir,
    data_dir_option,
    friendly,
    open_run,
    open_store,
)


def register(subparsers: argparse._SubParsersAction) -> None:
    shared = subparsers.add_parser(
        "shared",
        help="publish runs and attendance to the team's shared record (PostgreSQL)",
        description="The shared record is a PostgreSQL database the library team keeps. "
        "This laptop's attendance file stays the record during a session; `push` publishes "
        "what changed. Needs the shared extra: pip install 'presenter[shared]'.",
    )
    actions = shared.add_subparsers(title="shared-record commands", metavar="ACTION",
                                    required=True)  # fmt: skip
    common = data_dir_option()
    setup = actions.add_parser(
        "setup", parents=[common], help="say where the shared record is",
        description="Record the server as a libpq connection service (service=NAME, from "
        "pg_service.conf) or a URL (postgresql://user@host/db). Never give a password here: "
        "libpq reads it from your pgpass file.",
    )  # fmt: skip
    setup.add_argument("connection", metavar="CONNECTION")
    setup.add_argument(
        "--columns", help="attendee details to publish, comma-separated (default: name, role, "
        "department, ready, checked_in_at; may add email, staff_number, handle, comment)",
    )  # fmt: skip
    setup.set_defaults(run=run_setup)
    check = actions.add_parser("check", parents=[common],
                               help="is the server reachable, and what would be published")  # fmt: skip
    check.set_defaults(run=run_check)
    push = actions.add_parser("push", parents=[common], help="publish what changed")
    push.set_defaults(run=run_push)
    code = actions.add_parser("code", parents=[common],
                              help="the code another laptop uses to join a run")  # fmt: skip
    code.add_argument("run_ref", metavar="RUN", help="a run's number, or latest")
    code.set_defaults(run=run_code)
    report = actions.add_parser(
        "report", help="trust-wide figures from the shared record (.xlsx or .csv)",
        description="Runs per session and venue, people per month and per ward or "
        "department, readiness, average ratings, planned against actual minutes. No one's "
        "name or details unless --personal.",
    )  # fmt: skip
    add_data_dir(report)
    report.add_argument("--from", dest="start", required=True, help="YYYY-MM-DD")
    report.add_argument("--to", dest="end", required=True, help="YYYY-MM-DD")
    report.add_argument("-o", "--output", required=True, help="a .xlsx or .csv file")
    report.add_argument("--personal", action="store_true",
                        help="add a table of the people checked in (name, role, ward)")  # fmt: skip
    report.set_defaults(run=run_report)


@contextlib.contextmanager
def _shared():
    """Turns the shared record's refusals into one line and exit status 2."""
    from presenter.attendance.shared import SharedRecordError

    try:
        yield
    except SharedRecordError as exc:
        raise UsageError(str(exc)) from None


def _folder(args) -> Path:
    from presenter.attendance.paths import data_dir

    return data_dir(args.data_dir)


def run_setup(args: argparse.Namespace) -> int:
    from presenter.attendance.shared import (
        DEFAULT_COLUMNS,
        SharedSettings,
        check_columns,
        check_connection_text,
        save_settings,
    )
    from presenter.files import private_folder

    with _shared():
        connection = check_connection_text(args.connection)
        columns = (
            check_columns([c.strip() for c in args.columns.split(",") if c.strip()])
            if args.columns
            else DEFAULT_COLUMNS
        )
        folder = _folder(args)
        private_folder(folder)
        path = save_settings(folder, SharedSettings(connection, columns))
    print(f"the shared record is {connection}; publishing {', '.join(columns)} of each person")
    print(f"saved in {path}; `presenter shared check` tries the connection")
    return 0


@friendly
def run_check(args: argparse.Namespace) -> int:
    from presenter.attendance.publish import WORDS, pending
    from presenter.attendance.shared import connect, load_settings
    from presenter.attendance.shared_schema import migrate

    with _shared():
        settings = load_settings(_folder(args))
        connection = connect(settings)
        try:
            version = migrate(connection)
            where = connection.info.host
        finally:
            connection.close()
    print(f"the shared record at {where} answers (its tables at version {version})")
    with open_store(args.data_dir) as store:
        waiting = pending(store)
    if not waiting:
        print("nothing to publish: it is up to date")
    else:
        print("to publish: " + ", ".join(f"{n} {WORDS[e]}" for e, n in sorted(waiting.items())))
    return 0


@friendly
def run_push(args: argparse.Namespace) -> int:
    from presenter.attendance.publish import push
    from presenter.attendance.shared import load_settings

    with _shared(), open_store(args.data_dir) as store:
        print(push(store, load_settings(_folder(args))))
    return 0


@friendly
def run_code(args: argparse.Namespace) -> int:
    from presenter.attendance.publish import join_code

    with open_run(args) as (store, run_id):
        (uid,) = store.query("SELECT uid FROM runs WHERE id = ?", (run_id,)).fetchone()
    print(f"run {run_id}: join code {join_code(uid)}")
    print("publish it first (presenter shared push); then on the other laptop: "
          f"presenter runs join {join_code(uid)}")  # fmt: skip
    return 0


def run_join(args: argparse.Namespace) -> int:
    from presenter.attendance.publish import join_run
    from presenter.attendance.shared import load_settings

    with _shared(), open_store(args.data_dir) as store:
        run_id = join_run(store, load_settings(_folder(args)), args.code)
        run = store.run(run_id)
    print(f"run {run_id}: {run.title} · {run.date.isoformat()} · {run.venue} (joined)")
    return 0


def _date(text: str, option: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(f'{option} "{text}" is not a date; write it as YYYY-MM-DD') from None


def run_report(args: argparse.Namespace) -> int:
    from presenter.attendance.export import write_csv, write_xlsx
    from presenter.attendance.shared import connect, load_settings
    from presenter.attendance.shared_report import (
        HEADINGS,
        PERSONAL_HEADINGS,
        personal_rows,
        report_rows,
    )
    from presenter.attendance.shared_schema import migrate

    start, end = _date(args.start, "--from"), _date(args.end, "--to")
    if end < start:
        raise UsageError("--to is before --from; give the first date, then the last")
    target = Path(args.output)
    suffix = target.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise UsageError(f'cannot write "{suffix or target.name}"; use .xlsx or .csv')
    with _shared():
        connection = connect(load_settings(_folder(args)))
        try:
            migrate(connection)
            rows = report_rows(connection, start, end)
            people = personal_rows(connection, start, end) if args.personal else []
        finally:
            connection.close()
    headings = list(HEADINGS)
    if args.personal:  # the people below the figures, under their own headings
        rows = [*rows, [""] * len(HEADINGS), list(PERSONAL_HEADINGS), *people]
    if suffix == ".csv":
        write_csv(target, headings, rows)
    else:
        write_xlsx(target, headings, rows, "Training activity")
    print(f"wrote {len(rows)} rows of training activity from {start} to {end} to {target}")
    return 0
