"""Start-up cost of the app against a fair floor: the same windows in bare PySide6.

Runs `python -m presenter --quit-when-ready` (the bundled session, both windows, until
their first paint) and `bench/plain_qt_windows.py` (two windows with as much on them as
Presenter's, in plain PySide6 with none of the app's code, quitting after their first paint),
interleaved in the same run, each in its own process. Prints the medians of the whole-process
time and of the peak memory (maximum resident set size of each child, from `os.wait4`) and
the ratio of the app's to the plain windows'. Targets: at most 1.25x the time and 1.1x the
peak memory. For information it also gives the ratio of the processor time each child used
(user and system, from the same `os.wait4`): on a machine busy with other work the elapsed
times wander, and that ratio wanders less.

For information (not a target) it also times a bare script that shows one empty QMainWindow,
which is what starting Qt at all costs.

    python bench/startup.py [--runs 15]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from measure import measuring  # bench/measure.py

HERE = Path(__file__).resolve().parent
TIME_TARGET = 1.25
MEMORY_TARGET = 1.1

BARE_WINDOW = """\
import sys

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, QApplication.quit)
        return False


app = QApplication(sys.argv)
window = QMainWindow()
window.setWindowTitle("floor")
watcher = FirstPaint()
window.installEventFilter(watcher)
window.show()
sys.exit(app.exec())
"""


def measure(command: list[str], env: dict[str, str], folder: str) -> tuple[float, int, float]:
    """Seconds from launch to exit, the child's peak resident memory in KiB and the seconds
    of processor time it used."""
    began = time.perf_counter()
    child = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=folder
    )
    _pid, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - began
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise SystemExit(f"{' '.join(command)} exited {code}")
    return elapsed, usage.ru_maxrss, usage.ru_utime + usage.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="runs of each (default 15)")
    args = parser.parse_args()
    print(measuring())
    env = {**os.environ}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    # Measure the app as installed: Python keeps compiled bytecode (the warm-up run writes it).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory(prefix="presenter-bench-") as folder:
        bare = Path(folder) / "bare_window.py"
        bare.write_text(BARE_WINDOW, encoding="utf-8")
        app = [
            sys.executable,
            "-m",
            "presenter",
            "--quit-when-ready",
            "--data-dir",
            str(Path(folder) / "data"),
        ]
        plain = [sys.executable, str(HERE / "plain_qt_windows.py")]
        commands = {"floor": [sys.executable, str(bare)], "plain": plain, "app": app}
        for command in commands.values():  # warm the file cache and write the bytecode
            measure(command, env, folder)
        runs: dict[str, list[tuple[float, int, float]]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, command in commands.items():
                runs[name].append(measure(command, env, folder))
    time_of = {name: statistics.median(t for t, _, _ in got) for name, got in runs.items()}
    memory_of = {name: statistics.median(m for _, m, _ in got) for name, got in runs.items()}
    cpu_of = {name: statistics.median(c for _, _, c in got) for name, got in runs.items()}
    print(f"runs: {args.runs} of each, interleaved, platform {env['QT_QPA_PLATFORM']}")
    labels = {
        "floor": "bare PySide6 window",
        "plain": "plain Qt, like windows",
        "app": "presenter",
    }
    for name, label in labels.items():
        print(
            f"{label:23}: {time_of[name] * 1000:7.0f} ms  {memory_of[name] / 1024:6.1f} MiB peak"
            f"   against plain Qt: time {time_of[name] / time_of['plain']:.2f}"
            f"  memory {memory_of[name] / memory_of['plain']:.2f}"
        )
    time_ratio = time_of["app"] / time_of["plain"]
    memory_ratio = memory_of["app"] / memory_of["plain"]
    print(f"time ratio   {time_ratio:.2f}  (presenter / plain Qt; target at most {TIME_TARGET})")
    print(
        f"memory ratio {memory_ratio:.2f}  (presenter / plain Qt; target at most {MEMORY_TARGET})"
    )
    print(
        f"processor time: presenter {cpu_of['app'] * 1000:.0f} ms, plain Qt"
        f" {cpu_of['plain'] * 1000:.0f} ms, ratio {cpu_of['app'] / cpu_of['plain']:.2f}"
        " (information)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
