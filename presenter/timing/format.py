"""Durations as the facilitator reads them: "4:05", "2 min ahead", "6 min 30 s". No Qt here."""

from __future__ import annotations

import math

# Within this many seconds of the plan the session counts as on plan: nobody steers a lunchtime
# session by the second, and a display that flickers between "3 s ahead" and "on plan" is noise.
ON_PLAN_SECONDS = 30.0


def _whole_seconds(seconds: float) -> int:
    """Seconds rounded to the nearest whole second, halves away from zero."""
    whole = math.floor(abs(seconds) + 0.5)
    return -whole if seconds < 0 else whole


def format_duration(seconds: float) -> str:
    """A clock-style duration: "4:05", "-1:30", "1:02:03" (hours only when there are some)."""
    whole = _whole_seconds(seconds)
    sign = "-" if whole < 0 else ""
    hours, rest = divmod(abs(whole), 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{secs:02d}"
    return f"{sign}{minutes}:{secs:02d}"


def format_span(seconds: float) -> str:
    """A length of time in words: "2 min", "1 min 30 s", "45 s", "1 h 5 min" (sign dropped)."""
    whole = abs(_whole_seconds(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    parts = []
    if hours:
        parts.append(f"{hours} h")
    if minutes:
        parts.append(f"{minutes} min")
    if secs or not parts:
        parts.append(f"{secs} s")
    return " ".join(parts)


def format_minutes(minutes: float) -> str:
    """Planned minutes in words: "8 min", "6 min 30 s"."""
    return format_span(minutes * 60)


# From this far off the plan the pace is given to the minute: "12 min behind", not "12 min 4 s".
WHOLE_MINUTES_FROM = 10 * 60


def format_ahead_behind(seconds: float) -> str:
    """Pace in words, short enough for one line: "2 min ahead", "1 min 30 s behind", "12 min
    behind", "2 h 51 min ahead", or "on plan" within half a minute."""
    if abs(seconds) < ON_PLAN_SECONDS:
        return "on plan"
    span = abs(seconds)
    if span >= WHOLE_MINUTES_FROM:
        span = 60 * math.floor(span / 60 + 0.5)
    return f"{format_span(span)} {'ahead' if seconds > 0 else 'behind'}"
