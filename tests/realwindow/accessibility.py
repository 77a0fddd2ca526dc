"""Reading the app's windows as a screen reader does: through AT-SPI, from another process.

A private session D-Bus and the AT-SPI bus (at-spi2-core) run for the tests; the app is
started on them with Qt's accessibility on, and `accessible_tree.py`, run by the system
Python that has pyatspi, lists every accessible object with its role, name and extents.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from tests.realwindow.desktop import Geometry, XServer, end, wait_for

SYSTEM_PYTHON = Path("/usr/bin/python3")
BUS_LAUNCHER = Path("/usr/libexec/at-spi-bus-launcher")
READER = Path(__file__).with_name("accessible_tree.py")


def missing_accessibility() -> list[str]:
    """What reading the windows needs and this machine lacks (Debian package names)."""
    missing = []
    for tool in ("dbus-daemon", "dbus-send"):
        if shutil.which(tool) is None:
            missing.append(f"{tool} (dbus)")
    if not BUS_LAUNCHER.exists():
        missing.append("at-spi-bus-launcher (at-spi2-core)")
    if not SYSTEM_PYTHON.exists() or (
        subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True).returncode
    ):
        missing.append("pyatspi for /usr/bin/python3 (python3-pyatspi)")
    return missing


@dataclass(frozen=True)
class Accessible:
    """One object a screen reader sees: a label, a table, a header cell..."""

    index: int
    role: str
    name: str
    description: str
    text: str | None
    box: Geometry | None
    showing: bool
    parent: int | None

    @property
    def seen(self) -> bool:
        """On the screen: showing, with an area."""
        return self.showing and self.box is not None and self.box.width > 0 < self.box.height

    @property
    def area(self) -> int:
        return self.box.width * self.box.height if self.box else 0


class Tree:
    """The accessible objects of one app, in the order a screen reader walks them."""

    def __init__(self, objects: list[Accessible]) -> None:
        self.objects = objects

    def parent(self, accessible: Accessible) -> Accessible | None:
        return None if accessible.parent is None else self.objects[accessible.parent]

    def children(self, accessible: Accessible) -> list[Accessible]:
        return [o for o in self.objects if o.parent == accessible.index]

    def descendants(self, accessible: Accessible) -> list[Accessible]:
        """Everything inside `accessible` (objects come after their parents in the list)."""
        inside = {accessible.index}
        found = []
        for o in self.objects[accessible.index + 1 :]:
            if o.parent in inside:
                inside.add(o.index)
                found.append(o)
        return found

    def named(
        self, name: str, role: str | None = None, within: Accessible | None = None
    ) -> list[Accessible]:
        """Objects called `name`, or described as it (a value's label says what it is in its
        description, so a screen reader reads the value first)."""
        objects = self.objects if within is None else self.descendants(within)
        return [o for o in objects if name in (o.name, o.description) and role in (None, o.role)]

    def one(
        self, name: str, role: str | None = None, within: Accessible | None = None
    ) -> Accessible:
        found = self.named(name, role, within)
        assert found, f"no accessible {role or 'object'} named {name!r}"
        return found[0]

    def frame(self, title_part: str) -> Accessible:
        for o in self.objects:
            if o.role == "frame" and title_part in o.name:
                return o
        raise AssertionError(f"no window titled with {title_part!r}")


class AccessibilityBus:
    """A session D-Bus with the AT-SPI bus on it, for the whole test session."""

    def __init__(self, log_dir: Path) -> None:
        self.log_dir = log_dir
        self.address = ""
        self._daemon: subprocess.Popen | None = None
        self._launcher: subprocess.Popen | None = None

    def start(self, x: XServer) -> AccessibilityBus:
        try:
            self._start(x)
        except BaseException:
            self.stop()
            raise
        return self

    def _start(self, x: XServer) -> None:
        self.log_dir.mkdir(parents=True, exist_ok=True)
        with open(self.log_dir / "dbus.log", "wb") as log:
            self._daemon = subprocess.Popen(
                ["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                stdout=subprocess.PIPE,
                stderr=log,
                stdin=subprocess.DEVNULL,
                env=x.env(),
            )
        assert self._daemon.stdout is not None
        self.address = self._daemon.stdout.readline().decode().strip()
        if not self.address:
            raise RuntimeError(f"dbus-daemon did not start; see {self.log_dir / 'dbus.log'}")
        with open(self.log_dir / "at-spi.log", "wb") as log:
            self._launcher = subprocess.Popen(
                [str(BUS_LAUNCHER), "--launch-immediately"],
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                env=self.env(x),
            )
        wait_for("the AT-SPI bus to answer", lambda: self._bus_answers(x), doing_it=self._launcher)

    def _bus_answers(self, x: XServer) -> bool:
        if self._launcher is not None and self._launcher.poll() is not None:
            raise RuntimeError(f"at-spi-bus-launcher exited; see {self.log_dir / 'at-spi.log'}")
        done = subprocess.run(
            [
                "dbus-send",
                "--session",
                "--print-reply",
                "--dest=org.a11y.Bus",
                "/org/a11y/bus",
                "org.a11y.Bus.GetAddress",
            ],
            env=self.env(x),
            capture_output=True,
            text=True,
            timeout=30,
        )
        return done.returncode == 0 and "unix:" in done.stdout

    def stop(self) -> None:
        for process in (self._launcher, self._daemon):
            end(process)
        if self._daemon is not None and self._daemon.stdout is not None:
            self._daemon.stdout.close()

    def env(self, x: XServer) -> dict[str, str]:
        return x.env(DBUS_SESSION_BUS_ADDRESS=self.address)

    def app_env(self) -> dict[str, str]:
        """What the app needs to be read: the bus, and Qt's accessibility switched on."""
        return {
            "DBUS_SESSION_BUS_ADDRESS": self.address,
            "QT_ACCESSIBILITY": "1",
            "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
        }

    def tree(self, x: XServer, pid: int) -> Tree:
        """Every accessible object of the app with this process id, read now."""
        done = subprocess.run(
            [str(SYSTEM_PYTHON), str(READER), str(pid)],
            env=self.env(x),
            capture_output=True,
            text=True,
            timeout=60,
        )
        if done.returncode != 0:
            raise AssertionError(f"reading the accessible tree failed:\n{done.stderr[-3000:]}")
        objects = []
        for index, o in enumerate(json.loads(done.stdout)):
            box = Geometry(*o["extents"]) if o["extents"] else None
            objects.append(
                Accessible(
                    index,
                    o["role"],
                    o["name"],
                    o["description"],
                    o["text"],
                    box,
                    o["showing"],
                    o["parent"],
                )
            )
        return Tree(objects)
