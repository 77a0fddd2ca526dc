"""The `presenter` command line. Commands that need no window never import Qt."""

from __future__ import annotations

import argparse
import importlib
import sys

from presenter import __version__

# Each module names its sub-commands in `COMMANDS` and has `register(subparsers)`, which adds
# them and sets `run(args) -> int` as the parser default. Modules keep heavy imports inside
# their `run` functions, and only the module of the command given is registered, so that
# `presenter validate` starts quickly.
COMMAND_MODULES = (
    "presenter.commands.validate",
    "presenter.commands.attendance",
    "presenter.commands.deck",
    "presenter.commands.history",
    "presenter.commands.rehearsals",
)

EPILOG = """\
Run with no command to open the app on the bundled "Twitter hour" session, or give a
session file: presenter my-session.md
  presenter [SESSION] [--one-screen] [--data-dir DIR] [--no-check-in] [--rehearse]
            [--quit-when-ready]

Examples:
  presenter validate presenter/slides_src/twitter-hour.md
  presenter validate --strict my-session.md
"""


class UsageError(Exception):
    """Bad input on the command line or in a file it names: printed as one line, exit 2."""


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The parser for `command` alone, or for every command when none is given (for help)."""
    parser = argparse.ArgumentParser(
        prog="presenter",
        description="Run a one-hour lunchtime training session: timed agenda, speaker notes, "
        "an audience screen, check-in, and PowerPoint export.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"presenter {__version__}")
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND")
    for module in _command_modules():
        if command is None or command in _names(module):
            module.register(subparsers)
    return parser


def _command_modules() -> list:
    return [importlib.import_module(name) for name in COMMAND_MODULES]


def command_names() -> set[str]:
    """Every sub-command's name."""
    return {name for module in _command_modules() for name in _names(module)}


def _names(module) -> tuple[str, ...]:
    if hasattr(module, "COMMANDS"):
        return module.COMMANDS
    probe = argparse.ArgumentParser().add_subparsers()
    module.register(probe)
    return tuple(probe.choices)


# The windows' Qt-free modules, imported before PySide6. Once loaded, PySide6 reads the source
# of every module imported after it (to see whether it uses its `__feature__` switches) and
# keeps that source in memory; modules already loaded are not read.
BEFORE_QT = (
    "html",
    "json",
    "locale",
    "sqlite3",
    "presenter.agenda.bundled",
    "presenter.agenda.cache",
    "presenter.attendance.clock_log",
    "presenter.attendance.rehearsals",
    "presenter.attendance.search",
    "presenter.attendance.store",
    "presenter.timing",
)


def _open_app(argv: list[str]) -> int:
    for name in BEFORE_QT:
        importlib.import_module(name)
    from presenter.ui.app import run_app

    return run_app(argv)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    first = next((a for a in argv if not a.startswith("-")), None)
    wants_help = any(a in ("-h", "--help", "--version") for a in argv)
    # Every command's name is a word: a session file or a folder opens the app without the
    # commands' modules being loaded.
    if first is None or not first.isidentifier() or first not in command_names():
        if not wants_help:
            return _open_app(argv)
        first = None
    parser = build_parser(first)
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except UsageError as exc:
        print(f"presenter: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
