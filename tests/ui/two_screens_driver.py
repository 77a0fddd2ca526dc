"""Builds the real windows on the offscreen platform's screens and reports where they went.

    QT_QPA_PLATFORM=offscreen:configfile=SCREENS.json \\
        python tests/ui/two_screens_driver.py SCREENS.json DATA_DIR

SCREENS.json is the offscreen plugin's own configuration ("screens": name, x, y, width, height,
...); its first screen is the primary one, the laptop. The windows are built as the tests build
them (bundled session, fake clocks, settings and data in DATA_DIR), then driven through the
menu actions. One JSON line is printed per step, saying for each window which screen it is on,
whether it is full screen and its geometry (with and without the window frame):

    start, swapped, swapped back, one screen, one screen swapped, one screen off,
    unplugged (the second screen removed), plugged in (the second screen back),
    unplugged while swapped (the presenter window was on the second screen), plugged in while
    swapped,
    started in one-screen mode (a second set of windows, as `presenter --one-screen` makes)

A QApplication can be made only once in a process, hence a process of its own.

Unplugging: the offscreen plugin can change its screens while the app runs, through its
native "setConfiguration" function (the same diff of the "screens" list as at start-up, with
QGuiApplication.screenRemoved / screenAdded), but Qt for Python has no binding for the native
interface that hands it out. It is reached with ctypes through Qt's exported symbols, which
needs the x86-64 Linux C++ ABI (a result returned through a hidden first argument); elsewhere
the unplug steps print {"step": ..., "unavailable": reason} and the test skips them.
"""

from __future__ import annotations

import ctypes
import json
import os
import platform
import sys
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QByteArray, QJsonDocument  # noqa: E402
from PySide6.QtGui import QGuiApplication  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from presenter.agenda.bundled import bundled_session_path  # noqa: E402
from presenter.agenda.reader import load_session  # noqa: E402
from presenter.ui.run.run_windows import RunWindows  # noqa: E402
from presenter.ui.shared.settings import Settings  # noqa: E402


def offscreen_configurer():
    """A function applying a new offscreen configuration (a dict), or the reason there is none."""
    if QGuiApplication.platformName() != "offscreen":
        return None, "not the offscreen platform"
    if not (sys.platform.startswith("linux") and platform.machine() in ("x86_64", "AMD64")):
        return None, f"the native call needs x86-64 Linux, not {sys.platform} {platform.machine()}"
    import PySide6
    import shiboken6

    folder = Path(PySide6.__file__).parent / "Qt" / "lib"
    try:
        gui = ctypes.CDLL(str(folder / "libQt6Gui.so.6"))
        core = ctypes.CDLL(str(folder / "libQt6Core.so.6"))
        native_interface = gui._ZN15QGuiApplication23platformNativeInterfaceEv
        base_resource = (
            gui._ZN24QPlatformNativeInterface28nativeResourceForIntegrationERK10QByteArray
        )
        base_table = ctypes.c_void_p.in_dll(gui, "_ZTV24QPlatformNativeInterface")
        json_object = core._ZNK13QJsonDocument6objectEv
        drop_json_object = core._ZN11QJsonObjectD1Ev
    except (OSError, AttributeError, ValueError) as exc:
        return None, f"Qt's symbols are not reachable: {exc}"
    native_interface.restype = ctypes.c_void_p
    interface = native_interface()
    if not interface:
        return None, "no native interface"
    # nativeResourceForIntegration is virtual: find its slot in the base class's table (past
    # the offset-to-top and type-info entries), then call the plugin's own function there.
    slots = 40
    base = (ctypes.c_void_p * slots).from_address(ctypes.addressof(base_table) + 16)
    wanted = ctypes.cast(base_resource, ctypes.c_void_p).value
    found = [i for i in range(slots) if base[i] == wanted]
    if len(found) != 1:
        return None, "nativeResourceForIntegration not found in the table"
    table = ctypes.c_void_p.from_address(interface).value
    resource_of = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p)(
        (ctypes.c_void_p * slots).from_address(table)[found[0]]
    )
    name = QByteArray(b"setConfiguration")
    address = resource_of(interface, shiboken6.getCppPointer(name)[0])
    if not address:
        return None, "the platform plugin has no setConfiguration"
    set_configuration = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_void_p)(address)
    json_object.restype = None
    json_object.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
    drop_json_object.restype = None
    drop_json_object.argtypes = [ctypes.c_void_p]

    def configure(configuration: dict) -> None:
        document = QJsonDocument.fromJson(QByteArray(json.dumps(configuration).encode()))
        made = ctypes.create_string_buffer(64)  # a QJsonObject is one pointer
        json_object(ctypes.addressof(made), shiboken6.getCppPointer(document)[0])
        set_configuration(ctypes.addressof(made), interface)
        drop_json_object(ctypes.addressof(made))

    return configure, ""


def window_facts(window: QWidget) -> dict:
    """Where the window is: "geometry" is the whole window, frame and title bar included
    (as `frameGeometry`), "inside" the part inside the frame (as `geometry`)."""
    frame, inside = window.frameGeometry(), window.geometry()
    return {
        "screen": window.screen().name(),
        "full_screen": window.isFullScreen(),
        "visible": window.isVisible(),
        "geometry": [frame.x(), frame.y(), frame.width(), frame.height()],
        "inside": [inside.x(), inside.y(), inside.width(), inside.height()],
    }


def build(folder: Path, *, one_screen: bool = False, check_in: bool = False) -> RunWindows:
    """The windows as the tests build them (`presenter --one-screen` when `one_screen`),
    shown; with the check-in panel when `check_in`."""
    session, _warnings = load_session(bundled_session_path())
    windows = RunWindows(
        session,
        settings=Settings(folder / "settings.ini"),
        monotonic=lambda: 1000.0,
        wall=lambda: datetime(2026, 11, 25, 11, 55),
        data_dir=folder / "data",
        one_screen=one_screen,
        check_in=check_in,
    )
    windows.show()
    return windows


def report(windows: RunWindows, step: str) -> None:
    for _ in range(3):  # queued window-system events (geometry, screen) delivered
        QApplication.processEvents()
    facts = {
        "step": step,
        "screens": [screen.name() for screen in QGuiApplication.screens()],
        "presenter": window_facts(windows.presenter),
        "audience": window_facts(windows.audience),
        "full_screen_ticked": windows.registry.action("audience_full_screen").isChecked(),
        "swapped": windows.placer.swapped,
    }
    print(json.dumps(facts), flush=True)


def main(config_path: Path, folder: Path) -> None:
    app = QApplication([sys.argv[0]])
    windows = build(folder / "first")
    placements = []
    windows.placer.placed.connect(placements.append)

    report(windows, "start")
    windows.registry.trigger("swap_screens")
    report(windows, "swapped")
    windows.registry.trigger("swap_screens")
    report(windows, "swapped back")
    windows.registry.trigger("one_screen")
    report(windows, "one screen")
    windows.registry.trigger("swap_screens")
    report(windows, "one screen swapped")
    windows.registry.trigger("swap_screens")
    windows.registry.trigger("one_screen")
    report(windows, "one screen off")

    configure, reason = offscreen_configurer()
    configuration = json.loads(config_path.read_text())
    steps = [
        ("unplugged", configuration["screens"][:1], False),
        ("plugged in", configuration["screens"], False),
        # The presenter window on the projector (laid out for a big screen), then unplugged.
        ("unplugged while swapped", configuration["screens"][:1], True),
        ("plugged in while swapped", configuration["screens"], False),
    ]
    for step, screens, swap_first in steps:
        if configure is None:
            print(json.dumps({"step": step, "unavailable": reason}), flush=True)
            continue
        if swap_first:
            windows.registry.trigger("swap_screens")
            for _ in range(3):
                app.processEvents()
        placed_before = len(placements)
        configure({**configuration, "screens": screens})
        for _ in range(100):  # the placer re-plans from a zero-time timer once Qt has moved on
            if len(placements) > placed_before:
                break
            app.processEvents()
        report(windows, step)
    windows.close_all()

    again = build(folder / "second", one_screen=True)
    report(again, "started in one-screen mode")
    again.close_all()


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={sys.argv[1]}")
    main(Path(sys.argv[1]), Path(sys.argv[2]))
