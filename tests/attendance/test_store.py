"""The attendance file: durable, private, versioned; check-ins, duplicates, undo, purge."""

from __future__ import annotations

import contextlib
import sqlite3
import stat
import sys
from datetime import date

import pytest

from presenter.attendance.model import AttendeeDetails
from presenter.attendance.paths import data_dir
from presenter.attendance.store import (
    MIGRATIONS,
    AttendanceError,
    AttendanceStore,
    DuplicateAttendee,
    InvalidDetails,
    UnknownRun,
    open_store,
)


def test_the_file_is_private_versioned_and_in_wal_mode(store, tmp_path):
    path = tmp_path / "data" / "attendance.sqlite3"
    assert store.path == path
    store.create_run("Twitter hour", on=date(2026, 11, 25))
    for private in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + ".lock")):
        assert stat.S_IMODE(private.stat().st_mode) == 0o600, private.name
    assert store.schema_version == len(MIGRATIONS)
    with contextlib.closing(sqlite3.connect(path)) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert raw.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)


def test_a_file_from_a_newer_presenter_is_refused_untouched(tmp_path):
    path = tmp_path / "attendance.sqlite3"
    raw = sqlite3.connect(path)
    raw.execute("PRAGMA user_version = 99")
    raw.close()
    with pytest.raises(AttendanceError, match="newer Presenter"):
        AttendanceStore(path)
    with contextlib.closing(sqlite3.connect(path)) as raw:
        assert raw.execute("PRAGMA user_version").fetchone()[0] == 99
        assert raw.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] == 0


def test_reopening_keeps_everything_and_runs_no_migration_twice(tmp_path, clock):
    with open_store(tmp_path, clock=clock.wall) as first:
        run = first.create_run("Twitter hour", on=date(2026, 11, 25))
        first.check_in(run.id, AttendeeDetails("Sam Patel"))
    with open_store(tmp_path, clock=clock.wall) as again:
        assert [p.name for p in again.attendees(run.id)] == ["Sam Patel"]
        assert again.schema_version == len(MIGRATIONS)


def test_data_dir_prefers_the_option_then_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("PRESENTER_DATA_DIR", str(tmp_path / "env"))
    assert data_dir() == tmp_path / "env"
    assert data_dir(str(tmp_path / "flag")) == tmp_path / "flag"
    monkeypatch.delenv("PRESENTER_DATA_DIR")
    assert data_dir().name == "presenter"


def test_a_second_window_on_the_same_file_is_told(tmp_path):
    with open_store(tmp_path) as first, open_store(tmp_path) as second:
        assert not first.another_window_open
        assert second.another_window_open
        run = first.create_run("Twitter hour", on=date(2026, 11, 25))
        second.check_in(run.id, AttendeeDetails("Sam Patel"))
        first.check_in(run.id, AttendeeDetails("Ana Costa"))
        assert first.summary(run.id).checked_in == 2
        assert first.integrity_ok()


def test_runs_keep_a_copy_of_the_agenda_and_can_be_renamed_and_deleted(store, run_id):
    run = store.run(run_id)
    assert run.agenda == (("Welcome and check-in", 5), ("Who to follow", 8))
    assert run.venue == "Library"
    assert run.facilitators == ("A. Facilitator", "B. Facilitator")
    assert store.rename_run(run_id, "Twitter hour (ward 12)").title == "Twitter hour (ward 12)"
    store.check_in(run_id, AttendeeDetails("Sam Patel"))
    store.delete_run(run_id)
    assert store.runs() == []
    with pytest.raises(UnknownRun):
        store.run(run_id)


def test_a_run_of_a_session_copies_its_agenda_and_source(tmp_path):
    agenda = pytest.importorskip("presenter.agenda.model")
    session = agenda.Session(
        title="Twitter hour",
        items=(agenda.AgendaItem("Welcome", 5), agenda.AgendaItem("Who to follow", 55)),
        facilitators=("A. Facilitator",),
        venue="Library",
    )
    with open_store(tmp_path) as store:
        run = store.create_run_from_session(session, on=date(2026, 11, 25), venue="Ward 12")
    assert run.agenda == (("Welcome", 5), ("Who to follow", 55))
    assert run.venue == "Ward 12"
    assert run.facilitators == ("A. Facilitator",)
    assert run.readiness == ()  # a session that names no readiness checks asks nothing
    assert "Who to follow" in store_source(tmp_path, run.id)


def store_source(folder, run_id: int) -> str:
    with contextlib.closing(sqlite3.connect(folder / "attendance.sqlite3")) as raw:
        query = "SELECT session_source FROM runs WHERE id = ?"
        return raw.execute(query, (run_id,)).fetchone()[0]


def test_check_in_records_the_time_readiness_and_lateness(store, run_id, clock):
    early = store.check_in(run_id, AttendeeDetails("Sam Patel", ready={"App installed"}))
    clock.advance(10 * 60)  # 12:05
    late = store.check_in(
        run_id, AttendeeDetails("Ana Costa", ready={"App installed", "Username ready"})
    )
    assert early.attendee.checked_in_at.strftime("%H:%M") == "11:55"
    assert not early.attendee.late
    assert late.attendee.late
    assert store.summary(run_id).text() == "2 checked in · 2 app installed · 1 username ready"


def test_fields_are_checked_and_the_handle_normalised(store, run_id):
    with pytest.raises(InvalidDetails) as caught:
        store.check_in(run_id, AttendeeDetails("Sam Patel", email="sam.patel"))
    assert caught.value.field == "email"
    assert "sam.patel" not in str(caught.value)  # no personal data in messages
    with pytest.raises(InvalidDetails):
        store.check_in(run_id, AttendeeDetails("   "))
    assert store.attendees(run_id) == []
    done = store.check_in(run_id, AttendeeDetails("Sam Patel", handle="https://x.com/sampatel_rn"))
    assert done.attendee.handle == "@sampatel_rn"
    assert store.check_in(run_id, AttendeeDetails("Jo", handle="jo_b")).attendee.handle == "@jo_b"


def test_the_same_name_or_email_is_caught_not_doubled(store, run_id):
    store.check_in(run_id, AttendeeDetails("Zoë Smith", email="zoe.smith@nhs.net"))
    with pytest.raises(DuplicateAttendee) as by_name:
        store.check_in(run_id, AttendeeDetails("zoe  SMITH"))
    assert by_name.value.reason == "name"
    with pytest.raises(DuplicateAttendee) as by_email:
        store.check_in(run_id, AttendeeDetails("Zoe S", email="Zoe.Smith@NHS.net"))
    assert by_email.value.reason == "email"
    assert len(store.attendees(run_id)) == 1


def test_merging_fills_in_details_and_keeps_the_first_time(store, run_id, clock):
    first = store.check_in(run_id, AttendeeDetails("Sam Patel", ready={"App installed"}))
    clock.advance(120)
    merged = store.check_in(
        run_id,
        AttendeeDetails("sam patel", role="Nurse", ready={"Username ready"}),
        on_duplicate="merge",
    )
    person = merged.attendee
    assert person.id == first.attendee.id
    assert person.name == "Sam Patel"
    assert person.role == "Nurse"
    assert person.ready == {"App installed", "Username ready"}
    assert person.checked_in_at == first.attendee.checked_in_at
    store.undo(merged)
    assert store.attendee(person.id).role == ""


def test_adding_a_second_person_with_the_same_name_on_purpose(store, run_id):
    store.check_in(run_id, AttendeeDetails("Sam Patel"))
    store.check_in(run_id, AttendeeDetails("Sam Patel", department="ED"), on_duplicate="add")
    assert store.summary(run_id).checked_in == 2


def test_undo_removes_a_walk_in_and_returns_a_roster_person_to_waiting(store, run_id):
    store.add_to_roster(run_id, [AttendeeDetails("Ana Costa", email="ana@nhs.net")])
    walk_in = store.check_in(run_id, AttendeeDetails("Sam Patel"))
    roster = store.check_in(run_id, AttendeeDetails("ana costa", ready={"App installed"}))
    assert roster.attendee.on_roster and roster.attendee.checked_in
    assert store.summary(run_id).checked_in == 2
    store.undo(roster)
    store.undo(walk_in)
    people = store.attendees(run_id)
    assert [(p.name, p.checked_in, p.ready) for p in people] == [("Ana Costa", False, frozenset())]


def test_search_ignores_case_and_accents_and_looks_at_email_and_department(store, run_id):
    store.add_to_roster(
        run_id,
        [
            AttendeeDetails("Zoë Ångström", department="Ward 12"),
            AttendeeDetails("Sam Patel", email="s.patel@nhs.net", department="Pharmacy"),
            AttendeeDetails("Samira Khan", department="Library"),
        ],
    )
    names = lambda text: [p.name for p in store.search(run_id, text)]  # noqa: E731
    assert names("zoe ang") == ["Zoë Ångström"]
    assert names("ANGSTROM") == ["Zoë Ångström"]
    assert names("sam") == ["Sam Patel", "Samira Khan"]
    assert names("pharm") == ["Sam Patel"]
    assert names("s.patel") == ["Sam Patel"]
    assert names("ward 12") == ["Zoë Ångström"]
    assert names("nobody") == []
    store.check_in(run_id, AttendeeDetails("Nia Jones"))
    assert names("nia") == ["Nia Jones"]  # the search sees new check-ins


def test_purge_deletes_people_but_keeps_the_counts(store, run_id, tmp_path):
    store.check_in(run_id, AttendeeDetails("Unique Purgeable Name", ready={"App installed"}))
    store.check_in(run_id, AttendeeDetails("Ana Costa"))
    store.purge_run(run_id)
    assert store.attendees(run_id) == []
    assert store.run(run_id).purged
    assert store.summary(run_id).text() == "2 checked in · 1 app installed · 0 username ready"
    assert store.run(run_id).checked_in == 2
    raw = (tmp_path / "data" / "attendance.sqlite3").read_bytes()
    assert b"Unique Purgeable Name" not in raw
    with pytest.raises(AttendanceError, match="purged"):
        store.check_in(run_id, AttendeeDetails("Late Comer"))


def test_old_runs_are_listed_for_purging(store, clock):
    old = store.create_run("Twitter hour", on=date(2026, 1, 10))
    recent = store.create_run("Twitter hour", on=date(2026, 11, 20))
    assert [r.id for r in store.runs_older_than(30)] == [old.id]
    store.purge_run(old.id)
    assert store.runs_older_than(30) == []
    assert recent.id in [r.id for r in store.runs()]


def test_the_attendance_core_imports_no_qt():
    import subprocess

    code = (
        "import sys, presenter.attendance, presenter.attendance.roster, "
        "presenter.attendance.export; print('PySide6' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_the_summary_keeps_acronyms_in_check_names(store):
    run = store.create_run(
        "Twitter hour", on=date(2026, 11, 25), readiness=["NHS app installed", "Username ready"]
    )
    store.check_in(run.id, AttendeeDetails("Sam Patel", ready={"NHS app installed"}))
    assert store.summary(run.id).text() == "1 checked in · 1 NHS app installed · 0 username ready"


def test_a_file_held_by_another_window_is_a_clear_error_not_a_crash(run_id, tmp_path):
    path = tmp_path / "data" / "attendance.sqlite3"
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")  # another process in the middle of a long write
    with AttendanceStore(path, busy_timeout_ms=1) as impatient:
        try:
            with pytest.raises(AttendanceError, match="could not be written"):
                impatient.check_in(run_id, AttendeeDetails("Sam Patel"))
        finally:
            blocker.execute("ROLLBACK")
            blocker.close()
        assert impatient.check_in(run_id, AttendeeDetails("Sam Patel")).attendee.name


def test_a_later_migration_upgrades_an_existing_file_and_keeps_its_data(tmp_path, monkeypatch):
    import presenter.attendance.store as store_module

    with open_store(tmp_path) as old:
        run = old.create_run("Twitter hour", on=date(2026, 11, 25))
        old.check_in(run.id, AttendeeDetails("Sam Patel"))

    def add_later_notes(db):
        db.execute("CREATE TABLE later_notes (run_id INTEGER REFERENCES runs(id), note TEXT)")

    monkeypatch.setattr(store_module, "MIGRATIONS", (*MIGRATIONS, add_later_notes))
    with open_store(tmp_path) as upgraded:
        assert upgraded.schema_version == len(MIGRATIONS) + 1
        assert [p.name for p in upgraded.attendees(run.id)] == ["Sam Patel"]
        upgraded._db.execute("SELECT note FROM later_notes").fetchall()
