"""What the benchmark scripts share: timing a whole process and reading percentiles."""

from __future__ import annotations

import compileall
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def percentile(values: list[float], share: float) -> float:
    """The value below which `share` of `values` fall (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def timed(command: list[str]) -> float:
    """Seconds from launch to exit of `command`, run from the repository, output discarded."""
    start = time.perf_counter()
    subprocess.run(
        command, check=True, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    return time.perf_counter() - start


def compile_package() -> None:
    """Byte-compile the package, as `pip install` does, so that a checkout run with
    PYTHONDONTWRITEBYTECODE set does not compile every module on every run."""
    compileall.compile_dir(ROOT / "presenter", quiet=1)
