"""A real X session for the tests: Xvfb, a window manager, xdotool, and the installed app.

Everything here talks to the app from outside, as a facilitator's keyboard and mouse and
a camera would: keys and clicks go through the X server (XTEST, via xdotool), results are
read back from the attendance file the app writes and from screenshots of the screen.
Waiting is always for a condition, bounded by a generous timeout; nothing measures time.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

TOOLS = ("Xvfb", "openbox", "xdotool", "xdpyinfo", "xwininfo", "xprop", "import")
WAIT_SECONDS = 20.0  # generous: a loaded 2-core machine can take seconds to map a window
POLL_SECONDS = 0.1

T = TypeVar("T")


class WaitTimeout(AssertionError):
    """A condition the test waited for did not come true in time."""


def wait_for(
    what: str,
    probe: Callable[[], T | None],
    *,
    doing_it: subprocess.Popen,
    timeout: float = WAIT_SECONDS,
) -> T:
    """Call `probe` until it returns something truthy, and return it; fail naming `what`.

    Between tries it waits on `doing_it`, the program whose work is awaited (the app, the X
    server): should that program end, the wait ends at once and says so."""
    deadline = time.monotonic() + timeout
    while True:
        value = probe()
        if value:
            return value
        if time.monotonic() > deadline:
            raise WaitTimeout(f"gave up waiting for {what}")
        try:
            code = doing_it.wait(timeout=POLL_SECONDS)
        except subprocess.TimeoutExpired:
            continue
        value = probe()
        if value:
            return value
        raise WaitTimeout(f"gave up waiting for {what}: {doing_it.args[0]} exited with {code}")


def end(process: subprocess.Popen | None) -> None:
    """Ask a child program to stop, and make it if it has not within ten seconds."""
    if process is not None and process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def missing_tools() -> list[str]:
    return [tool for tool in TOOLS if shutil.which(tool) is None]


@dataclass(frozen=True)
class Geometry:
    x: int
    y: int
    width: int
    height: int

    @property
    def right(self) -> int:
        return self.x + self.width

    @property
    def bottom(self) -> int:
        return self.y + self.height

    def inside(self, other: Geometry) -> bool:
        return (
            self.x >= other.x
            and self.y >= other.y
            and self.right <= other.right
            and self.bottom <= other.bottom
        )

    def point(self, fx: float, fy: float) -> tuple[int, int]:
        """The point at fractions (fx, fy) of the width and height, in root coordinates."""
        return self.x + round(self.width * fx), self.y + round(self.height * fy)


class XServer:
    """One Xvfb screen with openbox on it, for the whole test session."""

    def __init__(self, width: int, height: int, log_dir: Path) -> None:
        self.width, self.height = width, height
        self.log_dir = log_dir
        self.display = ""
        self._xvfb: subprocess.Popen | None = None
        self._wm: subprocess.Popen | None = None

    # -- starting and stopping --------------------------------------------------------------

    def start(self) -> XServer:
        """Start Xvfb and openbox and wait until both answer; on failure, stop what began."""
        try:
            self._start()
        except BaseException:
            self.stop()
            raise
        return self

    def _start(self) -> None:
        self.log_dir.mkdir(parents=True, exist_ok=True)
        screen = f"{self.width}x{self.height}x24"
        pinned = os.environ.get("PRESENTER_TEST_DISPLAY")  # e.g. "96": use :96 and up
        if pinned:
            number = self._free_display(int(pinned))
            self._xvfb = self._spawn(
                ["Xvfb", f":{number}", "-screen", "0", screen, "-nolisten", "tcp"], "xvfb"
            )
            self.display = f":{number}"
        else:
            read_end, write_end = os.pipe()
            self._xvfb = self._spawn(
                ["Xvfb", "-displayfd", str(write_end), "-screen", "0", screen, "-nolisten", "tcp"],
                "xvfb",
                pass_fds=(write_end,),
            )
            os.close(write_end)
            with os.fdopen(read_end) as pipe:
                number = pipe.readline().strip()  # Xvfb writes it once it listens
            if not number:
                raise RuntimeError(f"Xvfb did not start; see {self.log_dir / 'xvfb.log'}")
            self.display = f":{number}"
        wait_for(f"the X server on {self.display}", self._answers, doing_it=self._xvfb)
        self._wm_starts = 0
        self._start_wm()
        wait_for("openbox to manage the screen", self._managed, doing_it=self._xvfb)

    def stop(self) -> None:
        for process in (self._wm, self._xvfb):
            end(process)

    def _spawn(self, argv: list[str], name: str, **kwargs) -> subprocess.Popen:
        with open(self.log_dir / f"{name}.log", "wb") as log:  # the child keeps its copy
            return subprocess.Popen(
                argv, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, **kwargs
            )

    @staticmethod
    def _free_display(first: int) -> int:
        for number in range(first, first + 4):
            taken = Path(f"/tmp/.X{number}-lock"), Path(f"/tmp/.X11-unix/X{number}")
            if not any(path.exists() for path in taken):
                return number
        raise RuntimeError(f"displays :{first} to :{first + 3} are all taken")

    def _answers(self) -> bool:
        if self._xvfb is not None and self._xvfb.poll() is not None:
            raise RuntimeError(f"Xvfb exited; see {self.log_dir / 'xvfb.log'}")
        return self.run(["xdpyinfo"], check=False).returncode == 0

    def _start_wm(self) -> None:
        self._wm_starts += 1
        self._wm = self._spawn(["openbox", "--sm-disable"], "openbox", env=self.env())

    def _managed(self) -> bool:
        if self._wm is not None and self._wm.poll() is not None:
            # Now and then openbox cannot open a display that has only just begun to answer.
            if self._wm_starts >= 3:
                raise RuntimeError(f"openbox exited; see {self.log_dir / 'openbox.log'}")
            self._start_wm()
            return False
        out = self.run(["xprop", "-root", "_NET_SUPPORTING_WM_CHECK"], check=False).stdout
        return "window id" in out

    # -- talking to the screen ---------------------------------------------------------------

    def env(self, **extra: str) -> dict[str, str]:
        env = dict(os.environ, DISPLAY=self.display)
        env.update(extra)
        return env

    def run(self, argv: list[str], *, check: bool = True) -> subprocess.CompletedProcess:
        return subprocess.run(
            argv, env=self.env(), capture_output=True, text=True, check=check, timeout=60
        )

    def xdotool(self, *args: str) -> str:
        return self.run(["xdotool", *args]).stdout

    @property
    def root(self) -> Geometry:
        return Geometry(0, 0, self.width, self.height)

    def screenshot(self, path: Path) -> Path:
        """The whole screen as a PNG, as the facilitator sees it."""
        self.run(["import", "-window", "root", f"png:{path}"])
        return path

    def windows(self, pid: int, name: str = ".") -> list[int]:
        result = self.run(
            ["xdotool", "search", "--all", "--onlyvisible", "--pid", str(pid), "--name", name],
            check=False,
        )
        return [int(w) for w in result.stdout.split()]

    def window_name(self, window: int) -> str:
        return self.run(["xdotool", "getwindowname", str(window)], check=False).stdout.strip()

    def geometry(self, window: int) -> Geometry:
        """Where the window's inside is on the screen (without the title bar and borders).

        From xwininfo's absolute position: xdotool's getwindowgeometry adds the title bar
        once more for a window inside a window manager's frame."""
        out = self.run(["xwininfo", "-id", str(window)]).stdout
        values = {}
        for line in out.splitlines():
            key, _, value = line.strip().partition(":")
            values[key] = value.strip()
        return Geometry(
            int(values["Absolute upper-left X"]),
            int(values["Absolute upper-left Y"]),
            int(values["Width"]),
            int(values["Height"]),
        )

    def frame_geometry(self, window: int) -> Geometry:
        """The window with its title bar and borders, from the window manager's extents."""
        inner = self.geometry(window)
        out = self.run(["xprop", "-id", str(window), "_NET_FRAME_EXTENTS"], check=False).stdout
        found = re.findall(r"\d+", out.split("=", 1)[-1]) if "=" in out else []
        left, right, top, bottom = (int(v) for v in found[:4]) if len(found) >= 4 else (0,) * 4
        return Geometry(
            inner.x - left, inner.y - top, inner.width + left + right, inner.height + top + bottom
        )

    def active_window(self) -> int | None:
        result = self.run(["xdotool", "getactivewindow"], check=False)
        return int(result.stdout) if result.returncode == 0 and result.stdout.strip() else None

    def activate(self, window: int) -> None:
        self.xdotool("windowactivate", "--sync", str(window))

    def click(self, x: int, y: int, button: int = 1) -> None:
        """A real mouse click at (x, y) on the screen."""
        self.xdotool("mousemove", str(x), str(y), "click", str(button))

    def key(self, *keys: str) -> None:
        """Keys pressed on the keyboard (xdotool names: Right, ctrl+i, Tab, space, Return)."""
        self.xdotool("key", "--delay", "60", *keys)

    def type(self, text: str) -> None:
        self.xdotool("type", "--delay", "40", text)


class App:
    """The installed app, run as the facilitator runs it, on one X server."""

    def __init__(
        self, x: XServer, data_dir: Path, args: tuple[str, ...] = (), env: dict | None = None
    ) -> None:
        self.x = x
        self.data_dir = data_dir
        self.args = args
        self.extra_env = env or {}
        self.log = data_dir.parent / f"{data_dir.name}-app.log"
        self.process: subprocess.Popen | None = None
        self.presenter = 0
        self.audience = 0

    def start(self) -> App:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        env = self.x.env(QT_QPA_PLATFORM="xcb", **self.extra_env)
        env.pop("QT_QPA_PLATFORMTHEME", None)
        argv = [*installed_app(), "--data-dir", str(self.data_dir), *self.args]
        with open(self.log, "wb") as log:
            self.process = subprocess.Popen(
                argv, env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
            )
        self.presenter = self.wait_for("the presenter window to be mapped", self._find_presenter)
        self.audience = self.wait_for("the audience window to be mapped", self._find_audience)
        return self

    def stop(self) -> None:
        end(self.process)

    def output(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def _alive(self) -> None:
        if self.process is not None and self.process.poll() is not None:
            raise AssertionError(
                f"the app exited with {self.process.returncode}:\n{self.output()[-3000:]}"
            )

    def _find_presenter(self) -> int | None:
        self._alive()
        for window in self.x.windows(self.pid, "Twitter hour"):
            if "audience" not in self.x.window_name(window).lower():
                return window
        return None

    def _find_audience(self) -> int | None:
        self._alive()
        found = self.x.windows(self.pid, "audience")
        return found[0] if found else None

    def wait_for(self, what: str, probe: Callable[[], T | None]) -> T:
        """`wait_for` on the app: it fails at once, with the app's output, if the app ends."""
        assert self.process is not None
        try:
            return wait_for(what, probe, doing_it=self.process)
        except WaitTimeout as timeout:
            if self.process.poll() is None:
                raise
            raise WaitTimeout(f"{timeout}\n{self.output()[-3000:]}") from None

    # -- finding dialogs ----------------------------------------------------------------------

    def wait_for_window(self, pattern: str, what: str) -> int:
        """A newly shown window of the app whose title matches `pattern` (a dialog).

        xdotool reads `pattern` as a POSIX extended regular expression, ignoring case."""

        def probe() -> int | None:
            self._alive()
            for window in self.x.windows(self.pid, pattern):
                if window not in (self.presenter, self.audience):
                    return window
            return None

        return self.wait_for(what, probe)

    def wait_for_window_gone(self, window: int, what: str) -> None:
        self.wait_for(what, lambda: window not in self.x.windows(self.pid))

    # -- what the app saved -------------------------------------------------------------------

    def database(self) -> Path:
        return self.data_dir / "attendance.sqlite3"

    def query(self, sql: str, params: tuple = ()) -> list[tuple]:
        """Read the attendance file while the app runs (read-only; the app writes in WAL)."""
        if not self.database().exists():
            return []
        db = sqlite3.connect(f"file:{self.database()}?mode=ro", uri=True, timeout=10)
        try:
            return db.execute(sql, params).fetchall()
        except sqlite3.OperationalError:  # the tables are not made yet
            return []
        finally:
            db.close()

    def clock_saves(self) -> list[ClockAction]:
        rows = self.query("SELECT action, snapshot FROM clock_saves ORDER BY id")
        return [ClockAction(action, json.loads(snapshot)) for action, snapshot in rows]

    def wait_for_saves(self, count: int, after: str) -> list[ClockAction]:
        """The run clock's saved actions once there are `count` of them."""
        return self.wait_for(
            f"the run clock to save action {count} after {after} "
            f"(saved so far: {[s.action for s in self.clock_saves()]})",
            lambda: (saves := self.clock_saves()) and len(saves) >= count and saves,
        )

    def attendees(self) -> list[tuple[str, list[str]]]:
        rows = self.query(
            "SELECT name, ready FROM attendees WHERE checked_in_at IS NOT NULL ORDER BY id"
        )
        return [(name, json.loads(ready)) for name, ready in rows]

    def setting(self, key: str) -> str | None:
        """A value from settings.ini in the data folder (`section/key`)."""
        path = self.data_dir / "settings.ini"
        if not path.exists():
            return None
        section, name = key.split("/", 1)
        current = ""
        for line in path.read_text().splitlines():
            line = line.strip()
            if line.startswith("[") and line.endswith("]"):
                current = line[1:-1]
            elif "=" in line and current == section:
                k, v = line.split("=", 1)
                if k.strip() == name:
                    return v.strip()
        return None


@dataclass(frozen=True)
class ClockAction:
    """One saved action on the run clock and the clock's state after it."""

    action: str
    snapshot: dict

    @property
    def item(self) -> int:
        return self.snapshot["current_index"]

    @property
    def state(self) -> str:
        return self.snapshot["state"]

    @property
    def planned_minutes(self) -> list:
        return self.snapshot["planned_minutes"]


def installed_app() -> list[str]:
    """The app as installed in the environment running the tests (the venv's `presenter`)."""
    script = Path(sys.executable).with_name("presenter")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-m", "presenter"]


def cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess:
    """The installed command line, on the same data folder."""
    return subprocess.run(
        [*installed_app(), *args, "--data-dir", str(data_dir)],
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
    )
