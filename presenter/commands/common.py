"""What every command shares: its one-line error, the data folder and the attendance file,
the words that name a run ("latest" or a number) and a session (a file or a bundled name),
and plain-text tables. No Qt, and nothing heavy at import: `presenter validate` starts fast.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

DATA_DIR_HELP = (
    "folder holding attendance.sqlite3 (default: $PRESENTER_DATA_DIR, else the user's data "
    "folder, e.g. ~/.local/share/presenter)"
)
RUN_HELP = "the run's number from `presenter runs list`, or latest"
SESSION_HELP = "a session file (.md), or a bundled session such as twitter-hour"
LATEST = ("latest", "last")


class UsageError(Exception):
    """Bad input on the command line or in a file it names: printed as one line, exit 2."""

    def lines(self) -> list[str]:
        """What standard error shows."""
        return [f"presenter: {self}"]


class SessionProblems(UsageError):
    """A session file that cannot be read: the format's own `FILE:LINE: error: ...` lines."""

    def __init__(self, problems: Sequence[object]) -> None:
        self.problems = [str(p) for p in problems]
        super().__init__("\n".join(self.problems))

    def lines(self) -> list[str]:
        return self.problems


def add_data_dir(parser: argparse.ArgumentParser, help: str = DATA_DIR_HELP) -> None:
    parser.add_argument("--data-dir", metavar="DIR", help=help)


def data_dir_option() -> argparse.ArgumentParser:
    """A parent parser giving a command `--data-dir`."""
    parent = argparse.ArgumentParser(add_help=False)
    add_data_dir(parent)
    return parent


def add_run(parser: argparse.ArgumentParser, *, optional: bool = False) -> None:
    parser.add_argument("run_ref", metavar="RUN", nargs="?" if optional else None, help=RUN_HELP)


def add_session(parser: argparse.ArgumentParser, help: str = SESSION_HELP) -> None:
    parser.add_argument("session", metavar="SESSION", help=help)


def confirm(question: str) -> bool:
    """Asks on a terminal; anywhere else (a script, a pipe) the answer is no."""
    if not sys.stdin.isatty():
        return False
    return input(f"{question} [y/N] ").strip().lower() in ("y", "yes")


def people(count: int) -> str:
    """'1 person', '2 people'."""
    return f"{count} {'person' if count == 1 else 'people'}"


# -- the attendance file ---------------------------------------------------------------


def friendly(command: Callable[[argparse.Namespace], int]) -> Callable[[argparse.Namespace], int]:
    """Anything the attendance layer refuses becomes one line and exit status 2."""

    @functools.wraps(command)
    def run(args: argparse.Namespace) -> int:
        from presenter.attendance.store import AttendanceError

        try:
            return command(args)
        except AttendanceError as exc:
            raise UsageError(f"{exc}; nothing was saved") from None

    return run


def open_store(data_dir: str | None):
    """The attendance file in the data folder, or one line saying why it cannot be opened."""
    import sqlite3

    from presenter.attendance.store import AttendanceError, cannot_open_message
    from presenter.attendance.store import open_store as open_attendance

    try:
        return open_attendance(data_dir, hold_window_lock=False)
    except (AttendanceError, OSError, sqlite3.DatabaseError) as exc:
        raise UsageError(cannot_open_message(exc)) from None


@contextlib.contextmanager
def open_run(args: argparse.Namespace) -> Iterator[tuple[object, int]]:
    """(the attendance file, the number of the run RUN names), for a command given both."""
    with open_store(args.data_dir) as store:
        yield store, resolve_run(store, args.run_ref)


def resolve_run(store, ref: str, *, option: str = "") -> int:
    """The number of the run `ref` names: "latest" (or "last") or a run's number.

    `option` is the option it came with (such as "--run"), to name it in the error."""
    from presenter.attendance.store import UnknownRun

    named = f'{option} "{ref}"' if option else f'"{ref}"'
    if ref.strip().lower() in LATEST:
        runs = store.runs()
        if not runs:
            raise UsageError("there are no runs yet; start one with `presenter runs new`")
        return max(r.id for r in runs)
    try:
        run_id = int(ref)
    except ValueError:
        raise UsageError(f"{named} is not a run number; `presenter runs list` shows them") from None
    try:
        store.run(run_id)
    except UnknownRun as exc:
        raise UsageError(str(exc)) from None
    return run_id


# -- sessions --------------------------------------------------------------------------


def find_session(text: str) -> Path | None:
    """The session file `text` names: a file that exists, else a bundled session by name;
    None when it is neither."""
    from presenter.agenda.bundled import bundled_session_path, bundled_sessions

    path = Path(text)
    if text.strip() and path.exists():
        return path
    if text in bundled_sessions():
        return bundled_session_path(text)
    return None


def session_path(text: str, *, then: str | None = None) -> Path:
    """`find_session`, or one line saying there is no such session; `then` is what to do."""
    path = find_session(text)
    if path is not None:
        return path
    if text.lower().endswith(".md"):
        raise UsageError(f"{text}: no such session file; {then or 'check the path'}")
    raise UsageError(
        f"{text}: no such session file or bundled session; "
        + (then or "give a .md file, or a name from `presenter sessions`")
    )


def read_session(text: str, *, then: str | None = None):
    """(session, its path, its warnings) for a file or a bundled name. A file with errors
    raises SessionProblems with the format's own lines (FILE:LINE: error: ...)."""
    from presenter.agenda.problems import SessionFileError
    from presenter.agenda.reader import load_session

    path = session_path(text, then=then)
    try:
        session, warnings = load_session(path)
    except SessionFileError as exc:
        raise SessionProblems(exc.problems or [str(exc)]) from None
    return session, path, warnings


def print_warnings(warnings: Sequence[object]) -> None:
    for warning in warnings:
        print(warning, file=sys.stderr)


def is_bundled(path: Path) -> bool:
    """Whether `path` is one of the sessions that ship inside the app."""
    from presenter.agenda.bundled import bundled_session_path

    return path.resolve().parent == bundled_session_path().parent.resolve()


# -- tables ----------------------------------------------------------------------------


def table(rows: Sequence[Sequence[str]], align: str = "", indent: str = "") -> list[str]:
    """Rows of cells as lines of aligned columns. `align` gives each column's side, "l" or
    "r" (left when not given); the last column is not padded."""
    if not rows:
        return []
    count = max(len(row) for row in rows)
    widths = [max(len(row[i]) for row in rows if i < len(row)) for i in range(count)]
    lines = []
    for row in rows:
        cells = []
        for i, cell in enumerate(row):
            last = i == len(row) - 1
            right = i < len(align) and align[i] == "r"
            cells.append(
                cell.rjust(widths[i]) if right else cell if last else cell.ljust(widths[i])
            )
        lines.append((indent + "  ".join(cells)).rstrip())
    return lines


def print_table(rows: Sequence[Sequence[str]], align: str = "", indent: str = "") -> None:
    for line in table(rows, align, indent):
        print(line)
