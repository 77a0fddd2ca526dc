"""Attendance: runs and attendees in a durable SQLite file, roster import, exports. No Qt.

Import each name from the module it lives in (`presenter.attendance.store`, `.model`,
`.paths`, ...): the package itself loads nothing, so finding the data folder does not open
SQLite, and the layer contract sees every import.
"""
