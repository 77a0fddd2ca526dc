"""Every run remembered: feedback, outcomes, and a session's history across runs.

From each run's clock log (`presenter.attendance.clock_log`), its attendees and their
feedback, `session_history` works out how a session went across runs and venues, and which
items keep running over. Feedback and outcomes are kept by `presenter.attendance.feedback`
(and can be imported from here too). Pure functions over an `AttendanceStore`; no Qt,
and time comes in as arguments.
"""

from __future__ import annotations

import os
import statistics
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from presenter.agenda.heading import heading_with_minutes
from presenter.attendance.clock_log import run_finished, run_timings
from presenter.attendance.feedback import Feedback as Feedback
from presenter.attendance.feedback import Outcome, feedback_for, outcomes_for
from presenter.attendance.feedback import give_feedback as give_feedback
from presenter.attendance.feedback import record_outcome as record_outcome
from presenter.attendance.model import Run
from presenter.attendance.store import AttendanceStore

if TYPE_CHECKING:
    from presenter.agenda.model import Session
    from presenter.timing import ItemTiming

OVER_SECONDS = 60  # an item "ran over" when it took at least a minute more than planned


def format_rate(value: float | None) -> str:
    """A share as a percentage, or a dash when there is nothing to count."""
    return "–" if value is None else f"{value:.0%}"


def format_overrun(seconds: float | None) -> str:
    """Minutes over (+) or under (-) the plan, or "on plan"."""
    if seconds is None:
        return "–"
    minutes = round(seconds / 60)
    return "on plan" if minutes == 0 else f"{minutes:+d} min"


# -- a session's history ------------------------------------------------------------------


@dataclass(frozen=True)
class RunRecord:
    """One run as the history shows it: where, who came, how ready, how the timings went."""

    run: Run
    checked_in: int
    ready: tuple[tuple[str, int], ...]
    timings: tuple[ItemTiming, ...] | None
    finished: bool
    ratings: tuple[int, ...] = ()
    outcomes: tuple[Outcome, ...] = ()
    outcomes_purged: int = 0  # outcomes noted before a purge took their text

    def ready_rate(self, check: str) -> float | None:
        """Share of the people present who had `check` done (None when nobody came)."""
        if not self.checked_in:
            return None
        return dict(self.ready).get(check, 0) / self.checked_in

    @property
    def overrun_seconds(self) -> float | None:
        """Time taken beyond the plan, over the items done (negative when shorter)."""
        if not self.timings:
            return None
        return sum(t.over_seconds for t in self.timings if t.ended_at is not None)

    @property
    def paused_seconds(self) -> float:
        return sum(t.paused_seconds for t in self.timings or ())

    @property
    def rating(self) -> float | None:
        return statistics.fmean(self.ratings) if self.ratings else None


@dataclass(frozen=True)
class ItemHistory:
    """How one agenda item went across the runs that reached its end."""

    title: str
    planned_minutes: float  # the plan now (the session's, or the latest run's)
    runs_timed: int
    runs_over: int
    average_over_minutes: float  # mean overrun in the runs where it ran over
    average_actual_minutes: float  # mean time taken, every run that timed it
    typical_over_actual_minutes: float = 0.0  # mean time taken in the runs where it ran over


@dataclass(frozen=True)
class Suggestion:
    """A change to the plan the history argues for: more minutes for an item that overruns."""

    title: str
    planned_minutes: int
    minutes: int
    over_minutes: int
    runs_over: int
    runs_timed: int

    def text(self) -> str:
        """'Who to follow ran 3 minutes over in 4 of 5 runs: plan 10 minutes?'."""
        unit = "minute" if self.over_minutes == 1 else "minutes"
        return (
            f"{self.title} ran {self.over_minutes} {unit} over in {self.runs_over} of "
            f"{self.runs_timed} runs: plan {self.minutes} minutes?"
        )


@dataclass(frozen=True)
class SessionHistory:
    """A session's runs across dates and venues, its items' record, and suggestions."""

    title: str
    runs: tuple[RunRecord, ...]
    items: tuple[ItemHistory, ...]
    suggestions: tuple[Suggestion, ...] = field(default=())
    readiness: tuple[str, ...] = ()
    # The slot the items' record and suggestions compare (None: no runs); only runs of
    # this length count there, so a ward's 15 minutes are not set against the library hour.
    length: int | None = None

    @property
    def compared(self) -> tuple[RunRecord, ...]:
        """The runs at `length`, which the items' record and the suggestions come from."""
        return tuple(r for r in self.runs if r.run.length == self.length)

    def other_lengths(self) -> str:
        """'2 runs of 15 minutes are listed but not compared' (empty when none)."""
        others = sorted({r.run.length for r in self.runs} - {self.length})
        if not others:
            return ""
        count = sum(1 for r in self.runs if r.run.length != self.length)
        lengths = " or ".join(str(n) for n in others)
        runs = "1 run" if count == 1 else f"{count} runs"
        return (
            f"{runs} of {lengths} minutes {'is' if count == 1 else 'are'} listed but not "
            f"compared with the {self.length}-minute runs"
        )

    def ready_rate(self, check: str) -> float | None:
        """Share of everyone who came, across the runs, who had `check` done."""
        came = sum(r.checked_in for r in self.runs)
        if not came:
            return None
        return sum(dict(r.ready).get(check, 0) for r in self.runs) / came

    @property
    def average_attendance(self) -> float | None:
        return statistics.fmean(r.checked_in for r in self.runs) if self.runs else None

    def by_venue(self) -> list[VenueSummary]:
        """The runs grouped by venue, to compare the library with the ward; by venue and
        length when the runs were of different lengths ("Ward 12 (15 min)")."""
        venues: dict[str, list[RunRecord]] = {}
        lengths = len({r.run.length for r in self.runs}) > 1
        for record in self.runs:
            venue = record.run.venue or "no venue given"
            if lengths:
                venue += f" ({record.run.length} min)"
            venues.setdefault(venue, []).append(record)
        result = []
        for venue, records in venues.items():
            came = sum(r.checked_in for r in records)
            overruns = [r.overrun_seconds for r in records if r.overrun_seconds is not None]
            ratings = [rating for r in records for rating in r.ratings]
            result.append(
                VenueSummary(
                    venue=venue,
                    runs=len(records),
                    average_attendance=came / len(records),
                    ready=tuple(
                        (c, sum(dict(r.ready).get(c, 0) for r in records) / came if came else None)
                        for c in self.readiness
                    ),
                    average_overrun_minutes=statistics.fmean(overruns) / 60 if overruns else None,
                    rating=statistics.fmean(ratings) if ratings else None,
                )
            )
        return result


@dataclass(frozen=True)
class VenueSummary:
    """How a session does in one venue, across its runs there."""

    venue: str
    runs: int
    average_attendance: float
    ready: tuple[tuple[str, float | None], ...]
    average_overrun_minutes: float | None
    rating: float | None

    def text(self) -> str:
        """'Library: 3 runs, 4.0 people on average, App installed 75%, 1 min over on average'."""
        parts = [f"{self.venue}: {self.runs} run{'s' if self.runs != 1 else ''}"]
        parts.append(f"{self.average_attendance:.1f} people on average")
        parts += [f"{c} {rate:.0%}" for c, rate in self.ready if rate is not None]
        if self.average_overrun_minutes is not None:
            over = round(self.average_overrun_minutes)
            parts.append(
                "on plan on average"
                if over == 0
                else f"{abs(over)} min {'over' if over > 0 else 'under'} on average"
            )
        if self.rating is not None:
            parts.append(f"rated {self.rating:.1f}")
        return ", ".join(parts)


def run_record(store: AttendanceStore, run: Run) -> RunRecord:
    summary = store.summary(run.id)
    timings = run_timings(store, run.id)
    return RunRecord(
        run=run,
        checked_in=summary.checked_in,
        ready=summary.ready,
        timings=None if timings is None else tuple(timings),
        finished=run_finished(store, run.id),
        ratings=(
            store.purged_ratings(run.id)
            if run.purged
            else tuple(f.rating for f in feedback_for(store, run.id) if f.rating is not None)
        ),
        outcomes=tuple(outcomes_for(store, run.id)),
        outcomes_purged=store.purged_outcomes(run.id) if run.purged else 0,
    )


def item_history(runs: list[RunRecord], plan: dict[str, float] | None = None) -> list[ItemHistory]:
    """Each item's record across runs, matched by title, in the order of the plan."""
    order: list[str] = list(plan or {})
    taken: dict[str, list[tuple[float, float]]] = {}  # title -> (planned, actual) minutes
    latest_plan: dict[str, float] = {}
    for record in sorted(runs, key=lambda r: (r.run.date, r.run.id)):
        for timing in record.timings or ():
            if timing.title not in order:
                order.append(timing.title)
            latest_plan[timing.title] = timing.planned_minutes
            if timing.ended_at is None:  # never reached, or under way when the run stopped
                continue
            taken.setdefault(timing.title, []).append(
                (timing.planned_minutes, timing.actual_seconds / 60)
            )
    result = []
    for title in order:
        times = taken.get(title, [])
        over = [(p, a) for p, a in times if (a - p) * 60 >= OVER_SECONDS]
        result.append(
            ItemHistory(
                title=title,
                planned_minutes=(plan or {}).get(title, latest_plan.get(title, 0.0)),
                runs_timed=len(times),
                runs_over=len(over),
                average_over_minutes=statistics.fmean(a - p for p, a in over) if over else 0.0,
                average_actual_minutes=statistics.fmean(a for _p, a in times) if times else 0.0,
                typical_over_actual_minutes=statistics.fmean(a for _p, a in over) if over else 0.0,
            )
        )
    return result


def suggestions(items: list[ItemHistory]) -> list[Suggestion]:
    """More minutes for items that ran over in most runs (at least two) that timed them."""
    found = []
    for item in items:
        if item.runs_over < 2 or item.runs_over * 2 <= item.runs_timed:
            continue
        minutes = round(item.typical_over_actual_minutes)
        planned = round(item.planned_minutes)
        if minutes <= planned:
            continue
        found.append(
            Suggestion(
                title=item.title,
                planned_minutes=planned,
                minutes=minutes,
                over_minutes=max(1, round(item.average_over_minutes)),
                runs_over=item.runs_over,
                runs_timed=item.runs_timed,
            )
        )
    return found


def session_history(
    store: AttendanceStore, title: str, session: Session | None = None, length: int | None = None
) -> SessionHistory:
    """Every run of the session called `title` (any case), oldest first, with suggestions.

    The items' record and the suggestions come only from the runs of `length` minutes (by
    default the session's length, else the latest run's): like is compared with like."""
    from presenter.attendance.text import fold

    wanted = fold(title)
    runs = [r for r in store.runs() if fold(r.title) == wanted]
    records = [run_record(store, run) for run in sorted(runs, key=lambda r: (r.date, r.id))]
    if length is None and records:
        length = session.length if session is not None else records[-1].run.length
    plan = None
    if session is not None:
        plan = {item.title: float(item.minutes) for item in session.items if item.timed}
    items = item_history([r for r in records if r.run.length == length], plan)
    readiness = session.readiness if session else (runs[0].readiness if runs else ())
    return SessionHistory(
        title=session.title if session else (runs[0].title if runs else title),
        runs=tuple(records),
        items=tuple(items),
        suggestions=tuple(suggestions(items)),
        readiness=tuple(readiness),
        length=length,
    )


# -- applying a suggestion to the session file --------------------------------------------


def with_minutes(text: str, title: str, minutes: int, source: str = "<text>") -> str:
    """The session source with one item's minutes changed, everything else byte for byte.

    Raises ValueError when the item cannot be found, or the change would alter anything
    but that item's minutes (a deck, say, keeps its minutes elsewhere).
    """
    from presenter.agenda.reader import parse_session

    before, _problems = parse_session(text, source)
    if before is None:
        raise ValueError(f"{source}: the session file has errors; run `presenter validate` on it")
    matches = [i for i, item in enumerate(before.items) if item.title == title]
    if not matches:
        raise ValueError(f"{source}: there is no agenda item called '{title}'")
    lines = text.split("\n")
    for number, line in enumerate(lines):
        changed = heading_with_minutes(line, minutes)
        if changed is None or title not in line.replace("\\", ""):
            continue
        candidate = lines.copy()
        candidate[number] = changed
        new_text = "\n".join(candidate)
        after, _problems = parse_session(new_text, source)
        index = matches[0]
        expected = replace(
            before,
            items=tuple(
                replace(item, minutes=minutes) if i == index else item
                for i, item in enumerate(before.items)
            ),
        )
        if after == expected:
            return new_text
    raise ValueError(
        f"{source}: the minutes of '{title}' could not be changed safely; edit its heading by hand"
    )


def apply_suggestion(path: str | os.PathLike[str], suggestion: Suggestion) -> None:
    """Write the suggested minutes into the session file, whole or not at all."""
    from presenter.files import atomic_write

    target = Path(path)
    text = target.read_bytes().decode("utf-8-sig").replace("\r\n", "\n")
    new_text = with_minutes(text, suggestion.title, suggestion.minutes, os.fspath(target))
    with atomic_write(target, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(new_text)
