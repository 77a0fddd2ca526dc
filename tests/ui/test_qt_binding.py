"""The Qt binding installed does not lose references to None, which would end a running
session with "Fatal Python error: none_dealloc" after some minutes (PySide6 6.12.0 on
Python 3.11 loses one on every call that returns nothing, and is excluded in pyproject.toml)."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QLabel

CALLS = 500  # enough to see a lost reference a call, too few to free None and crash the run


@pytest.mark.skipif(
    sys.version_info >= (3, 12),
    reason="from Python 3.12 None is immortal: a lost reference can no longer free it",
)
def test_qt_calls_that_return_nothing_keep_none_alive(qapp):
    label = QLabel()
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        label.setText("12:41")
        label.hide()
        label.property("warning")
    assert sys.getrefcount(None) >= before - 50
