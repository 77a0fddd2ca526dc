"""Export and import run off the GUI thread and report back; the window stays responsive."""

from __future__ import annotations

import threading

from presenter.ui.editor import deck_actions
from presenter.ui.shared.background import run_in_background
from presenter.ui.shared.dialogs import ProblemsDialog


def test_work_runs_on_another_thread_and_reports_progress(qtbot):
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    seen = {}
    results = []

    def work(progress):
        seen["thread"] = threading.get_ident()
        progress(1, 2, "half way")
        return "done"

    run_in_background(parent, "Working…", work, results.append, lambda message: None)
    qtbot.waitUntil(lambda: results == ["done"])
    assert seen["thread"] != threading.get_ident()


def test_a_failure_becomes_a_message(qtbot):
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    errors = []

    def work(progress):
        raise OSError("the disk is full")

    run_in_background(parent, "Working…", work, lambda result: None, errors.append)
    qtbot.waitUntil(lambda: errors == ["the disk is full"])


def test_export_to_powerpoint_from_the_window(windows, qtbot, tmp_path, clock):
    target = tmp_path / "twitter-hour.pptx"
    job = deck_actions.export(
        windows.presenter, windows.controller.session, clock.wall().date(), path=target
    )
    assert job is not None
    qtbot.waitUntil(
        lambda: "Exported" in windows.presenter.statusBar().currentMessage(), timeout=60_000
    )
    from pptx import Presentation

    deck = Presentation(str(target))
    assert len(deck.slides) >= len(windows.controller.session.items)


def test_import_a_deck_runs_it(windows, qtbot, tmp_path, clock, session, dialogs):
    import dataclasses

    from presenter.deck.writer import export_deck

    path = tmp_path / "from-another-trust.pptx"
    session = dataclasses.replace(session, title="Twitter hour, Leeds")
    export_deck(session, path)
    dialogs.save_path = tmp_path / "imported.md"
    deck_actions.import_(windows.presenter, windows.open_session, path=path)
    qtbot.waitUntil(lambda: windows.presenter.countdown.title.text() == session.title)
    assert [i.title for i in windows.controller.session.items] == [i.title for i in session.items]


def test_a_bad_deck_is_a_message(windows, qtbot, tmp_path, dialogs):
    shown = []
    dialogs.answer_with(ProblemsDialog, lambda p, title, lines: shown.append(lines))
    path = tmp_path / "not-a-deck.pptx"
    path.write_text("hello", encoding="utf-8")
    deck_actions.import_(windows.presenter, windows.open_session, path=path, to=tmp_path / "s.md")
    qtbot.waitUntil(lambda: bool(shown))
    assert "Traceback" not in shown[0][0]
