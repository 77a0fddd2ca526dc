"""Fit to a shorter slot from the app: the run window's Session menu, the editor, and
`presenter SESSION --length 15 --venue "Ward 12"`; the run remembers the length."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from presenter.attendance.store import open_store
from presenter.timing import RunState
from presenter.timing.fit import fit_session
from presenter.ui.editor.editor_window import AgendaEditor
from presenter.ui.shared.dialogs import ProblemsDialog
from presenter.ui.shared.fit_dialog import FitDialog
from tests.ui.test_app import run_main

WARD_TITLES = [
    "Welcome and check-in",
    "What to tweet",
    "Who to follow",
    "Trust policy and guidance",
]


def titles(session) -> list[str]:
    return [item.title for item in session.items]


def test_the_dialog_shows_what_is_cut_and_fits_only_when_it_can(qtbot, session):
    dialog = FitDialog(session)
    qtbot.addWidget(dialog)
    assert dialog.minutes.value() == 15  # what a ward can spare, offered first
    report = dialog.report.text()
    assert report.startswith("Fitted 60 minutes into 15: 5 optional items dropped")
    assert "Dropped: Why use Twitter for professional networking;" in report
    assert "Shortened: What to tweet 8 → 2 min; Who to follow 8 → 2 min" in report
    assert dialog.fit_button.isEnabled()
    dialog.minutes.setValue(12)
    assert dialog.report.text().startswith("Cannot fit: 3 minutes too long for a 12-minute slot")
    assert not dialog.fit_button.isEnabled()
    dialog.minutes.setValue(30)
    assert dialog.fit().session.length == 30 and dialog.fit_button.isEnabled()


def test_the_session_menu_fits_the_run_and_todays_run_remembers_the_length(
    make_windows, session, dialogs, tmp_path, clock
):
    windows = make_windows(session, check_in=True, session_path=Path("twitter-hour.md"))
    assert "fit_to" in [
        a.objectName() for a in windows.presenter.menuBar().actions()[4].menu().actions()
    ]
    dialogs.answer(FitDialog, fit_session(session, 15))
    windows.registry.trigger("fit_to")
    assert titles(windows.controller.session) == WARD_TITLES
    assert windows.controller.session.length == 15
    assert windows.session_path is None  # the editor never saves the ward's plan over the file
    assert "5 optional items dropped" in windows.presenter.statusBar().currentMessage()
    run = windows.attendance_store.run(windows.presenter.check_in_panel.run_id)
    assert (run.length, run.fitted_from) == (15, 60)
    assert [title for title, _ in run.agenda] == WARD_TITLES

    # A second fit starts from the whole session; its own length gives it back.
    dialogs.answer(FitDialog, fit_session(session, 60))
    windows.registry.trigger("fit_to")
    assert dialogs.of(FitDialog)[-1].args["session"] == session
    assert windows.controller.session == session
    assert windows.session_path == Path("twitter-hour.md")
    run = windows.attendance_store.run(run.id)
    assert (run.length, run.fitted_from) == (60, None)


def test_a_run_started_fitted_is_recorded_at_its_length(make_windows, session, dialogs, tmp_path):
    from presenter.ui.run.resume import attach_recorder

    windows = make_windows(session)  # no check-in panel: the run is made at the start
    attach_recorder(windows, monotonic=lambda: 0.0)
    dialogs.answer(FitDialog, fit_session(session, 15))
    windows.registry.trigger("fit_to")
    windows.controller.next()  # starts the session
    assert windows.controller.state is RunState.RUNNING
    with open_store(tmp_path / "data", hold_window_lock=False) as store:
        [run] = store.runs()
        assert (run.length, run.fitted_from, len(run.agenda)) == (15, 60, 4)


def test_a_running_session_is_not_fitted(make_windows, session, dialogs):
    windows = make_windows(session)
    windows.controller.next()
    dialogs.expect(ProblemsDialog)
    windows.registry.trigger("fit_to")
    assert dialogs.titles(ProblemsDialog) == ["The session is running"]
    assert windows.controller.session == session


def test_the_editor_fits_the_agenda_in_one_step_that_undo_takes_back(
    qtbot, session, settings, dialogs
):
    editor = AgendaEditor(session, None, settings)
    qtbot.addWidget(editor)
    dialogs.answer(FitDialog, fit_session(session, 15), None)
    editor.registry.trigger("fit_to")
    assert titles(editor.session) == WARD_TITLES
    assert "Undo puts the whole session back" in editor.statusBar().currentMessage()
    editor.registry.trigger("undo")
    assert editor.session == session
    editor.registry.trigger("fit_to")  # cancelled: nothing changes
    assert editor.session == session


def test_the_command_line_opens_the_app_on_the_fitted_session_at_the_venue(tmp_path):
    result = run_main(
        "twitter-hour", "--length", "15", "--venue", "Ward 12", "--quit-when-ready",
        tmp_path=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    with open_store(tmp_path / "data", hold_window_lock=False) as store:
        [run] = store.runs()
    assert (run.venue, run.length, run.fitted_from) == ("Ward 12", 15, 60)
    assert [title for title, _ in run.agenda] == WARD_TITLES
    assert run.date == date.today()


def test_a_session_that_cannot_fit_the_length_given_says_by_how_much_and_exits_2(tmp_path):
    result = run_main("twitter-hour", "--length", "12", "--quit-when-ready", tmp_path=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip().endswith(
        "twitter-hour.md: cannot fit: 3 minutes too long for a 12-minute slot, even with every "
        "optional item dropped and every flexible item at its minimum; give at least 15 minutes"
    )
    assert "Traceback" not in result.stderr


def test_the_editor_marks_an_item_optional_and_saves_the_word(qtbot, session, settings, tmp_path):
    from presenter.ui.editor.editor_model import TITLE

    editor = AgendaEditor(session, None, settings)
    qtbot.addWidget(editor)
    form = editor.side.item_form
    editor.table.setCurrentIndex(editor.model.index(1, TITLE))  # "Why use Twitter", optional
    assert form.optional.isChecked()
    editor.table.setCurrentIndex(editor.model.index(2, TITLE))  # "What to tweet"
    assert not form.optional.isChecked()
    form.optional.setChecked(True)
    assert editor.session.items[2].optional
    editor.path = tmp_path / "mine.md"
    assert editor.save()
    text = editor.path.read_text(encoding="utf-8")
    assert "## What to tweet [8 min, activity, at least 2 min, optional]" in text
