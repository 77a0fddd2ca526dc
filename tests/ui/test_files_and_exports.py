"""Where file dialogs open, what the editor calls the bundled session, and the notice that
says where an export went."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox

from presenter.ui.shared.settings import Settings


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    """A home folder of its own, with a documents folder, and the app started elsewhere."""
    folder = tmp_path / "home"
    (folder / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(folder))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(folder / ".config"))
    elsewhere = tmp_path / "started-here"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    return folder


@pytest.fixture
def asked(dialogs):
    """The folder or path each file dialog opened on; the dialog answers `asked.answer`."""

    class Asked(list):
        answer = ""

    calls = Asked()

    def dialog(shown):
        calls.append(Path(shown["folder"]))
        return calls.answer

    dialogs.answer_with(QFileDialog.getSaveFileName, dialog)
    dialogs.answer_with(QFileDialog.getOpenFileName, dialog)
    return calls


def documents() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))


def test_file_dialogs_start_in_the_documents_folder(windows, home, asked):
    assert documents() == home / "Documents"
    windows.registry.trigger("export_deck")  # cancelled: nothing is written
    windows.registry.trigger("open_session")
    windows.registry.trigger("import_deck")
    assert asked == [
        home / "Documents" / "Twitter hour.pptx",
        home / "Documents",
        home / "Documents",
    ]


def test_file_dialogs_remember_the_last_folder_between_runs(
    windows, home, asked, tmp_path, dialogs
):
    from presenter.ui.shared.dialogs import ProblemsDialog

    problems = []
    dialogs.answer_with(ProblemsDialog, lambda *a: problems.append(a))
    exports = tmp_path / "exports"
    exports.mkdir()
    asked.answer = str(exports / "mine.md")
    windows.registry.trigger("open_session")  # not there: says so, folder remembered
    assert len(problems) == 1
    asked.answer = ""
    windows.registry.trigger("import_deck")
    assert asked[-1] == exports
    assert Settings(windows.settings.path).last_folder == str(exports)


def test_the_editor_names_the_bundled_session(windows, session, qtbot):
    windows.registry.trigger("edit_agenda")
    qtbot.addWidget(windows.editor)
    assert windows.editor.windowTitle() == f"{session.title} – agenda editor"
    assert "Untitled" not in windows.editor.windowTitle()


def test_an_export_says_where_the_deck_went_and_opens_its_folder(
    windows, qtbot, tmp_path, monkeypatch, dialogs
):
    target = tmp_path / "out" / "twitter-hour.pptx"
    target.parent.mkdir()
    dialogs.save_path = target
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    windows.registry.trigger("export_deck")

    def notice() -> QMessageBox | None:
        found = windows.presenter.findChildren(QMessageBox, "ExportedNotice")
        return found[0] if found and found[0].isVisible() else None

    qtbot.waitUntil(lambda: notice() is not None, timeout=60_000)
    box = notice()
    assert "twitter-hour.pptx" in box.text()
    assert str(target.parent) in box.informativeText()
    box.open_folder_button.click()
    assert opened == [QUrl.fromLocalFile(str(target.parent))]
    assert target.stat().st_size > 0
