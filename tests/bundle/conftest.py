"""The frozen app (`python packaging/build.py`), tried as a machine with no Python would run it.

Every test here is marked `bundle`. They need the built folder: PRESENTER_BUNDLE names it, or
dist/presenter/ in the checkout. Without it they are skipped, unless PRESENTER_BUNDLE is set
(as `.ci/run` does after building), where a missing bundle is a failure.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        if Path(str(item.fspath)).resolve().is_relative_to(HERE):
            item.add_marker(pytest.mark.bundle)


# On Windows the commands run through the console program; the app itself has no console.
PROGRAM = "presenter-cli.exe" if sys.platform == "win32" else "presenter"


def built_folder() -> Path | None:
    named = os.environ.get("PRESENTER_BUNDLE")
    folder = Path(named) if named else ROOT / "dist" / "presenter"
    if (folder / PROGRAM).is_file():
        return folder
    if named:
        pytest.fail(f"PRESENTER_BUNDLE={named} holds no built app; run python packaging/build.py")
    return None


def no_network_prefix() -> list[str]:
    """`unshare -rn`: run in a network namespace of its own, with no way out, where allowed."""
    unshare = shutil.which("unshare") if sys.platform.startswith("linux") else None
    if unshare and subprocess.run([unshare, "-rn", "true"], capture_output=True).returncode == 0:
        return [unshare, "-rn"]
    return []


@dataclass
class Bundle:
    """A copy of the built folder in a temporary place, run with a bare environment."""

    folder: Path
    home: Path
    work: Path

    @property
    def program(self) -> Path:
        return self.folder / PROGRAM

    def env(self, **extra: str) -> dict[str, str]:
        # No venv, no PYTHONPATH, a fresh HOME: nothing of this machine's Python is reachable.
        if sys.platform == "win32":
            keep = ("SYSTEMROOT", "WINDIR", "TEMP", "TMP")
            env = {name: os.environ[name] for name in keep if name in os.environ}
            env.update(USERPROFILE=str(self.home), APPDATA=str(self.home / "AppData" / "Roaming"),
                       LOCALAPPDATA=str(self.home / "AppData" / "Local"))  # fmt: skip
        else:
            env = {"PATH": "/usr/bin:/bin", "HOME": str(self.home), "LANG": "C.UTF-8"}
        env.update(extra)
        return env

    def run(self, *args: str, timeout: float = 120, **extra: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [*no_network_prefix(), str(self.program), *args],
            env=self.env(**extra),
            cwd=self.work,
            capture_output=True,
            text=True,
            timeout=timeout,
        )


@pytest.fixture(scope="session")
def bundle(tmp_path_factory) -> Bundle:
    built = built_folder()
    if built is None:
        pytest.skip("no built app: python packaging/build.py makes dist/presenter/")
    place = tmp_path_factory.mktemp("copied")
    folder = place / "presenter"
    shutil.copytree(built, folder, symlinks=True)
    home = place / "home"
    work = place / "work"
    home.mkdir()
    work.mkdir()
    return Bundle(folder, home, work)
