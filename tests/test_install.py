"""A real wheel install: the bundled sessions and resources travel inside the package."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run(*command: str | Path, **kwargs) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(c) for c in command], capture_output=True, text=True, timeout=300, **kwargs
    )


def test_installed_wheel_validates_the_bundled_session_from_another_folder(tmp_path):
    wheel_dir, target, elsewhere = tmp_path / "wheel", tmp_path / "site", tmp_path / "elsewhere"
    elsewhere.mkdir()
    # Built offline with the suite's own setuptools; installed on its own into `target`,
    # which comes first on the path and so shadows the checkout's editable install.
    built = run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                "-q", "-w", wheel_dir, ROOT)  # fmt: skip
    assert built.returncode == 0, built.stderr
    wheel = next(wheel_dir.glob("presenter-*.whl"))
    installed = run(
        sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", target, wheel
    )
    assert installed.returncode == 0, installed.stderr
    env = {**os.environ, "PYTHONPATH": str(target)}
    where = run(sys.executable, "-c",
                "from presenter.agenda import bundled_session_path as b; print(b())",
                cwd=elsewhere, env=env)  # fmt: skip
    bundled = Path(where.stdout.strip())
    assert target in bundled.parents, where.stdout + where.stderr
    result = run(target / "bin" / "presenter", "validate", bundled, cwd=elsewhere, env=env)
    assert result.returncode == 0, result.stderr
    assert "60 minutes planned: exactly the 60-minute slot" in result.stdout
    assert (target / "presenter" / "resources").is_dir()
