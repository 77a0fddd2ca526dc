"""`presenter export` and `presenter import`: a session to a PowerPoint deck and back."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from presenter.cli import UsageError

COMMANDS = ("export", "import")


def register(subparsers: argparse._SubParsersAction) -> None:
    export = subparsers.add_parser(
        "export",
        help="write a session as a PowerPoint deck (.pptx)",
        description="Write SESSION as a 16:9 PowerPoint deck: title, agenda table, one slide "
        "per item with its time budget, a closing slide, and speaker notes with the timings. "
        "The same session gives the same file, byte for byte.",
    )
    export.add_argument("session", metavar="SESSION", help="session file (.md) or bundled name")
    export.add_argument("-o", "--output", required=True, metavar="DECK.pptx", help="deck to write")
    export.add_argument(
        "--template",
        metavar="T.pptx",
        help="your organisation's .pptx template (its layouts are picked by name or type)",
    )
    export.add_argument(
        "--run",
        dest="run_ref",
        metavar="RUN",
        help="a run's number (or `latest`): its date and venue go on the title slide",
    )
    export.add_argument("--data-dir", metavar="DIR", help="folder of the attendance file (--run)")
    export.set_defaults(run=run_export)

    importer = subparsers.add_parser(
        "import",
        help="turn a PowerPoint deck into a session file",
        description="Turn DECK into a session file: slide titles become items, body text "
        "points, speaker notes notes. Decks exported by presenter keep their exact minutes; "
        "for other decks the slot is shared out across the items, with a warning.",
    )
    importer.add_argument("deck", metavar="DECK.pptx", help="deck to read")
    importer.add_argument(
        "-o", "--output", required=True, metavar="SESSION.md", help="session file to write"
    )
    importer.set_defaults(run=run_import)


def _load(reference: str):
    from presenter.agenda import (
        SessionFileError,
        bundled_session_path,
        bundled_sessions,
        load_session,
    )

    path = Path(reference)
    if not path.exists() and reference in bundled_sessions():
        path = bundled_session_path(reference)
    try:
        session, warnings = load_session(path)
    except SessionFileError as exc:
        raise UsageError("\n".join(str(p) for p in exc.problems)) from None
    for warning in warnings:
        print(warning, file=sys.stderr)
    return session


def _run_date_and_venue(reference: str, data_dir: str | None):
    from presenter.attendance import AttendanceError, open_store

    try:
        with open_store(data_dir, hold_window_lock=False) as store:
            if reference.strip().lower() in ("latest", "last"):
                runs = store.runs()
                if not runs:
                    raise UsageError("there are no runs yet; start one with `presenter runs new`")
                latest = max(runs, key=lambda r: r.id)
                return latest.date, latest.venue
            try:
                run = store.run(int(reference))
            except ValueError:
                raise UsageError(
                    f'--run "{reference}" is not a run number; `presenter runs list` shows them'
                ) from None
            return run.date, run.venue
    except AttendanceError as exc:
        raise UsageError(str(exc)) from None
    except OSError as exc:
        raise UsageError(
            f"cannot open the attendance file ({exc.strerror}); check --data-dir"
        ) from None


def run_export(args: argparse.Namespace) -> int:
    from presenter.deck import DeckWriteError, TemplateError, export_deck

    session = _load(args.session)
    date = venue = None
    if args.run_ref:
        date, venue = _run_date_and_venue(args.run_ref, args.data_dir)
    try:
        export_deck(session, args.output, template=args.template, date=date, venue=venue)
    except (TemplateError, DeckWriteError) as exc:
        raise UsageError(str(exc)) from None
    return 0


def run_import(args: argparse.Namespace) -> int:
    from presenter.agenda import save_session
    from presenter.deck import DeckReadError, import_deck

    try:
        session, warnings = import_deck(args.deck)
    except DeckReadError as exc:
        raise UsageError(str(exc)) from None
    for warning in warnings:
        print(warning, file=sys.stderr)
    output = Path(args.output)
    if output.is_dir():
        raise UsageError(f"{output}: is a folder; give a file name such as {output / 'session.md'}")
    try:
        save_session(session, output)
    except OSError as exc:
        raise UsageError(
            f"{output}: cannot write ({exc.strerror}); choose another folder"
        ) from None
    return 0
