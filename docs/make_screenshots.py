"""Regenerate the screenshots in docs/ from real windows, as a facilitator sees them.

    .venv/bin/python docs/make_screenshots.py [--out FOLDER]

Runs the installed app on an Xvfb screen with openbox (the tools of the real-window tests:
xvfb, openbox, xdotool, x11-utils, imagemagick), once at 1366x768 and once at 1920x1080,
with four people checked in on the command line first, and drives it with xdotool:
the arrival screen before the start, then the third item with the countdown shown to the
room. Writes, in FOLDER (docs/ by default):

    audience-arrival.png   the audience window before the start (1366x768)
    presenter-window.png   the presenter window on the third item (1366x768)
    audience-item.png      the audience window on the third item, countdown shown (1366x768)
    presenter-window-1920x1080.png
                           the presenter window beside the audience window on a 1920x1080 screen

The clock is the computer's. For the README's pictures it is set to just before the slot with
libfaketime (Debian's `faketime`), so the arrival screen counts down and the run is on time:

    faketime -f "@2026-11-25 11:59:30" .venv/bin/python docs/make_screenshots.py
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # for reading the pictures only

from tests.realwindow.desktop import App, XServer, cli, missing_tools  # noqa: E402
from tests.realwindow.pixels import Picture  # noqa: E402

PEOPLE = (
    ("Sam Patel", "App installed,Username ready"),
    ("Ana Costa", "App installed"),
    ("Jo Bloggs", ""),
    ("Priya Shah", "App installed,Username ready"),
)


def check_in_people(data_dir: Path) -> None:
    made = cli(data_dir, "runs", "new", "twitter-hour", "--venue", "Library")
    if made.returncode != 0:
        raise SystemExit(f"could not make the run: {made.stderr.strip()}")
    for name, ready in PEOPLE:
        args = ["checkin", "latest", name] + (["--ready", ready] if ready else [])
        done = cli(data_dir, *args)
        if done.returncode != 0:
            raise SystemExit(f"could not check in {name}: {done.stderr.strip()}")


def shoot(x: XServer, folder: Path, out: Path, size: str, *, laptop: bool) -> None:
    data = folder / f"data-{size}"
    data.mkdir(parents=True)
    (data / "settings.ini").write_text("[audience]\ncountdown=true\n", encoding="utf-8")
    check_in_people(data)
    app = App(x, data)
    try:
        app.start()
        x.activate(app.presenter)
        screen = Picture.load(x.screenshot(folder / "screen.png"))
        if laptop:
            write(screen.crop(x.geometry(app.audience)), out / "audience-arrival.png")
        for step in range(3):  # Page Down, as a clicker sends: start, then two items on
            x.key("Next")
            app.wait_for_saves(step + 1, "Page Down")
        x.click(*x.geometry(app.presenter).point(0.5, 0.02))  # the menu bar: nothing opens
        x.key("Escape")
        screen = Picture.load(x.screenshot(folder / "screen.png"))
        presenter = screen.crop(x.geometry(app.presenter))
        if laptop:
            write(presenter, out / "presenter-window.png")
            write(screen.crop(x.geometry(app.audience)), out / "audience-item.png")
        else:
            write(presenter, out / f"presenter-window-{size}.png")
    finally:
        app.stop()


def write(picture: Picture, path: Path) -> None:
    picture.save(path)
    print(f"wrote {path}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE, help="where to write (docs/)")
    args = parser.parse_args(argv)
    missing = missing_tools()
    if missing:
        print(f"make_screenshots: install {', '.join(missing)} first", file=sys.stderr)
        return 2
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        for width, height in ((1366, 768), (1920, 1080)):
            size = f"{width}x{height}"
            x = XServer(width, height, folder / f"x-{size}").start()
            try:
                shoot(x, folder, args.out, size, laptop=width == 1366)
            finally:
                x.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
