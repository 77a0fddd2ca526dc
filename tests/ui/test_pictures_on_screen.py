"""Pictures on the audience screen and in the presenter's previews: in proportion at any size,
hidden by the black and white screens, alt text in place of a file that went missing."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QAccessible, QColor, QImage
from PySide6.QtWidgets import QApplication

from presenter.agenda.model import AgendaItem, Picture, Session
from presenter.ui.audience.picture_view import best_grid
from presenter.ui.shared.pictures import CACHE
from tests.ui.picture_helpers import WIDE, colour_box, make_picture


def grab(windows) -> QImage:
    QApplication.processEvents()
    return windows.audience.grab().toImage()


def in_proportion(box: QRect, shape=WIDE) -> bool:
    """The drawn box has the picture's shape, within a pixel and a half of its height."""
    return abs(box.height() - box.width() * shape[1] / shape[0]) <= 1.5


@pytest.fixture
def illustrated(tmp_path):
    """A session whose second item has a wide picture beside its points, the third a picture
    and no points, with a poster of its own for the arrival screen."""
    make_picture(tmp_path / "images" / "icons.png")
    make_picture(tmp_path / "images" / "poster.png", (300, 400))
    return Session(
        "Twitter hour",
        (
            AgendaItem("Welcome", 5, points=("Who we are",)),
            AgendaItem(
                "What the icons mean",
                10,
                points=("Reply", "Repost", "Like"),
                pictures=(Picture("images/icons.png", "The reply, repost and like icons"),),
            ),
            AgendaItem(
                "Who to follow",
                10,
                pictures=(Picture("images/icons.png", "How one account leads to others"),),
            ),
        ),
        picture=Picture("images/poster.png", "The session's poster"),
        folder=str(tmp_path),
    )


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_a_picture_beside_the_points_keeps_its_shape_at_each_size(make_windows, illustrated, size):
    windows = make_windows(illustrated)
    windows.audience.resize(*size)
    windows.registry.trigger("next")
    windows.registry.trigger("next")
    box = colour_box(grab(windows))
    assert box is not None
    assert in_proportion(box), box
    points = windows.audience.item.points.points
    beside = points.mapTo(windows.audience, points.rect().topRight()).x()
    assert box.left() > beside  # beside the points, not over them
    assert box.right() < size[0] and box.width() > size[0] // 3  # large, inside the window


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
def test_a_picture_with_no_points_is_large_under_the_title(make_windows, illustrated, size):
    windows = make_windows(illustrated)
    windows.audience.resize(*size)
    for _ in range(3):
        windows.registry.trigger("next")
    box = colour_box(grab(windows))
    assert box is not None and in_proportion(box), box
    title = windows.audience.item.points.title
    assert box.top() > title.mapTo(windows.audience, title.rect().bottomLeft()).y()
    assert box.width() > size[0] * 0.6  # the width of the screen, less its margins


def test_a_window_taller_than_wide_puts_the_picture_below_the_points(make_windows, illustrated):
    windows = make_windows(illustrated)
    windows.audience.resize(600, 900)
    windows.registry.trigger("next")
    windows.registry.trigger("next")
    box = colour_box(grab(windows))
    points = windows.audience.item.points.points
    assert box is not None and in_proportion(box)
    assert box.top() > points.mapTo(windows.audience, points.rect().topLeft()).y()
    assert box.left() < points.mapTo(windows.audience, points.rect().topRight()).x()


def test_an_item_without_pictures_shows_none(make_windows, illustrated):
    windows = make_windows(illustrated)
    windows.registry.trigger("next")
    assert colour_box(grab(windows)) is None
    windows.registry.trigger("next")
    assert colour_box(grab(windows)) is not None
    windows.registry.trigger("previous")
    assert colour_box(grab(windows)) is None


def test_black_and_white_screens_hide_the_picture(make_windows, illustrated):
    windows = make_windows(illustrated)
    windows.registry.trigger("next")
    windows.registry.trigger("next")
    assert colour_box(grab(windows)) is not None
    windows.registry.trigger("blackout")
    assert colour_box(grab(windows)) is None
    windows.registry.trigger("whiteout")
    assert colour_box(grab(windows)) is None
    windows.registry.trigger("whiteout")
    assert colour_box(grab(windows)) is not None


def test_the_arrival_screen_shows_the_sessions_own_picture(make_windows, illustrated):
    windows = make_windows(illustrated)
    windows.audience.resize(1366, 768)
    assert windows.audience.page_name() == "arrival"
    box = colour_box(grab(windows))
    assert box is not None and in_proportion(box, (300, 400)), box
    view = windows.audience.arrival.picture.shown_views()[0]
    assert view.accessibleName() == "The session's poster"


def test_no_arrival_picture_without_one_in_the_session(make_windows, illustrated):
    import dataclasses

    windows = make_windows(dataclasses.replace(illustrated, picture=None))
    assert colour_box(grab(windows)) is None
    assert windows.audience.arrival.picture is None  # nothing made for it


def test_the_picture_carries_its_alt_text_for_screen_readers(make_windows, illustrated):
    windows = make_windows(illustrated)
    windows.registry.trigger("next")
    windows.registry.trigger("next")
    (view,) = windows.audience.item.pictures.shown_views()
    assert view.accessibleName() == "The reply, repost and like icons"
    assert "The reply, repost and like icons" in view.accessibleDescription()
    told = QAccessible.queryAccessibleInterface(view)  # what a screen reader is given
    assert told.text(QAccessible.Text.Name) == "The reply, repost and like icons"


@pytest.mark.parametrize("damage", ["missing", "not a picture", "cut short"])
def test_a_picture_file_gone_or_broken_after_loading_shows_its_alt_text(
    make_windows, illustrated, tmp_path, damage
):
    windows = make_windows(illustrated)
    windows.audience.resize(1366, 768)
    picture = tmp_path / "images" / "icons.png"
    if damage == "missing":
        picture.unlink()
    elif damage == "not a picture":
        picture.write_text("this is not a picture\n")
    else:
        picture.write_bytes(picture.read_bytes()[:200])
    windows.registry.trigger("next")
    windows.registry.trigger("next")
    image = grab(windows)
    assert colour_box(image) is None
    (view,) = windows.audience.item.pictures.shown_views()
    assert view.showing_alt_text()
    assert view.drawn is None
    assert view.accessibleName() == "The reply, repost and like icons"
    # The alt text is written where the picture would be: the space is not empty.
    space = QRect(view.mapTo(windows.audience, view.rect().topLeft()), view.size())
    inside = space.adjusted(8, 8, -8, -8)
    colours = {
        image.pixel(x, y)
        for y in range(inside.top(), inside.bottom(), 2)
        for x in range(inside.left(), inside.right(), 2)
    }
    assert len(colours) > 2  # the background, the text and its smoothed edges


def test_clock_ticks_do_not_decode_the_picture_again(make_windows, illustrated, clock):
    windows = make_windows(illustrated)
    windows.audience.resize(1366, 768)
    windows.registry.trigger("next")
    windows.registry.trigger("next")
    windows.registry.trigger("audience_countdown")
    grab(windows)
    decoded = CACHE.decoded
    for _ in range(5):
        clock.advance(1)
        windows.controller.refresh()
        grab(windows)
    assert CACHE.decoded == decoded
    windows.audience.resize(1920, 1080)  # a new size is decoded once, at that size
    box = colour_box(grab(windows))
    assert CACHE.decoded == decoded + 1
    (view,) = windows.audience.item.pictures.shown_views()
    assert view.drawn.size() == box.size()  # drawn one pixel for one pixel: crisp


def test_several_pictures_each_keep_their_shape_and_do_not_overlap(make_windows, tmp_path):
    make_picture(tmp_path / "a.png")
    make_picture(tmp_path / "b.png", (200, 400), QColor("#00aaff"))
    session = Session(
        "Pictures",
        (
            AgendaItem(
                "Two",
                5,
                points=("One point",),
                pictures=(Picture("a.png", "Wide"), Picture("b.png", "Tall")),
            ),
        ),
        folder=str(tmp_path),
    )
    windows = make_windows(session)
    windows.audience.resize(1366, 768)
    windows.registry.trigger("next")
    image = grab(windows)
    wide, tall = colour_box(image), colour_box(image, QColor("#00aaff"))
    assert wide is not None and tall is not None
    assert in_proportion(wide) and in_proportion(tall, (200, 400))
    assert not wide.intersects(tall)


def test_the_grid_gives_the_pictures_the_most_room():
    wide, tall = QSize(500, 200), QSize(200, 400)
    assert best_grid([wide, wide], QSize(600, 600)) == (2, 1)  # one above the other
    assert best_grid([tall, tall], QSize(600, 600)) == (1, 2)  # side by side
    assert best_grid([wide] * 4, QSize(1000, 400)) == (2, 2)
    assert best_grid([wide], QSize(300, 300)) == (1, 1)


def test_the_room_sees_the_picture_in_its_miniature(make_windows, illustrated, qtbot):
    windows = make_windows(illustrated)
    windows.registry.trigger("next")
    windows.registry.trigger("next")
    preview = windows.presenter.current_points
    QApplication.processEvents()
    qtbot.waitUntil(lambda: not preview._due.isActive())
    box = colour_box(preview.miniature.picture.toImage())
    assert box is not None and abs(box.height() - box.width() * 2 / 5) <= 2
    windows.registry.trigger("blackout")
    QApplication.processEvents()
    qtbot.waitUntil(lambda: not preview._due.isActive())
    assert colour_box(preview.miniature.picture.toImage()) is None


def test_next_shows_the_next_items_picture_as_a_thumbnail(make_windows, illustrated):
    windows = make_windows(illustrated)
    windows.registry.trigger("next")  # Welcome; next is the item with the picture
    following = windows.presenter.next_points
    QApplication.processEvents()
    assert following.title.text() == "What the icons mean"
    thumbnails = following.thumbnails
    assert thumbnails is not None and thumbnails.isVisible()
    box = colour_box(following.grab().toImage())
    assert box is not None and in_proportion(box)
    assert box.height() <= thumbnails.height()  # a thumbnail, under the title
    (view,) = thumbnails.shown_views()
    assert view.accessibleName() == "The reply, repost and like icons"
    windows.registry.trigger("next")
    windows.registry.trigger("next")  # the last item: nothing next
    QApplication.processEvents()
    assert thumbnails.isHidden()
    assert colour_box(following.grab().toImage()) is None


PICTURE_CODE = (
    "import sys\n"
    "from datetime import datetime\n"
    "from pathlib import Path\n"
    "from PySide6.QtWidgets import QApplication\n"
    "from presenter.agenda.model import AgendaItem, Picture, Session\n"
    "from presenter.ui.run.run_windows import RunWindows\n"
    "from presenter.ui.shared.settings import Settings\n"
    "app = QApplication([])\n"
    "folder = Path(sys.argv[1])\n"
    "pictures = (Picture('a.png', 'A'),) if sys.argv[2] == 'yes' else ()\n"
    "session = Session('S', (AgendaItem('One', 5, pictures=pictures),), folder=str(folder))\n"
    "windows = RunWindows(session, settings=Settings(folder / 'settings.ini'),\n"
    "    monotonic=lambda: 1.0, wall=lambda: datetime(2026, 1, 1, 11, 55),\n"
    "    data_dir=folder / 'data', check_in=False)\n"
    "windows.show()\n"
    "app.processEvents()\n"
    "print(sorted(m for m in sys.modules if 'picture' in m))\n"
)


@pytest.mark.parametrize("with_pictures", ["no", "yes"])
def test_the_picture_code_is_loaded_only_for_a_session_with_pictures(tmp_path, with_pictures):
    done = subprocess.run(
        [sys.executable, "-c", PICTURE_CODE, str(tmp_path), with_pictures],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode == 0, done.stderr
    loaded = done.stdout.strip()
    if with_pictures == "no":
        assert loaded == "[]"  # start-up costs the same as before pictures
    else:
        assert "presenter.ui.audience.picture_view" in loaded


def test_the_decoded_pictures_kept_stay_within_their_budget(tmp_path):
    from presenter.ui.shared.pictures import PictureCache

    make_picture(tmp_path / "a.png")
    cache = PictureCache(limit=3 * 500 * 200 * 4)  # room for three at full size
    for width in (500, 400, 300, 250, 200):
        assert cache.image(str(tmp_path / "a.png"), QSize(width, width * 2 // 5)) is not None
    assert 0 < cache.kept <= cache.limit
    assert cache.image(str(tmp_path / "a.png"), QSize(200, 80)) is not None  # kept: no decode
    assert cache.decoded == 5
