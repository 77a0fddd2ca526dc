"""Attendance: runs and attendees in a durable SQLite file, roster import, exports. No Qt."""

from presenter.attendance.model import Attendee, AttendeeDetails, CheckIn, Run, Summary
from presenter.attendance.paths import data_dir, store_path
from presenter.attendance.store import (
    AttendanceError,
    AttendanceStore,
    DuplicateAttendee,
    InvalidDetails,
    UnknownRun,
    open_store,
)

__all__ = [
    "AttendanceError",
    "AttendanceStore",
    "Attendee",
    "AttendeeDetails",
    "CheckIn",
    "DuplicateAttendee",
    "InvalidDetails",
    "Run",
    "Summary",
    "UnknownRun",
    "data_dir",
    "open_store",
    "store_path",
]
