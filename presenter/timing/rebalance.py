"""Rebalancing: new minutes for the items still to come so the session ends on time.

The sharing is exact: it works in whole seconds with fractions, so the proposal adds up to the
time available to the second, whatever the plan.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from presenter.timing.format import format_minutes


def share_seconds(
    planned: Sequence[int], minimums: Sequence[int], available: int
) -> tuple[list[int], int]:
    """Share `available` seconds between items in proportion to their plan, none below its minimum.

    Returns each item's whole seconds (summing exactly to `available` when it fits) and the
    shortfall: the seconds that cannot be fitted even with every item at its minimum (then
    every item gets its minimum). With no items there is nothing to share: the shortfall is
    whatever time is missing, and spare time is left unshared.
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

    # Whole seconds by largest remainder: round down, then hand out the seconds left over to
    # the items that lost most in rounding (the earlier item first on a tie).
    seconds = [int(x // 1) for x in exact]
    missing = available - sum(seconds)
    by_remainder = sorted(range(len(exact)), key=lambda i: (-(exact[i] - seconds[i]), i))
    for i in by_remainder[:missing]:
        seconds[i] += 1
    return seconds, 0


@dataclass(frozen=True)
class Rebalance:
    """A proposal: new minutes for every item (items done, under way or fixed keep theirs)."""

    minutes: tuple[float, ...]
    shortfall: float  # minutes that cannot be fitted (0 when it fits)
    previous: tuple[float, ...] = ()  # the minutes before the proposal, for the description
    titles: tuple[str, ...] = ()
    ends_at: datetime | None = None  # the time the proposal aims to end at

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
