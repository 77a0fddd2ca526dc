"""The run clock through a session: states, countdowns, the sticky pause, pace and warnings."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest

from presenter.agenda.reader import parse_session
from presenter.timing import RunClock, RunState, WarningLevel
from tests.timing.helpers import three_items, twitter_hour


def make_clock(clock, session=None) -> RunClock:
    return RunClock(session or three_items(), monotonic=clock.monotonic, wall=clock.wall)


def test_before_start_counts_down_to_the_slot_start(clock):
    run = make_clock(clock)
    view = run.view()
    assert view.state is RunState.BEFORE_START
    assert view.until_start == 300  # 11:55 → 12:00
    assert view.slot_start == datetime(2026, 11, 25, 12, 0)
    assert view.slot_end == datetime(2026, 11, 25, 12, 20)
    clock.advance(200)
    assert run.view().until_start == 100
    assert run.view().item_elapsed == 0
    assert run.view().session_elapsed == 0


def test_an_early_start_begins_the_first_item_at_once(clock):
    run = make_clock(clock)
    run.start()
    clock.advance(60)
    view = run.view()
    assert view.state is RunState.RUNNING
    assert view.until_start == 0
    assert view.current_index == 0
    assert view.item_elapsed == 60
    assert view.item_remaining == 240
    # Started five minutes early with the plan as it is: five minutes ahead.
    assert view.forecast_finish == datetime(2026, 11, 25, 12, 15)
    assert view.ahead_behind == 300


def test_looking_ahead_before_the_start_still_starts_with_the_first_item(clock):
    run = make_clock(clock)
    run.jump(2)
    clock.advance(30)
    assert run.view().actual_seconds == (0, 0, 0)
    run.start()
    clock.advance(10)
    assert run.view().current_index == 0
    assert run.view().actual_seconds == (10, 0, 0)


def test_a_late_start_is_behind_and_the_slot_end_stays_at_the_clock_time(clock):
    run = make_clock(clock)
    clock.advance(300 + 120)  # 12:02
    assert run.view().ahead_behind == -120  # not started yet: already two minutes behind
    run.start()
    view = run.view()
    assert view.slot_remaining == 18 * 60  # until 12:20, whenever the session started
    assert view.forecast_finish == datetime(2026, 11, 25, 12, 22)
    assert view.ahead_behind == -120


def test_an_item_overrun_carries_into_the_forecast(clock):
    run = make_clock(clock)
    clock.advance(300)
    run.start()
    clock.advance(5 * 60 + 90)  # welcome runs 90 s over
    view = run.view()
    assert view.item_remaining == 0
    assert view.item_overrun == 90
    assert view.warning is WarningLevel.OVER
    assert view.forecast_finish == datetime(2026, 11, 25, 12, 21, 30)
    assert view.ahead_behind == -90
    run.next()
    view = run.view()
    assert view.item_elapsed == 0
    assert view.actual_seconds == (390, 0, 0)
    assert view.done == (True, False, False)
    assert view.ahead_behind == -90


def test_finishing_an_item_early_puts_the_session_ahead(clock):
    run = make_clock(clock)
    clock.advance(300)
    run.start()
    clock.advance(3 * 60)
    run.next()
    assert run.view().ahead_behind == 120


def test_pause_is_sticky_across_next_previous_and_jump(clock):
    run = make_clock(clock)
    run.start()
    clock.advance(60)
    run.pause()
    for move in (run.next, run.next, run.previous, lambda: run.jump(0), lambda: run.jump(2)):
        move()
        clock.advance(30)
        assert run.state is RunState.PAUSED
    view = run.view()
    assert view.current_index == 2
    assert view.item_elapsed == 0  # no item's time moved while paused
    assert view.actual_seconds == (60, 0, 0)
    assert view.paused_total == 150
    assert view.session_elapsed == 210
    run.resume()
    clock.advance(45)
    view = run.view()
    assert view.state is RunState.RUNNING
    assert view.actual_seconds == (60, 0, 45)
    assert view.paused_total == 150


def test_a_pause_keeps_the_countdown_still_and_moves_the_forecast(clock):
    run = make_clock(clock)
    clock.advance(300)
    run.start()
    clock.advance(60)
    run.toggle_pause()
    before = run.view()
    clock.advance(180)
    during = run.view()
    assert during.state is RunState.PAUSED
    assert during.item_elapsed == before.item_elapsed == 60
    assert during.paused_total == 180
    assert during.ahead_behind == -180
    run.toggle_pause()
    clock.advance(10)
    assert run.view().item_elapsed == 70


def test_going_back_adds_to_the_earlier_items_time(clock):
    run = make_clock(clock)
    run.start()
    clock.advance(100)
    run.next()
    clock.advance(50)
    run.previous()
    clock.advance(20)
    view = run.view()
    assert view.current_index == 0
    assert view.item_elapsed == 120
    assert view.actual_seconds == (120, 50, 0)
    assert view.done == (False, True, False)


def test_lengthen_shorten_and_reset_change_the_countdown_not_the_file(clock):
    session = three_items()
    run = make_clock(clock, session)
    run.start()
    run.jump(1)
    clock.advance(120)
    run.lengthen()
    assert run.view().item_remaining == 9 * 60
    run.shorten(3)
    assert run.view().item_remaining == 6 * 60
    assert run.view().planned_minutes == (5, 8, 5)
    run.shorten(20)
    assert run.view().item_planned == 60  # never below a minute
    run.reset_item()
    view = run.view()
    assert view.item_planned == 600
    assert view.item_elapsed == 0
    assert view.actual_seconds[1] == 120  # the time spent stays in the record
    assert session.items[1].minutes == 10


def test_warning_levels_follow_the_session_thresholds(clock):
    run = make_clock(clock)  # welcome: 5 minutes; 20% is 60 s, smaller than 2 min
    run.start()
    levels = []
    for seconds in (0, 239, 1, 59, 1, 59, 1):
        clock.advance(seconds)
        levels.append(run.view().warning)
    assert levels == [
        WarningLevel.ON_TIME,
        WarningLevel.ON_TIME,  # 61 s left
        WarningLevel.SOON,  # 60 s left
        WarningLevel.SOON,  # 1 s left
        WarningLevel.DUE,  # time's up
        WarningLevel.DUE,  # 59 s over
        WarningLevel.OVER,
    ]
    assert run.view().warning_text == "1 min over"
    assert all(level.label for level in WarningLevel)


def test_thresholds_come_from_the_front_matter(clock):
    run = make_clock(clock, three_items(soon_percent=80, soon_minutes=3))
    run.start()
    clock.advance(119)  # 181 s of 5 minutes left: 80% is 240 s, 3 min the smaller
    assert run.view().warning is WarningLevel.ON_TIME
    clock.advance(1)
    assert run.view().warning is WarningLevel.SOON
    assert run.view().warning_text == "3 min left"


def test_finish_stops_every_clock(clock):
    run = make_clock(clock)
    clock.advance(300)
    run.start()
    clock.advance(300)
    run.next()
    clock.advance(100)
    run.pause()
    clock.advance(20)
    run.finish()
    clock.advance(1000)
    view = run.view()
    assert view.state is RunState.FINISHED
    assert view.session_elapsed == 420
    assert view.paused_total == 20
    assert view.done == (True, True, False)
    assert view.forecast_finish == datetime(2026, 11, 25, 12, 7)
    run.resume()
    run.next()
    assert run.view() == view  # nothing moves a finished run


def test_a_wall_clock_jump_moves_the_time_of_day_not_the_item(clock):
    run = make_clock(clock)
    clock.advance(300)
    run.start()
    clock.advance(60)
    clock.jump_wall(3600)  # the clock is set an hour on
    view = run.view()
    assert view.item_elapsed == 60
    assert view.session_elapsed == 60
    assert view.now == datetime(2026, 11, 25, 13, 1)
    assert view.slot_remaining == -41 * 60  # the slot end is a clock time
    clock.jump_wall(-2 * 3600)  # and back, past where it was
    clock.advance(30)
    view = run.view()
    assert view.item_elapsed == 90
    assert view.actual_seconds == (90, 0, 0)
    assert run.timings()[0].started_at == datetime(2026, 11, 25, 12, 0)


def test_a_suspend_with_a_clock_that_counts_sleep_counts_as_the_items_time(clock):
    run = make_clock(clock)
    clock.advance(300)
    run.start()
    clock.advance(60)
    run.pause()
    clock.advance(120)  # asleep two minutes, paused: it stays pause
    run.resume()
    clock.advance(300)  # asleep five minutes while the talk went on
    view = run.view()
    assert view.item_elapsed == 360
    assert view.paused_total == 120
    assert view.forecast_finish == datetime(2026, 11, 25, 12, 23)  # 2 min paused, 1 min over


def test_a_suspend_with_a_clock_that_stops_holds_the_countdown_not_the_slot_end(clock):
    run = make_clock(clock)
    clock.advance(300)
    run.start()
    clock.advance(60)
    clock.jump_wall(300)  # asleep five minutes and the monotonic clock stood still
    clock.advance(1)
    view = run.view()
    assert view.item_elapsed == 61  # the countdown carries on from where it was
    assert view.now == datetime(2026, 11, 25, 12, 6, 1)
    assert view.slot_remaining == 20 * 60 - 361  # the slot end is right at once
    assert view.forecast_finish == datetime(2026, 11, 25, 12, 25)


def test_jump_to_an_item_that_does_not_exist_is_refused(clock):
    run = make_clock(clock)
    with pytest.raises(IndexError):
        run.jump(3)


def test_a_session_with_no_items_cannot_be_run(clock):
    with pytest.raises(ValueError, match="no agenda items"):
        make_clock(clock, replace(twitter_hour(), items=()))


def test_a_slot_start_for_this_run_replaces_the_files(clock):
    run = RunClock(
        three_items(),
        monotonic=clock.monotonic,
        wall=clock.wall,
        slot_start=datetime(2026, 11, 25, 14, 0),
    )
    assert run.view().until_start == 2 * 3600 + 300
    assert run.view().slot_end == datetime(2026, 11, 25, 14, 20)


def test_thresholds_set_in_a_session_file_reach_the_warning(clock):
    text = (
        '---\ntitle: Short\nstart: "12:00"\nlength: 10\nsoon_percent: 50\nsoon_minutes: 1.5\n'
        "---\n\n## Only item [10 min]\n\n- A point\n"
    )
    session, problems = parse_session(text, "short.md")
    assert session is not None, list(problems)
    run = make_clock(clock, session)
    run.start()
    clock.advance(10 * 60 - 91)
    assert run.view().warning is WarningLevel.ON_TIME
    clock.advance(1)  # 90 s left: the smaller of 50% (5 min) and 1.5 min
    assert run.view().warning is WarningLevel.SOON


def test_a_run_is_in_progress_from_its_start_to_its_end_paused_or_not(clock):
    run = make_clock(clock)
    assert not run.view().state.in_progress
    run.start()
    assert run.view().state.in_progress
    run.pause()
    assert run.view().state.in_progress
    run.resume()
    run.finish()
    assert not run.view().state.in_progress
