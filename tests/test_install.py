"""A real wheel install: the bundled sessions and resources travel inside the package."""

from __future__ import annotations

import subprocess
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_installed_wheel_validates_the_bundled_session_from_another_folder(tmp_path):
    env_dir = tmp_path / "venv"
    # System site-packages provide the dependencies (no network); the venv gets its own copy
    # of presenter, built as a wheel from this checkout, which shadows any editable install.
    venv.create(env_dir, system_site_packages=True)  # pip and setuptools: the suite's own
    python = env_dir / "bin" / "python"
    wheel_dir = tmp_path / "wheel"
    subprocess.run(
        [str(python), "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(wheel_dir), str(ROOT)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    wheel = next(wheel_dir.glob("presenter-*.whl"))
    subprocess.run(
        [str(python), "-m", "pip", "install", "--no-deps", "-q", str(wheel)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    where = subprocess.run(
        [str(python), "-c", "from presenter.agenda import bundled_session_path as b; print(b())"],
        cwd=elsewhere, capture_output=True, text=True, check=True,
    )  # fmt: skip
    bundled = Path(where.stdout.strip())
    assert env_dir in bundled.parents, bundled
    result = subprocess.run(
        [str(env_dir / "bin" / "presenter"), "validate", str(bundled)],
        cwd=elsewhere, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "60 minutes planned: exactly the 60-minute slot" in result.stdout
    resources = subprocess.run(
        [str(python), "-c", "from importlib.resources import files; "
         "print(sorted(p.name for p in files('presenter.resources').iterdir()))"],
        cwd=elsewhere, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert "__init__.py" in resources.stdout
