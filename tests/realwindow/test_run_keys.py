"""The run keys work whatever the facilitator last clicked in the presenter window.

For each place clicked (the agenda, the notes, the check-in list, the clock, the item's
title), every run key is pressed after a fresh click there, and its effect is read from
outside: the run clock's saved actions, the audience window's pixels, settings.ini.
"""

from __future__ import annotations

import pytest

from tests.realwindow.desktop import App, XServer
from tests.realwindow.pixels import Picture

APP_ARGS: tuple[str, ...] = ()  # with the check-in panel, whose name box wants the keys

# Where to click, as fractions of the presenter window (what is there at 683x768 today).
PLACES = {
    "agenda": (0.15, 0.72),
    "notes": (0.5, 0.86),
    "check-in list": (0.8, 0.93),
    "slot clock": (0.5, 0.33),
    "item title": (0.3, 0.12),
}


def audience_share(x: XServer, app: App, colour: tuple[int, int, int], path) -> float:
    shot = Picture.load(x.screenshot(path))
    return shot.crop(x.geometry(app.audience)).share_of(colour)


@pytest.mark.parametrize("place", list(PLACES))
def test_run_keys_work_after_a_click_anywhere(place, laptop, start_app, tmp_path):
    app = start_app(laptop, *APP_ARGS)
    window = laptop.geometry(app.presenter)
    laptop.activate(app.presenter)

    def press(key: str) -> None:
        laptop.click(*window.point(*PLACES[place]))
        laptop.key(key)

    expected = [
        ("Right", "start", 0, "running"),
        ("Right", "next", 1, "running"),
        ("Left", "previous", 0, "running"),
        ("p", "pause", 0, "paused"),
        ("p", "resume", 0, "running"),
        ("plus", "lengthen", 0, "running"),
        ("minus", "shorten", 0, "running"),
    ]
    for count, (key, action, item, state) in enumerate(expected, start=1):
        press(key)
        saves = app.wait_for_saves(count, f"a click on the {place} and {key}")
        last = saves[-1]
        assert (last.action, last.item, last.state) == (action, item, state), key
    planned = app.clock_saves()
    assert planned[-3].planned_minutes[0] + 1 == planned[-2].planned_minutes[0]

    black, white = (0, 0, 0), (255, 255, 255)
    shot = tmp_path / "audience.png"
    for key, colour in (("b", black), ("w", white)):
        press(key)
        app.wait_for(
            f"the audience screen to turn {key} after a click on the {place}",
            lambda colour=colour: audience_share(laptop, app, colour, shot) > 0.97,
        )
        press(key)
        app.wait_for(
            f"the audience screen to come back after {key} again",
            lambda colour=colour: audience_share(laptop, app, colour, shot) < 0.5,
        )

    press("c")
    app.wait_for(
        f"C after a click on the {place} to show the countdown to the room",
        lambda: app.setting("audience/countdown") == "true",
    )
    assert [s.action for s in app.clock_saves()] == [a for _, a, _, _ in expected], (
        "the audience keys moved the run"
    )


def test_a_clicker_moves_the_session_while_a_name_is_being_typed(laptop, start_app):
    """Page Down and Page Up (what clickers send) work even in the middle of a name, and
    the name is still there to finish."""
    app = start_app(laptop, *APP_ARGS)
    laptop.activate(app.presenter)
    laptop.key("Next")
    app.wait_for_saves(1, "Page Down")
    laptop.key("ctrl+i")
    laptop.type("Jo")
    laptop.key("Next")
    saves = app.wait_for_saves(2, "Page Down in the middle of a name")
    assert (saves[-1].action, saves[-1].item) == ("next", 1)
    laptop.key("Prior")
    saves = app.wait_for_saves(3, "Page Up in the middle of a name")
    assert (saves[-1].action, saves[-1].item) == ("previous", 0)
    laptop.type(" Bloggs")
    laptop.key("Return")
    assert app.wait_for("Jo Bloggs to be checked in", app.attendees) == [("Jo Bloggs", [])]
