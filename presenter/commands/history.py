"""A run's report and a session's history on the command line: `report` and `history`.

Nothing here imports Qt, except `report` to a .pdf, which draws the chart with Qt's PDF
writer (offscreen, no window).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from presenter.commands.common import (
    UsageError,
    add_data_dir,
    add_run,
    find_session,
    friendly,
    is_bundled,
    open_run,
    open_store,
    print_table,
    read_session,
)


def register(subparsers: argparse._SubParsersAction) -> None:
    report = subparsers.add_parser(
        "report",
        help="write a run's planned-versus-actual report to a .csv or .pdf file",
        description="Write the wrap-up of RUN (a number from `presenter runs list`, or "
        "latest): planned against actual minutes per item, the total overrun and pauses, "
        "who came and how ready they were, and the feedback. The format follows the "
        "extension of -o: .csv (for Excel) or .pdf (with the chart, drawn with Qt offscreen). "
        "No names are written.",
    )
    add_run(report)
    report.add_argument("-o", "--output", required=True, metavar="FILE")
    add_data_dir(report)
    report.set_defaults(run=run_report)

    history = subparsers.add_parser(
        "history",
        help="a session's runs across dates and venues, and the items that run over",
        description="Show every run of SESSION (a session file, a bundled session such as "
        "twitter-hour, or a session's title): attendance and readiness, overrun, rating and "
        "outcomes, the items that ran over on average, and suggested minutes. --apply "
        "writes the suggested minutes into the session file. Outcomes noted for one "
        "attendee show without the attendee's name unless --names is given.",
    )
    history.add_argument("session", metavar="SESSION")
    history.add_argument(
        "--apply", action="store_true", help="write the suggested minutes into the session file"
    )
    history.add_argument("--names", action="store_true", help="show who an outcome was noted for")
    history.add_argument(
        "--length",
        type=int,
        metavar="MINUTES",
        help="compare the runs of this length (default: the session's own length)",
    )
    add_data_dir(history)
    history.set_defaults(run=run_history)


@friendly
def run_report(args: argparse.Namespace) -> int:
    from presenter.attendance.report import REPORT_FORMATS, build_report, write_report_csv

    target = Path(args.output)
    suffix = target.suffix.lower()
    if suffix not in REPORT_FORMATS:
        raise UsageError(f'{target}: cannot write "{suffix or target.name}"; use .csv or .pdf')
    if not target.parent.is_dir():
        raise UsageError(f"{target}: the folder {target.parent} does not exist; create it first")
    with open_run(args) as (store, run_id):
        report = build_report(store, run_id)
    try:
        if suffix == ".csv":
            write_report_csv(target, report)
        else:
            from presenter.ui.attendance.report_pdf import write_report_pdf

            write_report_pdf(target, report)
    except OSError as exc:
        raise UsageError(f"{target}: {exc.strerror or exc}; nothing was written") from None
    print(report.heading())
    print(f"{report.times_text()} · {report.overrun_text()} · {report.pauses_text()}")
    print(" · ".join(report.attendance_lines()))
    print(f"written to {target}")
    return 0


def _session(text: str):
    """(session, its file or None if bundled) for a file or bundled name; (None, None) for a
    session's title."""
    if find_session(text) is None and not text.lower().endswith(".md"):
        return None, None
    session, path, _warnings = read_session(
        text, then="check the path, or give the session's title"
    )
    return session, (None if is_bundled(path) else path)


@friendly
def run_history(args: argparse.Namespace) -> int:
    from presenter.attendance.history import format_rate, session_history

    session, path = _session(args.session)
    title = session.title if session else args.session
    with open_store(args.data_dir) as store:
        history = session_history(store, title, session, args.length)
    if not history.runs:
        print(f"{title}: no runs yet")
        return 0
    count = len(history.runs)
    average = history.average_attendance or 0.0
    print(
        f"{history.title}: {count} run{'s' if count != 1 else ''}, {average:.1f} people on average"
    )
    if history.readiness:
        print(" · ".join(f"{c}: {format_rate(history.ready_rate(c))}" for c in history.readiness))
    print()
    _print_runs(history)
    if note := history.other_lengths():
        print(f"\n{note} (--length gives the length to compare)")
    venues = history.by_venue()
    if len(venues) > 1:
        print("\nBy venue:")
        for venue in venues:
            print(f"  {venue.text()}")
    over = [item for item in history.items if item.runs_over]
    if over:
        print("\nItems that ran over (a minute or more):")
        for item in over:
            print(
                f"  {item.title}: planned {item.planned_minutes:g} min, over in "
                f"{item.runs_over} of {item.runs_timed} runs, "
                f"{item.average_over_minutes:.1f} min over on average"
            )
    _print_outcomes(history, names=args.names)
    if history.suggestions:
        print("\nSuggestions:")
        for suggestion in history.suggestions:
            print(f"  {suggestion.text()}")
    if args.apply:
        _apply(history, path, args.session)
    return 0


def _print_runs(history) -> None:
    """One row a run: date, venue, how many came and how ready, overrun, rating."""
    from presenter.attendance.history import format_overrun, format_rate

    checks = list(history.readiness)
    rows = [["date", "venue", "min", "came", *checks, "overrun", "rating"]]
    for record in history.runs:
        rows.append(
            [
                record.run.date.isoformat(),
                record.run.venue or "–",
                str(record.run.length),
                str(record.checked_in),
                *[format_rate(record.ready_rate(c)) for c in checks],
                format_overrun(record.overrun_seconds)
                + ("" if record.finished or record.timings is None else " (not finished)"),
                "–" if record.rating is None else f"{record.rating:.1f}",
            ]
        )
    print_table(rows)


def _print_outcomes(history, *, names: bool) -> None:
    """The outcomes noted after each run; whose, only when `names`."""
    outcomes = [(r.run, o) for r in history.runs for o in r.outcomes]
    purged = [(r.run, r.outcomes_purged) for r in history.runs if r.outcomes_purged]
    if not (outcomes or purged):
        return
    print("\nOutcomes:")
    for run, outcome in outcomes:
        who = ""
        if outcome.attendee_id is not None:
            who = f" ({outcome.name})" if names else " (one attendee)"
        print(f"  {outcome.noted_on.isoformat()} · run {run.id}{who}: {outcome.text}")
    for run, count in purged:
        noted = "1 outcome" if count == 1 else f"{count} outcomes"
        print(f"  run {run.id}: {noted} noted; the text was removed when the run was purged")


def _apply(history, path: Path | None, named: str) -> None:
    """Write the suggested minutes into the session file."""
    from presenter.attendance.history import apply_suggestion

    if path is None:
        raise UsageError(
            f"{named}: --apply needs a session file you can edit; save a copy of "
            "the session as a .md file and give its path"
        )
    if not history.suggestions:
        raise UsageError(f"{path}: there are no suggestions to apply; nothing was changed")
    try:
        for suggestion in history.suggestions:
            apply_suggestion(path, suggestion)
    except (ValueError, OSError) as exc:
        raise UsageError(str(exc)) from None
    print(f"\nwritten to {path}")
