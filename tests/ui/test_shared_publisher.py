"""The app publishes to the shared record by itself, in the background, and never gets in the
way: check-ins reach a real (throwaway) PostgreSQL server without any command; with the
server stopped the run goes on and the status bar says what is waiting; without shared.ini
there is no publisher at all.
"""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QLabel

from presenter.attendance import shared
from presenter.attendance.paths import shared_record_path
from presenter.attendance.publish import join_code
from presenter.attendance.shared import SharedSettings, save_settings
from presenter.timing import RunState
from presenter.ui.run.resume import attach_recorder
from presenter.ui.run.share_run import JoinCodeDialog
from presenter.ui.run.shared_publisher import Outcome, SharedPublisher, status_text
from tests.attendance.pg_server import server_binaries

needs_server = pytest.mark.skipif(
    server_binaries() is None, reason="PostgreSQL's server is not installed (.ci/run installs it)"
)
WAIT_MS = 60_000  # a safety net for a busy machine, not a measure


@pytest.fixture
def record(cluster, request, tmp_path) -> SharedSettings:
    """A fresh database on the cluster, set up as this data folder's shared record."""
    settings = SharedSettings(cluster.fresh_database("ui_" + request.node.name.lower()[:50]))
    (tmp_path / "data").mkdir(exist_ok=True)
    save_settings(tmp_path / "data", settings)
    return settings


def on_server(settings: SharedSettings, sql: str) -> list[tuple]:
    import psycopg

    with psycopg.connect(settings.connection) as connection:
        return connection.execute(sql).fetchall()


def names_on_server(settings: SharedSettings) -> list[str]:
    return [name for (name,) in on_server(settings, "SELECT name FROM attendees ORDER BY name")]


def check_in(windows, name: str) -> None:
    panel = windows.presenter.check_in_panel
    panel.name_edit.setText(name)
    assert panel.check_in(walk_in=True) is not None


def settled(qtbot, publisher) -> None:
    """Wait for the publish under way (and any it queued) to be over."""
    qtbot.waitUntil(lambda: publisher.last is not None and not publisher.busy, timeout=WAIT_MS)


@needs_server
def test_a_check_in_reaches_the_shared_record_without_any_command(
    make_windows, session, qtbot, record
):
    windows = make_windows(session, check_in=True)
    publisher = windows.shared_publisher
    settled(qtbot, publisher)  # the first publish, at start: today's run
    check_in(windows, "Asha Patel")
    assert publisher.busy  # published at once, on the worker thread
    settled(qtbot, publisher)
    assert names_on_server(record) == ["Asha Patel"]
    assert publisher.status_line.text() == "Shared record: up to date"
    assert windows.presenter.findChild(QLabel, "SharedRecordStatus") is publisher.status_line
    assert publisher.status_line.isVisibleTo(windows.presenter)


@needs_server
def test_with_the_server_stopped_the_run_goes_on_and_the_changes_arrive_later(
    make_windows, session, qtbot, record, cluster, clock, dialogs
):
    windows = make_windows(session, check_in=True)
    attach_recorder(windows, monotonic=clock.monotonic)
    publisher = windows.shared_publisher
    settled(qtbot, publisher)
    cluster.stop()
    try:
        check_in(windows, "Ben Okafor")
        settled(qtbot, publisher)
        windows.registry.trigger("next")  # the session starts: its clock save is sent too
        assert publisher.busy
        check_in(windows, "Cara Lee")
        settled(qtbot, publisher)
        assert windows.controller.state is RunState.RUNNING
        assert windows.presenter.check_in_panel.checked_in_count() == 2
        text = publisher.status_line.text()
        assert text.startswith("Shared record: ") and text.endswith(
            " changes waiting, server not reachable"
        )
        assert dialogs.asked == []  # said quietly, never in a dialog
        assert publisher.timer.isActive()  # tried again a minute later
    finally:
        cluster.start()
    publisher.timer.timeout.emit()  # that minute has passed
    settled(qtbot, publisher)
    assert publisher.status_line.text() == "Shared record: up to date"
    assert names_on_server(record) == ["Ben Okafor", "Cara Lee"]
    assert on_server(record, "SELECT action FROM clock_saves") == [("start",)]


@needs_server
def test_feedback_given_in_the_wrap_up_is_published_when_it_closes(
    make_windows, session, qtbot, record, clock, dialogs
):
    from presenter.ui.shared.dialogs import ConfirmDialog

    windows = make_windows(session, check_in=True)
    recorder = attach_recorder(windows, monotonic=clock.monotonic)
    publisher = windows.shared_publisher
    check_in(windows, "Asha Patel")
    windows.registry.trigger("next")
    dialogs.answer(ConfirmDialog, True)
    windows.registry.trigger("finish")  # the wrap-up opens
    settled(qtbot, publisher)
    recorder.wrap_up.rate(0, 5, "Useful")
    assert not publisher.busy  # a rating being chosen is not sent yet
    recorder.wrap_up.close()
    assert publisher.busy
    settled(qtbot, publisher)
    assert on_server(record, "SELECT rating FROM feedback") == [(5,)]
    assert publisher.status_line.text() == "Shared record: up to date"


@needs_server
def test_share_this_run_shows_the_code_another_laptop_joins_with(
    make_windows, session, qtbot, record, tmp_path, dialogs
):
    windows = make_windows(session, check_in=True)
    settled(qtbot, windows.shared_publisher)
    run_id = windows.presenter.check_in_panel.run_id
    ((uid,),) = windows.attendance_store.query("SELECT uid FROM runs WHERE id = ?", (run_id,))
    code = join_code(uid)
    dialogs.expect(JoinCodeDialog)
    windows.registry.trigger("share_run")
    qtbot.waitUntil(lambda: bool(dialogs.of(JoinCodeDialog)), timeout=WAIT_MS)
    (shown,) = dialogs.of(JoinCodeDialog)
    assert shown.title == "Share this run with another laptop"
    assert f"This run's code: {code}" in shown.text
    assert f"presenter runs join {code}" in shown.text
    assert "not on the shared record yet" not in shown.text
    assert on_server(record, "SELECT join_code, title FROM runs") == [(code, session.title)]


@needs_server
def test_a_run_not_yet_published_is_shared_with_its_code_and_says_so(
    make_windows, session, qtbot, record, cluster, dialogs
):
    cluster.stop()
    try:
        windows = make_windows(session, check_in=True)
        settled(qtbot, windows.shared_publisher)
        dialogs.expect(JoinCodeDialog)
        windows.registry.trigger("share_run")
        qtbot.waitUntil(lambda: bool(dialogs.of(JoinCodeDialog)), timeout=WAIT_MS)
    finally:
        cluster.start()
    (shown,) = dialogs.of(JoinCodeDialog)
    assert "presenter runs join " in shown.text
    assert "not on the shared record yet (server not reachable)" in shown.text
    assert windows.controller.state is RunState.BEFORE_START  # nothing else happened


def test_without_shared_ini_there_is_no_publisher_and_no_thread(make_windows, session, clock):
    windows = make_windows(session, check_in=True)
    attach_recorder(windows, monotonic=clock.monotonic)
    check_in(windows, "Asha Patel")
    windows.registry.trigger("next")
    assert windows.shared_publisher is None
    assert windows.findChildren(QThreadPool) == []
    assert windows.presenter.findChild(QLabel, "SharedRecordStatus") is None


def test_share_this_run_without_a_shared_record_says_how_to_set_it_up(
    make_windows, session, dialogs
):
    windows = make_windows(session, check_in=True)
    dialogs.expect(JoinCodeDialog)
    windows.registry.trigger("share_run")
    (shown,) = dialogs.of(JoinCodeDialog)
    assert "presenter shared setup" in shown.text


def test_the_app_looks_for_the_settings_file_the_command_line_writes(tmp_path):
    """Both sides name the file through `paths.shared_record_path`."""
    assert not shared_record_path(tmp_path).exists()
    shared.save_settings(tmp_path, SharedSettings("service=library"))
    assert shared_record_path(tmp_path).is_file()


def test_publishing_runs_off_the_window_thread_and_a_failure_is_said_quietly(
    qapp, qtbot, tmp_path, dialogs
):
    threads = []

    def work(folder):
        threads.append(threading.get_ident())
        raise OSError("the attendance file cannot be opened")

    line = QLabel()
    publisher = SharedPublisher(tmp_path, line, work=work)
    publisher.start()
    settled(qtbot, publisher)
    publisher.stop()
    assert threads and threads[0] != threading.get_ident()
    assert line.text() == "Shared record: not published"
    assert line.toolTip() == "the attendance file cannot be opened"
    assert dialogs.asked == []


def test_the_status_line_says_what_waits_and_why():
    assert status_text(Outcome(0)) == "Shared record: up to date"
    assert status_text(Outcome(1)) == "Shared record: 1 change waiting"
    unreachable = Outcome(12, "the server cannot be reached: connection refused")
    assert status_text(unreachable) == "Shared record: 12 changes waiting, server not reachable"
    refused = Outcome(3, "the connection to db.example.org is not encrypted; ...")
    assert status_text(refused) == "Shared record: 3 changes waiting, not published"
