"""What the run's screens show as text, and when they next change, worked out from the clock."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest

from presenter.timing import RunClock, WarningLevel
from presenter.timing.display import (
    MARGIN_SECONDS,
    countdown_text,
    elapsed_text,
    finish_caption,
    item_status,
    item_warning_text,
    next_tick_ms,
    pace_state,
    pace_text,
    planned_starts,
    planned_text,
    seconds_to_next_change,
    slot_left_text,
    spent_text,
    times_up,
    until_start_text,
)
from tests.timing.helpers import three_items, twitter_hour


@pytest.fixture
def run(clock):
    """Three items (5 fixed, 10, 5 min) in a 20-minute slot at 12:00; the clock reads 11:55."""
    return RunClock(three_items(), monotonic=clock.monotonic, wall=clock.wall)


def test_the_countdown_to_the_start_rounds_up_to_the_whole_second(run, clock):
    assert until_start_text(run.view()) == "5:00"
    clock.advance(0.4)
    assert until_start_text(run.view()) == "5:00"
    clock.advance(0.6)
    assert until_start_text(run.view()) == "4:59"


def test_the_item_countdown_reaches_0_00_at_time_up_then_counts_the_overrun(run, clock):
    run.start()
    clock.advance(0.5)
    assert countdown_text(run.view()) == "5:00"
    clock.advance(299.4)
    assert countdown_text(run.view()) == "0:01"
    clock.advance(0.1)
    assert countdown_text(run.view()) == "0:00"
    clock.advance(0.5)
    assert countdown_text(run.view()) == "+0:00"
    clock.advance(60.6)
    assert countdown_text(run.view()) == "+1:01"


def test_the_time_the_session_ran_is_whole_seconds_rounded_down(run, clock):
    run.start()
    clock.advance(125.7)
    run.finish()
    assert elapsed_text(run.view()) == "2:05"


def test_a_paused_item_says_so_beside_its_warning(run, clock):
    run.start()
    run.pause()
    assert item_warning_text(run.view()) == "Paused · On time"
    run.resume()
    assert item_warning_text(run.view()) == "On time"
    clock.advance(5 * 60 + 200)
    view = run.view()
    assert view.warning is WarningLevel.OVER
    assert item_warning_text(view) == "3 min 20 s over"


def test_times_up_is_the_moment_the_running_item_goes_from_time_left_to_none(run, clock):
    run.start()
    clock.advance(4 * 60)
    before = (0, run.view().warning)
    clock.advance(60)
    view = run.view()
    assert view.warning is WarningLevel.DUE
    assert times_up(before, view)
    assert not times_up(None, view)  # nothing shown before: no flash
    assert not times_up((1, WarningLevel.ON_TIME), view)  # a jump from another item
    assert not times_up((0, WarningLevel.DUE), view)  # already up
    run.pause()
    assert not times_up(before, run.view())


def test_the_slot_left_rounds_up_then_counts_past_the_end(run, clock):
    assert slot_left_text(run.view()) == "25:00"
    clock.advance(0.5)
    assert slot_left_text(run.view()) == "25:00"
    clock.advance(25 * 60 - 0.5 + 61.5)
    assert slot_left_text(run.view()) == "+1:01"


def test_the_pace_before_during_and_after_the_run(run, clock):
    assert (pace_text(run.view()), pace_state(run.view())) == ("Not started", "none")
    run.start()  # five minutes early
    assert (pace_text(run.view()), pace_state(run.view())) == ("5 min ahead", "ahead")
    run.finish()
    assert (pace_text(run.view()), pace_state(run.view())) == ("Session ended", "none")


@pytest.mark.parametrize(("length", "state"), [(20, "late"), (30, "behind")])
def test_running_over_is_late_only_when_the_forecast_passes_the_slot_end(clock, length, state):
    session = replace(three_items(), length=length)
    run = RunClock(session, monotonic=clock.monotonic, wall=clock.wall)
    clock.advance(300)  # 12:00
    run.start()
    clock.advance(7 * 60)  # the 5-minute welcome runs 2 minutes over: the forecast is 12:22
    assert pace_text(run.view()) == "2 min behind"
    assert pace_state(run.view()) == state


@pytest.mark.parametrize(
    ("end", "ended", "compact", "caption"),
    [
        ("13:00", False, False, "Forecast finish (slot ends 13:00)"),
        ("13:00", False, True, "Finish (ends 13:00)"),
        ("13:00", True, False, "Ended at (slot ends 13:00)"),
        ("13:00", True, True, "Ended at (ends 13:00)"),
        ("", False, False, "Forecast finish"),
        ("", False, True, "Finish"),
    ],
)
def test_the_finish_caption_names_the_slot_end_and_fits_a_small_window(
    end, ended, compact, caption
):
    assert finish_caption(end, ended=ended, compact=compact) == caption


def test_each_item_starts_when_the_minutes_planned_before_it_are_over():
    noon = datetime(2026, 11, 25, 12, 0)
    assert planned_starts(noon, [5, 10, 5]) == ["12:00", "12:05", "12:15"]
    assert planned_starts(noon, [6.5, 59.5, 1]) == ["12:00", "12:06", "13:06"]
    assert planned_starts(noon, []) == []


def test_plan_and_actual_read_as_minutes_and_seconds_side_by_side():
    assert planned_text(6) == "6:00"
    assert planned_text(6.5) == "6:30"
    assert spent_text(0.9) == ""  # nothing shown before an item's first second
    assert spent_text(327.9) == "5:27"


def test_each_item_is_to_come_on_now_paused_or_done(run, clock):
    assert [item_status(None, i) for i in range(3)] == ["", "", ""]
    assert [item_status(run.view(), i) for i in range(3)] == ["", "", ""]
    run.start()
    run.pause()
    assert [item_status(run.view(), i) for i in range(3)] == ["paused", "", ""]
    run.resume()
    clock.advance(60)
    run.next()
    assert [item_status(run.view(), i) for i in range(3)] == ["done", "now", ""]
    run.finish()
    assert [item_status(run.view(), i) for i in range(3)] == ["done", "done", ""]


@pytest.fixture
def hour(clock):
    return RunClock(twitter_hour(), monotonic=clock.monotonic, wall=clock.wall)


def test_before_the_start_the_next_change_is_the_next_wall_second(hour, clock):
    clock.advance(0.25)
    assert seconds_to_next_change(hour.view()) == pytest.approx(0.75)


def test_running_item_boundary_need_not_match_the_wall_second(hour, clock):
    clock.advance(0.6)  # the wall clock is at .6 of a second
    hour.start()  # the item's seconds count from here
    clock.advance(0.3)
    view = hour.view()
    # wall second turns in 0.1 s; the item's countdown in 0.7 s: the sooner wins
    assert seconds_to_next_change(view) == pytest.approx(0.1)
    clock.advance(0.15)
    assert seconds_to_next_change(hour.view()) == pytest.approx(0.55)


def test_overrun_counts_up_from_whole_seconds(hour, clock):
    hour.start()
    clock.advance(hour.session.items[0].minutes * 60 + 2.4)
    view = hour.view()
    assert view.item_overrun == pytest.approx(2.4)
    assert seconds_to_next_change(view) == pytest.approx(0.6)


def test_the_next_repaint_is_just_after_the_next_change_in_whole_milliseconds(hour, clock):
    clock.advance(0.25)
    assert next_tick_ms(hour.view()) == round((0.75 + MARGIN_SECONDS) * 1000)
