"""Rebalancing: new minutes for the items still to come so the session ends on time.

Proposals are in whole minutes, as a facilitator plans and reads them on stage. The sharing
works in whole units with exact fractions: the run clock shares the whole minutes that fit
before the aim, so the proposal ends at the aim or less than a minute before it, never after.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from presenter.agenda.model import AgendaItem
from presenter.timing.format import ON_PLAN_SECONDS, format_minutes


def share_seconds(
    planned: Sequence[int], minimums: Sequence[int], available: int
) -> tuple[list[int], int]:
    """Share `available` whole units (seconds or minutes) between items in proportion to their
    plan, none below its minimum.

    Returns each item's whole units (summing exactly to `available` when it fits) and the
    shortfall: the units that cannot be fitted even with every item at its minimum (then
    every item gets its minimum). With no items there is nothing to share: the shortfall is
    whatever time is missing, and spare time is left unshared. The units left over after
    rounding down go to the items whose exact share they fit best (the largest remainders).
    """
    if len(planned) != len(minimums):
        raise ValueError("planned and minimums must be the same length")
    floors = [max(0, int(m)) for m in minimums]
    if sum(floors) >= available or not planned:
        return floors, max(0, sum(floors) - available)

    from fractions import Fraction  # here, not at the top: the app starts without it

    # Water-filling: scale every item by the same factor; an item that would fall below its
    # minimum is held there and the others share what is left.
    weights = [Fraction(max(0, p)) for p in planned]
    if not any(weights):
        weights = [Fraction(1)] * len(planned)
    held: set[int] = set()
    while True:
        free = [i for i in range(len(planned)) if i not in held]
        free_weight = sum(weights[i] for i in free)
        left = available - sum(floors[i] for i in held)
        if free_weight == 0:
            # Only zero-weight items are free: they share what is left equally.
            weights = [Fraction(0 if i in held else 1) for i in range(len(planned))]
            continue
        factor = Fraction(left) / free_weight
        below = {i for i in free if factor * weights[i] < floors[i]}
        if not below:
            break
        held |= below
    exact = [Fraction(floors[i]) if i in held else factor * weights[i] for i in range(len(planned))]

    # Whole units by largest remainder: round down, then hand out the units left over to
    # the items that lost most in rounding (the earlier item first on a tie).
    seconds = [int(x // 1) for x in exact]
    missing = available - sum(seconds)
    by_remainder = sorted(range(len(exact)), key=lambda i: (-(exact[i] - seconds[i]), i))
    for i in by_remainder[:missing]:
        seconds[i] += 1
    return seconds, 0


def share_minutes(
    planned: Sequence[int], minimums: Sequence[int], available_seconds: float
) -> tuple[list[int], int]:
    """Whole minutes for each item out of `available_seconds`: the minutes that fit whole are
    shared (see `share_seconds`); the seconds short of a minute are left spare, so the items
    end at most 59 s before the time available runs out, never after it.

    The shortfall is in whole minutes too, rounded up: "3 min over" when 2 min 10 s are missing.
    """
    return share_seconds(planned, minimums, math.floor(available_seconds / 60))


@dataclass(frozen=True)
class Rebalance:
    """A proposal: new minutes for every item (items done, under way or fixed keep theirs)."""

    minutes: tuple[float, ...]  # whole minutes wherever the proposal changes them
    shortfall: float  # whole minutes that cannot be fitted (0 when it fits)
    previous: tuple[float, ...] = ()  # the minutes before the proposal, for the description
    titles: tuple[str, ...] = ()
    ends_at: datetime | None = None  # the time the proposal aims to end at
    upcoming: tuple[int, ...] = ()  # the items still to come, in agenda order

    def rows(self) -> list[tuple[str, str, str]]:
        """The proposal as a table for the facilitator: item, its minutes now, the proposed.

        Every item still to come is listed, so the table reads as the rest of the agenda."""
        shown = self.upcoming or self.changed
        return [
            (
                self.titles[i] if i < len(self.titles) else f"Item {i + 1}",
                format_minutes(self.previous[i]) if i < len(self.previous) else "",
                format_minutes(self.minutes[i]),
            )
            for i in shown
        ]

    def headline(self) -> str:
        """One short line above the table: what the proposal does, or why it cannot."""
        target = f" at {self.ends_at:%H:%M}" if self.ends_at else " on time"
        if self.shortfall > 0:
            return (
                f"Cannot end{target}: {format_minutes(self.shortfall)} over even with every "
                "flexible item at its minimum. The shortest plan:"
            )
        if not self.changed:
            return f"Nothing to change to end{target}"
        return f"To end{target}, the rest of the agenda becomes:"

    @property
    def changed(self) -> tuple[int, ...]:
        """The items whose minutes the proposal changes."""
        return tuple(
            i
            for i, (new, old) in enumerate(zip(self.minutes, self.previous, strict=False))
            if abs(new - old) * 60 >= 0.5
        )

    def describe(self) -> str:
        """One line for the facilitator: "To end at 13:00: Who to follow 8 min → 6 min 30 s"."""
        target = f" at {self.ends_at:%H:%M}" if self.ends_at else " on time"
        changes = ", ".join(
            f"{self.titles[i] if i < len(self.titles) else f'item {i + 1}'} "
            f"{format_minutes(self.previous[i])} → {format_minutes(self.minutes[i])}"
            for i in self.changed
        )
        if self.shortfall > 0:
            text = f"Cannot end{target}: {format_minutes(self.shortfall)} over even with "
            text += "every flexible item at its minimum"
            return f"{text}. Shortest: {changes}" if changes else text
        if not changes:
            return f"Nothing to change to end{target}"
        return f"To end{target}: {changes}"


def propose_rebalance(
    items: Sequence[AgendaItem],
    planned: Sequence[float],
    upcoming: Sequence[int],
    *,
    begins: datetime,
    ends_at: datetime,
) -> Rebalance | None:
    """New minutes for the flexible items among `upcoming` so that the items still to come,
    begun at `begins`, end at `ends_at`.

    `planned` is every item's minutes now. Fixed items keep theirs; the flexible ones share
    what is left in proportion to the plan from the file, none below its minimum, in whole
    minutes (ending less than a minute before the aim, never after). None when within half a
    minute of the aim, or when there is nothing to change and nothing missing.
    """
    flexible = [j for j in upcoming if not items[j].fixed]
    fixed_seconds = sum(planned[j] for j in upcoming if j not in flexible) * 60
    available = (ends_at - begins).total_seconds() - fixed_seconds
    now_seconds = sum(planned[j] for j in flexible) * 60
    if abs(available - now_seconds) < ON_PLAN_SECONDS:
        return None
    shares, shortfall = share_minutes(
        [items[j].minutes for j in flexible], [items[j].minimum for j in flexible], available
    )
    minutes = list(planned)
    for j, share in zip(flexible, shares, strict=True):
        minutes[j] = float(share)
    proposal = Rebalance(
        minutes=tuple(minutes),
        shortfall=float(shortfall),
        previous=tuple(planned),
        titles=tuple(item.title for item in items),
        ends_at=ends_at,
        upcoming=tuple(upcoming),
    )
    if not proposal.changed and proposal.shortfall == 0:
        return None
    return proposal
