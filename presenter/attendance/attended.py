"""The time each person actually attended a run, for CPD certificates and the register.

A person attended from when they were checked in (or the run's start, if they came before it)
to the run's end. The run's start and end are those its clock recorded when it was run and
finished; otherwise the planned ones. The time is rounded to the nearest quarter of an hour,
half-way (7½ minutes past a quarter) going up, as CPD logs count time in quarter hours. No Qt.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from presenter.attendance.clock_log import run_session
from presenter.attendance.model import Run
from presenter.attendance.report import build_report as build_run_report
from presenter.attendance.store import AttendanceStore

QUARTER_SECONDS = 15 * 60


def quarter_hours(seconds: float) -> int:
    """Minutes rounded to the nearest quarter hour: 7 min 29 s → 0, 7 min 30 s → 15,
    52 min 30 s → 60. Nothing (or less) is 0."""
    if seconds <= 0:
        return 0
    return int((seconds + QUARTER_SECONDS / 2) // QUARTER_SECONDS) * 15


def attended_minutes(checked_in_at: datetime, start: datetime, end: datetime) -> int:
    """From the later of check-in and the start, to the end, in quarter hours."""
    begin = max(checked_in_at, start)
    return quarter_hours((end - begin).total_seconds())


def hours_text(minutes: int) -> str:
    """'1 hour', '45 minutes (0.75 hours)', '1 hour 15 minutes (1.25 hours)', for a CPD log."""
    if minutes <= 0:
        return "less than a quarter of an hour"
    hours, rest = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append(f"{hours} hour" + ("s" if hours != 1 else ""))
    if rest:
        parts.append(f"{rest} minutes")
    text = " ".join(parts)
    return text if not rest else f"{text} ({minutes / 60:g} hours)"


@dataclass(frozen=True)
class Attended:
    """One person present and the minutes they attended, rounded to the quarter hour."""

    name: str
    checked_in_at: datetime
    minutes: int

    def text(self) -> str:
        return hours_text(self.minutes)


@dataclass(frozen=True)
class Evidence:
    """What a certificate and the register say about a run: when it ran, its learning
    outcomes, and who attended for how long (in the register's order)."""

    run: Run
    start: datetime
    end: datetime
    recorded: bool  # the start and end are the clock's, not the plan's
    people: tuple[Attended, ...]
    outcomes: tuple[str, ...] = ()

    @property
    def total_minutes(self) -> int:
        return sum(person.minutes for person in self.people)

    def total_text(self) -> str:
        """'Time attended in all: 3 hours 15 minutes (3.25 hours), by 4 people'."""
        count = len(self.people)
        who = f"{count} {'person' if count == 1 else 'people'}"
        return f"Time attended in all: {hours_text(self.total_minutes)}, by {who}"

    def times_text(self) -> str:
        """'12:02 to 13:01' (as run) or '12:00 to 13:00 (as planned)'."""
        text = f"{self.start:%H:%M} to {self.end:%H:%M}"
        return text if self.recorded else f"{text} (as planned)"

    def minutes_for(self, name: str) -> int:
        return next((p.minutes for p in self.people if p.name == name), 0)


def run_span(run: Run, started: datetime | None, ended: datetime | None) -> tuple:
    """(start, end, recorded): the clock's times when the run was started and finished,
    else the plan's (a missing start is the planned start; a missing end the planned end)."""
    planned_start = run.starts_at
    planned_end = planned_start + timedelta(minutes=run.length)
    if started is not None and ended is not None and ended > started:
        return started, ended, True
    return planned_start, planned_end, False


def build_evidence(
    store: AttendanceStore, run_id: int, outcomes: tuple[str, ...] | None = None
) -> Evidence:
    """The run's evidence of attendance. `outcomes` default to the learning outcomes of the
    session the run was started with."""
    report = build_run_report(store, run_id)
    finished = report.state == "finished"
    start, end, recorded = run_span(
        report.run, report.started_at, report.ended_at if finished else None
    )
    people = tuple(
        Attended(p.name, p.checked_in_at, attended_minutes(p.checked_in_at, start, end))
        for p in store.attendees(run_id, checked_in_only=True)
        if p.checked_in_at is not None
    )
    if outcomes is None:
        outcomes = run_session(store, run_id).outcomes
    return Evidence(report.run, start, end, recorded, people, tuple(outcomes))
