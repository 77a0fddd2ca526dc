"""Fitting a session into a shorter slot: optional items dropped first, flexible ones
squeezed in proportion down to their minimum, fixed ones kept, whole minutes that add up."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from presenter.agenda.model import AgendaItem, Kind, Session
from presenter.timing.fit import fit_session
from tests.timing.helpers import twitter_hour


def session_of(*items: AgendaItem, length: int = 60) -> Session:
    return Session("Short session", items, length=length)


def minutes(fit) -> list[tuple[str, int]]:
    return [(item.title, item.minutes) for item in fit.session.items]


def test_twitter_hour_fits_a_ward_quarter_hour_with_what_matters():
    fit = fit_session(twitter_hour(), 15)
    assert fit.fits
    assert minutes(fit) == [
        ("Welcome and check-in", 5),
        ("What to tweet", 2),
        ("Who to follow", 2),
        ("Trust policy and guidance", 6),
    ]
    assert fit.session.length == 15
    assert [item.title for item in fit.dropped] == [
        "Why use Twitter for professional networking",
        "What the icons mean",
        "Top tips",
        "Guidance from professional bodies",
        "Questions and next steps",
    ]
    assert fit.lines() == [
        "Dropped: Why use Twitter for professional networking; What the icons mean; Top tips; "
        "Guidance from professional bodies; Questions and next steps",
        "Shortened: What to tweet 8 → 2 min; Who to follow 8 → 2 min",
    ]
    assert fit.headline() == "Fitted 60 minutes into 15: 5 optional items dropped, 2 items re-timed"


def test_a_slot_too_short_even_at_the_minimums_says_by_how_much():
    fit = fit_session(twitter_hour(), 12)
    assert not fit.fits
    assert fit.over == 3
    assert fit.error().startswith("cannot fit: 3 minutes too long for a 12-minute slot")
    assert "give at least 15 minutes" in fit.error()
    assert fit.headline() == fit.error()
    assert fit.session.planned_minutes == 15  # the shortest plan there is


def test_only_as_many_optional_items_go_as_the_slot_needs_the_last_first():
    session = session_of(
        AgendaItem("Welcome", 5, fixed=True),
        AgendaItem("Extra one", 10, optional=True),
        AgendaItem("Core", 20),
        AgendaItem("Extra two", 10, optional=True),
    )
    fit = fit_session(session, 35)
    assert [item.title for item in fit.dropped] == ["Extra two"]
    assert minutes(fit) == [("Welcome", 5), ("Extra one", 10), ("Core", 20)]
    assert fit.changed == ()


def test_minutes_an_item_dropped_frees_beyond_the_need_go_back_to_the_flexible_items():
    session = session_of(
        AgendaItem("Welcome", 5, fixed=True),
        AgendaItem("Core", 20),
        AgendaItem("More", 10),
        AgendaItem("Extra", 10, optional=True),
    )
    fit = fit_session(session, 40)
    assert minutes(fit) == [("Welcome", 5), ("Core", 23), ("More", 12)]
    assert fit.lines()[-1] == "Given the time left: Core 20 → 23 min; More 10 → 12 min"


def test_flexible_items_are_squeezed_in_proportion_and_fixed_ones_kept():
    session = session_of(
        AgendaItem("Welcome", 10, fixed=True),
        AgendaItem("Long", 20),
        AgendaItem("Short", 10, min_minutes=8),
    )
    fit = fit_session(session, 30)
    # In proportion Short would get 6.7: it is held at its minimum of 8 and Long takes the rest.
    assert minutes(fit) == [("Welcome", 10), ("Long", 12), ("Short", 8)]
    assert [c.text() for c in fit.changed] == ["Long 20 → 12 min", "Short 10 → 8 min"]


def test_a_session_that_already_fits_is_left_as_it_is():
    session = session_of(AgendaItem("Talk", 10), AgendaItem("Extra", 5, optional=True))
    fit = fit_session(session, 20)
    assert fit.session == session_of(*session.items, length=20)
    assert (fit.dropped, fit.changed, fit.spare) == ((), (), 5)
    assert fit.headline() == "15 minutes planned: fits the 20-minute slot, 5 minutes spare"


def test_hidden_items_and_sections_take_no_time_and_stay():
    session = session_of(
        AgendaItem("Part one", 1, kind=Kind.SECTION),
        AgendaItem("Talk", 20),
        AgendaItem("Backup slide", 30, hidden=True, optional=True),
        AgendaItem("Extra", 10, optional=True),
    )
    fit = fit_session(session, 10)
    assert minutes(fit) == [("Part one", 1), ("Talk", 10), ("Backup slide", 30)]
    assert [item.title for item in fit.dropped] == ["Extra"]
    assert fit.session.planned_minutes == 10


def test_only_fixed_items_left_leave_the_rest_of_the_slot_spare():
    session = session_of(
        AgendaItem("Welcome", 5, fixed=True), AgendaItem("Extra", 10, fixed=True, optional=True)
    )
    fit = fit_session(session, 8)
    assert fit.fits and fit.spare == 3
    assert fit.headline() == "Fitted 15 minutes into 8: 1 optional item dropped, 3 minutes spare"


@pytest.mark.parametrize("length", [0, -5, 24 * 60 + 1])
def test_a_slot_must_be_a_whole_number_of_minutes_in_a_day(length):
    with pytest.raises(ValueError, match="a slot is from 1 to 1440 minutes"):
        fit_session(twitter_hour(), length)


agenda_items = st.builds(
    AgendaItem,
    title=st.sampled_from(["Welcome", "Demo", "Tips", "Policy", "Questions"]),
    minutes=st.integers(1, 30),
    fixed=st.booleans(),
    optional=st.booleans(),
    min_minutes=st.none() | st.integers(1, 12),
    hidden=st.booleans(),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(agenda_items, min_size=1, max_size=10), st.integers(1, 200))
def test_every_fit_keeps_its_rules(items, length):
    session = session_of(*(replace(item, title=f"{n}") for n, item in enumerate(items)))
    fit = fit_session(session, length)
    kept = fit.session.items
    timed = [item for item in kept if item.timed]
    # Nothing but timed optional items is dropped, and the agenda keeps its order.
    assert all(item.optional and item.timed for item in fit.dropped)
    gone = {item.title for item in fit.dropped}
    originals = [item for item in session.items if item.title not in gone]
    assert [item.title for item in kept] == [item.title for item in originals]
    for before, after in zip(originals, kept, strict=True):
        # No item below its minimum (an item planned shorter than that is not lengthened).
        assert after.minutes >= min(before.minimum, before.minutes)
        if before.fixed or not before.timed:
            assert after.minutes == before.minutes  # fixed (and untimed) items unchanged
    total = sum(item.minutes for item in timed)
    if session.planned_minutes <= length:
        assert fit.session == session_of(*session.items, length=length)
    elif fit.fits:
        if any(not item.fixed for item in timed):
            assert total == length  # whole minutes summing exactly to the slot
        else:
            assert total <= length
    else:
        assert total == length + fit.over
        assert all(
            i.minutes == min(i.minimum, o.minutes)
            for i, o in zip(kept, originals, strict=True)
            if i.timed
        )
        assert not any(i.optional for i in timed)
    assert fit.session.length == length
