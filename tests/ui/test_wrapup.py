"""The wrap-up view and its chart, the report saved from it, and the history view."""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtGui import QColor

from presenter.agenda.model import AgendaItem, Session
from presenter.agenda.reader import load_session
from presenter.attendance.clock_log import describe_action, save_clock
from presenter.attendance.history import feedback_for
from presenter.attendance.model import AttendeeDetails
from presenter.attendance.store import open_store
from presenter.timing import RunClock
from presenter.ui.attendance.chart import OVER_COLOUR, Bar
from presenter.ui.attendance.history_view import HistoryView
from presenter.ui.attendance.wrapup_view import WrapUpView

DOCS = Path(__file__).resolve().parents[2] / "docs"
SESSION = Session(
    readiness=("App installed", "Username ready"),
    title="Twitter hour",
    venue="Library",
    facilitators=("A. Facilitator", "B. Facilitator"),
    items=(
        AgendaItem("Welcome and check-in", 5, fixed=True),
        AgendaItem("Why use Twitter", 6),
        AgendaItem("What to tweet", 8),
        AgendaItem("Who to follow", 7),
        AgendaItem("What the icons mean", 6),
        AgendaItem("Top tips", 7),
        AgendaItem("Trust policy and guidance", 6, fixed=True),
        AgendaItem("Questions and next steps", 8, fixed=True),
    ),
)
# Minutes each item took in the run the tests replay (Who to follow ran 3 over).
TAKEN = (5, 6.5, 7, 10, 5, 7.5, 6, 7)


@pytest.fixture
def store(tmp_path, clock):
    with open_store(tmp_path / "data", clock=clock.wall) as opened:
        yield opened


def replay_run(store, clock, *, on: date | None = None, venue: str = "Library", taken=TAKEN):
    """A run as the app records it: every action saved, four people, one pause of 2 min."""
    if on is not None:
        clock.jump_wall((datetime.combine(on, clock.wall().time()) - clock.wall()).total_seconds())
    run = store.create_run_from_session(SESSION, on=clock.wall().date(), venue=venue)
    for name, ready in (
        ("Sam Patel", {"App installed", "Username ready"}),
        ("Ana Costa", {"App installed"}),
        ("Jo Bloggs", set()),
        ("Priya Shah", {"App installed"}),
    ):
        store.check_in(run.id, AttendeeDetails(name, ready=ready))
    timer = RunClock(SESSION, monotonic=clock.monotonic, wall=clock.wall)
    last = None

    def do(action: str) -> None:
        nonlocal last
        getattr(timer, action)()
        snapshot = timer.snapshot()
        save_clock(store, run.id, describe_action(last, snapshot), snapshot, clock.wall())
        last = snapshot

    clock.advance(7 * 60)
    do("start")
    for index, minutes in enumerate(taken):
        if index == 2:
            clock.advance(60)
            do("pause")
            clock.advance(120)
            do("resume")
            minutes -= 1
        clock.advance(minutes * 60)
        do("next" if index < len(taken) - 1 else "finish")
    return run.id


def test_the_chart_shows_planned_against_actual_minutes_for_every_item(qtbot, store, clock):
    run_id = replay_run(store, clock)
    view = WrapUpView(store, run_id, wall=clock.wall)
    qtbot.addWidget(view)
    bars = view.chart.bars
    assert [(b.title, b.planned, b.actual) for b in bars] == [
        (item.title, item.minutes, pytest.approx(taken))
        for item, taken in zip(SESSION.items, TAKEN, strict=True)
    ]
    assert [b.title for b in bars if b.over] == ["Who to follow"]
    assert view.timing_line.text() == "12:02 to 12:58 · 1 min over the plan · 1 pause, 2 min in all"
    assert view.attendance_line.text() == (
        "4 checked in · App installed: 3 of 4 (75%) · Username ready: 1 of 4 (25%)"
    )


def _colours(image) -> set[str]:
    return {
        QColor(image.pixel(x, y)).name()
        for x in range(0, image.width(), 3)
        for y in range(0, image.height(), 3)
    }


def test_the_chart_paints_the_overrun_in_red_and_is_saved_as_a_screenshot(
    qtbot, store, clock, tmp_path
):
    run_id = replay_run(store, clock)
    view = WrapUpView(store, run_id, wall=clock.wall)
    qtbot.addWidget(view)
    view.resize(900, 720)
    view.show()
    qtbot.waitExposed(view)
    image = view.grab().toImage()
    assert OVER_COLOUR.name() in _colours(view.chart.grab().toImage())
    target = (
        DOCS / "wrapup.png" if os.environ.get("PRESENTER_DOCS_SCREENSHOTS") else tmp_path / "w.png"
    )
    assert image.save(str(target))
    assert target.stat().st_size > 0


def test_a_run_with_no_overrun_has_no_red_bar(qtbot, store, clock):
    run_id = replay_run(store, clock, taken=(5, 6, 8, 7, 6, 7, 6, 8))
    view = WrapUpView(store, run_id, wall=clock.wall)
    qtbot.addWidget(view)
    view.show()
    assert not any(b.over for b in view.chart.bars)
    assert OVER_COLOUR.name() not in _colours(view.chart.grab().toImage())
    assert Bar("Welcome and check-in", 5, 5, False) in view.chart.bars


def test_ratings_and_comments_are_saved_as_given(qtbot, store, clock):
    run_id = replay_run(store, clock)
    view = WrapUpView(store, run_id, wall=clock.wall)
    qtbot.addWidget(view)
    view.rate(0, 4, "Useful")
    view.rate(2, 5)
    assert [(f.name, f.rating, f.comment) for f in feedback_for(store, run_id)] == [
        ("Sam Patel", 4, "Useful"),
        ("Jo Bloggs", 5, ""),
    ]
    assert view.attendance_line.text().endswith("Rating: 4.5 out of 5 from 2")
    again = WrapUpView(store, run_id, wall=clock.wall)
    qtbot.addWidget(again)
    assert again.feedback.cellWidget(0, 1).currentText() == "4"


def test_the_report_is_saved_as_pdf_and_csv(qtbot, store, clock, tmp_path, dialogs):
    run_id = replay_run(store, clock)
    view = WrapUpView(store, run_id, wall=clock.wall)
    qtbot.addWidget(view)
    chosen = {".pdf": tmp_path / "report.pdf", ".csv": tmp_path / "report.csv"}
    dialogs.save_path = chosen[".pdf"]
    assert view.export(".pdf") == chosen[".pdf"]
    assert chosen[".pdf"].read_bytes().startswith(b"%PDF")
    dialogs.save_path = chosen[".csv"]
    assert view.export(".csv") == chosen[".csv"]
    assert "Who to follow,7,10,3," in chosen[".csv"].read_text(encoding="utf-8-sig")
    assert view.message.text() == "Saved report.csv"
    from PySide6.QtWidgets import QMessageBox

    notices = [b for b in view.findChildren(QMessageBox, "ExportedNotice") if b.isVisible()]
    assert [b.text() for b in notices][-1] == "The report is saved as report.csv."
    assert str(tmp_path) in notices[-1].informativeText()


def test_history_shows_runs_suggests_minutes_and_applies_them(qtbot, store, clock, tmp_path):
    path = tmp_path / "twitter-hour.md"
    path.write_text(
        "---\ntitle: Twitter hour\nreadiness: [App installed, Username ready]\n---\n\n"
        + "".join(
            f"## {item.title} [{item.minutes} min{', fixed' if item.fixed else ''}]\n\n"
            for item in SESSION.items
        )
    )
    for week, venue in enumerate(["Library", "Ward 12", "Library"]):
        replay_run(store, clock, on=date(2026, 11, 4 + 7 * week), venue=venue)
    session, _warnings = load_session(path)
    view = HistoryView(store, "Twitter hour", session=session, session_path=path, wall=clock.wall)
    qtbot.addWidget(view)
    assert view.summary.text().splitlines() == [
        "Twitter hour: 3 runs, 4.0 people on average · App installed 75% · Username ready 25%",
        "Library: 2 runs, 4.0 people on average, App installed 75%, Username ready 25%, "
        "1 min over on average",
        "Ward 12: 1 run, 4.0 people on average, App installed 75%, Username ready 25%, "
        "1 min over on average",
    ]
    assert [view.runs.item(r, 1).text() for r in range(3)] == ["Library", "Ward 12", "Library"]
    assert view.items.item(3, 2).text() == "3 of 3 runs"
    with qtbot.waitSignal(view.session_file_changed):
        view.apply_buttons[0].click()
    assert "## Who to follow [10 min]" in path.read_text()
    assert view.apply_buttons == []  # the plan now matches what happens
    view.outcome_text.setText("now tweeting actively")
    view.note_outcome()
    assert view.runs.item(0, 7).text() == "now tweeting actively"


def test_without_a_session_file_a_suggestion_cannot_be_applied(qtbot, store, clock):
    for week in range(2):
        replay_run(store, clock, on=date(2026, 11, 4 + 7 * week))
    view = HistoryView(store, "Twitter hour", wall=clock.wall)
    qtbot.addWidget(view)
    assert len(view.apply_buttons) == 1 and not view.apply_buttons[0].isEnabled()


def test_a_comment_still_being_typed_is_kept_when_the_wrap_up_closes(qtbot, store, clock):
    run_id = replay_run(store, clock)
    view = WrapUpView(store, run_id, wall=clock.wall)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    comment = view.feedback.cellWidget(1, 2)
    comment.setFocus()
    qtbot.keyClicks(comment, "More on privacy")
    view.accept()
    assert [(f.name, f.comment) for f in feedback_for(store, run_id)] == [
        ("Ana Costa", "More on privacy")
    ]
