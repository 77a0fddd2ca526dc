"""Attendance: runs and attendees in a durable SQLite file, roster import, exports. No Qt.

Names are loaded on first use (PEP 562), so finding the data folder does not open SQLite.
"""

from __future__ import annotations

from presenter.lazy_exports import exports_on_first_use

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
    "cannot_open_message": "store",
    "open_store": "store",
}
__all__ = sorted(_HOMES)


__getattr__ = exports_on_first_use(__name__, _HOMES, globals())
