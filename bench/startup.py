"""Start-up cost of the app against the floor of a bare PySide6 window.

Runs `python main.py --quit-when-ready` (the bundled session, both windows, until their
first paint) and a bare script that shows an empty QMainWindow and quits after its first
paint, interleaved, each in its own process. Prints the medians of the whole-process time
and of the peak memory (maximum resident set size of each child, from `os.wait4`) and the
ratio of each to the floor. Targets: both ratios at most 1.3.

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

ROOT = Path(__file__).resolve().parents[1]

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


def measure(command: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Seconds from launch to exit, and the child's peak resident memory in KiB."""
    began = time.perf_counter()
    child = subprocess.Popen(
        command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT
    )
    _pid, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - began
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise SystemExit(f"{' '.join(command)} exited {code}")
    return elapsed, usage.ru_maxrss


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="runs of each (default 15)")
    args = parser.parse_args()
    env = {**os.environ}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    # Measure the app as installed: Python keeps compiled bytecode (the warm-up run writes it).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory(prefix="presenter-bench-") as folder:
        bare = Path(folder) / "bare_window.py"
        bare.write_text(BARE_WINDOW, encoding="utf-8")
        app = [
            sys.executable,
            str(ROOT / "main.py"),
            "--quit-when-ready",
            "--data-dir",
            str(Path(folder) / "data"),
        ]
        floor_runs, app_runs = [], []
        measure([sys.executable, str(bare)], env)  # warm the file cache for both
        measure(app, env)
        for _ in range(args.runs):
            floor_runs.append(measure([sys.executable, str(bare)], env))
            app_runs.append(measure(app, env))
    floor_time = statistics.median(t for t, _ in floor_runs)
    app_time = statistics.median(t for t, _ in app_runs)
    floor_memory = statistics.median(m for _, m in floor_runs)
    app_memory = statistics.median(m for _, m in app_runs)
    print(f"runs: {args.runs} of each, interleaved, platform {env['QT_QPA_PLATFORM']}")
    print(f"bare PySide6 window : {floor_time * 1000:7.0f} ms  {floor_memory / 1024:6.1f} MiB peak")
    print(f"presenter           : {app_time * 1000:7.0f} ms  {app_memory / 1024:6.1f} MiB peak")
    print(f"time ratio   {app_time / floor_time:.2f}  (target at most 1.3)")
    print(f"memory ratio {app_memory / floor_memory:.2f}  (target at most 1.3)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
