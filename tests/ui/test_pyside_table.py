"""The app's modules are entered in PySide6's table ahead (see `presenter.ui`), so PySide6
reads none of their sources at start-up, and that can change nothing but the reading."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import presenter

PACKAGE = Path(presenter.__file__).resolve().parent

# Opens the app as `presenter --quit-when-ready` does, noting each file read into Python's
# line cache (where PySide6's reading of a module's source goes), and prints them.
OPEN_AND_LIST_READS = """
import linecache, sys

read = []
update = linecache.updatecache


def noting(filename, module_globals=None):
    read.append(filename)
    return update(filename, module_globals)


linecache.updatecache = noting
from presenter.cli import main

code = main(["--quit-when-ready", "--data-dir", sys.argv[1]])
print("\\n".join(read))
sys.exit(code)
"""


def test_starting_the_app_reads_none_of_its_own_sources(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", OPEN_AND_LIST_READS, str(tmp_path / "data")],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        cwd=tmp_path,
    )
    assert result.returncode == 0, result.stderr
    read = [Path(line).resolve() for line in result.stdout.splitlines() if line.strip()]
    ours = [path for path in read if PACKAGE in path.parents]
    assert ours == []
    assert not any(path.name == "typing.py" for path in read)  # loaded before PySide6


def test_no_module_of_the_app_switches_on_a_pyside_feature():
    """Why entering every module as "no feature" changes nothing but the reading."""
    for path in PACKAGE.rglob("*.py"):
        assert "from __feature__ import" not in path.read_text(encoding="utf-8"), path
