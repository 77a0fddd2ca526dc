"""Attendance: runs and attendees in a durable SQLite file, roster import, exports. No Qt.

Names are loaded on first use (PEP 562), so finding the data folder does not open SQLite.
"""

from __future__ import annotations

import importlib

_HOMES = {
    "Attendee": "model",
    "AttendeeDetails": "model",
    "CheckIn": "model",
    "Run": "model",
    "Summary": "model",
    "data_dir": "paths",
    "store_path": "paths",
    "AttendanceError": "store",
    "AttendanceStore": "store",
    "DuplicateAttendee": "store",
    "InvalidDetails": "store",
    "UnknownRun": "store",
    "open_store": "store",
}
__all__ = sorted(_HOMES)


def __getattr__(name: str) -> object:
    if name not in _HOMES:
        raise AttributeError(f"module 'presenter.attendance' has no attribute '{name}'")
    value = getattr(importlib.import_module(f"presenter.attendance.{_HOMES[name]}"), name)
    globals()[name] = value
    return value
