"""`presenter validate SESSION...`: check session files and print their planned schedule."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from presenter.commands.common import SessionProblems, UsageError, read_session, table


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "validate",
        help="check session files and print their schedules",
        description="Check session files and print each one's planned schedule. Exits 0 when "
        "there are no errors, 2 when there are (with --strict, warnings count as errors).",
    )
    parser.add_argument(
        "files", nargs="+", metavar="SESSION", help="session files (.md) or bundled names"
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="treat warnings as errors, and warn about the blank session's placeholder words",
    )
    parser.add_argument(
        "--length",
        type=slot_minutes,
        metavar="MINUTES",
        help="print the schedule fitted into a shorter slot (optional items dropped first, "
        "flexible ones squeezed); exits 2 when a session cannot fit",
    )
    parser.set_defaults(run=run)


def slot_minutes(text: str) -> int:
    """`--length`: whole minutes, from 1 to a day (argparse says what is wrong, exit 2)."""
    if not text.strip().isdigit() or not 1 <= int(text) <= 24 * 60:
        raise argparse.ArgumentTypeError(
            f"'{text}' is not a length in minutes; give whole minutes, like --length 15"
        )
    return int(text)


def run(args: argparse.Namespace) -> int:
    failed = False
    for number, name in enumerate(args.files):
        if number:
            print()
        try:
            session, path, warnings = read_session(name)
        except SessionProblems as exc:
            _print_problems(exc.problems)
            failed = True
            continue
        except UsageError as exc:  # neither a file nor a bundled name
            _print_problems([str(exc)])
            failed = True
            continue
        warnings = [*warnings, *_review_warnings(session, path, args.strict)]
        _print_problems(warnings)
        failed = failed or (args.strict and bool(warnings))
        # A file is named as it was given; a bundled session by where it lives.
        shown = name if path == Path(name) else str(path)
        if args.length is not None:
            fitted = _fitted(session, args.length, shown)
            failed = failed or fitted is None
            if fitted is not None:
                print(fitted)
            continue
        print(schedule_table(session, shown))
    return 2 if failed else 0


def _review_warnings(session, path: Path, strict: bool) -> list:
    """A review more than a year old; with --strict, the blank session's words left as they are."""
    from datetime import date

    from presenter.agenda.review import review_problems

    return review_problems(session, path, date.today, strict=strict)


def _fitted(session, length: int, shown: str) -> str | None:
    """The schedule fitted into `length` minutes and what was cut; None (and the one line
    saying by how much on standard error) when it cannot fit."""
    from dataclasses import replace

    from presenter.timing.fit import fit_session

    fit = fit_session(session, length)
    if not fit.fits:
        print(f"{shown}: {fit.error()}", file=sys.stderr)
        return None
    report = [f"  {fit.headline()}", *(f"  {line}" for line in fit.lines())]
    titled = replace(fit.session, title=f"{session.title} ({length}-minute version)")
    return "\n".join([schedule_table(titled, shown), *report])


def _print_problems(problems) -> None:
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
    lines = [f"{path}: {session.title}", *table(rows, "llr", "  ")]
    lines.append(f"  {slot_fit(session).describe()}")
    return "\n".join(lines)
