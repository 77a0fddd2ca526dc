"""Real-window tests: the installed app on an Xvfb screen with openbox, driven by xdotool.

Every test in this folder is marked `realwindow` (`pytest -m "not realwindow"` leaves them
out). Without Xvfb, openbox, xdotool, x11-utils and ImageMagick they are skipped, except in
CI (CI=true), where a missing tool is a failure: `.ci/run` installs them.
Set PRESENTER_TEST_DISPLAY=NN to use displays :NN to :NN+3 instead of letting Xvfb choose.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.realwindow.desktop import App, XServer, missing_tools

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if Path(str(item.fspath)).resolve().is_relative_to(HERE):
            item.add_marker(pytest.mark.realwindow)


def _need_tools() -> None:
    missing = missing_tools()
    if not missing:
        return
    reason = f"real-window tests need {', '.join(missing)} (see .ci/run for the packages)"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(reason)
    pytest.skip(reason)


def _server(tmp_path_factory, width: int, height: int) -> Iterator[XServer]:
    _need_tools()
    server = XServer(width, height, tmp_path_factory.mktemp(f"x{width}")).start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def laptop(tmp_path_factory) -> Iterator[XServer]:
    """A 1366x768 laptop screen with a window manager."""
    yield from _server(tmp_path_factory, 1366, 768)


@pytest.fixture(scope="session")
def full_hd(tmp_path_factory) -> Iterator[XServer]:
    """A 1920x1080 screen with a window manager."""
    yield from _server(tmp_path_factory, 1920, 1080)


@pytest.fixture
def start_app(tmp_path: Path) -> Iterator[Callable[..., App]]:
    """Start the installed app on a screen with a fresh data folder; stopped after the test.

    If a test fails, the app's output is printed with the failure."""
    started: list[App] = []

    def start(x: XServer, *args: str, data_dir: Path | None = None, env: dict | None = None) -> App:
        app = App(x, data_dir or tmp_path / f"data{len(started)}", args, env)
        started.append(app)
        return app.start()

    yield start
    for app in started:
        app.stop()
        output = app.output().strip()
        if output:
            print(f"--- app output ({app.log}) ---\n{output[-4000:]}")
