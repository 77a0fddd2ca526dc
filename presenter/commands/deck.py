"""`presenter export` and `presenter import`: a session to a PowerPoint deck and back."""

from __future__ import annotations

import argparse
import contextlib
import gc
from collections.abc import Iterator
from pathlib import Path

from presenter.commands.common import (
    SessionProblems,
    UsageError,
    add_data_dir,
    add_session,
    open_store,
    print_warnings,
    resolve_run,
    session_path,
)

EXPORT_DESCRIPTION = (
    "Write SESSION as a 16:9 PowerPoint deck: title, agenda table, one slide per item with "
    "its time budget, a closing slide, and speaker notes with the timings. The same session "
    "gives the same file, byte for byte. Without -o, the deck is written to the current "
    "folder, named after the session (twitter-hour gives twitter-hour.pptx)."
)
IMPORT_DESCRIPTION = (
    "Turn DECK into a session file: slide titles become items, body text points, speaker "
    "notes notes, pictures files in an images/ folder beside the session file. Decks "
    "exported by presenter keep their exact minutes; for other decks the slot is shared out "
    "across the items, with a warning."
)


def register(subparsers: argparse._SubParsersAction) -> None:
    export = subparsers.add_parser(
        "export",
        help="write a session as a PowerPoint deck (.pptx)",
        description=EXPORT_DESCRIPTION,
    )
    add_session(export)
    export.add_argument(
        "-o", "--output", metavar="DECK.pptx", help="deck to write (default: SESSION's name.pptx)"
    )
    export.add_argument(
        "--template",
        metavar="T.pptx",
        help="your organisation's .pptx template (each kind of slide gets the layout made for it)",
    )
    export.add_argument(
        "--explain",
        action="store_true",
        help="also print which layout of which master each kind of slide got, and why",
    )
    export.add_argument(
        "--run",
        dest="run_ref",
        metavar="RUN",
        help="a run's number (or `latest`): its date and venue go on the title slide",
    )
    add_data_dir(
        export,
        help="data folder: the attendance file (--run) and the sessions read before, which "
        "export reads back without parsing them again while they are unchanged (default: "
        "$PRESENTER_DATA_DIR, else the user's data folder, as the app uses)",
    )
    export.set_defaults(run=run_export)

    importer = subparsers.add_parser(
        "import", help="turn a PowerPoint deck into a session file", description=IMPORT_DESCRIPTION
    )
    importer.add_argument("deck", metavar="DECK.pptx", help="deck to read")
    importer.add_argument(
        "-o", "--output", required=True, metavar="SESSION.md", help="session file to write"
    )
    importer.set_defaults(run=run_import)


def _run_date_and_venue(reference: str, data_dir: str | None):
    from presenter.attendance.store import AttendanceError

    try:
        with open_store(data_dir) as store:
            run = store.run(resolve_run(store, reference, option="--run"))
            return run.date, run.venue
    except AttendanceError as exc:
        raise UsageError(str(exc)) from None


def _contents(session) -> str:
    """'Twitter hour (9 items, 60 min)'."""
    count = len(session.items)
    return (
        f"{session.title} ({count} item{'s' if count != 1 else ''}, {session.planned_minutes} min)"
    )


def run_export(args: argparse.Namespace) -> int:
    with _imported_set_aside():
        return _export(args)


@contextlib.contextmanager
def _imported_set_aside() -> Iterator[None]:
    """Load what an export needs with Python's cycle collector paused, then set all of it
    aside (`gc.freeze`) while the deck is built, so the collector does not walk the
    libraries' many objects again and again (about a tenth of a one-off export's time).
    The collector stays on for the deck's own objects, and all is as before afterwards."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        import presenter.agenda.cache
        import presenter.attendance.paths
        import presenter.deck.writer  # noqa: F401 (loaded here, used below)

        gc.freeze()
    finally:
        if collecting:
            gc.enable()
    try:
        yield
    finally:
        gc.unfreeze()


def _export(args: argparse.Namespace) -> int:
    from presenter.deck.package import DeckWriteError
    from presenter.deck.template import TemplateError
    from presenter.deck.writer import export_deck

    session, path, warnings = _read_session(args.session, args.data_dir)
    print_warnings(warnings)
    output = Path(args.output) if args.output else Path(f"{path.stem}.pptx")
    date = venue = None
    if args.run_ref:
        date, venue = _run_date_and_venue(args.run_ref, args.data_dir)
    try:
        export_deck(session, output, template=args.template, date=date, venue=venue)
    except (TemplateError, DeckWriteError) as exc:
        raise UsageError(str(exc)) from None
    print(f"wrote {_contents(session)} to {output}")
    from presenter.agenda.review import approval_warning

    print_warnings([approval_warning(session)] if session.approval else [])
    if args.explain:
        _explain(args.template)
    return 0


def _read_session(text: str, data_dir: str | None):
    """(session, its path, its warnings), read back from the data folder's cache of sessions
    when the file is unchanged since it was last read there, as the app does at start-up; a
    changed file is parsed again, and a file with errors always is, so its messages are the
    reader's own (FILE:LINE: error: ...)."""
    from presenter.agenda.cache import load_session_cached
    from presenter.agenda.problems import SessionFileError
    from presenter.attendance.paths import cache_dir
    from presenter.attendance.paths import data_dir as data_folder

    path = session_path(text)
    try:
        session, warnings = load_session_cached(path, cache_dir(data_folder(data_dir)))
    except SessionFileError as exc:
        raise SessionProblems(exc.problems or [str(exc)]) from None
    return session, path, warnings


def _explain(template: str | None) -> None:
    from presenter.deck.layout_choice import pick_layouts
    from presenter.deck.template import open_template

    print(f"layouts of {template or 'the bundled template'}:")
    for line in pick_layouts(open_template(template)).explain():
        print(f"  {line}")


def run_import(args: argparse.Namespace) -> int:
    from presenter.agenda.writer import save_session
    from presenter.deck.reader import DeckReadError, import_deck

    output = Path(args.output)
    if output.is_dir():
        raise UsageError(f"{output}: is a folder; give a file name such as {output / 'session.md'}")
    images = output.parent / "images"
    there = set(images.rglob("*")) if images.is_dir() else None
    try:
        session, warnings = import_deck(args.deck, picture_folder=output.parent)
    except DeckReadError as exc:
        raise UsageError(str(exc)) from None
    except OSError as exc:  # a picture could not be saved beside the session
        _take_back_pictures(images, there)
        raise UsageError(f"{exc}; choose another folder for the session") from None
    print_warnings(warnings)
    try:
        save_session(session, output)
    except OSError as exc:
        _take_back_pictures(images, there)
        raise UsageError(
            f"{output}: cannot write ({exc.strerror}); choose another folder"
        ) from None
    print(f"wrote {_contents(session)} to {output}")
    return 0


def _take_back_pictures(images: Path, there: set[Path] | None) -> None:
    """Remove the pictures an import saved when its session could not be: nothing is left."""
    import contextlib
    import shutil

    if there is None:
        shutil.rmtree(images, ignore_errors=True)
        return
    for path in sorted(set(images.rglob("*")) - there, reverse=True):
        with contextlib.suppress(OSError):
            path.rmdir() if path.is_dir() else path.unlink()
