"""The invitation's calendar event and email, read back as a calendar and a reader would."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, time

import icalendar

from presenter.agenda.model import AgendaItem, Session
from presenter.attendance.invite import (
    Invitation,
    calendar_bytes,
    checklist_line,
    email_text,
    event_uid,
    qr_event_text,
)
from presenter.attendance.model import Run

NOW = datetime(2026, 12, 1, 9, 30, tzinfo=UTC)
SESSION = Session(
    "Twitter hour",
    items=(AgendaItem("Welcome", 5, points=("Who we are",)),),
    subtitle="Getting the most out of X for professional networking",
    readiness=("App installed", "Username and password to hand"),
)
RUN = Run(
    id=3,
    title="Twitter hour",
    date=date(2026, 12, 8),
    venue="Ward 12 seminar room",
    facilitators=("A. Facilitator", "B. Facilitator"),
    readiness=("App installed", "Username and password to hand"),
    start=time(12, 30),
    length=45,
)


def parsed_event(invitation: Invitation):
    calendar = icalendar.Calendar.from_ical(calendar_bytes(invitation, NOW))
    (event,) = calendar.walk("VEVENT")
    return event


def test_the_calendar_event_has_the_runs_times_venue_and_checklist():
    event = parsed_event(Invitation(RUN, SESSION))
    assert event.decoded("dtstart") == datetime(2026, 12, 8, 12, 30)
    assert event.decoded("dtend") == datetime(2026, 12, 8, 13, 15)
    assert str(event["location"]) == "Ward 12 seminar room"
    assert str(event["summary"]) == "Twitter hour"
    assert str(event["contact"]) == "A. Facilitator"
    description = str(event["description"])
    assert "Before you come: app installed; username and password to hand." in description
    assert "Run by A. Facilitator, B. Facilitator." in description
    (alarm,) = event.walk("VALARM")
    assert "username and password to hand" in str(alarm["description"])


def test_the_organiser_is_named_with_the_address_given():
    event = parsed_event(Invitation(RUN, SESSION, email="a.facilitator@example.org"))
    assert str(event["organizer"]) == "mailto:a.facilitator@example.org"
    assert event["organizer"].params["cn"] == "A. Facilitator"
    assert "organizer" not in parsed_event(Invitation(RUN, SESSION))


def test_a_reminder_updates_the_same_calendar_entry():
    assert event_uid(RUN) == event_uid(RUN._replace(venue="Library"))
    first = parsed_event(Invitation(RUN, SESSION))
    reminder = parsed_event(Invitation(RUN, SESSION, reminder=True))
    assert str(first["uid"]) == str(reminder["uid"])
    assert event_uid(RUN._replace(id=4)) != event_uid(RUN)


def test_without_a_checklist_nothing_is_said_about_one():
    bare = RUN._replace(readiness=())
    assert checklist_line(()) == ""
    event = parsed_event(Invitation(bare, replace(SESSION, readiness=())))
    assert "Before you come" not in str(event["description"])
    assert not event.walk("VALARM")
    text = email_text(Invitation(bare, SESSION))
    assert "Before you come" not in text
    assert "Nothing to prepare" in text


def test_the_email_has_a_subject_when_where_and_the_checklist():
    lines = email_text(Invitation(RUN, SESSION)).splitlines()
    assert lines[0] == "Subject: Invitation: Twitter hour, Tuesday 8 December 2026 at 12:30"
    assert lines[1] == ""
    assert "When: Tuesday 8 December 2026, 12:30 to 13:15" in lines
    assert "Where: Ward 12 seminar room" in lines
    assert "Run by: A. Facilitator, B. Facilitator" in lines
    checklist = lines.index("Before you come, please check:")
    assert lines[checklist + 1 : checklist + 3] == [
        "- App installed",
        "- Username and password to hand",
    ]


def test_the_reminder_says_tomorrow():
    text = email_text(Invitation(RUN, SESSION, reminder=True))
    assert text.startswith("Subject: Reminder: Twitter hour tomorrow at 12:30\n")
    assert "A reminder that Twitter hour is tomorrow." in text
    assert "- App installed" in text


def test_the_qr_codes_event_is_short_and_reads_back():
    text = qr_event_text(Invitation(RUN, SESSION))
    event = icalendar.Event.from_ical(text)
    assert event.decoded("dtstart") == datetime(2026, 12, 8, 12, 30)
    assert str(event["location"]) == "Ward 12 seminar room"
    assert "DESCRIPTION" not in text
    assert len(text) < 200
