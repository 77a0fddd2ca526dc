"""`presenter validate FILE...`: check session files and print their planned schedule."""

from __future__ import annotations

import argparse
import sys

from presenter.agenda.problems import Problem, SessionFileError

COMMANDS = ("validate",)


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "validate",
        help="check session files and print their schedules",
        description="Check session files and print each one's planned schedule. Exits 0 when "
        "there are no errors, 2 when there are (with --strict, warnings count as errors).",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="session files (.md) to check")
    parser.add_argument("--strict", action="store_true", help="treat warnings as errors")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from presenter.agenda.reader import load_session

    failed = False
    for number, path in enumerate(args.files):
        if number:
            print()
        try:
            session, warnings = load_session(path)
        except SessionFileError as exc:
            _print_problems(exc.problems)
            failed = True
            continue
        _print_problems(warnings)
        failed = failed or (args.strict and bool(warnings))
        print(schedule_table(session, path))
    return 2 if failed else 0


def _print_problems(problems: list[Problem]) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)


def schedule_table(session, path: str) -> str:
    """The planned schedule as a plain-text table: start, end, minutes, kind, title."""
    from presenter.agenda.timetable import format_clock, schedule, slot_fit

    rows = [("start", "end", "min", "kind", "title")]
    for placed in schedule(session):
        item = placed.item
        title = item.title + (" (fixed)" if item.fixed else "")
        rows.append(
            (
                format_clock(placed.start),
                format_clock(placed.end),
                str(item.minutes),
                item.kind,
                title,
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    lines = [f"{path}: {session.title}"]
    for row in rows:
        cells = [row[0].ljust(widths[0]), row[1].ljust(widths[1]), row[2].rjust(widths[2])]
        lines.append("  " + "  ".join([*cells, row[3].ljust(widths[3]), row[4]]))
    lines.append(f"  {slot_fit(session).describe()}")
    return "\n".join(lines)
