"""At half a 1366x768 laptop (683 wide, side by side), on the whole laptop screen and on a
1920x1080 screen, nothing the facilitator reads during a run is cut off: the item's title,
its countdown and warning, the slot clock (time left in the slot, pace), the agenda's Start,
Item, Plan and Actual columns, the notes with the most room of all panels, and rows of the
check-in list (two at half the laptop, four from the whole laptop up).

The window is read from outside as a screen reader reads it, through AT-SPI: each control's
accessible name and where it is on the screen. A control counts as readable when it is
showing, has an area, and lies inside the window and inside the panel that holds it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.realwindow.accessibility import AccessibilityBus, Accessible, Tree, missing_accessibility
from tests.realwindow.desktop import App, Geometry, XServer, cli

PEOPLE = ("Ada Byron", "Ben Okafor", "Chen Wei", "Dana Kowalski", "Eve Murphy", "Femi Ade")
# The run's header and slot clock: each name is on a caption and/or its value.
READ_AT_A_GLANCE = (
    "Current item",
    "Time left in this item",
    "Warning",
    "Time",
    "Left in slot",
    "Forecast finish",
    "Pace",
)
AGENDA_COLUMNS = ("Start", "Item", "Plan", "Actual")
# Squeezed labels stay inside their panel but lose lines: at least this many pixels high
# (a line of the smallest text in them is about 20; the countdown's digits about 70).
MIN_HEIGHT = {"Time left in this item": 40}
LINE = 16


@pytest.fixture(scope="session")
def screen_reader_bus(laptop: XServer, tmp_path_factory) -> Iterator[AccessibilityBus]:
    missing = missing_accessibility()
    if missing:
        reason = f"reading the window needs {', '.join(missing)} (see .ci/run for the packages)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    bus = AccessibilityBus(tmp_path_factory.mktemp("a11y")).start(laptop)
    yield bus
    bus.stop()


def with_people_checked_in(data_dir: Path) -> Path:
    """A data folder with today's run of the bundled session and six people checked in."""
    made = cli(data_dir, "runs", "new", "twitter-hour", "--venue", "Seminar room")
    assert made.returncode == 0, made.stderr
    run = made.stdout.split(":")[0].split()[-1]  # "Run 1: Twitter hour · ..."
    for name in PEOPLE:
        done = cli(data_dir, "checkin", run, name)
        assert done.returncode == 0, done.stderr
    return data_dir


def inside(inner: Geometry, outer: Geometry) -> bool:
    return inner.inside(outer)


def read_window(bus: AccessibilityBus, x: XServer, app: App, size: Geometry) -> Tree:
    """The app's accessible tree once the presenter window has `size` and its layout has
    settled: two readings in a row put every object in the same place."""
    last: list[tuple] = []

    def probe() -> Tree | None:
        tree = bus.tree(x, app.pid)
        frames = [o for o in tree.objects if o.role == "frame" and "Twitter hour" in o.name]
        if not frames or frames[0].box is None or not tree.named("People checked in", "table"):
            return None
        box = frames[0].box
        if (box.width, box.height) != (size.width, size.height):
            return None
        # Places, not names: the countdown and the agenda's Actual column change every second,
        # and reading the whole tree over the accessibility bus can take as long.
        places = [(o.role, o.box, o.showing) for o in tree.descendants(frames[0])]
        settled = places == last
        last[:] = places
        return tree if settled else None

    return app.wait_for(f"the presenter window at {size.width}x{size.height} to be readable", probe)


def clipped(tree: Tree, accessible: Accessible, window: Geometry) -> str | None:
    """Why `accessible` cannot be read whole, or None when it can."""
    what = f"{accessible.role} {accessible.name!r}"
    if not accessible.seen:
        return f"{what} is not on the screen ({accessible.box}, showing={accessible.showing})"
    assert accessible.box is not None
    if not inside(accessible.box, window):
        return f"{what} at {accessible.box} goes past the window {window}"
    holder = tree.parent(accessible)
    while holder is not None and holder.box is None:
        holder = tree.parent(holder)
    if holder is not None and holder.box is not None and not inside(accessible.box, holder.box):
        return f"{what} at {accessible.box} is cut by its panel at {holder.box}"
    return None


def problems(tree: Tree, min_rows: int) -> list[str]:
    window = tree.frame("Twitter hour")
    assert window.box is not None
    found: list[str] = []

    for name in READ_AT_A_GLANCE:
        labels = tree.named(name, "label", within=window)
        if not labels:
            found.append(f"no label named {name!r}")
        found += [why for label in labels if (why := clipped(tree, label, window.box))]
        found += [
            f"label {name!r} is squeezed to {label.box.height} px high"
            for label in labels
            if label.seen and label.box.height < MIN_HEIGHT.get(name, LINE)
        ]

    agenda = tree.one("Agenda", "table", within=window)
    if why := clipped(tree, agenda, window.box):
        found.append(why)
    headers = {o.name: o for o in tree.children(agenda) if o.role == "table column header"}
    for column in AGENDA_COLUMNS:
        header = headers.get(column)
        if header is None:
            found.append(f"the agenda has no column {column!r}")
        elif not header.seen or not inside(header.box, agenda.box):
            found.append(f"the agenda's {column!r} column at {header.box} is not in view")
    cells = [o for o in tree.children(agenda) if o.role == "table cell" and o.seen]
    first = [o for o in cells if o.box.y == min(c.box.y for c in cells)] if cells else []
    if len(first) < len(AGENDA_COLUMNS):
        found.append(f"the agenda's first row shows {len(first)} of its columns whole")

    people = tree.one("People checked in", "table", within=window)
    rows = {
        o.box.y
        for o in tree.children(people)
        if o.role == "table cell" and o.name in PEOPLE and o.seen and inside(o.box, people.box)
    }
    if len(rows) < min_rows:
        found.append(f"the check-in list shows {len(rows)} whole rows, not {min_rows}")

    notes = tree.one("Speaker notes", within=window)
    previews = [o for o in tree.descendants(window) if o.name.startswith("The room sees ")]
    panels = [agenda, people, *previews]
    for panel in panels:
        if panel.area >= notes.area:
            found.append(
                f"the notes ({notes.box}) have less room than {panel.role} {panel.name!r}"
                f" ({panel.box})"
            )
    return found


def start_run(x: XServer, app: App) -> None:
    x.activate(app.presenter)
    x.key("Right")
    app.wait_for_saves(1, "Right (the session starts)")


def test_half_a_laptop_side_by_side(laptop, screen_reader_bus, start_app, tmp_path):
    data = with_people_checked_in(tmp_path / "data")
    app = start_app(laptop, "--one-screen", data_dir=data, env=screen_reader_bus.app_env())
    start_run(laptop, app)
    size = laptop.geometry(app.presenter)
    assert size.width <= laptop.width // 2
    tree = read_window(screen_reader_bus, laptop, app, size)
    laptop.screenshot(tmp_path / "half-laptop.png")
    found = problems(tree, min_rows=2)
    assert not found, "\n".join(found)
    assert "Traceback" not in app.output(), app.output()[-3000:]


def check_full_screen(x: XServer, bus, start_app, tmp_path, name: str) -> None:
    """The presenter window alone, full screen (F11), read whole with at least four people."""
    data = with_people_checked_in(tmp_path / "data")
    app = start_app(x, data_dir=data, env=bus.app_env())
    start_run(x, app)
    x.key("F11")
    app.wait_for(
        f"the presenter window to fill the {x.width}x{x.height} screen (F11)",
        lambda: x.geometry(app.presenter) == x.root,
    )
    tree = read_window(bus, x, app, x.root)
    x.screenshot(tmp_path / f"{name}.png")
    found = problems(tree, min_rows=4)
    assert not found, "\n".join(found)
    assert "Traceback" not in app.output(), app.output()[-3000:]


def test_whole_laptop_screen(laptop, screen_reader_bus, start_app, tmp_path):
    check_full_screen(laptop, screen_reader_bus, start_app, tmp_path, "laptop")


def test_full_hd_screen(full_hd, screen_reader_bus, start_app, tmp_path):
    check_full_screen(full_hd, screen_reader_bus, start_app, tmp_path, "full-hd")
