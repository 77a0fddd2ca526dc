"""`presenter sessions` and `presenter where`: the sessions that ship with the app, and the
folder and files the app keeps on this computer."""

from __future__ import annotations

import argparse
import os

from presenter.commands.common import add_data_dir, print_table


def register(subparsers: argparse._SubParsersAction) -> None:
    sessions = subparsers.add_parser(
        "sessions",
        help="list the sessions that come with the app, and where their files are",
        description="List the bundled sessions: the name to give any command that takes a "
        "session (presenter twitter-hour, presenter export twitter-hour), the title, the "
        "length, and the file. Copy a file to make a session of your own.",
    )
    sessions.set_defaults(run=run_sessions)
    where = subparsers.add_parser(
        "where",
        help="show the data folder, the settings file and the cache",
        description="Show where the app keeps its files on this computer: the data folder "
        "(with the attendance file), the settings file and the cache of sessions read before.",
    )
    add_data_dir(where)
    where.set_defaults(run=run_where)


def run_sessions(args: argparse.Namespace) -> int:
    from presenter.agenda.bundled import bundled_session_path, bundled_sessions
    from presenter.agenda.problems import SessionFileError
    from presenter.agenda.reader import load_session

    rows = [["name", "title", "length", "file"]]
    for name in bundled_sessions():
        path = bundled_session_path(name)
        try:
            session, _warnings = load_session(path)
            title, length = session.title, f"{session.planned_minutes} min"
        except SessionFileError:
            title, length = "(cannot be read)", "–"
        rows.append([name, title, length, str(path)])
    print_table(rows)
    print("\nOpen one with `presenter NAME`; copy its file to make a session of your own.")
    return 0


def run_where(args: argparse.Namespace) -> int:
    from presenter.attendance.paths import (
        DATA_DIR_ENV,
        cache_dir,
        data_dir,
        settings_path,
        store_path,
    )

    folder = data_dir(args.data_dir)
    if args.data_dir:
        chosen = "given with --data-dir"
    elif os.environ.get(DATA_DIR_ENV, "").strip():
        chosen = f"from ${DATA_DIR_ENV}"
    else:
        chosen = f"the default; --data-dir or ${DATA_DIR_ENV} choose another"
    places = [
        ("data folder", folder, chosen),
        ("attendance", store_path(folder), ""),
        ("settings", settings_path(folder), ""),
        ("cache", cache_dir(folder), "sessions read before; safe to delete"),
    ]
    rows = []
    for label, path, note in places:
        notes = [note] if note else []
        if not path.exists():
            notes.append("not made yet")
        rows.append([label, str(path), f"({'; '.join(notes)})" if notes else ""])
    print_table(rows)
    return 0
