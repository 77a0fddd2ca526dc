"""`presenter runs`: start, list, rename, delete and purge runs (deliveries of a session)."""

from __future__ import annotations

import argparse
from datetime import date, timedelta

from presenter.commands.common import (
    UsageError,
    add_run,
    add_session,
    confirm,
    data_dir_option,
    friendly,
    open_run,
    open_store,
    read_session,
    resolve_run,
)


def register(subparsers: argparse._SubParsersAction) -> None:
    runs = subparsers.add_parser(
        "runs",
        help="create, list, rename, delete and purge runs (deliveries of a session)",
        description="A run is one delivery of a session: its date, venue, facilitators and "
        "attendees. RUN is a run's number from `presenter runs list`, or `latest`.",
    )
    actions = runs.add_subparsers(title="run commands", metavar="ACTION", required=True)
    common = data_dir_option()
    _add_new(actions, common)
    _add_list(actions, common)
    rename = actions.add_parser("rename", parents=[common], help="change a run's title")
    add_run(rename)
    rename.add_argument("title", metavar="TITLE")
    rename.set_defaults(run=run_rename)
    delete = actions.add_parser(
        "delete",
        parents=[common],
        help="delete a run and its attendees",
        description="Delete a run and everyone on it; nothing is kept.",
    )
    add_run(delete)
    delete.add_argument("--yes", action="store_true", help="do it without asking")
    delete.set_defaults(run=run_delete)
    _add_purge(actions, common)
    join = actions.add_parser(
        "join",
        parents=[common],
        help="check people in here to a run another laptop started (shared record)",
        description="Bring here the run another laptop published under CODE (it shows it "
        "with `presenter shared code RUN`), so both laptops check people in to one run.",
    )
    join.add_argument("code", metavar="CODE")
    join.set_defaults(run=_join)


def _add_new(actions: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    new = actions.add_parser(
        "new",
        parents=[common],
        help="start a run of a session",
        description="Start a run of SESSION (a session file, or a bundled session such as "
        "twitter-hour), keeping a copy of its agenda. Prints the run's number.",
    )
    add_session(new)
    new.add_argument("--venue", required=True, help='where, e.g. "Ward 12 seminar room"')
    new.add_argument("--date", help="YYYY-MM-DD, today or tomorrow (default: today)")
    new.add_argument(
        "--facilitator",
        action="append",
        metavar="NAME",
        help="who runs it (repeat for each; default: the session's facilitators)",
    )
    new.set_defaults(run=run_new)


def _add_list(actions: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    listing = actions.add_parser(
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


def _add_purge(actions: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    purge = actions.add_parser(
        "purge",
        parents=[common],
        help="delete a run's personal data, keeping anonymous counts",
        description="Delete the names and details of everyone on a run, keeping the run and "
        "its anonymous counts (checked in, readiness, late). Give RUN, or --older-than DAYS "
        "to purge every run held more than DAYS days ago. Asks first, unless --yes.",
    )
    add_run(purge, optional=True)
    purge.add_argument("--older-than", type=int, metavar="DAYS")
    purge.add_argument("--yes", action="store_true", help="do it without asking")
    purge.set_defaults(run=run_purge)


def describe(run) -> str:
    """One line for a run: number, date, title, venue, how many came."""
    state = f"{run.checked_in} checked in" + (" (names purged)" if run.purged else "")
    where = f" · {run.venue}" if run.venue else ""
    return f"{run.id:>4}  {run.date.isoformat()}  {run.title}{where} · {state}"


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


def _days(older_than: int) -> int:
    if older_than < 0:
        raise UsageError("--older-than needs a number of days, 0 or more")
    return older_than


@friendly
def _join(args: argparse.Namespace) -> int:
    from presenter.commands.shared import run_join

    return run_join(args)


@friendly
def run_new(args: argparse.Namespace) -> int:
    session, _path, _warnings = read_session(args.session)
    on = _parse_date(args.date)
    with open_store(args.data_dir) as store:
        run = store.create_run_from_session(
            session, on=on, venue=args.venue, facilitators=args.facilitator
        )
        print(f"run {run.id}: {session.title} · {on.isoformat()} · {run.venue}")
    return 0


@friendly
def run_list(args: argparse.Namespace) -> int:
    with open_store(args.data_dir) as store:
        if args.older_than is not None:
            runs = store.runs_older_than(_days(args.older_than))
        else:
            runs = store.runs()
        if not runs:
            print("no runs" if args.older_than is None else "no runs to purge")
        for run in runs:
            print(describe(run))
    return 0


@friendly
def run_rename(args: argparse.Namespace) -> int:
    from presenter.attendance.store import AttendanceError

    with open_run(args) as (store, run_id):
        try:
            run = store.rename_run(run_id, args.title)
        except AttendanceError as exc:
            raise UsageError(str(exc)) from None
        print(describe(run))
    return 0


@friendly
def run_delete(args: argparse.Namespace) -> int:
    with open_run(args) as (store, run_id):
        if not args.yes and not confirm(f"Delete run {run_id} and everyone on it?"):
            raise UsageError(f"run {run_id} not deleted; add --yes to delete it")
        store.delete_run(run_id)
        print(f"run {run_id} deleted")
    return 0


@friendly
def run_purge(args: argparse.Namespace) -> int:
    if (args.run_ref is None) == (args.older_than is None):
        raise UsageError("give RUN or --older-than DAYS (one of them)")
    with open_store(args.data_dir) as store:
        if args.run_ref is not None:
            targets = [resolve_run(store, args.run_ref)]
        else:
            targets = [r.id for r in store.runs_older_than(_days(args.older_than))]
        if not targets:
            print("no runs to purge")
            return 0
        which = f"run {targets[0]}" if len(targets) == 1 else f"{len(targets)} runs"
        question = f"Delete the names and details of everyone on {which}, keeping the counts?"
        if not args.yes and not confirm(question):
            them = "it" if len(targets) == 1 else "them"
            raise UsageError(f"{which} not purged; add --yes to purge {them}")
        for run_id in targets:
            summary = store.purge_run(run_id)
            print(f"run {run_id} purged; kept the counts: {summary.text()}")
    return 0
