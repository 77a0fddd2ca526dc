"""A projector that copies the laptop's screen: the facilitator is warned, and can show the
room's screen alone, so notes and names are never on show.

The offscreen platform is given two screens with the same geometry (what a mirrored projector
looks like to Qt), or two side by side (an extended desktop), in a process of its own as in
test_two_screens.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.test_two_screens import _screen, drive

ROOT = Path(__file__).resolve().parents[2]
DRIVER = Path(__file__).with_name("mirrored_driver.py")

SETUPS = {
    "mirrored": (_screen("laptop", 0, 1366, 768), _screen("projector", 0, 1366, 768)),
    "extended": (_screen("laptop", 0, 1366, 768), _screen("projector", 1366, 1920, 1080)),
}


def drive_setup(setup: str, folder: Path) -> dict[str, dict]:
    configuration = {
        "synchronousWindowSystemEvents": True,
        "windowFrameMargins": False,
        "screens": list(SETUPS[setup]),
    }
    return drive(DRIVER, configuration, folder, with_config=False)


@pytest.fixture(scope="module")
def mirrored(tmp_path_factory):
    return drive_setup("mirrored", tmp_path_factory.mktemp("mirrored"))


def test_both_screens_are_seen(mirrored):
    assert mirrored["screens"]["names"] == ["laptop", "projector"]


def test_a_mirrored_projector_is_named_in_a_warning(mirrored):
    start = mirrored["start"]
    assert start["sharing"] == "mirrored"
    assert "projector copies this screen" in start["banner"]
    assert "the room sees your notes and names" in start["banner"]
    # Without the warning the room sees the names: they are on the presenter window.
    assert start["name_on_screen"] in start["presenter_text"]
    assert "Greet" in start["presenter_text"]  # and the notes


def test_audience_only_leaves_nothing_private_on_the_laptop(mirrored):
    alone = mirrored["audience only"]
    assert not alone["presenter_visible"]
    assert alone["audience_visible"] and alone["audience_full_screen"]
    assert alone["presenter_text"] == ""
    assert alone["name_on_screen"] not in alone["audience_text"]
    assert "Welcome" in alone["audience_text"]  # the room still sees the session


def test_the_presenter_window_comes_back_and_the_warning_is_not_repeated(mirrored):
    again = mirrored["both windows again"]
    assert again["presenter_visible"]
    assert again["banner"] == ""


def test_names_and_notes_never_reach_the_audience_window(mirrored):
    for step in ("start", "audience only", "both windows again"):
        facts = mirrored[step]
        assert facts["name_on_screen"] not in facts["audience_text"]
        assert "Greet" not in facts["audience_text"]  # the first item's notes


def test_an_extended_desktop_gives_no_warning(tmp_path):
    start = drive_setup("extended", tmp_path)["start"]
    assert start["sharing"] == ""
    assert start["banner"] == ""
    assert start["audience_screen"] == "projector"
