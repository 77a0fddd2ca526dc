"""The room sees is drawn from the audience window, and the arrival screen names the run's place."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication

from presenter.attendance.store import open_store
from presenter.ui.run.resume import attach_recorder


def preview_colour(windows, qtbot) -> QColor:
    """The middle of the miniature once it has been redrawn."""
    preview = windows.presenter.current_points
    QApplication.processEvents()  # the audience window repaints what changed, then the preview
    qtbot.waitUntil(lambda: not preview._due.isActive())
    picture = preview.miniature.picture.toImage()
    return picture.pixelColor(picture.width() // 2, picture.height() // 2)


def test_the_preview_is_black_during_blackout_and_white_for_the_white_screen(windows, qtbot):
    windows.registry.trigger("next")
    preview = windows.presenter.current_points
    before = preview_colour(windows, qtbot)
    assert preview.describe() == "the current item"
    assert before != QColor("#000000")
    windows.registry.trigger("blackout")
    assert preview_colour(windows, qtbot) == QColor("#000000")
    assert preview.describe() == "a black screen"
    assert preview.miniature.accessibleName() == "The room sees a black screen"
    windows.registry.trigger("whiteout")
    assert preview_colour(windows, qtbot) == QColor("#ffffff")
    windows.registry.trigger("whiteout")
    assert preview_colour(windows, qtbot) == before
    assert preview.describe() == "the current item"


def test_the_preview_is_a_picture_of_the_audience_window(windows, qtbot):
    """Same picture, scaled: the preview cannot show something else than the room's screen."""
    windows.registry.trigger("next")
    preview_colour(windows, qtbot)
    picture = windows.presenter.current_points.miniature.picture
    audience = windows.audience.grab().toImage().scaled(picture.size())
    shown = picture.toImage()
    corner = (shown.width() // 10, shown.height() // 10)
    assert shown.pixelColor(*corner) == audience.pixelColor(*corner)
    assert windows.presenter.current_points.title.isHidden()  # no text beside it to disagree


def test_the_arrival_screen_gives_the_runs_venue_and_facilitators(
    make_windows, session, tmp_path, clock
):
    with open_store(tmp_path / "data", hold_window_lock=False) as store:
        store.create_run_from_session(
            session,
            on=clock.wall().date(),
            venue="Ward 12 seminar room",
            facilitators=["Sam Educator"],
        )
    windows = make_windows(session, check_in=True)
    where = windows.audience.arrival.where.text()
    assert "Ward 12 seminar room" in where
    assert "Sam Educator" in where
    assert session.venue not in where


def test_without_check_in_the_arrival_screen_still_names_todays_run(
    make_windows, session, tmp_path, clock
):
    with open_store(tmp_path / "data", hold_window_lock=False) as store:
        store.create_run_from_session(session, on=clock.wall().date(), venue="Ward 12 seminar room")
    windows = make_windows(session)
    attach_recorder(windows, monotonic=clock.monotonic)
    assert "Ward 12 seminar room" in windows.audience.arrival.where.text()


def test_a_run_without_its_own_venue_keeps_the_sessions(make_windows, session):
    windows = make_windows(session, check_in=True)
    assert session.venue in windows.audience.arrival.where.text()
