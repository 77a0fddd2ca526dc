"""A whole Twitter hour from arrival to thank-you, driven by keys and a fake clock."""

from __future__ import annotations

from presenter.timing import RunState
from presenter.ui.run.agenda_model import STATUS
from presenter.ui.shared.dialogs import ConfirmDialog


def test_a_whole_session(windows, clock, session, dialogs):
    dialogs.answer(ConfirmDialog, True)
    presenter, audience = windows.presenter, windows.audience
    seen = []

    # Arrivals: the room sees the countdown to the start.
    for _ in range(5):
        clock.advance(60)
        windows.controller.refresh()
        seen.append(audience.arrival.starts.text())
    assert seen[0] == "Starts in 4:00"
    assert audience.page_name() == "arrival"

    windows.registry.trigger("next")  # 12:00, the first item
    for index, item in enumerate(session.items):
        assert presenter.countdown.title.text() == item.title
        assert audience.item.points.title.text() == item.title
        clock.advance(item.minutes * 60 - 1)
        windows.controller.refresh()
        assert presenter.countdown.countdown.text() == "0:01"
        clock.advance(1)
        if index < len(session.items) - 1:
            windows.registry.trigger("next")
            assert presenter.agenda_model.index(index, STATUS).data() == "✓"
    windows.controller.refresh()
    assert presenter.slot_clock.time_of_day.text() == "13:00"
    assert presenter.slot_clock.pace.text() == "on plan"

    windows.registry.trigger("next")  # on the last item: asks, then ends
    assert windows.controller.state is RunState.FINISHED
    assert audience.page_name() == "finished"
    timings = windows.controller.clock.timings()
    assert [round(t.actual_seconds) for t in timings] == [i.minutes * 60 for i in session.items]


def test_a_run_that_overruns_shows_behind_and_a_late_finish(windows, clock, session):
    clock.advance(5 * 60)  # start on time at 12:00
    windows.registry.trigger("next")
    clock.advance(session.items[0].minutes * 60 + 4 * 60)
    windows.registry.trigger("next")
    windows.controller.refresh()
    slot = windows.presenter.slot_clock
    assert slot.pace.text() == "4 min behind"
    assert slot.pace.property("pace") == "late"
    assert slot.finish.text() == "13:04"
