"""Windows built over the bundled session with a fake clock and a settings file in tmp_path."""

from __future__ import annotations

import pytest

from presenter.agenda.bundled import bundled_session_path
from presenter.agenda.reader import load_session
from presenter.ui.run.run_windows import RunWindows
from presenter.ui.shared.settings import Settings


@pytest.fixture(autouse=True)
def _no_dialog_unanswered(dialogs):
    """Every window test runs with the dialogs faked: one nobody expected fails the test."""
    return dialogs


@pytest.fixture
def session():
    loaded, _warnings = load_session(bundled_session_path())
    return loaded


@pytest.fixture
def settings(tmp_path):
    return Settings(tmp_path / "settings.ini")


@pytest.fixture
def make_windows(qapp, clock, settings, tmp_path):
    """Build the two windows (no check-in panel unless asked), shown and refreshed."""
    built = []

    def make(session, **options):
        options.setdefault("check_in", False)
        windows = RunWindows(
            session,
            settings=settings,
            monotonic=clock.monotonic,
            wall=clock.wall,
            data_dir=tmp_path / "data",
            **options,
        )
        windows.show()
        built.append(windows)
        return windows

    yield make
    for windows in built:  # closed here, not by qtbot: closing mid-run would ask first
        windows.close_all()
        for window in (windows.presenter, windows.audience, windows.editor):
            if window is not None:
                window.close()
                window.deleteLater()


@pytest.fixture
def windows(make_windows, session):
    return make_windows(session)
