"""A run remembers the length it ran at (a ward's 15 minutes of the library hour), an older
attendance file gains that without losing anything, and history compares like with like."""

from __future__ import annotations

import contextlib
import sqlite3
from datetime import date, datetime

from presenter.attendance.clock_log import run_session
from presenter.attendance.history import session_history
from presenter.attendance.model import AttendeeDetails
from presenter.attendance.store import MIGRATIONS, open_store
from presenter.timing.fit import fit_session
from tests.attendance.test_history import SESSION, Recorded

WARD = fit_session(SESSION, 15).session  # Welcome 5 (fixed), Who to follow 5, Top tips 5


def test_a_file_from_before_fitted_runs_is_upgraded_and_keeps_everything(tmp_path):
    path = tmp_path / "attendance.sqlite3"
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as raw:
        for migration in MIGRATIONS[:3]:
            migration(raw)
        raw.execute("PRAGMA user_version = 3")
        raw.execute(
            "INSERT INTO runs (title, run_date, length_minutes, venue, agenda, created_at) "
            "VALUES ('Twitter hour', '2026-11-20', 45, 'Library', "
            '\'[{"title": "Welcome", "minutes": 5}]\', \'2026-11-20T12:00:00\')'
        )
        raw.execute(
            "INSERT INTO attendees (run_id, name, name_key, checked_in_at, created_at) "
            "VALUES (1, 'Sam Patel', 'sam patel', '2026-11-20T12:01:00', '2026-11-20T12:01:00')"
        )
        raw.execute(
            "INSERT INTO clock_saves (run_id, action, state, snapshot, saved_at) "
            "VALUES (1, 'start', 'running', '{}', '2026-11-20T12:02:00')"
        )
        raw.execute(
            "INSERT INTO rehearsals (title, started_at, saved_at, state, slot_minutes) "
            "VALUES ('Twitter hour', '2026-11-19T09:00:00', '2026-11-19T10:00:00', 'finished', 60)"
        )
    with open_store(tmp_path) as store:
        assert store.schema_version == len(MIGRATIONS)
        [run] = store.runs()
        assert (run.title, run.date, run.length, run.venue) == (
            "Twitter hour",
            date(2026, 11, 20),
            45,
            "Library",
        )
        assert run.agenda == (("Welcome", 5),)
        assert run.fitted_from is None  # ran at its own length
        assert [p.name for p in store.attendees(run.id)] == ["Sam Patel"]
        assert store.summary(run.id).checked_in == 1
        assert store.query("SELECT count(*) FROM clock_saves").fetchone()[0] == 1
        assert store.query("SELECT count(*) FROM rehearsals").fetchone()[0] == 1


def test_a_run_replanned_before_its_start_keeps_the_fitted_plan_and_where_it_came_from(store):
    run = store.create_run_from_session(SESSION, on=date(2026, 11, 25), venue="Ward 12")
    assert (run.length, run.fitted_from) == (60, None)
    replanned = store.replan_run(run.id, WARD, fitted_from=60)
    assert (replanned.length, replanned.fitted_from, replanned.venue) == (15, 60, "Ward 12")
    assert replanned.agenda == (("Welcome and check-in", 5), ("Who to follow", 5), ("Top tips", 5))
    assert run_session(store, run.id).items == WARD.items  # what a resume would run
    assert store.run(run.id) == replanned


def _run(store, clock, session, day: int, venue: str, minutes: tuple[int, int, int]) -> None:
    """One run of `session` on 2 + `day` November, each item taking `minutes`."""
    moment = datetime(2026, 11, 2 + day, 12, 0)
    clock.jump_wall((moment - clock.wall()).total_seconds())
    run = store.create_run_from_session(session, on=moment.date(), venue=venue)
    store.check_in(run.id, AttendeeDetails(f"Person {day}"))
    recorded = Recorded(store, clock, run.id, session)
    recorded.do("start")
    for taken in minutes[:-1]:
        clock.advance(taken * 60)
        recorded.do("next")
    clock.advance(minutes[-1] * 60)
    recorded.do("finish")


def test_history_suggests_and_compares_only_from_runs_of_the_same_length(store, clock):
    for day in (0, 7):  # the library hour: Who to follow runs 3 minutes over
        _run(store, clock, SESSION, day, "Library", (5, 10, 8))
    for day in (1, 8, 15):  # the ward's quarter hour: Top tips runs 2 minutes over
        _run(store, clock, WARD, day, "Ward 12", (5, 5, 7))

    hour = session_history(store, "Twitter hour", SESSION)
    assert hour.length == 60
    assert len(hour.runs) == 5  # every run is listed
    assert [r.run.venue for r in hour.compared] == ["Library", "Library"]
    follow = hour.items[1]
    assert (follow.title, follow.runs_over, follow.runs_timed) == ("Who to follow", 2, 2)
    assert hour.items[2].runs_over == 0  # the ward's overruns of Top tips do not count here
    assert [s.text() for s in hour.suggestions] == [
        "Who to follow ran 3 minutes over in 2 of 2 runs: plan 10 minutes?"
    ]
    assert hour.other_lengths() == (
        "3 runs of 15 minutes are listed but not compared with the 60-minute runs"
    )
    assert [v.text() for v in hour.by_venue()] == [
        "Library (60 min): 2 runs, 1.0 people on average, App installed 0%, "
        "Username ready 0%, 3 min over on average",
        "Ward 12 (15 min): 3 runs, 1.0 people on average, App installed 0%, "
        "Username ready 0%, 2 min over on average",
    ]

    ward = session_history(store, "Twitter hour", WARD)
    assert ward.length == 15
    assert [s.text() for s in ward.suggestions] == [
        "Top tips ran 2 minutes over in 3 of 3 runs: plan 7 minutes?"
    ]
    assert session_history(store, "Twitter hour", length=15).suggestions == ward.suggestions
    assert session_history(store, "Twitter hour").length == 15  # the latest run's length


def test_a_session_run_at_one_length_only_says_nothing_about_other_lengths(store, clock):
    _run(store, clock, SESSION, 0, "Library", (5, 7, 8))
    history = session_history(store, "Twitter hour", SESSION)
    assert history.other_lengths() == ""
    assert [v.venue for v in history.by_venue()] == ["Library"]


def test_the_history_command_gives_each_runs_length_and_which_it_compares(store, clock, capsys):
    from presenter.cli import main

    _run(store, clock, SESSION, 0, "Library", (5, 10, 8))
    for day in (1, 8):
        _run(store, clock, WARD, day, "Ward 12", (5, 5, 7))
    data = str(store.path.parent)
    assert main(["history", "Twitter hour", "--data-dir", data]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[3].split()[:4] == ["date", "venue", "min", "came"]
    assert "2026-11-02  Library  60" in out
    assert "2026-11-03  Ward 12  15" in out
    assert "1 run of 60 minutes is listed but not compared with the 15-minute runs" in out
    assert "Top tips ran 2 minutes over in 2 of 2 runs: plan 7 minutes?" in out
    assert main(["history", "Twitter hour", "--length", "60", "--data-dir", data]) == 0
    out = capsys.readouterr().out
    assert "2 runs of 15 minutes are listed but not compared with the 60-minute runs" in out
    assert "Top tips ran" not in out
