"""The presenter window fits the screens people have: half of a 1366x768 laptop side by side,
the whole laptop screen, and a 1920x1080 screen. Title bar and borders included, nothing
is off screen; each case leaves a screenshot in the test's folder for the record.
"""

from __future__ import annotations

import shutil

from tests.realwindow.desktop import Geometry


def record(x, tmp_path, name: str) -> None:
    """Keep a screenshot; PRESENTER_TEST_SHOTS=FOLDER also copies it there."""
    import os

    shot = x.screenshot(tmp_path / f"{name}.png")
    folder = os.environ.get("PRESENTER_TEST_SHOTS")
    if folder:
        shutil.copy(shot, os.path.join(folder, shot.name))
    print(f"screenshot: {shot}")


def overlap(a: Geometry, b: Geometry) -> bool:
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom


def test_side_by_side_on_a_laptop_each_window_fits_its_half(laptop, start_app, tmp_path):
    app = start_app(laptop, "--one-screen")
    presenter = laptop.frame_geometry(app.presenter)
    audience = laptop.frame_geometry(app.audience)
    record(laptop, tmp_path, "side-by-side-1366x768")
    assert presenter.inside(laptop.root), f"presenter window {presenter} is off the screen"
    assert audience.inside(laptop.root), f"audience window {audience} is off the screen"
    assert not overlap(presenter, audience), f"{presenter} and {audience} overlap"
    assert presenter.width <= laptop.width // 2 + 1


def test_full_screen_on_a_laptop(laptop, start_app, tmp_path):
    app = start_app(laptop)
    laptop.activate(app.presenter)
    laptop.key("F11")
    app.wait_for(
        "the presenter window to fill the 1366x768 screen (F11)",
        lambda: laptop.geometry(app.presenter) == laptop.root,
    )
    record(laptop, tmp_path, "presenter-1366x768")


def test_fits_a_full_hd_screen(full_hd, start_app, tmp_path):
    app = start_app(full_hd)
    presenter = full_hd.frame_geometry(app.presenter)
    record(full_hd, tmp_path, "windows-1920x1080")
    assert presenter.inside(full_hd.root), f"presenter window {presenter} is off the screen"
    assert full_hd.frame_geometry(app.audience).inside(full_hd.root)
