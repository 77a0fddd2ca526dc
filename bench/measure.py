"""What the benchmark scripts share: the package measured, timing a whole process, percentiles.

Every script measures the `presenter` that this Python imports: a normal `pip install .`, an
editable install, or whatever `PYTHONPATH` puts first. None of them puts the checkout on the
path, so a normal install is measured as installed.
"""

from __future__ import annotations

import compileall
import subprocess
import tempfile
import time
from pathlib import Path

import presenter

PACKAGE = Path(presenter.__file__).resolve().parent


def measuring() -> str:
    """One line saying which copy of the app is measured, printed first by each script."""
    return f"measuring presenter {presenter.__version__} at {PACKAGE}"


def bundled_session() -> Path:
    """The bundled Twitter hour session file of the package measured."""
    from presenter.agenda.bundled import bundled_session_path

    return bundled_session_path()


def percentile(values: list[float], share: float) -> float:
    """The value below which `share` of `values` fall (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def timed(command: list[str]) -> float:
    """Seconds from launch to exit of `command`, run from an empty folder, output discarded."""
    with tempfile.TemporaryDirectory(prefix="presenter-bench-") as folder:
        start = time.perf_counter()
        subprocess.run(
            command, check=True, cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        return time.perf_counter() - start


def compile_package() -> None:
    """Byte-compile the package, as `pip install` does, so that a checkout run with
    PYTHONDONTWRITEBYTECODE set does not compile every module on every run. A normal install
    is compiled already (and may not be writable): nothing to do."""
    compileall.compile_dir(PACKAGE, quiet=1)
