"""The editor adds, replaces and removes an item's pictures, each with its alt text."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from presenter.agenda.model import AgendaItem, Picture, Session
from presenter.ui.editor.editor_model import TITLE
from presenter.ui.editor.editor_window import AgendaEditor
from presenter.ui.editor.picture_field import safe_name
from presenter.ui.shared.dialogs import ProblemsDialog, SaveChangesDialog
from tests.ui.picture_helpers import colour_box, make_picture

BLUE = QColor("#00aaff")


@pytest.fixture
def folder(tmp_path):
    return tmp_path / "sessions"


@pytest.fixture
def editor(qtbot, folder, settings, dialogs):
    dialogs.answer(SaveChangesDialog, "discard")
    folder.mkdir()
    session = Session(
        "Lunch and learn",
        (AgendaItem("Welcome", 5), AgendaItem("What the icons mean", 10, points=("Reply",))),
        folder=str(folder),
    )
    window = AgendaEditor(session, folder / "lunch.md", settings)
    qtbot.addWidget(window)
    window.show()
    window.table.setCurrentIndex(window.model.index(1, TITLE))
    return window


def field_of(editor):
    return editor.side.item_form.pictures


def shown_rows(editor):
    return [row for row in field_of(editor).rows if not row.isHidden()]


def test_a_picture_from_elsewhere_is_copied_beside_the_session_and_needs_alt_text(
    editor, dialogs, tmp_path, folder, qtbot
):
    chosen = tmp_path / "Downloads" / "My icons.png"
    make_picture(chosen)
    dialogs.open_path = chosen
    field = field_of(editor)
    field.add.click()
    copied = folder / "images" / "My-icons.png"
    assert copied.read_bytes() == chosen.read_bytes()
    assert editor.session.items[1].pictures == (Picture("images/My-icons.png", ""),)
    assert not field.alt_needed.isHidden()  # the form says the alt text is missing
    (row,) = shown_rows(editor)
    assert row.alt.hasFocus()
    qtbot.keyClicks(row.alt, "The reply, repost and like icons")
    assert editor.session.items[1].pictures == (
        Picture("images/My-icons.png", "The reply, repost and like icons"),
    )
    assert field.alt_needed.isHidden()
    assert row.file.text() == "images/My-icons.png"
    assert row.thumbnail.geometry().right() < row.alt.geometry().left()  # side by side
    QApplication.processEvents()
    assert colour_box(row.thumbnail.grab().toImage()) is not None  # the preview shows it
    assert "*" in editor.windowTitle()  # unsaved
    editor.stack.undo()
    assert editor.session.items[1].pictures == ()


def test_a_picture_already_in_the_sessions_folder_is_used_where_it_is(editor, dialogs, folder):
    inside = folder / "art" / "icons.png"
    make_picture(inside)
    dialogs.open_path = inside
    field_of(editor).add.click()
    assert editor.session.items[1].pictures == (Picture("art/icons.png", ""),)
    assert not (folder / "images").exists()


def test_a_different_picture_of_the_same_name_is_not_overwritten(editor, dialogs, tmp_path, folder):
    make_picture(folder / "images" / "icons.png", colour=BLUE)
    before = (folder / "images" / "icons.png").read_bytes()
    chosen = tmp_path / "icons.png"
    make_picture(chosen)
    dialogs.open_path = chosen
    field_of(editor).add.click()
    assert editor.session.items[1].pictures[0].path == "images/icons-2.png"
    assert (folder / "images" / "icons.png").read_bytes() == before
    dialogs.open_path = chosen  # the same picture again: the copy made is used
    field_of(editor).add.click()
    assert [p.path for p in editor.session.items[1].pictures] == ["images/icons-2.png"] * 2


def test_replace_keeps_the_alt_text_and_remove_leaves_the_file(editor, dialogs, folder, qtbot):
    make_picture(folder / "images" / "old.png")
    make_picture(folder / "images" / "new.png", colour=BLUE)
    dialogs.open_path = folder / "images" / "old.png"
    field_of(editor).add.click()
    (row,) = shown_rows(editor)
    qtbot.keyClicks(row.alt, "Icons")
    dialogs.open_path = folder / "images" / "new.png"
    row.replace.click()
    assert editor.session.items[1].pictures == (Picture("images/new.png", "Icons"),)
    QApplication.processEvents()
    assert colour_box(row.thumbnail.grab().toImage(), BLUE) is not None
    row.remove.click()
    assert editor.session.items[1].pictures == ()
    assert shown_rows(editor) == []
    assert (folder / "images" / "new.png").exists()
    assert editor.session.items[1].points == ("Reply",)  # the rest of the item is as it was


def test_each_item_shows_its_own_pictures(editor, dialogs, folder):
    make_picture(folder / "a.png")
    dialogs.open_path = folder / "a.png"
    field_of(editor).add.click()
    editor.table.setCurrentIndex(editor.model.index(0, TITLE))
    assert shown_rows(editor) == []
    editor.table.setCurrentIndex(editor.model.index(1, TITLE))
    assert [row.file.text() for row in shown_rows(editor)] == ["a.png"]


def test_a_file_that_is_not_a_picture_is_refused_with_a_reason(editor, dialogs, tmp_path):
    notes = tmp_path / "notes.png"
    notes.write_text("not a picture")
    dialogs.open_path = notes
    dialogs.expect(ProblemsDialog)
    field_of(editor).add.click()
    (asked,) = dialogs.of(ProblemsDialog)
    assert "notes.png is not a PNG or JPEG picture" in asked.text
    assert editor.session.items[1].pictures == ()


def test_cancelling_the_file_dialog_changes_nothing(editor, dialogs):
    dialogs.open_path = None
    field_of(editor).add.click()
    assert editor.session.items[1].pictures == ()
    assert editor.stack.isClean()


def test_a_session_not_saved_yet_is_saved_before_a_picture_is_added(qtbot, settings, dialogs):
    dialogs.answer(SaveChangesDialog, "discard")
    dialogs.expect(ProblemsDialog)
    window = AgendaEditor(Session("New", (AgendaItem("One", 5),)), None, settings)
    qtbot.addWidget(window)
    field_of(window).add.click()
    assert dialogs.titles(ProblemsDialog) == ["Save the session first"]
    assert window.session.items[0].pictures == ()


def test_the_presenter_window_follows_a_picture_added_before_the_start(
    make_windows, dialogs, tmp_path
):
    make_picture(tmp_path / "images" / "icons.png")
    session = Session(
        "Lunch", (AgendaItem("Welcome", 5), AgendaItem("Two", 5)), folder=str(tmp_path)
    )
    windows = make_windows(session)
    windows.registry.trigger("edit_agenda")
    editor = windows.editor
    editor.table.setCurrentIndex(editor.model.index(0, TITLE))
    dialogs.open_path = tmp_path / "images" / "icons.png"
    field_of(editor).add.click()
    following = windows.presenter.next_points  # before the start, "Next" is the first item
    QApplication.processEvents()
    assert following.thumbnails is not None and following.thumbnails.isVisible()
    assert colour_box(following.grab().toImage()) is not None
    editor.stack.setClean()


def test_copied_names_need_no_quoting_in_the_session():
    assert safe_name("My icons (final).PNG") == "My-icons-final.png"
    assert safe_name("..png") == "picture.png"
    assert safe_name("plain") == "plain"


def test_pictures_are_not_copied_into_the_bundled_sessions_folder(
    qtbot, session, settings, dialogs
):
    from presenter.agenda.bundled import bundled_session_path

    dialogs.answer(SaveChangesDialog, "discard")
    dialogs.expect(ProblemsDialog)
    window = AgendaEditor(session, bundled_session_path(), settings)
    qtbot.addWidget(window)
    field_of(window).add.click()
    assert dialogs.titles(ProblemsDialog) == ["Save the session first"]
    assert "Save as" in dialogs.of(ProblemsDialog)[0].text
