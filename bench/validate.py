"""Whole-process time of `presenter validate` on the bundled session, against its floor.

The floor is a bare interpreter importing the parsing libraries the reader needs
(`python -c "import markdown_it, yaml"`): what no implementation could avoid. Both are run
the same number of times, interleaved, and the medians compared. Target: at most 1.3.

The package is byte-compiled first, as `pip install` does: an editable checkout run with
PYTHONDONTWRITEBYTECODE set would otherwise compile every module on every run, which the
floor's installed libraries never do.
"""

from __future__ import annotations

import argparse
import statistics
import sys

from measure import bundled_session, compile_package, measuring, timed  # bench/measure.py

TARGET = 1.3


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30, help="runs of each command (default 30)")
    args = parser.parse_args()
    ours = [sys.executable, "-m", "presenter", "validate", str(bundled_session())]
    floor = [sys.executable, "-c", "import markdown_it, yaml"]
    print(measuring())
    compile_package()
    timed(ours), timed(floor)  # warm the file cache once
    ours_times, floor_times = [], []
    for _ in range(args.runs):
        ours_times.append(timed(ours))
        floor_times.append(timed(floor))
    ours_median = statistics.median(ours_times)
    floor_median = statistics.median(floor_times)
    ratio = ours_median / floor_median
    print(f"presenter validate (bundled session): median {ours_median * 1000:.1f} ms")
    print(f"floor, python -c 'import markdown_it, yaml': median {floor_median * 1000:.1f} ms")
    verdict = "within" if ratio <= TARGET else "OVER"
    print(f"ratio {ratio:.2f} (target at most {TARGET}: {verdict}), {args.runs} runs each")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
