"""Runs and attendees as plain values, as the store hands them out."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import NamedTuple

DEFAULT_READINESS = ()  # as presenter.agenda's default: a session names its own checks


class Run(NamedTuple):
    """One delivery of a session: when, where, by whom, and a copy of its agenda."""

    id: int
    title: str
    date: date
    venue: str = ""
    facilitators: tuple[str, ...] = ()
    readiness: tuple[str, ...] = DEFAULT_READINESS
    start: time = time(12, 0)
    length: int = 60
    agenda: tuple[tuple[str, int], ...] = ()
    # The session's own length when the run was fitted into a shorter slot (`length`).
    fitted_from: int | None = None
    created_at: datetime | None = None
    purged_at: datetime | None = None
    checked_in: int = 0

    @property
    def starts_at(self) -> datetime:
        return datetime.combine(self.date, self.start)

    @property
    def purged(self) -> bool:
        return self.purged_at is not None


@dataclass(frozen=True)
class AttendeeDetails:
    """What the facilitator typed (or a roster row held) about one person."""

    name: str
    role: str = ""
    department: str = ""
    email: str = ""
    staff_number: str = ""
    handle: str = ""
    consent: bool = False
    note: str = ""
    ready: frozenset[str] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        object.__setattr__(self, "ready", frozenset(self.ready))


def _from_details(name: str) -> property:
    """A read of one of the person's details, so `attendee.name` reads `attendee.details.name`."""
    return property(lambda self: getattr(self.details, name), doc=f"The person's {name}.")


class Attendee(NamedTuple):
    """A person on a run's list: pre-registered from a roster, checked in, or both."""

    id: int
    run_id: int
    details: AttendeeDetails
    on_roster: bool = False
    checked_in_at: datetime | None = None
    late: bool = False

    name = _from_details("name")
    role = _from_details("role")
    department = _from_details("department")
    email = _from_details("email")
    staff_number = _from_details("staff_number")
    handle = _from_details("handle")
    consent = _from_details("consent")
    note = _from_details("note")
    ready = _from_details("ready")

    @property
    def checked_in(self) -> bool:
        return self.checked_in_at is not None


class CheckIn(NamedTuple):
    """A check-in that happened, with what the row held before, so it can be undone."""

    attendee: Attendee
    before: Attendee | None  # None: the check-in added the person


class Summary(NamedTuple):
    """The running count for the screen: who is in, and how ready they are."""

    checked_in: int
    ready: tuple[tuple[str, int], ...]
    late: int = 0
    on_roster: int = 0

    def text(self) -> str:
        """'7 checked in · 5 app installed · 4 username ready'."""
        parts = [f"{self.checked_in} checked in"]
        parts += [f"{count} {_in_sentence(check)}" for check, count in self.ready]
        return " · ".join(parts)


def _in_sentence(check: str) -> str:
    """'App installed' → 'app installed', but 'NHS app installed' keeps its capitals."""
    if check[1:2].isupper():
        return check
    return check[:1].lower() + check[1:]
