"""The schedule maths: when each item starts and ends, how the agenda fits the slot, and how
a slot's minutes are shared out across items that carry none."""

from __future__ import annotations

from datetime import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from presenter.agenda.model import AgendaItem, Kind, Session
from presenter.agenda.timetable import (
    MAX_MINUTES,
    clock_time,
    format_clock,
    minutes_of_day,
    schedule,
    share_minutes,
    slot_fit,
)


def session(*minutes: int, start: time = time(12, 0), length: int = 60) -> Session:
    items = tuple(AgendaItem(f"Item {n}", m) for n, m in enumerate(minutes, start=1))
    return Session("Twitter hour", items=items, start=start, length=length)


def clocks(plan: Session) -> list[tuple[str, str]]:
    return [(format_clock(s.start), format_clock(s.end)) for s in schedule(plan)]


# -- times of day ------------------------------------------------------------------------------


def test_an_item_that_starts_at_noon_for_five_minutes_ends_at_five_past():
    (welcome,) = schedule(session(5))
    assert (welcome.start, welcome.end) == (time(12, 0), time(12, 5))
    assert (welcome.start_offset, welcome.end_offset) == (0, 5)


def test_each_item_starts_when_the_one_before_ends():
    assert clocks(session(5, 8, 12, 30, 5)) == [
        ("12:00", "12:05"),
        ("12:05", "12:13"),
        ("12:13", "12:25"),
        ("12:25", "12:55"),
        ("12:55", "13:00"),
    ]


def test_the_schedule_starts_at_the_sessions_own_start_time():
    assert clocks(session(10, 20, start=time(12, 30))) == [("12:30", "12:40"), ("12:40", "13:00")]


def test_an_item_that_runs_past_midnight_ends_early_the_next_morning():
    assert clocks(session(15, 20, start=time(23, 30))) == [("23:30", "23:45"), ("23:45", "00:05")]


def test_an_empty_agenda_has_nothing_scheduled_and_fits_with_the_whole_slot_spare():
    plan = session()
    assert schedule(plan) == []
    fit = slot_fit(plan)
    assert (fit.planned, fit.spare, fit.over, fit.crossing) == (0, 60, 0, None)


def test_clock_times_are_shown_as_two_digit_hours_and_minutes():
    assert format_clock(time(9, 5)) == "09:05"
    assert format_clock(time(13, 0)) == "13:00"


def test_minutes_wrap_around_the_day_both_ways():
    assert minutes_of_day(time(12, 41)) == 12 * 60 + 41
    assert clock_time(MAX_MINUTES + 10) == time(0, 10)
    assert clock_time(-10) == time(23, 50)  # "start wrapping up 10 minutes before 00:00"


def test_the_schedule_keeps_each_items_own_details():
    demo = AgendaItem("Who to follow", 8, kind=Kind.DEMO, fixed=True)
    (placed,) = schedule(Session("Twitter hour", items=(demo,)))
    assert placed.item is demo
    assert placed.index == 0


# -- fitting the slot ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("minutes", "spare", "over", "words"),
    [
        ((5, 40), 15, 0, "45 of 60 minutes planned, 15 spare"),
        ((19, 40), 1, 0, "59 of 60 minutes planned, 1 spare"),
        ((20, 40), 0, 0, "60 minutes planned: exactly the 60-minute slot"),
        ((30, 40), -10, 10, "70 minutes planned: 10 over the 60-minute slot"),
    ],
)
def test_the_slot_says_how_many_minutes_are_spare_or_over(minutes, spare, over, words):
    fit = slot_fit(session(*minutes))
    assert (fit.planned, fit.length, fit.spare, fit.over) == (sum(minutes), 60, spare, over)
    assert fit.describe() == words


def test_the_first_item_to_run_past_the_slot_end_is_named():
    fit = slot_fit(session(20, 30, 15, 10))
    assert fit.crossing is not None
    assert (fit.crossing.item.title, format_clock(fit.crossing.end)) == ("Item 3", "13:05")


def test_an_item_ending_exactly_when_the_slot_ends_is_not_over():
    assert slot_fit(session(30, 30)).crossing is None
    assert slot_fit(session(30, 31)).crossing.index == 1


def test_a_shorter_slot_is_measured_against_its_own_length():
    fit = slot_fit(session(5, 10, length=15))
    assert (fit.spare, fit.crossing) == (0, None)
    assert slot_fit(session(5, 11, length=15)).describe() == (
        "16 minutes planned: 1 over the 15-minute slot"
    )


def test_a_fixed_item_cannot_be_squeezed_and_a_flexible_one_down_to_its_minimum():
    assert AgendaItem("Welcome", 5, fixed=True, min_minutes=2).minimum == 5
    assert AgendaItem("Top tips", 8, min_minutes=3).minimum == 3
    assert AgendaItem("Top tips", 8).minimum == 1


# -- sharing a slot out --------------------------------------------------------------------------


def test_an_hour_over_seven_slides_gives_the_first_ones_the_spare_minutes():
    assert share_minutes(60, 7) == [9, 9, 9, 9, 8, 8, 8]


def test_an_hour_over_four_slides_shares_evenly():
    assert share_minutes(60, 4) == [15, 15, 15, 15]


def test_more_slides_than_minutes_still_gives_each_slide_a_minute():
    assert share_minutes(3, 5) == [1, 1, 1, 1, 1]


def test_no_slides_share_nothing():
    assert share_minutes(60, 0) == []


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=1, max_value=MAX_MINUTES), st.integers(min_value=1, max_value=300))
def test_shares_add_up_to_the_slot_and_differ_by_at_most_a_minute(total, count):
    shares = share_minutes(total, count)
    assert len(shares) == count
    assert min(shares) >= 1
    assert max(shares) - min(shares) <= 1
    assert shares == sorted(shares, reverse=True)  # the longer shares come first
    assert sum(shares) == max(total, count)  # the whole slot, unless it has too few minutes


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.integers(min_value=1, max_value=120), max_size=30),
    st.integers(min_value=0, max_value=23),
    st.integers(min_value=0, max_value=59),
    st.integers(min_value=1, max_value=MAX_MINUTES),
)
def test_the_schedule_runs_without_gaps_from_start_to_planned_end(minutes, hour, minute, length):
    plan = session(*minutes, start=time(hour, minute), length=length)
    placed = schedule(plan)
    assert [p.index for p in placed] == list(range(len(minutes)))
    assert [p.start_offset for p in placed[1:]] == [p.end_offset for p in placed[:-1]]
    assert [p.end_offset - p.start_offset for p in placed] == minutes
    if placed:
        assert placed[0].start == plan.start
        assert placed[-1].end_offset == plan.planned_minutes
    base = minutes_of_day(plan.start)
    assert all(p.end == clock_time(base + p.end_offset) for p in placed)
    fit = slot_fit(plan)
    assert fit.spare == length - sum(minutes)
    late = [p for p in placed if p.end_offset > length]
    assert fit.crossing == (late[0] if late else None)
