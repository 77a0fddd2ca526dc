"""The core (agenda, timing, attendance, deck) imports no Qt, so it runs without a display."""

from __future__ import annotations

import subprocess
import sys

import pytest

CORE = ["presenter.agenda", "presenter.timing", "presenter.attendance", "presenter.deck"]


@pytest.mark.parametrize("package", CORE)
def test_core_package_imports_no_qt(package):
    code = f"import sys, {package}; assert 'PySide6' not in sys.modules, sorted(sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
