"""Two real screens: the offscreen platform is given a laptop and a projector, and the real
windows are driven through swap, one-screen mode and unplugging the projector.

A QApplication is made once per process and this suite's has one screen, so the windows are
built in a process of their own (two_screens_driver.py), started with the offscreen plugin's
screen configuration file: QT_QPA_PLATFORM=offscreen:configfile=PATH, a JSON object whose
"screens" list gives each screen's "name", "x", "y", "width", "height", "logicalDpi",
"logicalBaseDpi" and "dpr" (the first is the primary screen), beside "windowFrameMargins" and
"synchronousWindowSystemEvents" (as read by Qt 6's qoffscreenintegration.cpp).
"windowFrameMargins" is off but in one setup: there the plugin draws two-pixel frames, and the
windows' geometry (frame included, as the driver reports it) is compared to the screens'. Each setup runs twice, with the window
system's events queued (as real platforms deliver them) and delivered at once.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QRect

from presenter.ui.audience.screens import fit_inside, plan_screens

ROOT = Path(__file__).resolve().parents[2]
DRIVER = Path(__file__).with_name("two_screens_driver.py")


def _screen(name: str, x: int, width: int, height: int) -> dict:
    return {
        "name": name,
        "x": x,
        "y": 0,
        "width": width,
        "height": height,
        "logicalDpi": 96,
        "logicalBaseDpi": 96,
        "dpr": 1.0,
    }


# A 1366-px laptop is the narrowest common one: side by side, each window gets half of it.
SETUPS = {
    "1920 laptop": (_screen("laptop", 0, 1920, 1200), _screen("projector", 1920, 1920, 1080)),
    "1366 laptop": (_screen("laptop", 0, 1366, 768), _screen("projector", 1366, 1920, 1080)),
    "1366 laptop, framed windows": (
        _screen("laptop", 0, 1366, 768),
        _screen("projector", 1366, 1920, 1080),
    ),
}
# Windows with a frame and title bar, as a window manager gives them (the offscreen plugin's
# "windowFrameMargins"): the whole window, frame included, must fit the screen.
FRAMED = {"1366 laptop, framed windows"}


EVENTS = {"queued events": False, "immediate events": True}


class Run:
    def __init__(self, setup: str, steps: dict[str, dict]) -> None:
        self.setup = setup
        laptop, projector = SETUPS[setup]
        self.laptop = [laptop["x"], laptop["y"], laptop["width"], laptop["height"]]
        self.projector = [projector["x"], projector["y"], projector["width"], projector["height"]]
        self.steps = steps

    def step(self, name: str) -> dict:
        facts = self.steps[name]
        if "unavailable" in facts:
            pytest.skip(
                f"screens cannot be changed while the app runs here: {facts['unavailable']}"
            )
        return facts


@pytest.fixture(
    scope="module",
    params=[(setup, events) for setup in SETUPS for events in EVENTS],
    ids=lambda param: ", ".join(param),
)
def run(request, tmp_path_factory) -> Run:
    setup, events = request.param
    folder = tmp_path_factory.mktemp("two_screens")
    configuration = {
        "synchronousWindowSystemEvents": EVENTS[events],
        "windowFrameMargins": setup in FRAMED,
        "screens": list(SETUPS[setup]),
    }
    return Run(setup, drive(DRIVER, configuration, folder, with_config=True))


def drive(driver: Path, configuration: dict, folder: Path, *, with_config: bool) -> dict:
    """Run `driver` in a process of its own on the offscreen platform's screens described
    by `configuration`; its JSON lines, by step. The driver is given the data folder (after
    the configuration file's path, `with_config`)."""
    config = folder / "screens.json"
    config.write_text(json.dumps(configuration))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    result = subprocess.run(
        [sys.executable, str(driver), *([str(config)] if with_config else []), str(folder)],
        capture_output=True,
        text=True,
        env=env,
        timeout=90,
    )
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    return {line["step"]: line for line in lines}


def inside(rect: list[int], area: list[int]) -> bool:
    x, y, width, height = rect
    left, top, area_width, area_height = area
    return (
        left <= x
        and top <= y
        and x + width <= left + area_width
        and y + height <= top + area_height
    )


def test_the_offscreen_platform_has_both_screens(run):
    assert run.step("start")["screens"] == ["laptop", "projector"]


def test_at_the_start_the_audience_is_full_screen_on_the_projector(run):
    start = run.step("start")
    presenter, audience = start["presenter"], start["audience"]
    assert (presenter["screen"], presenter["full_screen"]) == ("laptop", False)
    assert presenter["geometry"] == run.laptop
    assert (audience["screen"], audience["full_screen"]) == ("projector", True)
    assert audience["geometry"] == run.projector
    assert presenter["visible"] and audience["visible"]
    assert start["full_screen_ticked"]


def test_a_framed_window_fits_its_screen_frame_and_all(run):
    """The frame and title bar are counted: the window's bottom edge is on the screen."""
    for step in ("start", "one screen", "swapped back", "started in one-screen mode"):
        presenter = run.step(step)["presenter"]
        frame, inside_frame = presenter["geometry"], presenter["inside"]
        assert inside(frame, run.laptop), (step, frame)
        assert inside(inside_frame, frame)
        if run.setup in FRAMED:
            assert inside_frame[3] < frame[3]  # the frame took its share of the height
            assert frame[1] + frame[3] == run.laptop[1] + run.laptop[3]  # down to the bottom
        else:
            assert inside_frame == frame


def test_swap_exchanges_the_screens_and_swapping_back_restores_them(run):
    swapped = run.step("swapped")
    presenter, audience = swapped["presenter"], swapped["audience"]
    assert (presenter["screen"], presenter["full_screen"]) == ("projector", False)
    assert presenter["geometry"] == run.projector
    assert (audience["screen"], audience["full_screen"]) == ("laptop", True)
    assert audience["geometry"] == run.laptop
    assert swapped["full_screen_ticked"]
    back = run.step("swapped back")
    for window in ("presenter", "audience"):
        assert back[window] == run.step("start")[window]


def _side_by_side_on_the_laptop(run: Run, facts: dict, *, swapped: bool) -> None:
    presenter, audience = facts["presenter"], facts["audience"]
    assert presenter["screen"] == audience["screen"] == "laptop"
    assert presenter["visible"] and audience["visible"]
    assert not presenter["full_screen"] and not audience["full_screen"]
    assert not facts["full_screen_ticked"]
    for window in (presenter, audience):
        assert inside(window["geometry"], run.laptop), (window, run.laptop)
        assert window["geometry"][3] == run.laptop[3]  # the screen's full height
    left, right = (audience, presenter) if swapped else (presenter, audience)
    laptop_x, _, laptop_width, _ = run.laptop
    assert left["geometry"][0] == laptop_x
    assert right["geometry"][0] + right["geometry"][2] == laptop_x + laptop_width
    assert left["geometry"][0] < right["geometry"][0]
    assert audience["geometry"][2] >= laptop_width // 4  # the room's window is never a sliver
    # They meet without covering each other, each with half the screen.
    assert left["geometry"][0] + left["geometry"][2] == right["geometry"][0]
    assert abs(presenter["geometry"][2] - audience["geometry"][2]) <= 1


def test_one_screen_mode_puts_both_side_by_side_on_the_laptop(run):
    _side_by_side_on_the_laptop(run, run.step("one screen"), swapped=False)


def test_swap_in_one_screen_mode_exchanges_the_sides(run):
    _side_by_side_on_the_laptop(run, run.step("one screen swapped"), swapped=True)


def test_starting_in_one_screen_mode_puts_both_side_by_side_on_the_laptop(run):
    started = run.step("started in one-screen mode")
    _side_by_side_on_the_laptop(run, started, swapped=False)
    for window in ("presenter", "audience"):  # as when the mode is turned on later
        assert started[window] == run.step("one screen")[window]


def test_leaving_one_screen_mode_puts_the_audience_back_full_screen_on_the_projector(run):
    off = run.step("one screen off")
    for window in ("presenter", "audience"):
        assert off[window] == run.step("start")[window]
    assert off["full_screen_ticked"]


def test_unplugging_the_projector_brings_the_audience_window_beside_the_presenter(run):
    unplugged = run.step("unplugged")
    assert unplugged["screens"] == ["laptop"]
    _side_by_side_on_the_laptop(run, unplugged, swapped=False)
    for window in ("presenter", "audience"):  # as in one-screen mode
        assert unplugged[window] == run.step("one screen")[window]


def test_unplugging_the_projector_the_presenter_window_was_on_brings_it_back_beside(run):
    """On the projector the window was laid out for a big screen; back on the laptop it still
    takes only its half, whatever its big-screen layout needed."""
    unplugged = run.step("unplugged while swapped")
    assert unplugged["screens"] == ["laptop"]
    _side_by_side_on_the_laptop(run, unplugged, swapped=True)


def test_plugging_the_projector_back_in_puts_the_audience_full_screen_on_it(run):
    plugged = run.step("plugged in")
    assert plugged["screens"] == ["laptop", "projector"]
    for window in ("presenter", "audience"):
        assert plugged[window] == run.step("start")[window]
    assert plugged["full_screen_ticked"]


# The rule behind the side-by-side sizes, from rectangles alone.


def test_side_by_side_the_presenter_gets_its_minimum_width_and_the_audience_the_rest():
    laptop = QRect(0, 0, 1920, 1200)
    plan = plan_screens([laptop], 0, presenter_min_width=1081)
    assert plan.presenter_rect == QRect(0, 0, 1081, 1200)
    assert plan.audience_rect == QRect(1081, 0, 839, 1200)
    swapped = plan_screens([laptop], 0, swapped=True, presenter_min_width=1081)
    assert swapped.audience_rect == QRect(0, 0, 839, 1200)
    assert swapped.presenter_rect == QRect(839, 0, 1081, 1200)


def test_side_by_side_the_audience_keeps_a_quarter_of_a_narrow_screen():
    plan = plan_screens([QRect(0, 0, 1366, 768)], 0, presenter_min_width=1081)
    assert plan.audience_rect == QRect(1025, 0, 341, 768)


def test_a_window_too_wide_for_its_place_is_moved_back_onto_the_screen():
    laptop = QRect(0, 0, 1366, 768)
    assert fit_inside(QRect(683, 0, 1081, 768), laptop) == QRect(285, 0, 1081, 768)
    assert fit_inside(QRect(0, 0, 683, 768), laptop) == QRect(0, 0, 683, 768)
    assert fit_inside(QRect(100, 0, 2000, 768), laptop) == QRect(0, 0, 2000, 768)
