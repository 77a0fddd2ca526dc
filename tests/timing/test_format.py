"""Durations and pace as the screens print them."""

from __future__ import annotations

import pytest

from presenter.timing.format import (
    format_ahead_behind,
    format_duration,
    format_minutes,
    format_span,
)


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (245, "4:05"),
        (-90, "-1:30"),
        (3723, "1:02:03"),
        (0, "0:00"),
        (-0.2, "0:00"),
        (59.6, "1:00"),
        (600, "10:00"),
    ],
)
def test_format_duration(seconds, text):
    assert format_duration(seconds) == text


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (120, "2 min ahead"),
        (-90, "1 min 30 s behind"),
        (0, "on plan"),
        (29, "on plan"),
        (-29.4, "on plan"),
        (45, "45 s ahead"),
        (-3900, "1 h 5 min behind"),
        (-150, "2 min 30 s behind"),
        (599, "9 min 59 s ahead"),
        (-(12 * 60 + 4), "12 min behind"),  # far off the plan, to the minute
        (12 * 60 + 31, "13 min ahead"),
        (2 * 3600 + 51 * 60 + 32, "2 h 52 min ahead"),
    ],
)
def test_format_ahead_behind(seconds, text):
    assert format_ahead_behind(seconds) == text


def test_spans_and_minutes_in_words():
    assert format_span(0) == "0 s"
    assert format_span(-75) == "1 min 15 s"
    assert format_minutes(6.5) == "6 min 30 s"
    assert format_minutes(8) == "8 min"
