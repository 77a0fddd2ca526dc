"""The shared record: runs and attendance published to a real PostgreSQL server.

A throwaway cluster (tests/attendance/pg_server.py) is started once for these tests; each
test has its own database. Without PostgreSQL's server installed they skip.
"""

from __future__ import annotations

import threading
import time as wall_time
from datetime import date, datetime

import psycopg
import pytest

from presenter.agenda.model import AgendaItem, Session
from presenter.attendance.clock_log import describe_action, save_clock
from presenter.attendance.feedback import give_feedback
from presenter.attendance.model import AttendeeDetails
from presenter.attendance.publish import join_code, join_run, pending, push
from presenter.attendance.shared import (
    SharedRecordError,
    SharedSettings,
    check_connection_text,
    load_settings,
    save_settings,
)
from presenter.attendance.shared_report import report_rows
from presenter.attendance.store import open_store
from presenter.timing.clock import RunClock
from tests.attendance.pg_server import Cluster, server_binaries
from tests.conftest import FakeClock

pytestmark = pytest.mark.skipif(
    server_binaries() is None, reason="PostgreSQL's server is not installed (.ci/run installs it)"
)
SESSION = Session(
    title="Twitter hour",
    venue="Library",
    readiness=("App installed", "Username ready"),
    items=(AgendaItem("Welcome", 5, fixed=True), AgendaItem("Who to follow", 10)),
)


@pytest.fixture
def settings(cluster, request) -> SharedSettings:
    """A fresh database on the cluster for this test."""
    name = "t_" + request.node.name.lower().replace("[", "_").replace("]", "")[:50]
    return SharedSettings(cluster.fresh_database(name))


def server_rows(settings: SharedSettings, sql: str, params: tuple = ()) -> list[tuple]:
    with psycopg.connect(settings.connection) as connection:
        return connection.execute(sql, params).fetchall()


def a_whole_run(store, clock: FakeClock, people=("Sam Patel", "Ana Costa", "Jo Bloggs")) -> int:
    """A run with check-ins, readiness, a timed clock and feedback: all offline."""
    run = store.create_run_from_session(SESSION, on=clock.wall().date())
    for number, name in enumerate(people):
        ready = {"App installed"} if number % 2 == 0 else set()
        store.check_in(run.id, AttendeeDetails(name, role="Nurse", department="Ward 7",
                                                email=f"{name.split()[0].lower()}@example.org",
                                                ready=ready))  # fmt: skip
    timer = RunClock(SESSION, monotonic=clock.monotonic, wall=clock.wall)
    last = None
    for action, seconds in (("start", 0), ("next", 6 * 60), ("finish", 9 * 60)):
        clock.advance(seconds)
        getattr(timer, action)()
        snapshot = timer.snapshot()
        save_clock(store, run.id, describe_action(last, snapshot), snapshot, clock.wall())
        last = snapshot
    first = store.attendees(run.id)[0]
    give_feedback(store, first.id, 5, "Useful", at=clock.wall())
    return run.id


def counts(settings: SharedSettings) -> dict[str, int]:
    tables = ("runs", "attendees", "feedback", "clock_saves")
    return {t: server_rows(settings, f"SELECT count(*) FROM {t}")[0][0] for t in tables}


def test_a_run_made_with_the_server_down_is_published_when_it_is_back(
    tmp_path, cluster, settings, clock
):
    cluster.stop()
    try:
        with open_store(tmp_path / "data", clock=clock.wall) as store:
            run_id = a_whole_run(store, clock)  # exactly as today, with no server
            waiting = pending(store)
            with pytest.raises(SharedRecordError, match="cannot be reached"):
                push(store, settings)
            assert pending(store) == waiting  # nothing lost
    finally:
        cluster.start()
    with open_store(tmp_path / "data", clock=clock.wall) as store:
        assert (
            str(push(store, settings)) == "published 1 runs, 3 people, 1 feedback, 3 clock records"
        )
        assert str(push(store, settings)).startswith("nothing to publish")
        assert store.run(run_id).title == "Twitter hour"
    assert counts(settings) == {"runs": 1, "attendees": 3, "feedback": 1, "clock_saves": 3}
    ((planned, actual),) = server_rows(settings, "SELECT planned_minutes, actual_minutes FROM runs")
    assert (float(planned), float(actual)) == (15.0, 15.0)


def test_publishing_everything_again_changes_nothing(tmp_path, settings, clock):
    with open_store(tmp_path / "data", clock=clock.wall) as store:
        a_whole_run(store, clock)
        push(store, settings)
        before = server_rows(
            settings, "SELECT uid, person_uid, name, role FROM attendees ORDER BY uid"
        )
        with store.transaction() as db:  # as if every row had changed: all sent again
            for table in ("runs", "attendees", "clock_saves"):
                db.execute(f"INSERT OR REPLACE INTO outbox (entity, uid, op) "
                           f"SELECT '{table}', uid, 'upsert' FROM {table}")  # fmt: skip
        push(store, settings)
    assert counts(settings) == {"runs": 1, "attendees": 3, "feedback": 1, "clock_saves": 3}
    assert (
        server_rows(settings, "SELECT uid, person_uid, name, role FROM attendees ORDER BY uid")
        == before
    )


def test_a_server_stopped_mid_publish_loses_nothing_and_doubles_nothing(
    tmp_path, cluster, settings, clock
):
    with open_store(tmp_path / "data", clock=clock.wall) as store:
        a_whole_run(store, clock)
        push(store, settings)  # makes the tables
        for name in ("Lee Wong", "Kim Ode"):
            store.check_in(store.runs()[0].id, AttendeeDetails(name))
        # Each person published now waits on the server for a lock this test holds, so the
        # publish is caught mid-way, inside its transaction, when the server is stopped.
        with psycopg.connect(settings.connection, autocommit=True) as connection:
            connection.execute(
                "CREATE FUNCTION held() RETURNS trigger LANGUAGE plpgsql AS "
                "$$ BEGIN PERFORM pg_advisory_xact_lock(4242); RETURN NEW; END $$"
            )
            connection.execute("CREATE TRIGGER held BEFORE INSERT ON attendees "
                               "FOR EACH ROW EXECUTE FUNCTION held()")  # fmt: skip
        holder = psycopg.connect(settings.connection, autocommit=True)
        holder.execute("SELECT pg_advisory_lock(4242)")
        stopper = threading.Thread(target=stop_once_the_publish_waits, args=(cluster,))
        stopper.start()
        try:
            with pytest.raises(SharedRecordError, match="nothing was lost"):
                push(store, settings)
        finally:
            stopper.join()
            holder.close()
            cluster.start()
        assert pending(store)["attendees"] == 2
        with psycopg.connect(settings.connection, autocommit=True) as connection:
            connection.execute("DROP TRIGGER held ON attendees")
        assert "2 people" in str(push(store, settings))
    names = [n for (n,) in server_rows(settings, "SELECT name FROM attendees ORDER BY name")]
    assert names == ["Ana Costa", "Jo Bloggs", "Kim Ode", "Lee Wong", "Sam Patel"]


def stop_once_the_publish_waits(cluster: Cluster) -> None:
    """Stop the server abruptly as soon as the publish is waiting on it (a minute at most)."""
    deadline = wall_time.monotonic() + 60
    while not cluster.backends_waiting_on_a_lock() and wall_time.monotonic() < deadline:
        pass
    cluster.stop("immediate")


def test_two_laptops_at_one_door_give_one_run_with_each_person_once(tmp_path, settings):
    clock = FakeClock(datetime(2026, 3, 4, 11, 55))
    with open_store(tmp_path / "first", clock=clock.wall) as first:
        run = first.create_run_from_session(SESSION, on=date(2026, 3, 4))
        first.check_in(run.id, AttendeeDetails("Sam Patel", email="sam@example.org"))
        first.check_in(run.id, AttendeeDetails("Ana Costa"))
        push(first, settings)
        (uid,) = first.query("SELECT uid FROM runs WHERE id = ?", (run.id,)).fetchone()
    with open_store(tmp_path / "second", clock=clock.wall) as second:
        joined = join_run(second, settings, join_code(uid).lower().replace("-", ""))
        assert second.run(joined).title == "Twitter hour"
        # Sam queued at both laptops; Jo only at the second.
        second.check_in(joined, AttendeeDetails("Sam  patel", email="SAM@example.org"))
        second.check_in(joined, AttendeeDetails("Jo Bloggs"))
        push(second, settings)
    assert server_rows(settings, "SELECT count(*) FROM runs") == [(1,)]
    assert server_rows(settings, "SELECT count(*), count(DISTINCT person_uid) FROM attendees") == [
        (4, 3)
    ]
    with psycopg.connect(settings.connection) as connection:
        rows = report_rows(connection, date(2026, 1, 1), date(2026, 12, 31))
    assert ["Runs per session and venue", "Twitter hour · Library", "1", "3", ""] in rows


def test_a_purge_is_published_and_the_server_keeps_only_counts(tmp_path, settings, clock):
    with open_store(tmp_path / "data", clock=clock.wall) as store:
        run_id = a_whole_run(store, clock)
        push(store, settings)
        store.purge_run(run_id)
        push(store, settings)
    assert counts(settings) == {"runs": 1, "attendees": 0, "feedback": 0, "clock_saves": 3}
    ((kept,),) = server_rows(settings, "SELECT purged_counts FROM runs")
    assert kept["checked_in"] == 3 and kept["ratings"] == [5]
    with psycopg.connect(settings.connection) as connection:
        rows = report_rows(connection, date(2026, 1, 1), date(2026, 12, 31))
    assert ["People per month", "2026-11", "1", "3", ""] in rows


def test_the_report_matches_a_hand_count(tmp_path, settings):
    """Three runs in two months at two venues, counted by hand below."""
    clock = FakeClock(datetime(2026, 3, 4, 11, 55))
    with open_store(tmp_path / "data", clock=clock.wall) as store:
        plan = [
            (date(2026, 3, 4), "Library", [("Sam", "Ward 7", {"App installed"}, 5),
                                           ("Ana", "Ward 7", set(), 4)]),
            (date(2026, 3, 18), "Ward 12", [("Jo", "Ward 12", {"App installed", "Username ready"}, 3)]),
            (date(2026, 4, 1), "Library", [("Lee", "Pharmacy", {"App installed"}, None),
                                           ("Kim", "", set(), 4), ("Ola", "Ward 7", set(), None)]),
        ]  # fmt: skip
        for on, venue, people in plan:
            run = store.create_run_from_session(SESSION, on=on, venue=venue)
            for name, ward, ready, rating in people:
                person = store.check_in(run.id, AttendeeDetails(name, department=ward, ready=ready))
                if rating:
                    give_feedback(store, person.attendee.id, rating, at=clock.wall())
        store.add_to_roster(run.id, [AttendeeDetails("Booked but absent")])
        push(store, settings)
    with psycopg.connect(settings.connection) as connection:
        rows = {
            (r[0], r[1]): r[2:]
            for r in report_rows(connection, date(2026, 1, 1), date(2026, 12, 31))
        }
    assert rows[("Runs per session and venue", "Twitter hour · Library")] == ["2", "5", ""]
    assert rows[("Runs per session and venue", "Twitter hour · Ward 12")] == ["1", "1", ""]
    assert rows[("People per month", "2026-03")] == ["2", "3", ""]
    assert rows[("People per month", "2026-04")] == ["1", "3", ""]
    assert rows[("People per ward or department", "Ward 7")] == ["2", "3", ""]
    assert rows[("People per ward or department", "(not given)")] == ["1", "1", ""]
    # App installed: Sam, Jo, Lee of 6 people; Username ready: Jo of 6.
    assert rows[("Readiness", "App installed")] == ["3", "6", "50% (3)"]
    assert rows[("Readiness", "Username ready")] == ["3", "6", "17% (1)"]
    # Ratings 5, 4, 3, 4: 16 / 4 = 4.0.
    assert rows[("Average rating", "Twitter hour")] == ["3", "4", "4.0 of 5"]


def test_published_details_follow_the_setting(tmp_path, settings, clock):
    with open_store(tmp_path / "data", clock=clock.wall) as store:
        a_whole_run(store, clock)
        push(store, settings)
    rows = server_rows(settings, "SELECT name, role, email, staff_number FROM attendees")
    assert {r[2] for r in rows} == {None} and {r[0] for r in rows} >= {"Sam Patel"}
    with_email = SharedSettings(settings.connection, ("role", "email"))
    with open_store(tmp_path / "other", clock=clock.wall) as store:
        a_whole_run(store, clock, people=("Lee Wong",))
        push(store, with_email)
    assert ("lee@example.org", None) in server_rows(settings, "SELECT email, name FROM attendees")


def test_no_password_is_kept_in_the_settings(tmp_path):
    with pytest.raises(SharedRecordError, match="pgpass"):
        check_connection_text("postgresql://app:secret@db.example.org/library")
    with pytest.raises(SharedRecordError, match="pgpass"):
        check_connection_text("host=db.example.org password=secret")
    save_settings(tmp_path, SharedSettings("service=library"))
    assert "secret" not in (tmp_path / "shared.ini").read_text()
    assert load_settings(tmp_path) == SharedSettings("service=library")


def test_a_laptop_with_no_record_set_up_is_told_how(tmp_path):
    with pytest.raises(SharedRecordError, match="presenter shared setup"):
        load_settings(tmp_path)


def test_the_command_line_publishes_and_reports(presenter, tmp_path, settings):
    assert presenter("shared", "setup", settings.connection)[0] == 0
    assert presenter("runs", "new", "twitter-hour", "--venue", "Library")[0] == 0
    assert presenter("checkin", "latest", "Sam Patel", "--role", "Nurse")[0] == 0
    status, out, err = presenter("shared", "check")
    assert status == 0 and "to publish" in out, err
    assert "published 1 runs, 1 people" in presenter("shared", "push")[1]
    assert "nothing to publish" in presenter("shared", "push")[1]
    assert "join code" in presenter("shared", "code", "latest")[1]
    target = tmp_path / "activity.csv"
    status, out, err = presenter(
        "shared", "report", "--from", "2026-01-01", "--to", "2026-12-31", "-o", str(target)
    )
    assert status == 0, err
    text = target.read_text(encoding="utf-8-sig")
    assert "Runs per session and venue" in text and "Sam Patel" not in text
    status, out, err = presenter("shared", "setup", "postgresql://app:secret@db.example.org/x")
    assert status == 2 and "secret" not in err and "pgpass" in err
