"""When an item's time is up the countdown flashes once, its colour and words change, the room's
countdown changes with it, and a chime sounds if it was turned on."""

from __future__ import annotations

from presenter.ui.shared.settings import Settings


def run_to_the_end_of_the_first_item(windows, clock, session, seconds_after: float) -> None:
    windows.registry.trigger("next")
    clock.advance(session.items[0].minutes * 60 - 1)
    windows.controller.refresh()
    clock.advance(1 + seconds_after)
    windows.controller.refresh()


def test_the_countdown_flashes_once_when_the_time_is_up(windows, clock, session, qtbot):
    countdown = windows.presenter.countdown
    flashes = []
    countdown.times_up.connect(lambda: flashes.append(True))
    windows.registry.trigger("next")
    clock.advance(session.items[0].minutes * 60 - 1)
    windows.controller.refresh()
    assert not countdown.flashing
    assert countdown.warning.text() != "Time's up"
    clock.advance(1)
    windows.controller.refresh()
    assert countdown.flashing
    assert countdown.warning.text() == "Time's up"
    assert countdown.property("warning") == "due"
    assert flashes == [True]
    qtbot.waitUntil(lambda: not countdown.flashing)
    clock.advance(1)
    windows.controller.refresh()
    assert not countdown.flashing  # once, not every second
    assert flashes == [True]
    assert countdown.property("warning") == "due"  # the colour stays


def test_jumping_to_an_item_already_over_does_not_flash(windows, clock, session, qtbot):
    countdown = windows.presenter.countdown
    run_to_the_end_of_the_first_item(windows, clock, session, 120)
    qtbot.waitUntil(lambda: not countdown.flashing)
    windows.registry.trigger("next")
    windows.registry.trigger("previous")
    windows.controller.refresh()
    assert countdown.property("warning") == "over"
    assert not countdown.flashing


def test_the_rooms_countdown_changes_with_it(windows, clock, session):
    windows.registry.trigger("audience_countdown")
    run_to_the_end_of_the_first_item(windows, clock, session, 0)
    room = windows.audience.item.countdown
    assert room.text().startswith("Time's up")
    assert room.property("warning") == "due"
    clock.advance(120)
    windows.controller.refresh()
    assert room.property("warning") == "over"
    assert room.text() == "Time's up · +2:00"


def test_no_chime_unless_turned_on(windows, clock, session):
    chimes = []
    windows.chime = lambda: chimes.append(True)
    assert not windows.registry.action("times_up_chime").isChecked()
    run_to_the_end_of_the_first_item(windows, clock, session, 0)
    assert chimes == []


def test_the_chime_sounds_once_when_turned_on_and_is_remembered(
    make_windows, session, clock, settings
):
    windows = make_windows(session)
    chimes = []
    windows.chime = lambda: chimes.append(True)
    windows.registry.trigger("times_up_chime")
    assert Settings(settings.path).times_up_chime
    run_to_the_end_of_the_first_item(windows, clock, session, 0)
    clock.advance(5)
    windows.controller.refresh()
    assert chimes == [True]
    again = make_windows(session)
    assert again.registry.action("times_up_chime").isChecked()
