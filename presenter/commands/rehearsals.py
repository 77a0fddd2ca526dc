"""Rehearsals on the command line: `rehearsals` lists them, each item's plan beside what it took."""

from __future__ import annotations

import argparse

from presenter.commands.attendance import DATA_DIR_HELP, _friendly, _open

COMMANDS = ("rehearsals",)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "rehearsals",
        help="practice runs timed from the app's Run menu, each item planned against taken",
        description="List the rehearsals kept in the data folder, newest first: for each, "
        "every item's planned minutes beside the time it took. Rehearsals are never runs: "
        "they are not in `runs list`, `history` or the attendance.",
    )
    parser.add_argument("--last", type=int, metavar="N", help="only the N most recent rehearsals")
    parser.add_argument("--data-dir", metavar="DIR", help=DATA_DIR_HELP)
    parser.set_defaults(run=run_rehearsals)


@_friendly
def run_rehearsals(args: argparse.Namespace) -> int:
    from presenter.attendance.rehearsals import comparison_rows, rehearsals, summary_line
    from presenter.cli import UsageError

    if args.last is not None and args.last < 1:
        raise UsageError("--last needs a number of rehearsals, 1 or more")
    with _open(args) as store:
        records = rehearsals(store)
    if args.last is not None:
        records = records[: args.last]
    if not records:
        print(
            "no rehearsals yet; start one from the Run menu or with `presenter SESSION --rehearse`"
        )
        return 0
    for number, record in enumerate(records):
        if number:
            print()
        print(summary_line(record))
        rows = [("Item", "Planned", "Took", ""), *comparison_rows(record)]
        widths = [max(len(row[i]) for row in rows) for i in range(3)]
        for item, planned, took, difference in rows:
            line = f"  {item:<{widths[0]}}  {planned:>{widths[1]}}  {took:>{widths[2]}}"
            print(f"{line}  {difference}".rstrip())
    return 0
