"""Both windows draw something: a grab is not one flat colour."""

from __future__ import annotations

from PySide6.QtGui import QImage


def distinct_colours(image: QImage, step: int = 7) -> int:
    return len(
        {
            image.pixel(x, y)
            for x in range(0, image.width(), step)
            for y in range(0, image.height(), step)
        }
    )


def test_windows_are_not_blank(windows, clock, tmp_path):
    windows.presenter.resize(1280, 800)
    windows.audience.resize(1280, 720)
    arrival = tmp_path / "arrival.png"
    assert windows.audience.grab().save(str(arrival))
    windows.registry.trigger("next")
    clock.advance(200)
    windows.controller.refresh()
    presenter = tmp_path / "presenter.png"
    item = tmp_path / "item.png"
    assert windows.presenter.grab().save(str(presenter))
    assert windows.audience.grab().save(str(item))
    for path in (arrival, presenter, item):
        image = QImage(str(path))
        assert image.width() >= 1280
        assert distinct_colours(image) > 20, f"{path.name} looks blank"
