"""The run clock stays below the windows: importing it must not bring in Qt."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_timing_imports_no_qt():
    code = (
        "import sys, pkgutil, importlib, presenter.timing; "
        "[importlib.import_module(m.name) for m in "
        "pkgutil.iter_modules(presenter.timing.__path__, 'presenter.timing.')]; "
        "print([m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).parents[2],
    )
    assert result.stdout.strip() == "[]"
