"""How long saving one run-clock action takes, against the floor of a bare SQLite commit.

One save is what the window does after every action on the run clock: take the clock's
snapshot, name the action, and write it durably (`history.save_clock`: one INSERT and a
COMMIT in WAL mode with synchronous=FULL). The floor is a bare `sqlite3` INSERT of the same
snapshot text and COMMIT into a file with the same pragmas. The two are interleaved one for
one over the actions of a simulated Twitter hour. Target: p95 of one save under 5 ms.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import tempfile
import time
from pathlib import Path

from measure import measuring, percentile  # bench/measure.py

from presenter.agenda.bundled import bundled_session_path
from presenter.agenda.reader import load_session
from presenter.attendance.clock_log import describe_action, save_clock
from presenter.attendance.store import open_store
from presenter.timing import RunClock

TARGET_MS = 5.0
ACTIONS = ("next", "toggle_pause", "toggle_pause", "lengthen", "shorten", "previous", "next")


def floor_connection(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path, isolation_level=None)
    for pragma in ("busy_timeout = 5000", "journal_mode = WAL", "synchronous = FULL",
                   "foreign_keys = ON", "secure_delete = ON"):  # fmt: skip
        db.execute(f"PRAGMA {pragma}")
    db.execute("CREATE TABLE saves (id INTEGER PRIMARY KEY, snapshot TEXT NOT NULL)")
    return db


class Clocks:
    """A clock that moves 20 s between actions, so the snapshots grow as a real run's do."""

    def __init__(self) -> None:
        from datetime import datetime

        self.seconds = 0.0
        self.start = datetime(2026, 11, 25, 12, 0)

    def monotonic(self) -> float:
        return self.seconds

    def wall(self):
        from datetime import timedelta

        return self.start + timedelta(seconds=self.seconds)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--saves", type=int, default=1000)
    args = parser.parse_args()
    print(measuring())
    session, _warnings = load_session(bundled_session_path())
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(Path(folder) / "ours", hold_window_lock=False)
        run = store.create_run_from_session(session, on=Clocks().start.date())
        floor = floor_connection(Path(folder) / "floor.sqlite3")
        ours, bare = [], []
        sizes = []
        clocks = Clocks()
        clock = RunClock(session, monotonic=clocks.monotonic, wall=clocks.wall)
        clock.start()
        last = clock.snapshot()
        for number in range(args.saves):
            clocks.seconds += 20
            if number % 40 == 39:  # a fresh run now and then, so snapshots stay a run's size
                clock = RunClock(session, monotonic=clocks.monotonic, wall=clocks.wall)
                clock.start()
            else:
                getattr(clock, ACTIONS[number % len(ACTIONS)])()
            start = time.perf_counter()
            snapshot = clock.snapshot()
            save_clock(store, run.id, describe_action(last, snapshot), snapshot, clocks.wall())
            ours.append(time.perf_counter() - start)
            last = snapshot
            text = json.dumps(snapshot)
            sizes.append(len(text))
            start = time.perf_counter()
            floor.execute("BEGIN IMMEDIATE")
            floor.execute("INSERT INTO saves (snapshot) VALUES (?)", (text,))
            floor.execute("COMMIT")
            bare.append(time.perf_counter() - start)
        store.close()
        floor.close()
    for label, values in (("one save", ours), ("floor (bare insert + commit)", bare)):
        p50, p95 = statistics.median(values), percentile(values, 0.95)
        print(f"{label}: p50 {p50 * 1000:.3f} ms, p95 {p95 * 1000:.3f} ms ({len(values)} saves)")
    p95 = percentile(ours, 0.95)
    verdict = "within" if p95 * 1000 < TARGET_MS else "OVER"
    print(f"one save p95 {p95 * 1000:.3f} ms (target under {TARGET_MS} ms: {verdict})")
    for name, share in (("p50", 0.5), ("p95", 0.95)):
        ratio = percentile(ours, share) / percentile(bare, share)
        print(f"{name} ratio to the floor: {ratio:.2f}")
    print(f"snapshot size: median {statistics.median(sizes):.0f} bytes, largest {max(sizes)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
