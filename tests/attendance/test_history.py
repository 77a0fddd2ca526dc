"""Run history: clock saves that resume a run, feedback, outcomes, and a session's record."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest

from presenter.agenda.model import AgendaItem, Session
from presenter.agenda.reader import load_session
from presenter.attendance.clock_log import (
    clock_saves,
    describe_action,
    last_clock_save,
    restore_clock,
    resume_offer,
    run_for_session,
    run_session,
    save_clock,
)
from presenter.attendance.history import (
    apply_suggestion,
    feedback_for,
    give_feedback,
    outcomes_for,
    record_outcome,
    session_history,
    with_minutes,
)
from presenter.attendance.model import AttendeeDetails
from presenter.attendance.store import AttendanceError
from presenter.timing import RunClock, RunState

SESSION = Session(
    title="Twitter hour",
    venue="Library",
    readiness=("App installed", "Username ready"),
    items=(
        AgendaItem("Welcome and check-in", 5, fixed=True),
        AgendaItem("Who to follow", 7),
        AgendaItem("Top tips", 8),
    ),
)


class Recorded:
    """A run clock whose every action is saved, as the app does."""

    def __init__(self, store, clock, run_id, session=SESSION):
        self.store, self.fake, self.run_id = store, clock, run_id
        self.clock = RunClock(session, monotonic=clock.monotonic, wall=clock.wall)
        self.last = None

    def do(self, action: str, *args) -> None:
        getattr(self.clock, action)(*args)
        snapshot = self.clock.snapshot()
        save_clock(
            self.store,
            self.run_id,
            describe_action(self.last, snapshot),
            snapshot,
            self.fake.wall(),
        )
        self.last = snapshot


def test_a_restarted_app_resumes_on_the_same_item_with_the_time_since_counted(store, clock):
    run = store.create_run_from_session(SESSION, on=clock.wall().date())
    clock.advance(7 * 60)  # 12:02
    recorded = Recorded(store, clock, run.id)
    recorded.do("start")
    clock.advance(5 * 60)
    recorded.do("next")
    clock.advance(3 * 60)
    recorded.do("pause")
    clock.advance(60)
    recorded.do("resume")
    clock.advance(90)  # the app is killed here; the room carries on

    resumed = restore_clock(store, run.id, monotonic=clock.monotonic, wall=clock.wall)
    view = resumed.view()
    assert view.state is RunState.RUNNING
    assert view.current_index == 1
    assert view.actual_seconds == pytest.approx((300, 270, 0))
    assert view.paused_total == pytest.approx(60)


def test_after_a_computer_restart_the_wall_clock_carries_the_run_on(store, clock):
    run = store.create_run_from_session(SESSION, on=clock.wall().date())
    recorded = Recorded(store, clock, run.id)
    recorded.do("start")
    clock.advance(120)
    recorded.do("next")
    clock.reboot(200)  # off for 200 s; the monotonic clock starts again
    resumed = restore_clock(store, run.id, monotonic=clock.monotonic, wall=clock.wall)
    assert resumed.view().actual_seconds == pytest.approx((120, 200, 0))


def test_every_action_is_logged_in_the_facilitators_words(store, clock):
    run = store.create_run_from_session(SESSION, on=clock.wall().date())
    recorded = Recorded(store, clock, run.id)
    for action in ("start", "next", "pause", "resume", "lengthen", "shorten", "previous"):
        clock.advance(30)
        recorded.do(action)
    recorded.do("jump", 2)
    clock.advance(30)
    recorded.do("reset_item")
    recorded.do("finish")
    assert [s.action for s in clock_saves(store, run.id)] == [
        "start",
        "next",
        "pause",
        "resume",
        "lengthen",
        "shorten",
        "previous",
        "jump",
        "restart item",
        "finish",
    ]
    assert last_clock_save(store, run.id).state == "finished"


def test_the_resume_offer_names_session_venue_and_start(store, clock):
    run = store.create_run_from_session(SESSION, on=clock.wall().date())
    assert resume_offer(store, clock.wall()) is None
    clock.advance(7 * 60)
    recorded = Recorded(store, clock, run.id)
    recorded.do("start")
    recorded.do("next")
    offer = resume_offer(store, clock.wall())
    assert offer.text() == "Twitter hour, Library, started 12:02"
    assert (offer.run.id, offer.item_index, offer.item_title) == (run.id, 1, "Who to follow")
    assert resume_offer(store, clock.wall() + timedelta(hours=13)) is None
    recorded.do("finish")
    assert resume_offer(store, clock.wall()) is None


def test_a_run_continues_until_finished_then_the_next_start_is_a_new_run(store, clock):
    today = clock.wall().date()
    first = run_for_session(store, SESSION, today)
    assert run_for_session(store, SESSION, today).id == first.id
    recorded = Recorded(store, clock, first.id)
    recorded.do("start")
    recorded.do("finish")
    second = run_for_session(store, SESSION, today)
    assert second.id != first.id
    assert run_session(store, second.id) == SESSION


def test_feedback_is_optional_replaceable_and_goes_with_the_persons_data(store, run_id, clock):
    sam = store.check_in(run_id, AttendeeDetails("Sam Patel")).attendee
    ana = store.check_in(run_id, AttendeeDetails("Ana Costa")).attendee
    give_feedback(store, sam.id, 4, "Useful", at=clock.wall())
    give_feedback(store, sam.id, 5, "Very useful", at=clock.wall())
    give_feedback(store, ana.id, None, "  ", at=clock.wall())
    assert [(f.name, f.rating, f.comment) for f in feedback_for(store, run_id)] == [
        ("Sam Patel", 5, "Very useful")
    ]
    with pytest.raises(AttendanceError, match="1 to 5"):
        give_feedback(store, ana.id, 6, at=clock.wall())
    give_feedback(store, sam.id, None, "", at=clock.wall())
    assert feedback_for(store, run_id) == []
    give_feedback(store, ana.id, 3, at=clock.wall())
    store.purge_run(run_id)
    assert feedback_for(store, run_id) == []


def test_outcomes_are_noted_later_for_the_group_or_one_person(store, run_id, clock):
    sam = store.check_in(run_id, AttendeeDetails("Sam Patel")).attendee
    record_outcome(store, run_id, "now tweeting  actively", on=date(2026, 12, 20), at=clock.wall())
    record_outcome(store, run_id, "followed the trust", on=date(2026, 12, 1), at=clock.wall(),
                   attendee_id=sam.id)  # fmt: skip
    with pytest.raises(AttendanceError, match="needs some words"):
        record_outcome(store, run_id, " ", on=date(2026, 12, 1), at=clock.wall())
    assert [(o.text, o.name) for o in outcomes_for(store, run_id)] == [
        ("followed the trust", "Sam Patel"),
        ("now tweeting actively", ""),
    ]


def _five_runs(store, clock):
    """Five runs in two venues: Who to follow takes 10 minutes in four of them."""
    venues = ["Library", "Ward 12", "Library", "Ward 12", "Library"]
    for number, venue in enumerate(venues):
        day = date(2026, 11, 2 + 7 * number)
        clock.jump_wall((datetime.combine(day, datetime.min.time()) - clock.wall()).total_seconds())
        run = store.create_run_from_session(SESSION, on=day, venue=venue)
        for person in range(number + 2):
            ready = {"App installed"} if person % 2 == 0 else set()
            store.check_in(run.id, AttendeeDetails(f"Person {number}-{person}", ready=ready))
        recorded = Recorded(store, clock, run.id)
        recorded.do("start")
        clock.advance(5 * 60)
        recorded.do("next")
        clock.advance((10 if number != 2 else 7) * 60)
        recorded.do("next")
        clock.advance(8 * 60)
        recorded.do("finish")


def test_history_shows_runs_across_venues_and_suggests_more_minutes(store, clock):
    _five_runs(store, clock)
    history = session_history(store, "twitter HOUR", SESSION)
    assert [r.run.venue for r in history.runs] == [
        "Library",
        "Ward 12",
        "Library",
        "Ward 12",
        "Library",
    ]
    assert [r.checked_in for r in history.runs] == [2, 3, 4, 5, 6]
    assert history.ready_rate("App installed") == pytest.approx(11 / 20)
    assert [r.overrun_seconds for r in history.runs] == pytest.approx([180, 180, 0, 180, 180])
    follow = history.items[1]
    assert (follow.title, follow.runs_over, follow.runs_timed) == ("Who to follow", 4, 5)
    assert [s.text() for s in history.suggestions] == [
        "Who to follow ran 3 minutes over in 4 of 5 runs: plan 10 minutes?"
    ]
    assert [v.text() for v in history.by_venue()] == [
        "Library: 3 runs, 4.0 people on average, App installed 50%, Username ready 0%, "
        "2 min over on average",
        "Ward 12: 2 runs, 4.0 people on average, App installed 62%, Username ready 0%, "
        "3 min over on average",
    ]


def test_an_item_over_in_only_some_runs_is_not_suggested(store, clock):
    _five_runs(store, clock)
    history = session_history(store, "Twitter hour", SESSION)
    assert history.items[2].runs_over == 0
    assert all(s.title != "Top tips" for s in history.suggestions)


def test_a_suggestion_applies_to_the_session_file_in_one_step(store, clock, tmp_path):
    source = (
        "---\ntitle: Twitter hour\nvenue: Library\n---\n\n"
        "## Welcome and check-in [5 min, fixed]\n\n- Hello\n\n"
        "## Who to follow [7 min]\n\n- Colleagues\n\n```notes\nShow the trust account.\n```\n\n"
        "## Top tips [8 min]\n"
    )
    path = tmp_path / "twitter-hour.md"
    path.write_text(source)
    session, _warnings = load_session(path)
    _five_runs(store, clock)
    suggestion = session_history(store, session.title, session).suggestions[0]
    apply_suggestion(path, suggestion)
    assert path.read_text() == source.replace("Who to follow [7 min]", "Who to follow [10 min]")
    changed, _warnings = load_session(path)
    assert [item.minutes for item in changed.items] == [5, 10, 8]


def test_a_file_whose_minutes_cannot_be_found_is_left_alone(tmp_path):
    source = "---\ntitle: x\n---\n\n## Top tips [8 min]\n"
    with pytest.raises(ValueError, match="no agenda item called 'Who to follow'"):
        with_minutes(source, "Who to follow", 10, "x.md")
    with pytest.raises(ValueError, match="errors"):
        with_minutes("---\ntitle: x\n---\n\n## Top tips [eight]\n", "Top tips", 10, "x.md")


def test_history_and_report_import_no_qt():
    import subprocess
    import sys

    code = (
        "import sys, presenter.attendance.history, presenter.attendance.report, "
        "presenter.commands.history; assert 'PySide6' not in sys.modules"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_a_purge_removes_outcome_text_and_keeps_how_many(store, run_id, clock):
    sam = store.check_in(run_id, AttendeeDetails("Sam Patel")).attendee
    give_feedback(store, sam.id, 4, "Great", at=clock.wall())
    record_outcome(store, run_id, "Sam Patel now tweets for the ward", on=date(2026, 12, 1),
                   at=clock.wall())  # fmt: skip
    record_outcome(store, run_id, "followed the trust", on=date(2026, 12, 2), at=clock.wall(),
                   attendee_id=sam.id)  # fmt: skip
    store.purge_run(run_id)
    assert outcomes_for(store, run_id) == []
    texts = store.query("SELECT text FROM outcomes").fetchall()
    assert texts == []  # the group's outcome is free text that can name people: gone too
    history = session_history(store, "Twitter hour")
    assert [(r.outcomes, r.outcomes_purged, r.ratings) for r in history.runs] == [((), 2, (4,))]
    store.purge_run(run_id)  # purging again keeps what the first purge kept
    history = session_history(store, "Twitter hour")
    assert [(r.outcomes_purged, r.ratings) for r in history.runs] == [(2, (4,))]


def test_history_shows_outcomes_without_names_unless_asked(store, run_id, clock, capsys):
    from presenter.cli import main

    sam = store.check_in(run_id, AttendeeDetails("Sam Patel")).attendee
    record_outcome(store, run_id, "now tweeting actively", on=date(2026, 12, 1), at=clock.wall())
    record_outcome(store, run_id, "followed the trust", on=date(2026, 12, 2), at=clock.wall(),
                   attendee_id=sam.id)  # fmt: skip
    data = str(store.path.parent)
    assert main(["history", "Twitter hour", "--data-dir", data]) == 0
    out = capsys.readouterr().out
    assert f"  2026-12-01 · run {run_id}: now tweeting actively" in out
    assert f"  2026-12-02 · run {run_id} (one attendee): followed the trust" in out
    assert "Sam" not in out
    assert main(["history", "Twitter hour", "--names", "--data-dir", data]) == 0
    assert f"  2026-12-02 · run {run_id} (Sam Patel): followed the trust" in capsys.readouterr().out
    store.purge_run(run_id)
    assert main(["history", "Twitter hour", "--data-dir", data]) == 0
    out = capsys.readouterr().out
    assert f"  run {run_id}: 2 outcomes noted; the text was removed when the run was purged" in out
    assert "tweeting" not in out and "trust" not in out
