"""How late the displayed seconds change after each true second boundary, under load.

Opens the presenter window on the bundled session (offscreen unless a display is chosen),
starts the run on the real clock and runs for 30 seconds while a PowerPoint export repeats
on one thread and a CPU-heavy loop runs on another. Each time the item countdown or the
"left in slot" figure is painted with a new value, the lag is how long ago the clock really
crossed that value. Prints the median, 95th percentile and worst lag in ms (target: worst
under 50 ms).

    python bench/clock_display.py [--seconds 30] [--no-load]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from datetime import datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from measure import measuring  # bench/measure.py
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication


def seconds_shown(text: str) -> int:
    """'4:59' -> 299, '1:02:03' -> 3723."""
    total = 0
    for part in text.lstrip("+").split(":"):
        total = total * 60 + int(part)
    return total


class PaintLag(QObject):
    """Records, at each paint of a new value, how far the clock has moved past that value."""

    def __init__(self, label, seconds_left) -> None:
        super().__init__()
        self.label = label
        self.seconds_left = seconds_left
        self.last: str | None = None
        self.lags: list[float] = []
        label.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Paint and self.label.text() != self.last:
            left = self.seconds_left()
            if self.last is not None:
                shown = seconds_shown(self.label.text())
                if self.label.text().startswith("+"):
                    # Time over, shown as floor(over): it became true when over rose to it.
                    self.lags.append(-left - shown)
                else:
                    # Time left, shown as ceil(left): it became true when left fell to it.
                    self.lags.append(shown - left)
            self.last = self.label.text()
        return False


def cpu_load(stop: threading.Event) -> None:
    while not stop.is_set():
        sum(i * i for i in range(20_000))


def export_load(stop: threading.Event, session, folder: Path, exports: list[int]) -> None:
    from presenter.deck.writer import export_deck

    while not stop.is_set():
        export_deck(session, folder / "load.pptx")
        exports.append(1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--no-load", action="store_true", help="measure without background work")
    args = parser.parse_args()
    print(measuring())

    from presenter.agenda.bundled import bundled_session_path
    from presenter.agenda.reader import load_session
    from presenter.ui.app import share_the_interpreter_with_the_window
    from presenter.ui.run.run_windows import RunWindows
    from presenter.ui.shared.settings import Settings

    share_the_interpreter_with_the_window()  # as the app does
    app = QApplication(sys.argv)
    session, _ = load_session(bundled_session_path())
    with tempfile.TemporaryDirectory(prefix="presenter-bench-") as name:
        folder = Path(name)
        windows = RunWindows(
            session,
            settings=Settings(folder / "settings.ini"),
            monotonic=time.monotonic,
            wall=datetime.now,
            data_dir=folder,
            check_in=False,
        )
        windows.show()
        windows.registry.trigger("next")  # the first item starts now
        clock = windows.controller.clock
        item = PaintLag(windows.presenter.countdown.countdown, lambda: clock.view().item_remaining)
        slot = PaintLag(windows.presenter.slot_clock.slot_left, lambda: clock.view().slot_remaining)
        stop = threading.Event()
        exports: list[int] = []
        workers = []
        if not args.no_load:
            workers = [
                threading.Thread(target=cpu_load, args=(stop,), daemon=True),
                threading.Thread(
                    target=export_load, args=(stop, session, folder, exports), daemon=True
                ),
            ]
            for worker in workers:
                worker.start()

        def end() -> None:
            windows.close_all()  # no "quit during the session?" question
            app.quit()

        QTimer.singleShot(int(args.seconds * 1000), end)
        app.exec()
        stop.set()
        for worker in workers:
            worker.join()

    lags = sorted(item.lags + slot.lags)
    if not lags:
        print("no second changes were painted")
        return 1
    load = "none" if args.no_load else f"CPU loop + {len(exports)} PowerPoint exports"
    print(f"{args.seconds:.0f} s run, background: {load}")
    print(f"second changes painted: {len(item.lags)} countdown, {len(slot.lags)} slot clock")
    print(
        f"lag median {statistics.median(lags) * 1000:.1f} ms, "
        f"95th percentile {lags[int(0.95 * (len(lags) - 1))] * 1000:.1f} ms"
    )
    print(f"worst lag {lags[-1] * 1000:.1f} ms  (target under 50 ms)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
