"""The agenda editor: edits, live schedule, undo and redo, save, and bad files."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QFileDialog

from presenter.agenda.model import AgendaItem, Session
from presenter.agenda.reader import load_session
from presenter.ui.editor.editor_model import FIXED, MINUTES, START, TITLE, AgendaItemsModel
from presenter.ui.editor.editor_window import AgendaEditor
from presenter.ui.shared.dialogs import ProblemsDialog, SaveChangesDialog


@pytest.fixture
def small():
    return Session(
        "Lunch and learn",
        (AgendaItem("Welcome", 5, fixed=True), AgendaItem("Demo", 20), AgendaItem("Questions", 10)),
        length=40,
    )


@pytest.fixture
def editor(qtbot, small, settings, dialogs):
    dialogs.answer(SaveChangesDialog, "discard")
    window = AgendaEditor(small, None, settings)
    qtbot.addWidget(window)
    window.show()
    return window


def titles(editor):
    return [item.title for item in editor.session.items]


def test_schedule_start_times_and_total_against_the_slot(editor):
    model = editor.model
    assert [model.index(r, START).data() for r in range(3)] == ["12:00", "12:05", "12:25"]
    assert editor.fit.text() == "35 of 40 minutes planned, 5 spare"
    assert editor.fit.property("over") == "false"


def test_over_length_is_shown_live(editor):
    editor.table.setCurrentIndex(editor.model.index(1, TITLE))
    editor.side.item_form.minutes.setValue(30)
    assert editor.fit.text() == "45 minutes planned: 5 over the 40-minute slot"
    assert editor.fit.property("over") == "true"
    assert editor.model.index(2, START).data() == "12:35"
    assert editor.model.index(2, TITLE).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert editor.model.index(0, TITLE).data(Qt.ItemDataRole.BackgroundRole) is None


def test_edit_every_field_of_an_item(editor, qtbot):
    from presenter.agenda.model import Kind

    editor.table.setCurrentIndex(editor.model.index(1, TITLE))
    form = editor.side.item_form
    form.title.clear()
    qtbot.keyClicks(form.title, "Live demo")
    form.minutes.setValue(15)
    form.kind.setCurrentText("demo")
    form.fixed.setChecked(True)
    form.min_minutes.setValue(10)
    form.points.setPlainText("Open the app\nFind the trust account")
    form.notes.setPlainText("- [ ] Phone on the visualiser")
    item = editor.session.items[1]
    assert item.title == "Live demo"
    assert (item.minutes, item.kind, item.fixed, item.min_minutes) == (15, Kind.DEMO, True, 10)
    assert item.points == ("Open the app", "Find the trust account")
    assert item.notes == "- [ ] Phone on the visualiser"


def test_an_item_can_be_hidden_made_a_section_and_given_nested_points(editor):
    from presenter.agenda.model import Kind

    editor.table.setCurrentIndex(editor.model.index(1, TITLE))
    form = editor.side.item_form
    form.points.setPlainText("Colleagues\n  Your ward\n    Your team\nTrust")
    form.hidden.setChecked(True)
    item = editor.session.items[1]
    assert item.points == ("Colleagues", "Your ward", "Your team", "Trust")
    assert item.levels == (0, 1, 2, 0) and item.hidden and not item.timed
    assert editor.fit.text() == "15 of 40 minutes planned, 25 spare"  # hidden: not counted
    form.points.setPlainText("Colleagues\nTrust")  # fewer points: their levels go with them
    assert editor.session.items[1].points == ("Colleagues", "Trust")
    editor.table.setCurrentIndex(editor.model.index(2, TITLE))
    form.kind.setCurrentText("section")
    assert editor.session.items[2].kind is Kind.SECTION
    editor.table.setCurrentIndex(editor.model.index(1, TITLE))
    assert form.hidden.isChecked()
    assert form.points.toPlainText() == "Colleagues\nTrust"


def test_typing_a_title_is_one_undo_step(editor, qtbot):
    editor.table.setCurrentIndex(editor.model.index(2, TITLE))
    form = editor.side.item_form
    qtbot.keyClicks(form.title, " and answers")
    assert titles(editor)[2] == "Questions and answers"
    editor.registry.trigger("undo")
    assert titles(editor)[2] == "Questions"
    editor.registry.trigger("redo")
    assert titles(editor)[2] == "Questions and answers"


def test_add_remove_and_undo(editor):
    editor.table.setCurrentIndex(editor.model.index(0, TITLE))
    editor.registry.trigger("add_item")
    assert titles(editor) == ["Welcome", "New item 4", "Demo", "Questions"]
    assert editor.current_row() == 1
    editor.registry.trigger("remove_item")
    editor.registry.trigger("remove_item")
    assert titles(editor) == ["Welcome", "Questions"]
    editor.registry.trigger("undo")
    editor.registry.trigger("undo")
    assert titles(editor) == ["Welcome", "New item 4", "Demo", "Questions"]
    editor.registry.trigger("undo")
    assert titles(editor) == ["Welcome", "Demo", "Questions"]
    assert editor.is_saved()


def test_reorder_from_the_keyboard(editor, qtbot):
    editor.table.setCurrentIndex(editor.model.index(2, TITLE))
    editor.table.setFocus()
    qtbot.keyClick(editor.table, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert titles(editor) == ["Welcome", "Questions", "Demo"]
    assert editor.current_row() == 1
    editor.registry.trigger("move_up")
    assert titles(editor) == ["Questions", "Welcome", "Demo"]
    editor.registry.trigger("move_up")  # already first: nothing happens
    assert titles(editor) == ["Questions", "Welcome", "Demo"]
    editor.registry.trigger("undo")
    assert titles(editor) == ["Welcome", "Questions", "Demo"]


def test_reorder_by_drag_and_drop(editor):
    model = editor.model
    data = model.mimeData([model.index(0, TITLE)])
    model.dropMimeData(data, Qt.DropAction.MoveAction, 3, 0, QModelIndex())
    assert titles(editor) == ["Demo", "Questions", "Welcome"]
    data = model.mimeData([model.index(2, TITLE)])
    model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert titles(editor) == ["Welcome", "Demo", "Questions"]


def test_edit_in_the_table(editor):
    model = editor.model
    assert model.setData(model.index(1, MINUTES), 12)
    assert not model.setData(model.index(1, MINUTES), 0)
    assert model.setData(
        model.index(1, FIXED), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole
    )
    assert editor.session.items[1].minutes == 12
    assert editor.session.items[1].fixed


def test_session_fields_and_slot(editor, qtbot):
    form = editor.side.session_form
    form.length.setValue(30)
    assert editor.session.length == 30
    assert "over the 30-minute slot" in editor.fit.text()
    qtbot.keyClicks(form.venue, "Ward 7 seminar room")
    assert editor.session.venue == "Ward 7 seminar room"
    editor.registry.trigger("undo")
    assert editor.session.venue == ""


def test_save_writes_a_file_that_reads_back(editor, tmp_path, dialogs):
    target = tmp_path / "lunch.md"
    dialogs.save_path = target
    editor.table.setCurrentIndex(editor.model.index(1, TITLE))
    editor.side.item_form.minutes.setValue(18)
    assert not editor.is_saved()
    assert editor.windowTitle().startswith("*")
    editor.registry.trigger("save")
    assert editor.is_saved()
    loaded, _ = load_session(target)
    assert loaded == editor.session
    assert editor.settings.recent_files[0] == str(target.resolve())
    assert editor.windowTitle().startswith("lunch.md")


def test_unsaved_changes_prompt_can_cancel_closing(editor, dialogs):
    editor.registry.trigger("add_item")
    dialogs.answer(SaveChangesDialog, "cancel")
    editor.close()
    assert editor.isVisible()
    dialogs.answer(SaveChangesDialog, "discard")
    editor.close()
    assert not editor.isVisible()


def test_bad_file_opens_a_dialog_with_the_format_message(editor, tmp_path, dialogs):
    shown = []
    dialogs.answer_with(ProblemsDialog, lambda parent, title, lines: shown.append(lines))
    bad = tmp_path / "bad.md"
    bad.write_text("---\ntitle: Broken\n---\n\n## An item [five min]\n", encoding="utf-8")
    assert not editor.open_path(bad)
    assert shown and shown[0][0].startswith(f"{bad}:")
    assert ": error: " in shown[0][0]
    assert titles(editor) == ["Welcome", "Demo", "Questions"]


def test_open_a_good_file_and_recent_list(editor, tmp_path, session):
    from presenter.agenda.writer import save_session

    path = tmp_path / "twitter.md"
    save_session(session, path)
    assert editor.open_path(path)
    assert editor.session == session
    assert editor.is_saved()
    editor._fill_recent_menu()
    assert [a.text() for a in editor.recent_menu.actions()] == [str(path.resolve())]


def test_editor_model_contract(qtmodeltester, small):
    model = AgendaItemsModel(small, lambda *a, **k: None)
    qtmodeltester.check(model)


def test_run_agenda_model_contract(qtmodeltester, session, clock):
    from presenter.timing import RunClock
    from presenter.ui.run.agenda_model import RunAgendaModel

    model = RunAgendaModel(session)
    run = RunClock(session, monotonic=clock.monotonic, wall=clock.wall)
    run.start()
    clock.advance(90)
    model.show_view(run.view())
    qtmodeltester.check(model)


def test_presenter_follows_the_editor_before_the_start(windows, qtbot):
    windows.registry.trigger("edit_agenda")
    editor = windows.editor
    editor.table.setCurrentIndex(editor.model.index(0, TITLE))
    editor.side.item_form.title.setText("")
    qtbot.keyClicks(editor.side.item_form.title, "Hello and check-in")
    assert windows.presenter.agenda_model.index(0, 2).data().startswith("Hello and check-in")
    windows.registry.trigger("next")
    qtbot.keyClicks(editor.side.item_form.title, "!")
    assert windows.controller.session.items[0].title == "Hello and check-in"
    editor.stack.setClean()


def test_save_on_the_bundled_session_asks_where(qtbot, session, settings, dialogs, tmp_path):
    from presenter.agenda.bundled import bundled_session_path

    asked = []
    target = tmp_path / "my-twitter-hour.md"
    dialogs.answer_with(
        QFileDialog.getSaveFileName,
        lambda shown: asked.append(Path(shown["folder"]).name) or target,
    )
    bundled = bundled_session_path()
    before = bundled.read_bytes()
    editor = AgendaEditor(session, bundled, settings)
    qtbot.addWidget(editor)
    editor.side.session_form.length.setValue(75)
    editor.registry.trigger("save")
    assert asked == ["twitter-hour.md"]
    assert bundled.read_bytes() == before
    assert load_session(target)[0].length == 75


def test_typing_in_the_middle_of_a_title_keeps_the_cursor(editor, qtbot):
    editor.table.setCurrentIndex(editor.model.index(1, TITLE))
    title = editor.side.item_form.title
    title.setFocus()
    title.setCursorPosition(0)
    qtbot.keyClicks(title, "Live ")
    assert titles(editor)[1] == "Live Demo"
    assert title.cursorPosition() == len("Live ")


def test_typing_notes_is_not_undone_by_the_tidying(editor, qtbot):
    editor.table.setCurrentIndex(editor.model.index(1, TITLE))
    notes = editor.side.item_form.notes
    notes.setFocus()
    qtbot.keyClicks(notes, "First line ")  # the item trims the space; the typing keeps it
    qtbot.keyClick(notes, Qt.Key.Key_Return)
    qtbot.keyClicks(notes, "- [ ] second")
    assert notes.toPlainText() == "First line \n- [ ] second"
    assert editor.session.items[1].notes == "First line\n- [ ] second"
