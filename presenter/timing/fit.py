"""Fitting a session into a shorter slot: the library hour as the fifteen minutes a ward can spare.

How a session is fitted into `length` minutes (only timed items count: hidden items and
section markers take no time and are kept as they are):

1. A session whose timed items already fit is left as it is (the minutes to spare are said).
2. Optional items are dropped first, from the last in the agenda backwards (the opening
   of a session is where people settle in; what a facilitator marks optional towards the
   end is usually the extra), and only while the rest is still longer than the slot.
3. The flexible items left share what the fixed ones leave, in proportion to their plan and
   none below its minimum (`AgendaItem.minimum`, or its minutes when fewer), in whole minutes summing exactly to the
   slot: the same sharing as rebalancing during a run (`timing.rebalance.share_seconds`).
   When dropping left minutes over, they go back to the flexible items the same way.
4. When even that is too long, the fit says by how many minutes (`Fit.over`), and its
   session is the shortest plan there is.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from presenter.agenda.model import AgendaItem, Session
from presenter.agenda.timetable import MAX_MINUTES
from presenter.timing.rebalance import share_seconds


def _minutes(count: int) -> str:
    return f"{count} minute{'' if count == 1 else 's'}"


@dataclass(frozen=True)
class Change:
    """An item kept with new minutes: "Who to follow 8 → 3 min"."""

    title: str
    before: int
    after: int

    def text(self) -> str:
        return f"{self.title} {self.before} → {self.after} min"


@dataclass(frozen=True)
class Fit:
    """A session fitted into `length` minutes, and what was cut to get there."""

    session: Session  # the fitted plan (the shortest there is, when it cannot fit)
    length: int
    planned: int  # the timed minutes before fitting
    dropped: tuple[AgendaItem, ...] = ()
    changed: tuple[Change, ...] = ()
    over: int = 0  # minutes still too long with every cut made (0 when it fits)

    @property
    def fits(self) -> bool:
        return self.over == 0

    @property
    def spare(self) -> int:
        """Minutes of the slot left unplanned (only when nothing flexible is left to fill it)."""
        return max(0, self.length - self.session.planned_minutes)

    def headline(self) -> str:
        """One line: what the fit did, or by how much it cannot."""
        if not self.fits:
            return self.error()
        if not self.dropped and not self.changed:
            spare = f", {_minutes(self.spare)} spare" if self.spare else ""
            return f"{self.planned} minutes planned: fits the {self.length}-minute slot{spare}"
        cuts = []
        if self.dropped:
            cuts.append(
                f"{len(self.dropped)} optional item{'s' * (len(self.dropped) != 1)} dropped"
            )
        if self.changed:
            cuts.append(f"{len(self.changed)} item{'s' * (len(self.changed) != 1)} re-timed")
        spare = f", {_minutes(self.spare)} spare" if self.spare else ""
        return f"Fitted {self.planned} minutes into {self.length}: {', '.join(cuts)}{spare}"

    def error(self) -> str:
        """'cannot fit: 1 minute too long for a 14-minute slot, even with ...'."""
        return (
            f"cannot fit: {_minutes(self.over)} too long for a {self.length}-minute slot, even "
            "with every optional item dropped and every flexible item at its minimum; "
            f"give at least {self.length + self.over} minutes"
        )

    def lines(self) -> list[str]:
        """The report under the headline: the items dropped, the items re-timed."""
        lines = []
        if self.dropped:
            lines.append("Dropped: " + "; ".join(item.title for item in self.dropped))
        shorter = [c.text() for c in self.changed if c.after < c.before]
        longer = [c.text() for c in self.changed if c.after > c.before]
        if shorter:
            lines.append("Shortened: " + "; ".join(shorter))
        if longer:
            lines.append("Given the time left: " + "; ".join(longer))
        return lines


def fit_session(session: Session, length: int) -> Fit:
    """`session` fitted into a slot of `length` minutes (see the module's description)."""
    if not 1 <= length <= MAX_MINUTES:
        raise ValueError(f"a slot is from 1 to {MAX_MINUTES} minutes, not {length}")
    planned = session.planned_minutes
    if planned <= length:
        return Fit(replace(session, length=length), length, planned)
    items = list(session.items)
    kept = [i for i, item in enumerate(items) if item.timed]
    total = planned
    dropped: list[int] = []
    for index in reversed(kept):
        if total <= length:
            break
        if items[index].optional:
            dropped.append(index)
            total -= items[index].minutes
    kept = [i for i in kept if i not in dropped]
    flexible = [i for i in kept if not items[i].fixed]
    fixed_minutes = sum(items[i].minutes for i in kept if items[i].fixed)
    shares, over = share_seconds(
        [items[i].minutes for i in flexible],
        [min(items[i].minimum, items[i].minutes) for i in flexible],  # a squeeze never lengthens
        length - fixed_minutes,
    )
    changes = []
    for index, minutes in zip(flexible, shares, strict=True):
        if minutes != items[index].minutes:
            changes.append(Change(items[index].title, items[index].minutes, minutes))
            items[index] = replace(items[index], minutes=minutes)
    fitted = replace(
        session, length=length, items=tuple(it for i, it in enumerate(items) if i not in dropped)
    )
    return Fit(
        fitted,
        length,
        planned,
        dropped=tuple(session.items[i] for i in sorted(dropped)),
        changed=tuple(changes),
        over=over,
    )
