"""A run of a session with hidden items and section markers: its saved actions, the resume
offer, the wrap-up report and the history all count the same (timed) items."""

from __future__ import annotations

from presenter.agenda.model import AgendaItem, Kind, Session
from presenter.attendance.clock_log import describe_action, restore_clock, resume_offer, save_clock
from presenter.attendance.history import session_history
from presenter.attendance.report import build_report
from presenter.timing import RunClock, RunState

PARTS = Session(
    title="Parts",
    items=(
        AgendaItem("Part one", 0, kind=Kind.SECTION),
        AgendaItem("Welcome", 5),
        AgendaItem("Spare slide", 30, hidden=True),
        AgendaItem("Part two", 0, kind=Kind.SECTION),
        AgendaItem("Questions", 5),
    ),
    length=10,
)


def _run_to_questions(store, clock):
    run = store.create_run_from_session(PARTS, on=clock.wall().date())
    run_clock = RunClock(PARTS, monotonic=clock.monotonic, wall=clock.wall)
    last = None
    for action, wait in (("start", 300), ("next", 120)):
        getattr(run_clock, action)()
        clock.advance(wait)
        snapshot = run_clock.snapshot()
        save_clock(store, run.id, describe_action(last, snapshot), snapshot, clock.wall())
        last = snapshot
    return run


def test_the_run_keeps_only_its_timed_items_everywhere(store, clock):
    run = _run_to_questions(store, clock)
    assert store.run(run.id).agenda == (("Welcome", 5), ("Questions", 5))
    offer = resume_offer(store, clock.wall())
    assert offer is not None and offer.item_title == "Questions"
    resumed = restore_clock(store, run.id, monotonic=clock.monotonic, wall=clock.wall)
    assert resumed.state is RunState.RUNNING
    assert resumed.session.items[resumed.current_index].title == "Questions"
    assert [row.title for row in build_report(store, run.id).items] == ["Welcome", "Questions"]
    history = session_history(store, "Parts", PARTS)
    assert [item.title for item in history.items] == ["Welcome", "Questions"]
