"""An invitation to one run: the calendar event (.ics), the email to paste into Outlook, and
the words the printed invitation shows, with the session's readiness checklist so people
arrive ready. A reminder, for the day before, says the same as "tomorrow". Nothing is sent:
the command line and the app write these as files. No Qt.

Times are written as the local time of the day (a "floating" time in iCalendar): the event is
at 12:00 wherever the calendar is, which is what a lunchtime session on site means.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from icalendar import Alarm, Calendar, Event, vCalAddress, vText

from presenter.agenda.model import Session
from presenter.attendance.model import Run

# Stable event identifiers: the reminder and a second export update the same calendar entry.
_UID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_OID, "presenter.run")
PRODUCT_ID = "-//Presenter//Presenter invitation//EN"
NO_CHECKLIST = "Nothing to prepare: just come along."
INVITE_SUFFIXES = (".ics", ".pdf", ".txt")  # the calendar event, the printable page, the email


def in_sentence(check: str) -> str:
    """'App installed' → 'app installed'; 'NHS app' keeps its capitals."""
    if check[1:2].isupper():
        return check
    return check[:1].lower() + check[1:]


def checklist_line(readiness: tuple[str, ...]) -> str:
    """'Before you come: app installed; username ready.' (empty with no checklist)."""
    if not readiness:
        return ""
    return "Before you come: " + "; ".join(in_sentence(c) for c in readiness) + "."


@dataclass(frozen=True)
class Invitation:
    """What every part of an invitation says about one run."""

    run: Run
    session: Session
    reminder: bool = False
    email: str = ""  # the organiser's address, if given

    @property
    def title(self) -> str:
        return self.run.title

    @property
    def starts_at(self) -> datetime:
        return self.run.starts_at

    @property
    def ends_at(self) -> datetime:
        return self.run.starts_at + timedelta(minutes=self.run.length)

    @property
    def organiser(self) -> str:
        """Who sends it: the run's first facilitator (empty when it names none)."""
        return self.run.facilitators[0] if self.run.facilitators else ""

    @property
    def checklist(self) -> tuple[str, ...]:
        """The run's readiness checks (copied from its session when the run was made)."""
        return self.run.readiness

    def day_text(self) -> str:
        """'Tuesday 8 December 2026'."""
        day = self.run.date
        return f"{day:%A} {day.day} {day:%B %Y}"

    def when_text(self) -> str:
        """'Tuesday 8 December 2026, 12:00 to 13:00'."""
        return f"{self.day_text()}, {self.starts_at:%H:%M} to {self.ends_at:%H:%M}"

    def where_text(self) -> str:
        return self.run.venue or "the venue is to be confirmed"

    def facilitators_text(self) -> str:
        return ", ".join(self.run.facilitators)

    def heading(self) -> str:
        """'You are invited' or, the day before, 'Reminder: tomorrow'."""
        return "Reminder: tomorrow" if self.reminder else "You are invited"

    def subject(self) -> str:
        """The email's subject line."""
        if self.reminder:
            return f"Reminder: {self.title} tomorrow at {self.starts_at:%H:%M}"
        return f"Invitation: {self.title}, {self.day_text()} at {self.starts_at:%H:%M}"


def event_uid(run: Run) -> str:
    """The same identifier for the same run, so a second file updates the calendar entry."""
    key = f"{run.id}|{run.title}|{run.date.isoformat()}|{run.start:%H:%M}"
    return f"{uuid.uuid5(_UID_NAMESPACE, key)}@presenter"


def event_description(invitation: Invitation) -> str:
    """The calendar entry's text: what it is, the checklist, who runs it."""
    lines = []
    if invitation.session.subtitle:
        lines.append(invitation.session.subtitle)
    if invitation.session.description:
        # The session's paragraphs, each on one line: a calendar wraps them itself.
        paragraphs = invitation.session.description.split("\n\n")
        lines += [" ".join(p.split()) for p in paragraphs if p.strip()]
    if line := checklist_line(invitation.checklist):
        lines.append(line)
    if invitation.facilitators_text():
        lines.append(f"Run by {invitation.facilitators_text()}.")
    return "\n\n".join(lines)


def _event(invitation: Invitation, now: datetime) -> Event:
    run = invitation.run
    event = Event()
    event.add("uid", event_uid(run))
    event.add("dtstamp", now)
    event.add("dtstart", invitation.starts_at)
    event.add("dtend", invitation.ends_at)
    event.add("summary", invitation.title)
    if run.venue:
        event.add("location", run.venue)
    event.add("description", event_description(invitation))
    if invitation.organiser:
        event.add("contact", invitation.organiser)
        if invitation.email:
            organiser = vCalAddress(f"mailto:{invitation.email}")
            organiser.params["cn"] = vText(invitation.organiser)
            event.add("organizer", organiser)
    event.add("transp", "OPAQUE")
    if invitation.checklist:
        event.add_component(_alarm(invitation))
    return event


def _alarm(invitation: Invitation) -> Alarm:
    """A reminder on the calendar the day before, with the checklist."""
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("trigger", timedelta(days=-1))
    alarm.add("description", f"{invitation.title} tomorrow. {checklist_line(invitation.checklist)}")
    return alarm


def calendar_bytes(invitation: Invitation, now: datetime) -> bytes:
    """The .ics file: one event. `now` is when it was made (the file's DTSTAMP)."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    calendar.add_component(_event(invitation, now))
    return calendar.to_ical()


def qr_event_text(invitation: Invitation) -> str:
    """The event alone and short (title, times, venue), as the text of a QR code: a phone's
    camera reading it offers to add the event to the calendar."""
    event = Event()
    event.add("summary", invitation.title)
    event.add("dtstart", invitation.starts_at)
    event.add("dtend", invitation.ends_at)
    if invitation.run.venue:
        event.add("location", invitation.run.venue)
    return event.to_ical().decode("utf-8")


def email_text(invitation: Invitation) -> str:
    """The email to paste into Outlook: a subject line, a blank line, then the message."""
    run = invitation.run
    what = invitation.session.subtitle
    if invitation.reminder:
        opening = f"A reminder that {invitation.title} is tomorrow."
    elif what:
        opening = f"You are invited to {invitation.title}: {in_sentence(what)}."
    else:
        opening = f"You are invited to {invitation.title}."
    lines = [
        f"Subject: {invitation.subject()}",
        "",
        "Hello,",
        "",
        opening,
        "",
        f"When: {invitation.when_text()}",
        f"Where: {invitation.where_text()}",
    ]
    if run.facilitators:
        lines.append(f"Run by: {invitation.facilitators_text()}")
    lines.append("")
    if invitation.checklist:
        lines.append("Before you come, please check:")
        lines += [f"- {check}" for check in invitation.checklist]
        lines.append("")
    else:
        lines += [NO_CHECKLIST, ""]
    if not invitation.reminder:
        lines += ["Open the calendar file attached to add it to your calendar.", ""]
    lines += ["See you there,", invitation.organiser or "The facilitators", ""]
    return "\n".join(lines)
