"""Shared test set-up: Qt runs offscreen, time is a fake clock that tests move by hand."""

from __future__ import annotations

import os
from datetime import datetime, timedelta

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Property tests: the same examples on every CI run (so a fresh clone's first run is never
# red by chance), fresh random ones on a developer's machine.
from hypothesis import settings

settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
settings.load_profile(
    "ci" if os.environ.get("CI", "").lower() in ("1", "true", "yes") else "default"
)


class FakeClock:
    """A monotonic clock and a wall clock that only move when a test calls `advance`."""

    def __init__(self, wall: datetime | None = None) -> None:
        self._monotonic = 1000.0
        self._wall = wall or datetime(2026, 11, 25, 11, 55, 0)

    def monotonic(self) -> float:
        return self._monotonic

    def wall(self) -> datetime:
        return self._wall

    def advance(self, seconds: float) -> None:
        """Both clocks move on together, as they do on a computer left running."""
        self._monotonic += seconds
        self._wall += timedelta(seconds=seconds)

    def jump_wall(self, seconds: float) -> None:
        """Only the wall clock moves: the user or NTP set the time."""
        self._wall += timedelta(seconds=seconds)

    def reboot(self, seconds_later: float) -> None:
        """The computer restarted: the wall clock moved on, the monotonic clock began again."""
        self._wall += timedelta(seconds=seconds_later)
        self._monotonic = 5.0


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def presenter(tmp_path, capsys):
    """Run `presenter ARGS` in this process against a fresh data folder, as a facilitator
    types it: --data-dir goes after the command's words (its first two)."""
    from presenter.cli import main

    def run(*args: str) -> tuple[int, str, str]:
        status = main([*args[:2], "--data-dir", str(tmp_path / "data"), *args[2:]])
        out, err = capsys.readouterr()
        return status, out, err

    return run


@pytest.fixture(scope="session")
def cluster():
    """A throwaway PostgreSQL server for the shared-record tests (tests/attendance/pg_server.py),
    started once for the run; tests asking for it skip without PostgreSQL's server."""
    from tests.attendance.pg_server import Cluster

    server = Cluster()
    yield server
    server.stop()
    server.remove()


@pytest.fixture
def dialogs(monkeypatch):
    """Every dialog the app can open, faked: a test answers the ones it expects, and any
    other fails it instead of waiting for a click (tests/ui/dialog_fakes.py says how)."""
    from tests.ui.dialog_fakes import DialogFakes  # Qt only for the tests that ask for it

    fakes = DialogFakes(monkeypatch)
    yield fakes
    fakes.check()


@pytest.fixture(autouse=True)
def every_export_is_valid(request, monkeypatch, tmp_path_factory):
    """Every deck a test exports in this process is checked as PowerPoint would open it
    (tests/deck/valid.py): no schema error, nothing it would offer to repair. A test that
    writes a broken deck on purpose says so with `@pytest.mark.broken_deck`."""
    if request.node.get_closest_marker("broken_deck"):
        yield
        return
    from presenter.deck import writer

    made: list[bytes] = []
    original = writer.deck_bytes

    def watched(prs) -> bytes:
        data = original(prs)
        made.append(data)
        return data

    monkeypatch.setattr(writer, "deck_bytes", watched)
    yield
    if made:
        from tests.deck.valid import repair_problems

        folder = tmp_path_factory.mktemp("exported")
        for number, data in enumerate(made, 1):
            path = folder / f"export-{number}.pptx"
            path.write_bytes(data)
            problems = repair_problems(path)
            assert not problems, f"export {number} would be repaired:\n" + "\n".join(problems)
