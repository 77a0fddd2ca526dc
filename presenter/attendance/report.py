"""The wrap-up of one run: planned against actual minutes per item, overrun and pauses,
who came and how ready they were, their feedback. Written as CSV here, whole or not at
all; the PDF, with its chart, is drawn with Qt by the windows' layer, which the command
line and the wrap-up window call with this report. No Qt."""

from __future__ import annotations

import csv
import statistics
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from presenter.attendance.clock_log import last_clock_save, recorded_clock
from presenter.attendance.history import Feedback, Outcome, feedback_for, outcomes_for
from presenter.attendance.model import Run, Summary
from presenter.attendance.store import AttendanceStore
from presenter.attendance.text import neutralise
from presenter.files import atomic_write

REPORT_FORMATS = (".csv", ".pdf")


@dataclass(frozen=True)
class ItemRow:
    """One agenda item: its plan from the session file and the time it actually took
    (`actual_minutes` is None when the run never got to it)."""

    title: str
    planned_minutes: float
    actual_minutes: float | None = None
    paused_minutes: float = 0.0

    @property
    def reached(self) -> bool:
        """Whether the run got to this item."""
        return self.actual_minutes is not None

    @property
    def over_minutes(self) -> float:
        """Minutes over the plan (negative when the item was shorter)."""
        return self.actual_minutes - self.planned_minutes if self.reached else 0.0


@dataclass(frozen=True)
class RunReport:
    """Everything the wrap-up shows about one run."""

    run: Run
    items: tuple[ItemRow, ...]
    state: str  # the run clock's state at its last save: "finished", "running", ...
    started_at: datetime | None
    ended_at: datetime | None
    pauses: int
    paused_minutes: float
    summary: Summary
    feedback: tuple[Feedback, ...] = ()
    outcomes: tuple[Outcome, ...] = ()
    kept_ratings: tuple[int, ...] = ()  # a purged run's ratings, without who gave them

    @property
    def planned_minutes(self) -> float:
        return sum(row.planned_minutes for row in self.items)

    @property
    def actual_minutes(self) -> float:
        return sum(row.actual_minutes or 0.0 for row in self.items)

    @property
    def overrun_minutes(self) -> float:
        """Minutes over the plan across the items reached (negative: the run was quicker)."""
        return sum(row.over_minutes for row in self.items)

    @property
    def ratings(self) -> list[int]:
        given = [f.rating for f in self.feedback if f.rating is not None]
        return given or list(self.kept_ratings)

    @property
    def rating(self) -> float | None:
        ratings = self.ratings
        return statistics.fmean(ratings) if ratings else None

    def ready_rate(self, check: str) -> float | None:
        if not self.summary.checked_in:
            return None
        return dict(self.summary.ready).get(check, 0) / self.summary.checked_in

    def overrun_text(self) -> str:
        """'4 min over the plan', '2 min under the plan' or 'on plan'."""
        over = round(self.overrun_minutes)
        if over == 0:
            return "on plan"
        return f"{abs(over)} min {'over' if over > 0 else 'under'} the plan"

    def pauses_text(self) -> str:
        if not self.pauses:
            return "no pauses"
        count = "1 pause" if self.pauses == 1 else f"{self.pauses} pauses"
        return f"{count}, {_minutes(self.paused_minutes)} min in all"

    def attendance_lines(self) -> list[str]:
        """'4 checked in (1 late)', 'App installed: 3 of 4 (75%)', ..."""
        came = self.summary.checked_in
        late = f" ({self.summary.late} late)" if self.summary.late else ""
        lines = [f"{came} checked in{late}"]
        for check, count in self.summary.ready:
            rate = f" ({count / came:.0%})" if came else ""
            lines.append(f"{check}: {count} of {came}{rate}")
        if self.rating is not None:
            lines.append(f"Rating: {self.rating:.1f} out of 5 from {len(self.ratings)}")
        return lines

    def heading(self) -> str:
        """'Twitter hour · Wednesday 25 November 2026 · Library'."""
        run = self.run
        parts = [run.title, f"{run.date:%A} {run.date.day} {run.date:%B %Y}"]
        if run.venue:
            parts.append(run.venue)
        return " · ".join(parts)

    def times_text(self) -> str:
        """'12:02 to 13:04' (or 'started 12:02, not finished')."""
        if self.started_at is None:
            return "not started"
        if self.state == "finished" and self.ended_at is not None:
            return f"{self.started_at:%H:%M} to {self.ended_at:%H:%M}"
        return f"started {self.started_at:%H:%M}, not finished"


def _minutes(value: float) -> str:
    """Minutes to one decimal place, without a trailing '.0'."""
    return f"{value:.1f}".removesuffix(".0")


def build_report(store: AttendanceStore, run_id: int) -> RunReport:
    """The wrap-up of a run from its last clock save, its attendees and their feedback."""
    run = store.run(run_id)
    clock = recorded_clock(store, run_id)
    save = last_clock_save(store, run_id)
    rows: list[ItemRow] = []
    started = ended = None
    pauses = 0
    paused = 0.0
    if clock is None:
        rows = [ItemRow(title, float(m)) for title, m in run.agenda]
    else:
        for timing in clock.timings():
            reached = timing.started_at is not None
            rows.append(
                ItemRow(
                    title=timing.title,
                    planned_minutes=timing.planned_minutes,
                    actual_minutes=timing.actual_seconds / 60 if reached else None,
                    paused_minutes=timing.paused_seconds / 60,
                )
            )
            pauses += len(timing.pauses)
            paused += timing.paused_seconds / 60
            if timing.started_at is not None:
                started = timing.started_at if started is None else min(started, timing.started_at)
            if timing.ended_at is not None:
                ended = timing.ended_at if ended is None else max(ended, timing.ended_at)
    return RunReport(
        run=run,
        items=tuple(rows),
        state=save.state if save else "before start",
        started_at=started,
        ended_at=ended,
        pauses=pauses,
        paused_minutes=paused,
        summary=store.summary(run_id),
        feedback=tuple(feedback_for(store, run_id)),
        outcomes=tuple(outcomes_for(store, run_id)),
        kept_ratings=store.purged_ratings(run_id),
    )


def report_rows(report: RunReport) -> list[list[str]]:
    """The report as spreadsheet rows: the items table, then the summary as name, value."""
    rows = [["Item", "Planned (min)", "Actual (min)", "Over (min)", "Paused (min)"]]
    for item in report.items:
        rows.append(
            [
                item.title,
                _minutes(item.planned_minutes),
                _minutes(item.actual_minutes) if item.reached else "",
                _minutes(item.over_minutes) if item.reached else "",
                _minutes(item.paused_minutes) if item.paused_minutes else "",
            ]
        )
    rows.append(
        [
            "Total",
            _minutes(report.planned_minutes),
            _minutes(report.actual_minutes),
            _minutes(report.overrun_minutes),
            _minutes(report.paused_minutes),
        ]
    )
    run = report.run
    rows += [
        [],
        ["Session", run.title],
        ["Date", run.date.isoformat()],
        ["Venue", run.venue],
        ["Facilitators", ", ".join(run.facilitators)],
        ["Times", report.times_text()],
        ["Overrun", report.overrun_text()],
        ["Pauses", report.pauses_text()],
        ["Checked in", str(report.summary.checked_in)],
        ["Late", str(report.summary.late)],
    ]
    for check, count in report.summary.ready:
        rate = report.ready_rate(check)
        rows.append([check, str(count), "" if rate is None else f"{rate:.0%}"])
    if report.rating is not None:
        rows.append(["Rating (out of 5)", f"{report.rating:.1f}"])
    comments = [f.comment for f in report.feedback if f.comment]
    for comment in comments:
        rows.append(["Comment", comment])
    for outcome in report.outcomes:
        rows.append(["Outcome", outcome.noted_on.isoformat(), outcome.text])
    return rows


def write_report_csv(path: str | Path, report: RunReport) -> None:
    """UTF-8 with a BOM for Excel; anything a spreadsheet would run as a formula stays text.

    Comments are anonymous: names never appear in the report."""
    with atomic_write(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerows([_cell(cell) for cell in row] for row in report_rows(report))


def _cell(text: str) -> str:
    """Numbers as they are (a negative overrun is a number); other text neutralised."""
    try:
        float(text)
    except ValueError:
        return neutralise(text)
    return text
