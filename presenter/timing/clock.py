"""The run clock: the state of one delivery of a session, computed from stored timestamps.

Two clocks are handed in. The monotonic clock measures every duration: the clock stores the
moments things happened (an item began, a pause ended) as seconds of "run time", and every
figure is worked out from those moments when asked, never by counting ticks. The wall clock
answers "what time is it": the time of day, the time left until the slot ends at 13:00 and
the forecast finish.

How the clock behaves when time misbehaves:

- **Wall-clock jump** (someone sets the clock, or it is corrected): item and session times do
  not move, because they come from the monotonic clock. The time of day, the time left in the
  slot and the forecast finish follow the new wall time at once, since that is the time the
  room's clock now shows. Recorded start and end times are the wall time at the start of the
  run plus run time, so an item's start and end stay its actual length apart.
- **Suspend** (the lid is shut while the session goes on in the room): with a monotonic
  clock that counts sleep, as the one from `presenter.timing.system.system_clocks` does, the
  minutes asleep count as whatever the run was doing: the item's time if it was running, the
  pause if it was paused. A monotonic clock that stops during sleep (Python's
  `time.monotonic` on Linux and macOS) makes the countdown stand still instead, and the
  minutes asleep are recorded as neither. Either way the wall-clock figures (time left until
  13:00, forecast finish, ahead or behind) are right as soon as the computer wakes.
- **Restart** (the app or the computer): the clock's snapshot carries the run on by the
  monotonic clock, or by the wall clock if the computer restarted (see `snapshot.py`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from presenter.agenda.model import Session
from presenter.agenda.timetable import section_headings, timed_session
from presenter.timing.levels import WarningLevel, soon_threshold, warning_level
from presenter.timing.snapshot import restore_clock, take_snapshot
from presenter.timing.state import ItemTiming, RunState, RunView, Span

if TYPE_CHECKING:  # the rebalancing is loaded when first asked for
    from presenter.timing.rebalance import Rebalance


class RunClock:
    """The clock for one run of a session: countdowns, the slot end, pauses, pace, rebalancing."""

    def __init__(
        self,
        session: Session,
        *,
        monotonic: Callable[[], float],
        wall: Callable[[], datetime],
        slot_start: datetime | None = None,
        rehearsal: bool = False,
    ) -> None:
        if not session.items:
            raise ValueError(f"{session.title or 'The session'} has no agenda items to run")
        # The plan as given (hidden items and section markers too, for saving and export);
        # the run goes through its timed items only, and every index of the clock, its
        # views, timings and snapshots counts those.
        self.plan = session
        self.sections = section_headings(session)
        session = timed_session(session)
        if not session.items:
            raise ValueError(f"{session.title or 'The session'} has no timed agenda items to run")
        self.session = session
        self._monotonic = monotonic
        self._wall = wall
        if slot_start is None:
            today = wall()
            slot_start = datetime.combine(today.date(), session.start, tzinfo=today.tzinfo)
        self._slot_start = slot_start
        # A rehearsal is timed from now: its slot starts when it starts, whatever the session's
        # start time, so pace, forecast and rebalancing are those of a run begun on time.
        self.rehearsal = rehearsal
        self.state = RunState.BEFORE_START
        self.current_index = 0
        self.auto_rebalance = False
        self._planned = [float(item.minutes) for item in session.items]
        self._reset_at = [0.0] * len(session.items)  # actual seconds at the last reset
        self._visited: set[int] = set()
        self._segments: list[Span] = []
        self._pauses: list[Span] = []
        self._epoch: float | None = None  # monotonic reading at run time 0
        self._started_wall: datetime | None = None
        self._finished_at: float | None = None

    # ----- the slot -----

    @property
    def slot_start(self) -> datetime:
        """When the slot begins: the session's start time today, or for a rehearsal the moment
        it began (now, while it waits to begin)."""
        return self._slot_start_at(self._wall())

    def _slot_start_at(self, wall_now: datetime) -> datetime:
        """The slot start as seen at `wall_now`: every figure of one view from one reading."""
        if self.rehearsal and self.state is RunState.BEFORE_START:
            return wall_now
        return self._slot_start

    @property
    def slot_end(self) -> datetime:
        return self.slot_start + timedelta(minutes=self.session.length)

    @property
    def planned_finish(self) -> datetime:
        """When the plan from the file ends if the session starts on time."""
        return self.slot_start + timedelta(minutes=self.session.planned_minutes)

    # ----- run time -----

    def _run_time(self) -> float:
        """Seconds of run time now (0 before the start; frozen once finished)."""
        if self._finished_at is not None:
            return self._finished_at
        if self._epoch is None:
            return 0.0
        return max(0.0, self._monotonic() - self._epoch, self._last_event())

    def _last_event(self) -> float:
        """The latest moment stored, so run time never runs backwards past what is recorded."""
        latest = 0.0
        for span in (*self._segments[-1:], *self._pauses[-1:]):
            latest = max(latest, span.start, span.end or 0.0)
        return latest

    def _wall_at(self, run_time: float) -> datetime:
        assert self._started_wall is not None
        return self._started_wall + timedelta(seconds=run_time)

    def _actual(self, index: int, now: float) -> float:
        return sum(s.length(now) for s in self._segments if s.item == index)

    def _open(self) -> Span | None:
        if self.state is RunState.RUNNING:
            return self._segments[-1]
        if self.state is RunState.PAUSED:
            return self._pauses[-1]
        return None

    # ----- actions -----

    def start(self) -> None:
        """Begin the run now, whatever the slot time, with the first item."""
        if self.state is not RunState.BEFORE_START:
            return
        self.current_index = 0
        self._epoch = self._monotonic()
        self._started_wall = self._wall()
        if self.rehearsal:
            self._slot_start = self._started_wall
        self._segments.append(Span(self.current_index, 0.0))
        self._visited.add(self.current_index)
        self.state = RunState.RUNNING
        if self.auto_rebalance:
            self.apply_rebalance()

    def next(self) -> None:
        """Move to the next item (nothing happens on the last: finishing is its own action)."""
        self.jump(min(self.current_index + 1, len(self.session.items) - 1))

    def previous(self) -> None:
        """Move back an item; its time carries on from what it had."""
        self.jump(max(self.current_index - 1, 0))

    def jump(self, index: int) -> None:
        """Move to any item. A pause stays a pause: moving does not resume it."""
        if not 0 <= index < len(self.session.items):
            raise IndexError(f"there is no agenda item {index + 1}")
        if index == self.current_index or self.state is RunState.FINISHED:
            return
        if self.state is RunState.RUNNING:
            now = self._run_time()
            self._segments[-1].end = now
            self._segments.append(Span(index, now))
        self.current_index = index
        if self.state is not RunState.BEFORE_START:
            self._visited.add(index)
            if self.auto_rebalance:
                self.apply_rebalance()

    def pause(self) -> None:
        """Stop the item's time; the pause lasts until `resume`, whatever else happens."""
        if self.state is RunState.RUNNING:
            self._switch_to(RunState.PAUSED)

    def resume(self) -> None:
        """End the pause; the current item's time carries on."""
        if self.state is RunState.PAUSED:
            self._switch_to(RunState.RUNNING)

    def _switch_to(self, state: RunState) -> None:
        """End the stretch under way now (the item's time or a pause) and begin the other."""
        now = self._run_time()
        open_span = self._open()
        assert open_span is not None
        open_span.end = now
        spans = self._pauses if state is RunState.PAUSED else self._segments
        spans.append(Span(self.current_index, now))
        self.state = state

    def toggle_pause(self) -> None:
        if self.state is RunState.RUNNING:
            self.pause()
        elif self.state is RunState.PAUSED:
            self.resume()

    def lengthen(self, minutes: int = 1) -> None:
        """Give the current item more minutes (the file's plan is not changed)."""
        if self.state is not RunState.FINISHED and minutes > 0:
            self._planned[self.current_index] += minutes

    def shorten(self, minutes: int = 1) -> None:
        """Take minutes off the current item, down to one minute."""
        if self.state is RunState.FINISHED or minutes <= 0:
            return
        planned = self._planned[self.current_index]
        self._planned[self.current_index] = max(min(planned, 1.0), planned - minutes)

    def reset_item(self) -> None:
        """Start the current item's countdown again from its planned minutes.

        The time already spent stays in the recorded timings; only the countdown restarts.
        """
        if self.state is RunState.FINISHED:
            return
        index = self.current_index
        self._planned[index] = float(self.session.items[index].minutes)
        self._reset_at[index] = self._actual(index, self._run_time())

    def finish(self) -> None:
        """End the run now (a pause under way ends with it)."""
        if not self.state.in_progress:
            return
        now = self._run_time()
        span = self._open()
        if span is not None:
            span.end = now
        self._finished_at = now
        self.state = RunState.FINISHED

    # ----- what the screens show -----

    def _rest(self) -> list[int]:
        """Items still to come: after the current one and not yet done."""
        done = self._done()
        return [j for j in range(self.current_index + 1, len(self.session.items)) if not done[j]]

    def _done(self) -> list[bool]:
        finished = self.state is RunState.FINISHED
        return [
            i in self._visited and (finished or i != self.current_index)
            for i in range(len(self.session.items))
        ]

    def _item_figures(self, now: float) -> tuple[float, float, float, float]:
        """Planned, elapsed, remaining and overrun seconds of the current item."""
        index = self.current_index
        planned = self._planned[index] * 60
        elapsed = max(0.0, self._actual(index, now) - self._reset_at[index])
        return planned, elapsed, max(0.0, planned - elapsed), max(0.0, elapsed - planned)

    def _rest_begins(self, wall_now: datetime, remaining: float) -> datetime:
        """When the items after the current one would begin if it ends on plan from now."""
        if self.state is RunState.BEFORE_START:
            current = self._planned[self.current_index] * 60
            start = self._slot_start_at(wall_now)
            return max(wall_now, start) + timedelta(seconds=current)
        return wall_now + timedelta(seconds=remaining)

    def view(self) -> RunView:
        """The whole state at this moment, worked out from the stored timestamps."""
        wall_now = self._wall()
        now = self._run_time()
        planned, elapsed, remaining, overrun = self._item_figures(now)
        if self.state is RunState.FINISHED:
            forecast = self._wall_at(now)
        else:
            rest = sum(self._planned[j] for j in self._rest()) * 60
            forecast = self._rest_begins(wall_now, remaining) + timedelta(seconds=rest)
        soon = soon_threshold(planned, self.session.soon_percent, self.session.soon_minutes)
        level = warning_level(remaining, overrun, soon)
        if not self.state.in_progress:
            level = WarningLevel.ON_TIME
        slot_start = self._slot_start_at(wall_now)
        slot_end = slot_start + timedelta(minutes=self.session.length)
        planned_finish = slot_start + timedelta(minutes=self.session.planned_minutes)
        until_start = 0.0
        if self.state is RunState.BEFORE_START:
            until_start = max(0.0, (slot_start - wall_now).total_seconds())
        return RunView(
            state=self.state,
            now=wall_now,
            current_index=self.current_index,
            item_planned=planned,
            item_elapsed=elapsed,
            item_remaining=remaining,
            item_overrun=overrun,
            warning=level,
            until_start=until_start,
            slot_start=slot_start,
            slot_end=slot_end,
            slot_remaining=(slot_end - wall_now).total_seconds(),
            forecast_finish=forecast,
            ahead_behind=(planned_finish - forecast).total_seconds(),
            session_elapsed=now,
            paused_total=sum(p.length(now) for p in self._pauses),
            planned_minutes=tuple(self._planned),
            actual_seconds=tuple(self._actual(i, now) for i in range(len(self.session.items))),
            done=tuple(self._done()),
            planned_finish=planned_finish,
            sections=self.sections,
        )

    # ----- rebalancing -----

    def rebalance_proposal(self) -> Rebalance | None:
        """New minutes for the flexible items still to come so the session ends on time.

        The aim is the slot end, or the plan's own end if the plan is shorter than the slot.
        Items done, the item under way (the facilitator's to lengthen or shorten) and fixed
        items keep their minutes; the others share the time (see `propose_rebalance`). None
        when within half a minute of the aim.
        """
        from presenter.timing.rebalance import propose_rebalance

        if self.state is RunState.FINISHED:
            return None
        wall_now = self._wall()
        remaining = self._item_figures(self._run_time())[2]
        aim = min(self.session.planned_minutes, self.session.length)
        return propose_rebalance(
            self.session.items,
            self._planned,
            self._rest(),
            begins=self._rest_begins(wall_now, remaining),
            ends_at=self._slot_start_at(wall_now) + timedelta(minutes=aim),
        )

    def apply_rebalance(self) -> None:
        """Take the current proposal (the session's own plan is not changed)."""
        proposal = self.rebalance_proposal()
        if proposal is not None:
            self._planned = list(proposal.minutes)

    # ----- the record -----

    def timings(self) -> list[ItemTiming]:
        """For each item: its plan, its actual time, when it began and ended, and its pauses."""
        now = self._run_time()
        started = self._started_wall is not None
        records = []
        for index, item in enumerate(self.session.items):
            segments = [s for s in self._segments if s.item == index]
            under_way = index == self.current_index and self.state is not RunState.FINISHED
            ended = None
            if started and segments and not under_way:
                ended = self._wall_at(segments[-1].end if segments[-1].end is not None else now)
            records.append(
                ItemTiming(
                    index=index,
                    title=item.title,
                    planned_minutes=float(item.minutes),
                    actual_seconds=self._actual(index, now),
                    started_at=self._wall_at(segments[0].start) if segments else None,
                    ended_at=ended,
                    pauses=tuple(
                        (
                            self._wall_at(p.start),
                            None if p.end is None else self._wall_at(p.end),
                        )
                        for p in self._pauses
                        if p.item == index
                    ),
                    adjusted_minutes=self._planned[index],
                )
            )
        return records

    # ----- saving and restoring (see `snapshot.py`) -----

    def snapshot(self) -> dict[str, Any]:
        """The whole run state as plain JSON-safe values, anchored to both clocks."""
        return take_snapshot(self)

    @classmethod
    def restore(
        cls,
        session: Session,
        snapshot: dict[str, Any],
        *,
        monotonic: Callable[[], float],
        wall: Callable[[], datetime],
    ) -> RunClock:
        """Continue a run from `snapshot`, counting the time since it was taken."""
        return restore_clock(cls, session, snapshot, monotonic=monotonic, wall=wall)
