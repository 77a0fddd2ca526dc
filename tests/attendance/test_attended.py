"""The time each person attended, rounded to the quarter hour, as certificates give it."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from presenter.attendance.attended import (
    attended_minutes,
    build_evidence,
    hours_text,
    quarter_hours,
)
from presenter.attendance.model import AttendeeDetails

START = datetime(2026, 11, 25, 12, 0)
END = datetime(2026, 11, 25, 13, 0)


@pytest.mark.parametrize(
    ("seconds", "minutes"),
    [
        (0, 0),
        (-60, 0),
        (7 * 60 + 29, 0),
        (7 * 60 + 30, 15),  # half-way goes up
        (22 * 60 + 29, 15),
        (22 * 60 + 30, 30),
        (52 * 60 + 29, 45),
        (52 * 60 + 30, 60),
        (60 * 60, 60),
        (67 * 60 + 29, 60),
        (97 * 60 + 30, 105),
    ],
)
def test_time_is_rounded_to_the_nearest_quarter_hour(seconds, minutes):
    assert quarter_hours(seconds) == minutes


def test_time_counts_from_check_in_or_the_start_whichever_is_later():
    early = START - timedelta(minutes=20)
    assert attended_minutes(early, START, END) == 60
    assert attended_minutes(START + timedelta(minutes=20), START, END) == 45
    assert attended_minutes(START + timedelta(minutes=50), START, END) == 15
    assert attended_minutes(END + timedelta(minutes=5), START, END) == 0


@pytest.mark.parametrize(
    ("minutes", "text"),
    [
        (60, "1 hour"),
        (120, "2 hours"),
        (45, "45 minutes (0.75 hours)"),
        (75, "1 hour 15 minutes (1.25 hours)"),
        (0, "less than a quarter of an hour"),
    ],
)
def test_hours_are_written_as_a_cpd_log_wants_them(minutes, text):
    assert hours_text(minutes) == text


def test_evidence_of_a_run_not_yet_run_uses_its_planned_times(store, run_id, clock):
    store.check_in(run_id, AttendeeDetails("Sam Patel"))  # 11:55, before the start
    clock.advance(25 * 60)  # 12:20
    store.check_in(run_id, AttendeeDetails("Jo Smith"))
    evidence = build_evidence(store, run_id, outcomes=("Post with confidence",))
    assert [(p.name, p.minutes) for p in evidence.people] == [("Sam Patel", 60), ("Jo Smith", 45)]
    assert evidence.total_minutes == 105
    assert evidence.total_text() == (
        "Time attended in all: 1 hour 45 minutes (1.75 hours), by 2 people"
    )
    assert evidence.times_text() == "12:00 to 13:00 (as planned)"
    assert evidence.outcomes == ("Post with confidence",)


def test_nobody_on_the_roster_only_is_counted(store, run_id):
    store.add_to_roster(run_id, [AttendeeDetails("Did Not Come")])
    assert build_evidence(store, run_id).people == ()
