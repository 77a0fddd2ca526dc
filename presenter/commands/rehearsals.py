"""Rehearsals on the command line: `rehearsals` lists them, each item's plan beside what it took."""

from __future__ import annotations

import argparse

from presenter.commands.common import UsageError, add_data_dir, friendly, open_store, print_table


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "rehearsals",
        help="practice runs timed from the app's Run menu, each item planned against taken",
        description="List the rehearsals kept in the data folder, newest first: for each, "
        "every item's planned minutes beside the time it took. Rehearsals are never runs: "
        "they are not in `runs list`, `history` or the attendance.",
    )
    parser.add_argument("--last", type=int, metavar="N", help="only the N most recent rehearsals")
    add_data_dir(parser)
    parser.set_defaults(run=run_rehearsals)


@friendly
def run_rehearsals(args: argparse.Namespace) -> int:
    from presenter.attendance.rehearsals import comparison_rows, rehearsals, summary_line

    if args.last is not None and args.last < 1:
        raise UsageError("--last needs a number of rehearsals, 1 or more")
    with open_store(args.data_dir) as store:
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
        print_table([("Item", "Planned", "Took", ""), *comparison_rows(record)], "lrr", "  ")
    return 0
