"""Holding off the screen saver is best effort: with no session bus nothing breaks.

The macOS route (a `caffeinate` process that lives while the hold does) runs here on any POSIX
machine: the platform is given as "darwin" and the command is a small script standing in for
caffeinate, which writes down its arguments and waits to be ended.
"""

from __future__ import annotations

import os
import shutil
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from presenter.ui.run.screensaver import ScreenSaverBlock


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="D-Bus is the Linux route")
def test_without_a_session_bus_hold_and_release_do_nothing(qapp, monkeypatch):
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS", raising=False)
    block = ScreenSaverBlock()
    if block.supported:
        pytest.skip("this machine has a session bus; the no-bus case cannot be shown here")
    assert block.hold() is False
    block.release()
    block.set_held(True)
    block.set_held(False)


def test_the_run_holds_the_screen_saver_while_it_runs(windows, monkeypatch, dialogs):
    calls = []
    monkeypatch.setattr(ScreenSaverBlock, "set_held", lambda self, held: calls.append(held))
    windows.registry.trigger("next")
    windows.registry.trigger("toggle_pause")  # paused is still a run: the screen stays on
    from presenter.ui.shared.dialogs import ConfirmDialog

    dialogs.answer(ConfirmDialog, True)
    windows.registry.trigger("finish")
    assert calls == [True, False]


posix_only = pytest.mark.skipif(sys.platform == "win32", reason="the stand-in is a POSIX script")


@pytest.fixture
def caffeinate(tmp_path) -> Path:
    """A stand-in for /usr/bin/caffeinate: appends its arguments as one line to `starts`
    (one line per start), then waits, as caffeinate does, until it is ended."""
    script = tmp_path / "caffeinate"
    script.write_text(
        f"#!/bin/sh\nprintf '%s\\n' \"$*\" >> '{tmp_path / 'starts'}'\nexec sleep 600\n"
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script


def started(block: ScreenSaverBlock, starts: Path, count: int = 1) -> list[str]:
    """The lines the stand-in wrote, once `count` are written (or the stand-in has ended).
    Waits on the process itself, a twentieth of a second at a time, ten seconds at most."""

    def lines() -> list[str]:
        text = starts.read_text() if starts.exists() else ""
        return text.splitlines() if text.endswith("\n") else text.splitlines()[:-1]

    process = block._caffeinated
    for _ in range(200):
        if len(lines()) >= count:
            break
        try:
            process.wait(timeout=0.05)
        except subprocess.TimeoutExpired:
            continue
        break
    return lines()


@posix_only
def test_on_macos_holding_runs_caffeinate_tied_to_this_process(caffeinate, tmp_path):
    block = ScreenSaverBlock(platform="darwin", caffeinate=str(caffeinate))
    assert block.supported
    assert block.hold() is True
    process = block._caffeinated
    try:
        assert started(block, tmp_path / "starts") == [f"-d -i -w {os.getpid()}"]
        assert process.poll() is None  # still holding
    finally:
        block.release()
    assert process.returncode == -signal.SIGTERM  # ended by the release, not by itself
    assert block._caffeinated is None


@posix_only
def test_on_macos_holding_twice_keeps_one_caffeinate_and_release_is_safe_to_repeat(
    caffeinate, tmp_path
):
    block = ScreenSaverBlock(platform="darwin", caffeinate=str(caffeinate))
    block.set_held(True)
    process = block._caffeinated
    try:
        assert block.hold() is True
        assert block._caffeinated is process
        assert started(block, tmp_path / "starts") == [f"-d -i -w {os.getpid()}"]
    finally:
        block.set_held(False)
    assert process.returncode == -signal.SIGTERM
    block.release()
    block.set_held(False)


@posix_only
def test_on_macos_a_hold_after_a_release_starts_caffeinate_again(caffeinate, tmp_path):
    block = ScreenSaverBlock(platform="darwin", caffeinate=str(caffeinate))
    block.hold()
    started(block, tmp_path / "starts")
    block.release()
    assert block.hold() is True
    try:
        assert started(block, tmp_path / "starts", count=2) == [f"-d -i -w {os.getpid()}"] * 2
    finally:
        block.release()


@pytest.mark.parametrize("problem", ["missing", "not executable"])
def test_on_macos_without_a_usable_caffeinate_the_hold_quietly_does_nothing(tmp_path, problem):
    command = tmp_path / "caffeinate"
    if problem == "not executable":
        command.write_text("#!/bin/sh\nexit 0\n")
        command.chmod(stat.S_IRUSR | stat.S_IWUSR)
    block = ScreenSaverBlock(platform="darwin", caffeinate=str(command))
    if problem == "missing":
        assert not block.supported
    assert block.hold() is False
    assert block._caffeinated is None
    block.release()
    block.set_held(True)
    block.set_held(False)


HOLD_AND_RELEASE = """
from PySide6.QtCore import QCoreApplication
from presenter.ui.run.screensaver import ScreenSaverBlock
app = QCoreApplication([])
block = ScreenSaverBlock()
print(block.supported, block.hold())
block.release()
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="D-Bus is the Linux route")
@pytest.mark.skipif(shutil.which("dbus-daemon") is None, reason="needs dbus-daemon (dbus)")
def test_a_session_bus_without_a_screen_saver_service_holds_nothing_quietly(tmp_path):
    """Desktops such as a bare window manager have a session bus but no screen saver on it:
    the run still starts, with no traceback, and nothing is held."""
    daemon = subprocess.Popen(
        ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
        stdout=subprocess.PIPE,
        stdin=subprocess.DEVNULL,
    )
    try:
        assert daemon.stdout is not None
        address = daemon.stdout.readline().decode().strip()
        env = dict(os.environ, DBUS_SESSION_BUS_ADDRESS=address, QT_QPA_PLATFORM="offscreen")
        done = subprocess.run(
            [sys.executable, "-c", HOLD_AND_RELEASE],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
    finally:
        daemon.terminate()
        daemon.wait(timeout=10)
        daemon.stdout.close()
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    assert done.stdout.split() == ["True", "False"]
