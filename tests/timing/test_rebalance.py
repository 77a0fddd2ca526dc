"""Rebalancing: the rest of the agenda shares the time left so the session ends on time."""

from __future__ import annotations

from datetime import datetime

from hypothesis import given
from hypothesis import strategies as st

from presenter.timing import RunClock, share_minutes, share_seconds
from tests.conftest import FakeClock
from tests.timing.helpers import three_items, twitter_hour

plans = st.lists(
    st.tuples(st.integers(1, 30), st.integers(1, 10), st.booleans()), min_size=1, max_size=12
)


@given(plans, st.integers(-3600, 4 * 3600))
def test_shares_add_up_exactly_and_respect_minimums(items, available):
    planned = [minutes * 60 for minutes, _, _ in items]
    minimums = [min(low, minutes) * 60 for minutes, low, _ in items]
    seconds, shortfall = share_seconds(planned, minimums, available)
    assert len(seconds) == len(planned)
    assert all(s >= low for s, low in zip(seconds, minimums, strict=True))
    if shortfall:
        assert seconds == minimums
        assert shortfall == sum(minimums) - available
    else:
        assert sum(seconds) == available


@given(plans, st.integers(0, 4 * 3600))
def test_fixed_items_keep_their_minutes_and_the_rest_fills_the_time(items, available):
    """As the run clock uses it: fixed items are taken out first, the flexible ones share."""
    flexible = [(m * 60, low * 60) for m, low, fixed in items if not fixed]
    fixed_total = sum(m * 60 for m, _, fixed in items if fixed)
    seconds, shortfall = share_seconds(
        [m for m, _ in flexible], [low for _, low in flexible], available - fixed_total
    )
    if flexible and not shortfall:
        assert fixed_total + sum(seconds) == available


@given(st.lists(st.integers(1, 30), min_size=2, max_size=10), st.integers(0, 4 * 3600))
def test_shares_follow_the_plan_in_proportion(minutes, available):
    planned = [m * 60 for m in minutes]
    seconds, shortfall = share_seconds(planned, [0] * len(planned), available)
    assert shortfall == 0
    factor = available / sum(planned)
    for share, plan in zip(seconds, planned, strict=True):
        assert abs(share - factor * plan) < 1


def test_no_items_leaves_the_missing_time_as_shortfall():
    assert share_seconds([], [], -120) == ([], 120)
    assert share_seconds([], [], 300) == ([], 0)


def seconds_of(minutes, *indexes) -> int:
    return round(sum(minutes[i] * 60 for i in indexes))


def started(clock, session):
    run = RunClock(session, monotonic=clock.monotonic, wall=clock.wall)
    clock.advance(300)  # 12:00
    run.start()
    return run


def test_on_plan_there_is_nothing_to_propose(clock):
    run = started(clock, twitter_hour())
    clock.advance(4 * 60)
    assert run.rebalance_proposal() is None


def test_an_overrun_shrinks_the_flexible_items_still_to_come(clock):
    session = twitter_hour()
    run = started(clock, session)
    clock.advance(5 * 60)
    run.next()
    clock.advance(10 * 60)  # "Why use Twitter" planned 6, took 10
    run.next()
    assert run.view().ahead_behind == -240
    proposal = run.rebalance_proposal()
    assert proposal is not None
    assert proposal.shortfall == 0
    planned = [item.minutes for item in session.items]
    # Done, under way and fixed items keep their minutes.
    for index in (0, 1, 2, 6, 8):
        assert proposal.minutes[index] == planned[index]
    # The flexible items after the current one give up the four minutes between them.
    assert seconds_of(proposal.minutes, 3, 4, 5, 7) == (27 - 4) * 60
    assert all(proposal.minutes[i] < planned[i] for i in (3, 4, 5, 7))
    assert "To end at 13:00" in proposal.describe()
    assert "Who to follow 8 min →" in proposal.describe()
    run.apply_rebalance()
    view = run.view()
    assert view.planned_minutes == proposal.minutes
    assert view.forecast_finish == datetime(2026, 11, 25, 13, 0)
    assert view.ahead_behind == 0
    assert run.rebalance_proposal() is None
    assert [item.minutes for item in session.items] == planned  # the file's plan is untouched


def test_ahead_of_plan_the_rest_is_stretched(clock):
    run = started(clock, twitter_hour())
    clock.advance(5 * 60)
    run.next()
    clock.advance(60)
    run.next()  # "Why use Twitter" took 1 minute of 6
    proposal = run.rebalance_proposal()
    assert proposal is not None
    # "What to tweet" runs to 12:14; 46 minutes are left, 14 of them fixed: 32 to share.
    assert seconds_of(proposal.minutes, 3, 4, 5, 7) == 32 * 60
    assert proposal.minutes[3] > 8


def test_when_it_cannot_fit_the_proposal_says_by_how_much(clock):
    run = started(clock, three_items())  # 5 fixed, 10, 5 in a 20-minute slot
    clock.advance(18 * 60)  # welcome ran 13 minutes over
    run.next()
    # Only "Questions" can give, and only down to its one minute: 20 - 18 - 10 - 1 = -9.
    proposal = run.rebalance_proposal()
    assert proposal is not None
    assert proposal.minutes == (5, 10, 1)
    assert proposal.shortfall == 9
    assert proposal.describe().startswith("Cannot end at 12:20: 9 min over")


def test_automatic_rebalancing_applies_on_each_move(clock):
    run = started(clock, twitter_hour())
    run.auto_rebalance = True
    clock.advance(9 * 60)  # welcome ran 4 minutes over
    run.next()
    view = run.view()
    assert view.forecast_finish == datetime(2026, 11, 25, 13, 0)
    assert view.planned_minutes[1] == 6  # the item under way keeps its minutes
    assert seconds_of(view.planned_minutes, *range(9)) == 56 * 60


def test_a_lengthened_item_is_paid_for_by_the_rest(clock):
    run = started(clock, twitter_hour())
    clock.advance(5 * 60)
    run.next()
    clock.advance(6 * 60)
    run.next()
    run.lengthen(2)
    proposal = run.rebalance_proposal()
    assert proposal is not None
    assert proposal.minutes[2] == 10
    assert seconds_of(proposal.minutes, 3, 4, 5, 7) == 25 * 60
    assert seconds_of(proposal.minutes, *range(9)) == 60 * 60


@given(st.lists(st.integers(0, 20 * 60), max_size=8), st.integers(0, 15 * 60))
def test_an_applied_proposal_ends_the_session_at_the_slot_end(actuals, into_item):
    """Whatever happened so far, the rest is shared so the forecast is 13:00, or says why not."""
    session = twitter_hour()
    clock = FakeClock()
    run = started(clock, session)
    for seconds in actuals:
        clock.advance(seconds)
        run.next()
    clock.advance(into_item)
    before = run.view()
    proposal = run.rebalance_proposal()
    if proposal is None:
        flexible_to_come = [
            i for i, item in enumerate(session.items) if i > run.current_index and not item.fixed
        ]
        late = (before.forecast_finish - datetime(2026, 11, 25, 13, 0)).total_seconds()
        # Within a minute early whole minutes cannot do better; early with nothing to stretch.
        assert -60 < late < 30 or (late < 0 and not flexible_to_come)
        return
    for index, item in enumerate(session.items):
        if item.fixed or index <= run.current_index:
            assert proposal.minutes[index] == before.planned_minutes[index]
        else:
            assert proposal.minutes[index] >= item.minimum
            assert proposal.minutes[index] == int(proposal.minutes[index])  # whole minutes
    run.apply_rebalance()
    after = run.view()
    late = (after.forecast_finish - datetime(2026, 11, 25, 13, 0)).total_seconds()
    if proposal.shortfall:
        assert proposal.shortfall == int(proposal.shortfall)  # whole minutes, rounded up
        assert proposal.shortfall * 60 - 60 < late <= proposal.shortfall * 60
        assert all(
            proposal.minutes[i] == item.minimum
            for i, item in enumerate(session.items)
            if i > run.current_index
        )
    else:
        # Whole minutes: at the slot end or less than a minute before it, never after.
        assert -60 < late <= 0


@given(
    st.lists(st.tuples(st.integers(1, 30), st.integers(1, 10)), min_size=1, max_size=12),
    st.floats(-3600, 4 * 3600, allow_nan=False),
)
def test_minute_shares_are_whole_and_meet_the_time_available(items, available):
    """Never a fraction of a minute: the minutes that fit are shared, the spare seconds are
    under a minute, and the total never runs past the time available."""
    planned = [minutes for minutes, _ in items]
    minimums = [min(low, minutes) for minutes, low in items]
    shares, shortfall = share_minutes(planned, minimums, available)
    assert all(isinstance(share, int) for share in shares)
    assert isinstance(shortfall, int)
    if shortfall:
        assert shares == minimums
        assert (shortfall - 1) * 60 <= sum(minimums) * 60 - available <= shortfall * 60
    else:
        assert 0 <= available - sum(shares) * 60 < 60


def test_the_spare_minute_goes_to_the_item_it_fits_best():
    # 10 minutes shared 4:3:3 is 4, 3 and 3; 11 shared so is 4.4, 3.3, 3.3: the first gets it.
    assert share_minutes([4, 3, 3], [1, 1, 1], 10 * 60 + 59) == ([4, 3, 3], 0)
    assert share_minutes([4, 3, 3], [1, 1, 1], 11 * 60) == ([5, 3, 3], 0)
    # 2.5 each of 5: the earlier item on a tie.
    assert share_minutes([1, 1], [1, 1], 5 * 60 + 30) == ([3, 2], 0)


def test_a_proposal_in_a_table_names_every_item_still_to_come(clock):
    session = twitter_hour()
    run = started(clock, session)
    clock.advance(5 * 60)
    run.next()
    clock.advance(10 * 60 + 27)  # "Why use Twitter" planned 6, took 10 min 27 s
    run.next()
    proposal = run.rebalance_proposal()
    rows = proposal.rows()
    assert [title for title, _, _ in rows] == [item.title for item in session.items[3:]]
    assert rows[0] == ("Who to follow", "8 min", rows[0][2])
    for _, now, proposed in rows:
        assert now.endswith(" min") and proposed.endswith(" min")
        assert " s" not in now + proposed
    assert proposal.headline() == "To end at 13:00, the rest of the agenda becomes:"
