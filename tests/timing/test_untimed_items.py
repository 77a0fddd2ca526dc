"""Hidden items and section markers in a run: the clock never stops on them, they take no
time, and everything the run records counts the same items."""

from __future__ import annotations

import json

import pytest

from presenter.agenda.checks import check_agenda
from presenter.agenda.model import AgendaItem, Kind, Session
from presenter.agenda.problems import Problems
from presenter.agenda.timetable import schedule, slot_fit
from presenter.timing import RunClock, RunState


def with_parts() -> Session:
    """Two parts of a 10-minute session, a hidden spare slide between them."""
    return Session(
        "Parts",
        (
            AgendaItem("Part one", 0, kind=Kind.SECTION),
            AgendaItem("Welcome", 5),
            AgendaItem("Spare slide", 30, hidden=True),
            AgendaItem("Part two", 0, kind=Kind.SECTION),
            AgendaItem("Questions", 5),
        ),
        length=10,
    )


def test_the_run_goes_through_the_timed_items_only(clock):
    run = RunClock(with_parts(), monotonic=clock.monotonic, wall=clock.wall)
    assert [item.title for item in run.session.items] == ["Welcome", "Questions"]
    assert run.plan == with_parts()  # kept whole, to save and export
    clock.advance(300)
    run.start()
    assert run.session.items[run.current_index].title == "Welcome"
    clock.advance(5 * 60)
    run.next()
    assert run.session.items[run.current_index].title == "Questions"
    run.next()  # the last item: no hidden slide or section to land on
    assert run.session.items[run.current_index].title == "Questions"
    clock.advance(5 * 60)
    view = run.view()
    assert view.ahead_behind == 0  # the hidden 30 minutes are not in the plan
    assert view.planned_minutes == (5.0, 5.0)
    assert [t.title for t in run.timings()] == ["Welcome", "Questions"]
    assert [t.actual_seconds for t in run.timings()] == [300, 300]


def test_the_view_says_where_each_section_begins(clock):
    run = RunClock(with_parts(), monotonic=clock.monotonic, wall=clock.wall)
    assert run.view().sections == ((0, "Part one"), (1, "Part two"))


def test_a_saved_run_restores_on_the_same_item_from_the_whole_plan(clock):
    run = RunClock(with_parts(), monotonic=clock.monotonic, wall=clock.wall)
    run.start()
    clock.advance(400)
    run.next()
    saved = json.loads(json.dumps(run.snapshot()))
    assert saved["items"] == 2
    clock.advance(60)
    again = RunClock.restore(with_parts(), saved, monotonic=clock.monotonic, wall=clock.wall)
    assert again.state is RunState.RUNNING
    assert again.session.items[again.current_index].title == "Questions"
    assert again.view() == run.view()


def test_a_plan_with_nothing_timed_cannot_be_run(clock):
    only = Session("Only parts", (AgendaItem("Part one", 0, kind=Kind.SECTION),))
    with pytest.raises(ValueError, match="no timed agenda items"):
        RunClock(only, monotonic=clock.monotonic, wall=clock.wall)


def test_the_schedule_gives_untimed_items_no_time_and_the_slot_check_ignores_them():
    session = with_parts()
    placed = schedule(session)
    assert [(p.start_offset, p.end_offset) for p in placed] == [
        (0, 0),
        (0, 5),
        (5, 5),
        (5, 5),
        (5, 10),
    ]
    fit = slot_fit(session)
    assert fit.planned == 10 and fit.crossing is None
    problems = Problems("parts.md")
    check_agenda(session, [1, 2, 3, 4, 5], problems)
    assert problems.warnings == []
