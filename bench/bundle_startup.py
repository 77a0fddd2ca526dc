"""The frozen app against the pip-installed one: size, and start-up to first paint.

Runs `presenter --quit-when-ready` (the bundled session, both windows, until their first
paint) from the built folder (`python packaging/build.py` makes dist/presenter/) and as the
installed package (`python -m presenter`), interleaved in the same run, each in its own
process with its own data folder. The first launch of each is timed apart (the nearest to a
cold start this can measure without emptying the system's file cache), then the medians of
the rest. Target: the bundle at most 1.5x the installed app. Also prints the folder's size.

    python bench/bundle_startup.py [--bundle dist/presenter] [--runs 15]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
from pathlib import Path

from measure import measuring  # bench/measure.py
from startup import measure  # bench/startup.py

ROOT = Path(__file__).resolve().parents[1]
TARGET = 1.5


def folder_size(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.rglob("*") if f.is_file() and not f.is_symlink())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "presenter")
    parser.add_argument("--runs", type=int, default=15, help="runs of each (default 15)")
    args = parser.parse_args()
    program = args.bundle / "presenter"
    if not program.is_file():
        raise SystemExit(f"{program} is not there: build it with python packaging/build.py")
    print(measuring())
    print(f"against the bundle at {args.bundle} ({folder_size(args.bundle) / 2**20:.1f} MiB)")
    env = {**os.environ}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    with tempfile.TemporaryDirectory(prefix="presenter-bench-") as folder:
        commands = {
            "installed": [sys.executable, "-m", "presenter"],
            "bundle": [str(program)],
        }
        runs: dict[str, list[float]] = {name: [] for name in commands}
        first: dict[str, float] = {}
        for number in range(args.runs + 1):
            for name, command in commands.items():
                data = str(Path(folder) / f"{name}-{number}")
                seconds = measure([*command, "--quit-when-ready", "--data-dir", data], env, folder)[
                    0
                ]
                if number == 0:
                    first[name] = seconds
                else:
                    runs[name].append(seconds)
    median = {name: statistics.median(times) for name, times in runs.items()}
    print(f"runs: {args.runs} of each after a first launch, interleaved, "
          f"platform {env['QT_QPA_PLATFORM']}")  # fmt: skip
    for name in commands:
        print(f"{name:9}: first launch {first[name] * 1000:6.0f} ms, "
              f"median {median[name] * 1000:6.0f} ms")  # fmt: skip
    print(f"first-launch ratio {first['bundle'] / first['installed']:.2f}")
    ratio = median["bundle"] / median["installed"]
    print(f"start-up ratio {ratio:.2f}  (bundle / installed app; target at most {TARGET})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
