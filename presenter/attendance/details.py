"""What was typed about a person, made fit to store: cleaned, checked, or merged with what
the list already holds."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from presenter.attendance.errors import InvalidDetails
from presenter.attendance.model import AttendeeDetails
from presenter.attendance.text import (
    clean_name,
    email_problem,
    has_control_characters,
    normalise_handle,
)


def clean_details(details: AttendeeDetails, readiness: Iterable[str] = ()) -> AttendeeDetails:
    """The details cleaned up for storing, or InvalidDetails naming the field at fault."""
    name = clean_name(details.name)
    if not name:
        raise InvalidDetails("name", "is empty; type the person's name")
    if has_control_characters(name):
        raise InvalidDetails(
            "name", "has a control character in it (such as NUL or an escape code)"
        )
    email = details.email.strip()
    if problem := email_problem(email):
        raise InvalidDetails("email", problem)
    try:
        handle = normalise_handle(details.handle)
    except ValueError as exc:
        raise InvalidDetails("social_handle", str(exc)) from None
    checks = set(readiness)
    unknown = set(details.ready) - checks if checks else set()
    if unknown:
        raise InvalidDetails(
            "readiness", f"check is not one of this run's: {', '.join(sorted(checks))}"
        )
    return replace(
        details,
        name=name,
        email=email,
        handle=handle,
        role=details.role.strip(),
        department=details.department.strip(),
        staff_number=details.staff_number.strip(),
        note=details.note.strip(),
    )


def merge_details(kept: AttendeeDetails, extra: AttendeeDetails) -> AttendeeDetails:
    """`kept`'s details, with anything it lacks taken from `extra`; readiness ticks add up."""
    return AttendeeDetails(
        name=kept.name or extra.name,
        role=kept.role or extra.role,
        department=kept.department or extra.department,
        email=kept.email or extra.email,
        staff_number=kept.staff_number or extra.staff_number,
        handle=kept.handle or extra.handle,
        consent=kept.consent or extra.consent,
        note=kept.note or extra.note,
        ready=kept.ready | extra.ready,
    )
