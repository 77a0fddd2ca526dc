"""Reading screenshots: pixels, WCAG contrast, and the contrast of the text on a picture.

The WCAG maths is `tests/contrast.py`, shared with the offscreen theme tests.

A screenshot is loaded with Qt's QImage (already installed with the app; no display
needed) and kept as plain RGB bytes, so the rest is standard-library Python.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from tests.contrast import AA_NORMAL_TEXT, RGB, contrast_ratio
from tests.realwindow.desktop import Geometry

AA_CONTRAST = AA_NORMAL_TEXT  # WCAG 2 AA, normal text


class Picture:
    """An RGB picture: a screenshot, or a part of one."""

    def __init__(self, width: int, height: int, data: bytes) -> None:
        self.width, self.height, self.data = width, height, data

    @classmethod
    def load(cls, path: Path) -> Picture:
        from PySide6.QtGui import QImage

        image = QImage(str(path))
        if image.isNull():
            raise AssertionError(f"{path}: not a picture Qt can read")
        image = image.convertToFormat(QImage.Format.Format_RGB888)
        width, height, stride = image.width(), image.height(), image.bytesPerLine()
        raw = bytes(image.constBits())
        rows = b"".join(raw[y * stride : y * stride + width * 3] for y in range(height))
        return cls(width, height, rows)

    def save(self, path: Path) -> Path:
        from PySide6.QtGui import QImage

        image = QImage(
            self.data, self.width, self.height, self.width * 3, QImage.Format.Format_RGB888
        )
        image.save(str(path))
        return path

    def pixel(self, x: int, y: int) -> RGB:
        i = (y * self.width + x) * 3
        return self.data[i], self.data[i + 1], self.data[i + 2]

    def crop(self, area: Geometry) -> Picture:
        x0, y0 = max(0, area.x), max(0, area.y)
        x1, y1 = min(self.width, area.right), min(self.height, area.bottom)
        rows = b"".join(
            self.data[(y * self.width + x0) * 3 : (y * self.width + x1) * 3] for y in range(y0, y1)
        )
        return Picture(x1 - x0, y1 - y0, rows)

    def colours(self) -> Counter[RGB]:
        d = self.data
        return Counter(zip(d[0::3], d[1::3], d[2::3], strict=True))

    def share_of(self, colour: RGB, tolerance: int = 8) -> float:
        """How much of the picture is (within `tolerance` per channel) this colour."""
        total = self.width * self.height
        near = sum(
            n
            for c, n in self.colours().items()
            if all(abs(a - b) <= tolerance for a, b in zip(c, colour, strict=True))
        )
        return near / total if total else 0.0


# -- the contrast of text ---------------------------------------------------------------------

FLAT_RUN = 10  # a row of this many equal pixels is a surface, not a letter
SURFACE_SHARE = 0.03  # a colour covering this share of a picture in flat runs is a surface
MIN_INK = 1.04  # a pixel this far (contrast) from its surface is drawn on it


def hex_colour(rgb: RGB) -> str:
    return "#" + "".join(f"{c:02x}" for c in rgb)


@dataclass
class Word:
    """Marks drawn close together on one surface: a word, usually."""

    left: int
    top: int
    right: int
    bottom: int
    pixels: int
    background: RGB
    ink: RGB
    contrast: float

    def describe(self) -> str:
        return (
            f"{self.contrast:.2f}:1 at ({self.left},{self.top})-({self.right},{self.bottom}): "
            f"{hex_colour(self.ink)} on {hex_colour(self.background)}"
        )


def text_contrasts(picture: Picture) -> list[Word]:
    """Every word-like mark on the picture with the contrast of its ink against its surface.

    A surface is any colour that runs flat along a row for FLAT_RUN pixels (backgrounds,
    button faces, even gradient rows). A pixel that is not on a surface takes as its
    background the nearest surface pixel in its row or column; if it stands out from it,
    it is ink. Ink pixels close together make a word; a word's contrast is that of its
    strongest ink pixel (the core of a letter's stroke, not its anti-aliased edge).
    Left out: thin straight lines (borders, frames), big round outlines, and icons (marks
    in several colours, or compact marks in a strong colour)."""
    w, h = picture.width, picture.height
    px = [picture.pixel(x, y) for y in range(h) for x in range(w)]
    flat = bytearray(w * h)
    for y in range(h):
        row = y * w
        start = 0
        for x in range(1, w + 1):
            if x == w or px[row + x] != px[row + start]:
                if x - start >= FLAT_RUN:
                    flat[row + start : row + x] = b"\x01" * (x - start)
                start = x
    # A colour that makes up a good share of the picture in runs is a surface wherever it
    # shows, even in a gap too narrow to be a run (between two buttons): it is never ink.
    in_runs = Counter(px[i] for i in range(w * h) if flat[i])
    surfaces = {colour for colour, n in in_runs.items() if n >= SURFACE_SHARE * w * h}
    for i, colour in enumerate(px):
        if colour in surfaces:
            flat[i] = 1
    background: dict[int, RGB] = {}
    for y in range(h):
        for x in range(w):
            i = y * w + x
            if not flat[i]:
                surface = _nearest_surface(px, flat, w, h, x, y)
                if surface is not None and contrast_ratio(px[i], surface) >= MIN_INK:
                    background[i] = surface
    words: list[Word] = []
    icons: list[tuple[int, int, int, int]] = []
    seen: set[int] = set()
    for start in background:
        if start in seen:
            continue
        group, stack = [], [start]
        seen.add(start)
        while stack:  # marks close together on a line belong together
            i = stack.pop()
            group.append(i)
            x, y = i % w, i // w
            for dy in range(-1, 2):
                for dx in range(-3, 4):
                    nx, ny = x + dx, y + dy
                    j = ny * w + nx
                    if 0 <= nx < w and 0 <= ny < h and j in background and j not in seen:
                        seen.add(j)
                        stack.append(j)
        word = _word(group, px, background, w)
        if isinstance(word, Word):
            words.append(word)
        elif word is not None:
            icons.append(word)
    return [word for word in words if not any(_within(word, icon) for icon in icons)]


def _one_ink(group: list[int], px, surface: RGB, ink: RGB) -> bool:
    """Text is one colour blended into its surface at the edges: every pixel lies near the
    line from the surface colour to the ink colour. An icon has colours off that line."""
    direction = [a - b for a, b in zip(ink, surface, strict=True)]
    length = sum(d * d for d in direction) or 1
    off = 0
    for i in group:
        offset = [a - b for a, b in zip(px[i], surface, strict=True)]
        t = max(0.0, min(1.0, sum(o * d for o, d in zip(offset, direction, strict=True)) / length))
        distance = sum((o - t * d) ** 2 for o, d in zip(offset, direction, strict=True)) ** 0.5
        off += distance > 48
    return off <= 0.2 * len(group)


def _straight_lines(group: list[int], w: int, left: int, top: int, width: int, height: int) -> bool:
    """Marks that are only straight lines, running the group's whole height in the same columns
    (or its whole width in the same rows): frames and edges, where letters vary row by row."""
    if height < 12 and width < 12:
        return False
    cells = {(i % w - left, i // w - top) for i in group}
    columns = {x for x, _ in cells}
    rows = {y for _, y in cells}
    full_columns = {
        x for x in columns if sum((x, y) in cells for y in range(height)) >= 0.8 * height
    }
    full_rows = {y for y in rows if sum((x, y) in cells for x in range(width)) >= 0.8 * width}
    in_full_columns = sum(x in full_columns for x, _ in cells)
    in_full_rows = sum(y in full_rows for _, y in cells)
    return max(in_full_columns, in_full_rows) >= 0.85 * len(cells)


def _within(word: Word, box: tuple[int, int, int, int]) -> bool:
    left, top, right, bottom = box
    return (
        word.left >= left - 2
        and word.top >= top - 2
        and word.right <= right + 2
        and word.bottom <= bottom + 2
    )


def _nearest_surface(px, flat, w, h, x, y) -> RGB | None:
    for step in range(1, max(w, h)):
        for nx, ny in ((x - step, y), (x + step, y), (x, y - step), (x, y + step)):
            if 0 <= nx < w and 0 <= ny < h and flat[ny * w + nx]:
                return px[ny * w + nx]
        if step > 40:
            return None
    return None


def _word(group: list[int], px, background, w) -> Word | tuple[int, int, int, int] | None:
    """The word the marks make, or the box of an icon (what is drawn in it is not text)."""
    xs = [i % w for i in group]
    ys = [i // w for i in group]
    left, right, top, bottom = min(xs), max(xs) + 1, min(ys), max(ys) + 1
    width, height = right - left, bottom - top
    if len(group) < 6 or height < 4:
        return None  # a speck: a full stop on its own, a corner of a frame
    if (width <= 3 and height > 12) or (height <= 3 and width > 12):
        return None  # a border or a frame's side
    if _straight_lines(group, w, left, top, width, height):
        return None  # two borders side by side, a frame's corner
    if width <= 5 and height >= 3 * width:
        return None  # a thin upright mark on its own: a header's edge or a slider, not a word
    roundish = 28 <= width <= 80 and 28 <= height <= 80 and 0.6 <= width / height <= 1.6
    if roundish and len(group) < 0.5 * width * height:
        return (left, top, right, bottom)  # an icon's outline, or a frame around something
    surface = Counter(background[i] for i in group).most_common(1)[0][0]
    strongest = max(group, key=lambda i: contrast_ratio(px[i], surface))
    ink = px[strongest]
    if not _one_ink(group, px, surface, ink):
        return (left, top, right, bottom)  # many colours: a picture (an icon), not text
    if max(ink) - min(ink) > 60 and width < 2 * height:
        return (left, top, right, bottom)  # a compact coloured mark: a part of an icon
    return Word(
        left,
        top,
        right,
        bottom,
        len(group),
        surface,
        px[strongest],
        contrast_ratio(px[strongest], surface),
    )
