"""The `presenter` command line. Commands that need no window never import Qt."""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import sys

from presenter import __version__

# Each command module has `register(subparsers)`, which adds the sub-commands named here and
# sets `run(args) -> int` as the parser default. Modules keep heavy imports inside their `run`
# functions, and only the module of the command given is imported, so that `presenter
# validate` starts quickly (tests/commands/test_cli.py checks each module adds these names).
COMMAND_MODULES = {
    "presenter.commands.places": ("sessions", "where"),
    "presenter.commands.validate": ("validate",),
    "presenter.commands.runs": ("runs",),
    "presenter.commands.checkin": ("checkin", "roster"),
    "presenter.commands.attendance": ("attendance",),
    "presenter.commands.deck": ("export", "import"),
    "presenter.commands.history": ("report", "history"),
    "presenter.commands.rehearsals": ("rehearsals",),
    "presenter.commands.shared": ("shared",),
    "presenter.commands.invite": ("invite", "handout"),
}

USAGE = """\
presenter [SESSION] [--one-screen] [--data-dir DIR] [--no-check-in] [--rehearse]
       presenter COMMAND ..."""

DESCRIPTION = """\
Open the app to run a one-hour lunchtime training session: timed agenda, speaker notes,
an audience screen and check-in. Run with no command to open the app on the bundled
"Twitter hour" session, or give a session file or a bundled session's name:
  presenter my-session.md
  presenter twitter-hour --one-screen     both windows on one screen
  presenter twitter-hour --length 15 --venue "Ward 12"
                                          the session fitted into a ward's 15 minutes

The commands below need no window: check a session, export it to PowerPoint, keep the
attendance of its runs. `presenter COMMAND --help` says more about each."""

EPILOG = """\
Examples:
  presenter sessions                      the bundled sessions and their files
  presenter validate --strict my-session.md
  presenter export twitter-hour           writes twitter-hour.pptx here
  presenter where                         where the attendance and settings are kept
"""


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser for `command` alone, or for every command when none is given (for help)."""
    parser = argparse.ArgumentParser(
        prog="presenter",
        usage=USAGE,
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"presenter {__version__}")
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND")
    for name, names in COMMAND_MODULES.items():
        if command is None or command in names:
            importlib.import_module(name).register(subparsers)
    return parser


def command_names() -> set[str]:
    """Every sub-command's name."""
    return {name for names in COMMAND_MODULES.values() for name in names}


# The windows' Qt-free modules, imported before PySide6, and with them the standard library's
# modules they use. PySide6 reads the source of each module named in an `import` after it has
# loaded, unless the module is in its table (see `presenter.ui`), which enters those already
# loaded without reading them.
BEFORE_QT = (
    "json",
    "sqlite3",
    "presenter.agenda.bundled",
    "presenter.agenda.cache",
    "presenter.attendance.clock_log",
    "presenter.attendance.search",
    "presenter.attendance.store",
    "presenter.timing",
    "fcntl",
)


def _open_app(argv: list[str]) -> int:
    # Loading the app and building its windows makes many thousands of objects that live as
    # long as the app, and next to no garbage: Python's cycle collector would walk them again
    # and again for nothing. It is paused until the windows are shown, when `run_app` sets
    # what was made aside (`gc.freeze`) and turns it back on.
    gc.disable()
    try:
        for name in BEFORE_QT:
            importlib.import_module(name)
        from presenter.ui.app import run_app

        return run_app(argv)
    finally:
        gc.enable()


# The options of the app that take a value: the word after one is not the session.
APP_OPTIONS_WITH_VALUE = ("--data-dir", "--length", "--venue")


def _first_word(argv: list[str]) -> int | None:
    """Where the first word that is not an option (or an option's value) is, if any."""
    skip = False
    for index, arg in enumerate(argv):
        if skip:
            skip = False
        elif arg in APP_OPTIONS_WITH_VALUE:
            skip = True
        elif not arg.startswith("-"):
            return index
    return None


def _unknown(word: str) -> str:
    """The one line for a word that is neither a command nor a session, with the nearest."""
    import difflib

    from presenter.agenda.bundled import bundled_sessions

    if word.lower().endswith(".md") or "/" in word or os.sep in word:
        return f"{word}: no such session file; check the path"
    near = difflib.get_close_matches(word, [*sorted(command_names()), *bundled_sessions()], n=1)
    hint = f"did you mean `presenter {near[0]}`?" if near else "`presenter --help` lists them"
    return f"{word}: not a command, a session file or a bundled session; {hint}"


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    index = _first_word(argv)
    first = None if index is None else argv[index]
    wants_help = any(a in ("-h", "--help", "--version") for a in argv)
    # Every command's name is a word: a session file or a folder opens the app without the
    # commands' modules being loaded.
    if first is not None and first.isidentifier() and first in command_names():
        return _run_command(first, argv)
    if first is not None and not os.path.exists(first):
        from presenter.commands.common import find_session

        found = find_session(first)
        if found is None:
            print(f"presenter: {_unknown(first)}", file=sys.stderr)
            return 2
        argv[index] = str(found)  # a bundled session, by its name
    if wants_help:
        return _run_command(None, ["--version" if "--version" in argv else "--help"])
    return _open_app(argv)


def _run_command(command: str | None, argv: list[str]) -> int:
    from presenter.commands.common import UsageError

    parser = build_parser(command)
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except UsageError as exc:
        for line in exc.lines():
            print(line, file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader stopped early, as in `presenter validate X | head`
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    raise SystemExit(main())
