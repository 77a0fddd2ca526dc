"""What the run's screens show, as text, and when the next figure on them changes. No Qt here.

The windows put these strings in their labels and arm a timer for `next_tick_ms`; the rounding
lives here so every screen agrees: time left is rounded up (0:00 means time is up), time spent
and time over are rounded down, so a countdown and its overrun meet at 0:00.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from datetime import datetime, timedelta

from presenter.timing.format import format_ahead_behind, format_duration
from presenter.timing.levels import WarningLevel
from presenter.timing.state import RunState, RunView

# Fire this long after the boundary, so the view computed then already shows the new second.
MARGIN_SECONDS = 0.002


# ----- the item's countdown -----


def countdown_text(view: RunView) -> str:
    """The item's time left in whole seconds (rounded up, so 0:00 means time is up), or `+m:ss` over."""
    if view.item_overrun > 0:
        return "+" + format_duration(math.floor(view.item_overrun))
    return format_duration(math.ceil(view.item_remaining))


def until_start_text(view: RunView) -> str:
    """The countdown to the slot's start, rounded up: "3:00" until the start is due."""
    return format_duration(math.ceil(view.until_start))


def elapsed_text(view: RunView) -> str:
    """How long the session has run, in whole seconds: "58:12"."""
    return format_duration(math.floor(view.session_elapsed))


def item_warning_text(view: RunView) -> str:
    """The words that go with the colour, so the warning never rests on colour alone."""
    if view.state is RunState.PAUSED:
        return f"Paused · {view.warning_text}"
    return view.warning_text


def times_up(before: tuple[int, WarningLevel] | None, view: RunView) -> bool:
    """True when the running item went from time left to time up since `before` (the item and
    warning shown last while running): the moment to flash once. Not on a jump to another item."""
    return (
        view.state is RunState.RUNNING
        and before is not None
        and before[0] == view.current_index
        and before[1] in (WarningLevel.ON_TIME, WarningLevel.SOON)
        and view.warning in (WarningLevel.DUE, WarningLevel.OVER)
    )


# ----- the slot clock -----


def slot_left_text(view: RunView) -> str:
    """Time left to the slot end ("4:05", rounded up), or `+m:ss` once past it (rounded down)."""
    if view.slot_remaining >= 0:
        return format_duration(math.ceil(view.slot_remaining))
    return "+" + format_duration(math.floor(-view.slot_remaining))


def pace_text(view: RunView) -> str:
    """ "2 min ahead", "on plan", or why there is no pace to keep."""
    if view.state is RunState.FINISHED:
        return "Session ended"
    if view.state is RunState.BEFORE_START:
        return "Not started"
    return format_ahead_behind(view.ahead_behind)


def pace_state(view: RunView) -> str:
    """ "ahead", "behind", "late" (the forecast is past the slot end) or "none" (no pace)."""
    if not view.state.in_progress:
        return "none"
    if view.forecast_finish > view.slot_end:
        return "late"
    return "ahead" if view.ahead_behind >= 0 else "behind"


def finish_caption(slot_end: str, *, ended: bool, compact: bool) -> str:
    """The caption over the forecast finish, naming the slot end (`slot_end`, "13:00") if known;
    shorter in a small window."""
    if ended:
        return f"Ended at (slot ends {slot_end})" if not compact else f"Ended at (ends {slot_end})"
    if compact:
        return f"Finish (ends {slot_end})" if slot_end else "Finish"
    return f"Forecast finish (slot ends {slot_end})" if slot_end else "Forecast finish"


# ----- the agenda table -----


def planned_starts(slot_start: datetime, planned_minutes: Sequence[float]) -> list[str]:
    """Each item's planned start, "12:05": the slot start plus the minutes planned before it."""
    starts, before = [], 0.0
    for minutes in planned_minutes:
        starts.append(f"{slot_start + timedelta(minutes=before):%H:%M}")
        before += minutes
    return starts


def planned_text(minutes: float) -> str:
    """An item's planned minutes as minutes and seconds, "6:00", to read beside `spent_text`."""
    return format_duration(round(minutes * 60))


def spent_text(seconds: float) -> str:
    """The time an item has taken, in whole seconds ("5:27"), or nothing before its first second."""
    return format_duration(math.floor(seconds)) if seconds >= 1 else ""


def item_status(view: RunView | None, index: int) -> str:
    """ "done", "now", "paused" or "" (to come) for agenda item `index`."""
    if view is None:
        return ""
    if view.state.in_progress and view.current_index == index:
        return "paused" if view.state is RunState.PAUSED else "now"
    if index < len(view.done) and view.done[index]:
        return "done"
    return ""


# ----- when to repaint -----


def _until_drops_past_whole(value: float) -> float:
    """Seconds until a falling count (time left) crosses its next whole second."""
    fraction = value - math.floor(value)
    return fraction if fraction > 1e-6 else 1.0


def _until_rises_past_whole(value: float) -> float:
    """Seconds until a rising count (time over, elapsed) crosses its next whole second."""
    fraction = math.ceil(value) - value
    return fraction if fraction > 1e-6 else 1.0


def seconds_to_next_change(view: RunView) -> float:
    """How long until any seconds figure on screen changes: the item's, the start's or the slot's."""
    candidates = [
        1.0 - view.now.microsecond / 1_000_000,  # time of day and slot left follow the wall clock
        _until_drops_past_whole(view.slot_remaining),
    ]
    if view.state is RunState.BEFORE_START:
        candidates.append(_until_drops_past_whole(view.until_start))
    elif view.state is RunState.RUNNING:
        if view.item_remaining > 0:
            candidates.append(_until_drops_past_whole(view.item_remaining))
        else:
            candidates.append(_until_rises_past_whole(view.item_overrun))
    return max(0.0, min(candidates))


def next_tick_ms(view: RunView) -> int:
    """Milliseconds to wait for the next repaint: just after the next change, at least 1."""
    return max(1, math.ceil((seconds_to_next_change(view) + MARGIN_SECONDS) * 1000))
