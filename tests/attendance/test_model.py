"""An attendee reads every one of their details as their own: `attendee.email`."""

from __future__ import annotations

from dataclasses import fields
from datetime import datetime

from presenter.attendance.model import Attendee, AttendeeDetails


def test_an_attendee_reads_every_detail_the_facilitator_typed():
    details = AttendeeDetails(
        name="Sam Patel",
        role="Staff nurse",
        department="Ward 12",
        email="sam.patel@nhs.net",
        staff_number="12345",
        handle="@sampatel",
        consent=True,
        note="Needs a seat near the front",
        ready={"App installed"},
    )
    person = Attendee(id=1, run_id=2, details=details, checked_in_at=datetime(2026, 11, 25, 12))
    for item in fields(AttendeeDetails):
        assert getattr(person, item.name) == getattr(details, item.name), item.name
    assert person.checked_in and not person.on_roster
