"""Saving and restoring a run clock's state, so a run survives the app or the computer restarting.

`take_snapshot` records the run time together with both clocks, as plain JSON-safe values.
`restore_clock` continues by the monotonic clock if it has not gone backwards (the app
restarted, the computer did not), and by the wall clock otherwise (the computer restarted and
the monotonic clock began again): the time the computer was off counts as running time, or as
pause if the run was paused, because the session carried on in the room. (A computer restarted
and then up for longer than it had been when the snapshot was taken looks like an app restart:
the run then loses the time the computer was off, never gains.)

This is the run clock's own persistence, kept beside it: it reads and sets the clock's stored
moments, which no one else touches. `RunClock.snapshot` and `RunClock.restore` call it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any, TypeVar

from presenter.agenda.model import Session
from presenter.agenda.timetable import timed_session
from presenter.timing.state import RunState, Span

SNAPSHOT_VERSION = 1

Clock = TypeVar("Clock")


class SnapshotError(ValueError):
    """A saved run state that cannot be restored for this session."""


def take_snapshot(clock: Any) -> dict[str, Any]:
    """The whole state of `clock` (a `RunClock`) as plain JSON-safe values, anchored to both
    clocks."""
    started = clock._started_wall
    return {
        "version": SNAPSHOT_VERSION,
        "session": clock.session.title,
        "items": len(clock.session.items),
        "state": clock.state.value,
        "current_index": clock.current_index,
        "auto_rebalance": clock.auto_rebalance,
        "rehearsal": clock.rehearsal,
        "slot_start": clock.slot_start.isoformat(),
        "planned_minutes": list(clock._planned),
        "reset_at": list(clock._reset_at),
        "visited": sorted(clock._visited),
        "segments": [[s.item, s.start, s.end] for s in clock._segments],
        "pauses": [[p.item, p.start, p.end] for p in clock._pauses],
        "started_wall": None if started is None else started.isoformat(),
        "finished_at": clock._finished_at,
        "taken_at": {
            "run_time": clock._run_time(),
            "monotonic": clock._monotonic(),
            "wall": clock._wall().isoformat(),
        },
    }


def restore_clock(
    make: Callable[..., Clock],
    session: Session,
    snapshot: dict[str, Any],
    *,
    monotonic: Callable[[], float],
    wall: Callable[[], datetime],
) -> Clock:
    """A clock made by `make` (the `RunClock` class) that continues the run in `snapshot`,
    counting the time since it was taken (see the module). Raises `SnapshotError`."""
    try:
        _check_fits(timed_session(session), snapshot)  # the items the clock counts
        clock = make(
            session,
            monotonic=monotonic,
            wall=wall,
            slot_start=datetime.fromisoformat(snapshot["slot_start"]),
            rehearsal=bool(snapshot.get("rehearsal", False)),
        )
        _set_state(clock, snapshot, monotonic(), wall())
    except SnapshotError:
        raise
    except (KeyError, TypeError, ValueError) as error:
        raise SnapshotError(f"the saved run state is damaged ({error!r})") from error
    count = len(clock.session.items)
    if len(clock._planned) != count or len(clock._reset_at) != count:
        raise SnapshotError("the saved run state is damaged (item counts differ)")
    if clock.state is not RunState.BEFORE_START and clock._epoch is None:
        raise SnapshotError("the saved run state is damaged (no start time)")
    return clock


def _check_fits(session: Session, snapshot: dict[str, Any]) -> None:
    """Refuse a snapshot of another format or of a plan with another number of items."""
    if snapshot["version"] != SNAPSHOT_VERSION:
        raise SnapshotError(f"saved run state version {snapshot['version']} is not known")
    if snapshot["items"] != len(session.items):
        raise SnapshotError(
            f"the saved run has {snapshot['items']} items but "
            f"{session.title} has {len(session.items)}"
        )


def _set_state(
    clock: Any, snapshot: dict[str, Any], monotonic_now: float, wall_now: datetime
) -> None:
    """Put the saved state into a fresh clock, its run time carried on to now."""
    clock.state = RunState(snapshot["state"])
    clock.current_index = int(snapshot["current_index"])
    clock.auto_rebalance = bool(snapshot["auto_rebalance"])
    clock._planned = [float(m) for m in snapshot["planned_minutes"]]
    clock._reset_at = [float(s) for s in snapshot["reset_at"]]
    clock._visited = {int(i) for i in snapshot["visited"]}
    clock._segments = [_span(s) for s in snapshot["segments"]]
    clock._pauses = [_span(p) for p in snapshot["pauses"]]
    finished_at = snapshot["finished_at"]
    clock._finished_at = None if finished_at is None else float(finished_at)
    if snapshot["started_wall"] is not None:
        clock._started_wall = datetime.fromisoformat(snapshot["started_wall"])
        taken = snapshot["taken_at"]
        gone = _time_since(taken, monotonic_now, wall_now)
        clock._epoch = monotonic_now - (float(taken["run_time"]) + gone)


def _span(values: list[Any]) -> Span:
    item, start, end = values
    return Span(int(item), float(start), None if end is None else float(end))


def _time_since(taken: dict[str, Any], monotonic_now: float, wall_now: datetime) -> float:
    """Seconds since a snapshot: by the monotonic clock, or the wall clock if that restarted."""
    by_monotonic = monotonic_now - float(taken["monotonic"])
    if by_monotonic >= 0:
        return by_monotonic
    by_wall = (wall_now - datetime.fromisoformat(taken["wall"])).total_seconds()
    return max(0.0, by_wall)
