"""A real wheel install: the bundled sessions and resources travel inside the package, and
the benchmarks and `main.py` work against it as well as against an editable install."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def run(*command: str | Path, **kwargs) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(c) for c in command], capture_output=True, text=True, timeout=300, **kwargs
    )


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The package built as a wheel and installed on its own into a folder, which comes first
    on the path (PYTHONPATH) and so shadows the checkout's editable install."""
    folder = tmp_path_factory.mktemp("install")
    wheel_dir, target = folder / "wheel", folder / "site"
    # Built offline with the suite's own setuptools.
    built = run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                "-q", "-w", wheel_dir, ROOT)  # fmt: skip
    assert built.returncode == 0, built.stderr
    wheel = next(wheel_dir.glob("presenter-*.whl"))
    installed = run(
        sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", target, wheel
    )
    assert installed.returncode == 0, installed.stderr
    return target


def test_installed_wheel_validates_the_bundled_session_from_another_folder(installed, tmp_path):
    target, elsewhere = installed, tmp_path
    env = {**os.environ, "PYTHONPATH": str(target)}
    where = run(sys.executable, "-c",
                "from presenter.agenda.bundled import bundled_session_path as b; print(b())",
                cwd=elsewhere, env=env)  # fmt: skip
    bundled = Path(where.stdout.strip())
    assert target in bundled.parents, where.stdout + where.stderr
    result = run(target / "bin" / "presenter", "validate", bundled, cwd=elsewhere, env=env)
    assert result.returncode == 0, result.stderr
    assert "60 minutes planned: exactly the 60-minute slot" in result.stdout
    assert (target / "presenter" / "resources").is_dir()


BENCHMARKS = {
    "validate": ["--runs", "1"],
    "export": ["--repeat", "1"],
    "persist": ["--saves", "20"],
    "checkin": ["--check-ins", "20", "--roster", "50", "--queries", "20"],
    "startup": ["--runs", "1"],
    "clock_display": ["--seconds", "2", "--no-load"],
}


@pytest.mark.parametrize("name", sorted(BENCHMARKS))
def test_each_benchmark_measures_the_installed_package(installed, tmp_path, name):
    """Run from another folder with a normal install first on the path, each benchmark says it
    measures that copy and prints its figures (what they are is the benchmark's business)."""
    env = {**os.environ, "PYTHONPATH": str(installed), "QT_QPA_PLATFORM": "offscreen"}
    script = ROOT / "bench" / f"{name}.py"
    result = run(sys.executable, script, *BENCHMARKS[name], cwd=tmp_path, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    first = result.stdout.splitlines()[0]
    assert first.startswith("measuring presenter") and str(installed) in first, result.stdout
    assert len(result.stdout.splitlines()) > 1, result.stdout


def test_main_py_opens_the_app_against_a_normal_install(installed, tmp_path):
    """`python main.py` from a copy of the checkout works with the package installed normally
    (the data files are inside the package, so no install step puts them anywhere else)."""
    shutil.copy(ROOT / "main.py", tmp_path / "main.py")
    env = {**os.environ, "PYTHONPATH": str(installed), "QT_QPA_PLATFORM": "offscreen"}
    code = "import presenter, sys; print(presenter.__file__)"
    which = run(sys.executable, "-c", code, cwd=tmp_path, env=env)
    assert str(installed) in which.stdout, which.stdout + which.stderr
    data = tmp_path / "data"
    result = run(sys.executable, "main.py", "--quit-when-ready", "--data-dir", data,
                 cwd=tmp_path, env=env)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert (data / "attendance.sqlite3").is_file(), result.stderr  # the run it opened
