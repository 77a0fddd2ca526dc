"""Drives the real app objects for the kill-and-resume test: one process runs a session
and waits to be killed; a second opens the same data folder and resumes.

    python tests/run_driver.py run DATA_DIR     # prints one JSON line, then "ready", waits
    python tests/run_driver.py resume DATA_DIR  # prints one JSON line and exits

With `--app` the same happens through `presenter.ui.app.run_app`, the command's own start-up
(its clocks shifted the same way), so the resume offer is the one the app makes at start-up.

The first process's clocks are set back ten minutes and moved forward by hand between the
actions, so the run has real lengths to recover (five, three and two minutes) without any
waiting: the first item began ten minutes ago, the second five, the third two.
"""

from __future__ import annotations

import json
import os
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from presenter.agenda.bundled import bundled_session_path  # noqa: E402
from presenter.agenda.reader import load_session  # noqa: E402
from presenter.attendance.model import AttendeeDetails  # noqa: E402
from presenter.ui.run.resume import ResumeDialog, attach_recorder  # noqa: E402
from presenter.ui.run.run_windows import RunWindows  # noqa: E402
from presenter.ui.shared.settings import Settings  # noqa: E402

PEOPLE = ("Sam Patel", "Ana Costa", "Jo Bloggs")


def build(folder: Path, monotonic, wall) -> tuple[RunWindows, object]:
    """The windows and the run recorder, as `presenter --data-dir FOLDER` builds them."""
    session, _warnings = load_session(bundled_session_path())
    windows = RunWindows(
        session,
        settings=Settings(folder / "settings.ini"),
        monotonic=monotonic,
        wall=wall,
        data_dir=folder,
        check_in=True,
    )
    recorder = attach_recorder(windows, monotonic=monotonic)
    windows.show()
    return windows, recorder


def state(windows: RunWindows, wall) -> dict:
    view = windows.controller.view()
    panel = windows.presenter.check_in_panel
    people = panel.store.attendees(panel.run_id, checked_in_only=True)
    return {
        "wall": wall().isoformat(),
        "state": str(view.state),
        "index": view.current_index,
        "actual": list(view.actual_seconds),
        "run": panel.run_id,
        "people": [p.name for p in people],
    }


def run(folder: Path) -> None:
    offset = [-600.0]

    def monotonic() -> float:
        return time.monotonic() + offset[0]

    def wall() -> datetime:
        return datetime.now() + timedelta(seconds=offset[0])

    windows, _recorder = build(folder, monotonic, wall)
    windows.registry.trigger("next")  # the session starts, ten minutes ago
    offset[0] = -300.0
    windows.registry.trigger("next")  # five minutes later
    offset[0] = -120.0
    windows.registry.trigger("next")  # three minutes later: the third item, two minutes ago
    offset[0] = 0.0
    panel = windows.presenter.check_in_panel
    for name in PEOPLE:
        panel.store.check_in(panel.run_id, AttendeeDetails(name, ready={"App installed"}))
    print(json.dumps(state(windows, wall)), flush=True)
    print("ready", flush=True)
    QApplication.instance().exec()  # until killed


def resume(folder: Path) -> None:
    offers = []

    def accept(cls, parent, offer) -> bool:
        offers.append(offer.text())
        return True

    ResumeDialog.ask = classmethod(accept)
    windows, recorder = build(folder, time.monotonic, datetime.now)
    resumed = recorder.offer_resume(windows.presenter)
    print(json.dumps({**state(windows, datetime.now), "offer": offers, "resumed": resumed}))
    windows.close_all()


def through_app(mode: str, folder: Path) -> int:
    """`run` or `resume` through the app's own start-up, driven once its windows exist."""
    import presenter.timing as timing_module
    import presenter.ui.app as app_module
    import presenter.ui.run.resume as resume_module

    offset = [-600.0 if mode == "run" else 0.0]
    real_monotonic, real_wall = timing_module.system_clocks()

    def monotonic() -> float:
        return real_monotonic() + offset[0]

    def wall() -> datetime:
        return real_wall() + timedelta(seconds=offset[0])

    # The app takes its clocks from system_clocks() at start-up: hand it the shifted ones.
    timing_module.system_clocks = lambda: (monotonic, wall)
    real_attach = resume_module.attach_recorder
    built = []

    def attach(windows, *, monotonic):
        built.append(windows)
        return real_attach(windows, monotonic=monotonic)

    resume_module.attach_recorder = attach

    def drive() -> None:
        windows = built[0]
        windows.registry.trigger("next")
        for moved_to in (-300.0, -120.0):
            offset[0] = moved_to
            windows.registry.trigger("next")
        offset[0] = 0.0
        panel = windows.presenter.check_in_panel
        for name in PEOPLE:
            panel.store.check_in(panel.run_id, AttendeeDetails(name, ready={"App installed"}))
        print(json.dumps(state(windows, wall)), flush=True)
        print("ready", flush=True)

    offers = []

    def accept(cls, parent, offer) -> bool:
        offers.append(offer.text())

        def report() -> None:  # after the resume: print and stop, asking nothing
            print(json.dumps({**state(built[0], datetime.now), "offer": offers, "resumed": True}))
            sys.stdout.flush()
            os._exit(0)

        QTimer.singleShot(0, report)
        return True

    ResumeDialog.ask = classmethod(accept)
    if mode == "run":
        QTimer.singleShot(0, drive)
    return app_module.run_app(["--data-dir", str(folder)])


if __name__ == "__main__":
    if "--app" in sys.argv:
        sys.argv.remove("--app")
        raise SystemExit(through_app(sys.argv[1], Path(sys.argv[2])))
    app = QApplication([sys.argv[0]])
    {"run": run, "resume": resume}[sys.argv[1]](Path(sys.argv[2]))
