"""Rehearsal records: their own table, a file from before they existed upgraded in place, and
`presenter rehearsals` comparing each item with its plan."""

from __future__ import annotations

import contextlib
import sqlite3
from datetime import date, datetime

import pytest

from presenter import cli
from presenter.attendance.rehearsals import rehearsal, rehearsals, save_rehearsal
from presenter.attendance.store import MIGRATIONS, AttendanceError, open_store
from presenter.timing import RunClock
from tests.conftest import FakeClock
from tests.timing.helpers import three_items


def rehearse(store, clock: FakeClock) -> int:
    """Welcome 6 min (planned 5), Who to follow 9 min (planned 10), then stopped."""
    run = RunClock(three_items(), monotonic=clock.monotonic, wall=clock.wall, rehearsal=True)
    run.start()
    clock.advance(360)
    run.next()
    clock.advance(540)

    def save(record_id):
        return save_rehearsal(
            store,
            record_id,
            title=run.session.title,
            started_at=run.slot_start,
            state=run.state.value,
            slot_minutes=run.session.length,
            timings=run.timings(),
            at=clock.wall(),
        )

    record_id = save(None)
    run.finish()
    assert save(record_id) == record_id  # the same record, brought up to date
    return record_id


def test_a_rehearsal_is_kept_with_each_items_time_and_is_no_run(tmp_path):
    clock = FakeClock(datetime(2026, 11, 25, 9, 6))
    with open_store(tmp_path) as store:
        record = rehearsal(store, rehearse(store, clock))
        assert store.runs() == []
        assert [rehearsal.id for rehearsal in rehearsals(store)] == [record.id]
    assert record.finished
    assert record.started_at == datetime(2026, 11, 25, 9, 6)
    assert [(i.title, i.planned_minutes, i.took_seconds) for i in record.items] == [
        ("Welcome", 5, 360),
        ("Who to follow", 10, 540),
        ("Questions", 5, 0),
    ]
    assert record.items[0].over_seconds == 60


def test_an_unknown_rehearsal_says_how_to_find_them(tmp_path):
    with open_store(tmp_path) as store, pytest.raises(AttendanceError, match="rehearsals"):
        rehearsal(store, 7)


def test_a_file_from_before_rehearsals_is_upgraded_and_keeps_its_runs(tmp_path):
    path = tmp_path / "attendance.sqlite3"
    with contextlib.closing(sqlite3.connect(path, isolation_level=None)) as raw:
        for migration in MIGRATIONS[:2]:
            migration(raw)
        raw.execute("PRAGMA user_version = 2")
        raw.execute(
            "INSERT INTO runs (title, run_date, created_at) "
            "VALUES ('Twitter hour', '2026-11-20', '2026-11-20T12:00:00')"
        )
    with open_store(tmp_path) as store:
        assert store.schema_version == len(MIGRATIONS)
        assert [run.date for run in store.runs()] == [date(2026, 11, 20)]
        assert rehearsals(store) == []


def test_the_rehearsals_command_lists_planned_against_took(tmp_path, capsys):
    clock = FakeClock(datetime(2026, 11, 25, 9, 6))
    with open_store(tmp_path, hold_window_lock=False) as store:
        rehearse(store, clock)
    assert cli.main(["rehearsals", "--data-dir", str(tmp_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == (
        "Rehearsal 1 of Short session, 09:06 on 2026-11-25: took 15 min of 20 min planned"
    )
    assert lines[1].split() == ["Item", "Planned", "Took"]
    assert lines[2].split() == ["Welcome", "5", "min", "6", "min", "1", "min", "over"]
    assert lines[3].split() == ["Who", "to", "follow", "10", "min", "9", "min", "1", "min", "under"]
    assert lines[4].split() == ["Questions", "5", "min", "not", "reached"]
    assert cli.main(["runs", "list", "--data-dir", str(tmp_path)]) == 0
    assert capsys.readouterr().out.strip() == "no runs"


def test_no_rehearsals_yet_and_a_bad_count(tmp_path, capsys):
    assert cli.main(["rehearsals", "--data-dir", str(tmp_path)]) == 0
    assert "no rehearsals yet" in capsys.readouterr().out
    assert cli.main(["rehearsals", "--last", "0", "--data-dir", str(tmp_path)]) == 2
    assert "--last" in capsys.readouterr().err
