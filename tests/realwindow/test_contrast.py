"""Every dialog of a run is readable: its text at least 4.5:1 against its background (WCAG
AA), measured on the screen's pixels, in the dark theme and in the light theme.

The app runs with `--no-check-in` so that the keys reach the run whatever the focus model
does (that has its own tests); what is measured here is only what the dialogs look like.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.contrast import relative_luminance as luminance
from tests.realwindow.desktop import App, Geometry, XServer
from tests.realwindow.pixels import AA_CONTRAST, Picture, Word, text_contrasts

THEMES = ("dark", "light")


def choose_theme(data_dir: Path, theme: str) -> None:
    """Start the app in `theme`, as if it had been chosen in the View menu last time.

    The one place that knows how the choice is remembered: `[view] theme=` in
    settings.ini in the data folder."""
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "settings.ini").write_text(f"[view]\ntheme={theme}\n", encoding="utf-8")


def mean_luminance(picture: Picture) -> float:
    colours = picture.colours()
    total = sum(colours.values())
    return sum(luminance(c) * n for c, n in colours.items()) / total


def drawn_on(picture: Picture, word: Word) -> bool:
    """Whether `picture` had anything but one flat colour where `word` is (or next to it)."""
    area = Geometry(
        word.left - 2, word.top - 2, word.right - word.left + 4, word.bottom - word.top + 4
    )
    return len(picture.crop(area).colours()) > 1


def unreadable(words: list[Word]) -> list[Word]:
    return sorted((w for w in words if w.contrast < AA_CONTRAST), key=lambda w: w.contrast)


class DialogCamera:
    """Opens a dialog by its keys, photographs it, measures it and closes it."""

    def __init__(self, x: XServer, app: App, folder: Path) -> None:
        self.x, self.app, self.folder = x, app, folder
        self.problems: dict[str, list[str]] = {}
        self.measured: list[str] = []

    def measure(
        self,
        name: str,
        area: Geometry,
        beneath: tuple[Picture, ...] = (),
        shot: Path | None = None,
    ) -> None:
        """Measure the text in `area`. With `beneath` (the same area before an overlay
        covered it, and after it went), a faint mark where the window beneath had something
        drawn in either picture is that window showing through, not the overlay's text.
        Two pictures, because the countdown beneath may tick while the overlay is shown."""
        if shot is None:
            shot = self.x.screenshot(self.folder / f"{name}-screen.png")
        picture = Picture.load(shot).crop(area)
        picture.save(self.folder / f"{name}.png")
        words = text_contrasts(picture)
        self.measured.append(name)
        if not words:
            self.problems[name] = ["no text found on it"]
            return
        bad = [w for w in unreadable(words) if not any(drawn_on(b, w) for b in beneath)]
        if bad:
            self.problems[name] = [w.describe() for w in bad[:5]]

    def dialog(self, name: str, title: str, *keys: str) -> None:
        self.x.activate(self.app.presenter)
        self.x.key(*keys)
        window = self.app.wait_for_window(title, f"the {name} dialog ({' '.join(keys)})")
        self.x.activate(window)
        # Wait until it is drawn: its inside is no longer one flat colour.
        area = self.x.geometry(window)
        self.app.wait_for(
            f"the {name} dialog to be drawn",
            lambda: (
                len(Picture.load(self.x.screenshot(self.folder / "probe.png")).crop(area).colours())
                > 8
            ),
        )
        self.measure(name, self.x.geometry(window))
        self.x.key("Escape")
        self.app.wait_for_window_gone(window, f"the {name} dialog to close on Esc")


@pytest.mark.parametrize("theme", THEMES)
def test_every_dialog_is_readable(theme, laptop, start_app, tmp_path):
    data = tmp_path / "data"
    choose_theme(data, theme)
    app = start_app(laptop, "--no-check-in", data_dir=data)
    camera = DialogCamera(laptop, app, tmp_path)
    window = laptop.geometry(app.presenter)
    first = Picture.load(laptop.screenshot(tmp_path / "window.png")).crop(window)
    brightness = mean_luminance(first)
    if theme == "light":
        assert brightness > 0.5, f"the light theme did not take: mean luminance {brightness:.2f}"
    else:
        assert brightness < 0.3, f"the dark theme did not take: mean luminance {brightness:.2f}"

    laptop.activate(app.presenter)
    laptop.key("Right")
    app.wait_for_saves(1, "Right")
    camera.dialog("jump", "^jump", "j")
    camera.dialog("end", "^end the session", "ctrl+shift+e")
    camera.dialog("quit", "^quit", "ctrl+q")
    laptop.key("plus", "plus", "plus", "plus", "plus")  # ten minutes over: behind
    app.wait_for_saves(6, "lengthening the item five times")
    camera.dialog("rebalance", "^rebalance", "r")

    laptop.activate(app.presenter)
    before = Picture.load(laptop.screenshot(tmp_path / "before-help.png")).crop(window)
    laptop.key("F1")

    def help_shown() -> Picture | None:
        now = Picture.load(laptop.screenshot(tmp_path / "probe.png")).crop(window)
        changed = sum(1 for i in range(0, len(now.data), 3 * 97) if now.data[i] != before.data[i])
        return now if changed > 0.3 * len(now.data) / (3 * 97) else None

    app.wait_for("the key list (F1) to cover the presenter window", help_shown)
    shot = laptop.screenshot(tmp_path / "help-screen.png")
    laptop.key("Escape")
    app.wait_for("the key list to close on Esc", lambda: help_shown() is None)
    after = Picture.load(laptop.screenshot(tmp_path / "after-help.png")).crop(window)
    camera.measure("help", window, beneath=(before, after), shot=shot)

    assert camera.measured == ["jump", "end", "quit", "rebalance", "help"]
    assert not camera.problems, (
        f"text below {AA_CONTRAST}:1 in the {theme} theme (pictures in {tmp_path}):\n"
        + "\n".join(f"  {name}: " + "; ".join(lines) for name, lines in camera.problems.items())
    )
