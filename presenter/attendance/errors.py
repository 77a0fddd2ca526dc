"""What the attendance layer raises when a facilitator's request cannot be done."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from presenter.attendance.model import Attendee


class AttendanceError(Exception):
    """Something the facilitator asked for cannot be done; the message says what to do.

    Messages never contain a person's details: they may end up on a projected screen.
    """


class UnknownRun(AttendanceError):
    """No run with that number."""


class DuplicateAttendee(AttendanceError):
    """The person typed is already on this run's list (same name or same email)."""

    def __init__(self, existing: Attendee, reason: str) -> None:
        super().__init__(
            f"attendee {existing.id} in run {existing.run_id} has the same {reason}; "
            "merge the details into theirs, or add a second person on purpose"
        )
        self.existing = existing
        self.reason = reason


class InvalidDetails(AttendanceError):
    """A field the facilitator typed cannot be stored as it is."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"the {field.replace('_', ' ')} {problem}")
        self.field = field
        self.problem = problem
