"""Fitting points into a placeholder: set a little smaller, or continue on a "(cont.)" slide.

Widths are measured with the bundled font metrics (see `metrics`), never guessed from the
number of characters, and python-pptx's `fit_text` (which needs the font files) is not used.
"""

from __future__ import annotations

from dataclasses import dataclass

from presenter.deck.metrics import EMU_PER_POINT, FontMetrics
from presenter.deck.style import TextStyle
from presenter.deck.text import plain_text

# Text is set no smaller than this share of the template's size, and never under SMALLEST.
SHRINK_LIMIT = 0.75
SMALLEST = 16.0
STEP = 2.0
# Room kept spare in case a renderer sets lines a little taller than measured.
SAFETY = 0.94


@dataclass(frozen=True)
class Page:
    """The points that go on one slide, and the size they are set in (points)."""

    points: tuple[str, ...]
    size: float


@dataclass(frozen=True)
class Box:
    """The room a placeholder gives its text, in EMU, and the style it sets text in."""

    width: int
    height: int
    style: TextStyle

    @property
    def text_width(self) -> int:
        return self.style.text_width(self.width)

    @property
    def text_height_pt(self) -> float:
        return self.style.text_height(self.height) / EMU_PER_POINT * SAFETY


def sizes(style: TextStyle, limit: float = SHRINK_LIMIT) -> list[float]:
    """The sizes to try, from the template's own size down to the smallest allowed."""
    floor = min(style.size, max(SMALLEST, style.size * limit))
    found = []
    size = style.size
    while size >= floor - 0.01:
        found.append(round(size, 1))
        size -= STEP
    return found


def text_height(points: list[str], box: Box, size: float, metrics: FontMetrics) -> float:
    """The height in points that `points` take at `size`, as wrapped lines and paragraph gaps."""
    style = box.style
    bold = style.bold
    lines = sum(len(metrics.wrap(plain_text(p), box.text_width, size, bold=bold)) for p in points)
    gaps = max(0, len(points) - 1) * style.space_before * size / style.size
    return lines * style.line_height(size) + gaps


def fits(points: list[str], box: Box, size: float, metrics: FontMetrics) -> bool:
    return text_height(points, box, size, metrics) <= box.text_height_pt


def fit_points(points: tuple[str, ...], box: Box, metrics: FontMetrics) -> list[Page]:
    """One page if the points fit at some allowed size (the largest that fits); otherwise
    pages at the template's size, each holding as many whole points as it can."""
    if not points:
        return [Page((), box.style.size)]
    for size in sizes(box.style):
        if fits(list(points), box, size, metrics):
            return [Page(tuple(points), size)]
    size = box.style.size
    pages: list[Page] = []
    current: list[str] = []
    for point in _pieces(points, box, metrics):
        if current and not fits([*current, point], box, size, metrics):
            pages.append(_page(current, box, metrics))
            current = []
        current.append(point)
    if current:
        pages.append(_page(current, box, metrics))
    return _no_orphan(pages, box, metrics)


def _no_orphan(pages: list[Page], box: Box, metrics: FontMetrics) -> list[Page]:
    """A "(cont.)" slide left with one point takes the point before it along, when the slide
    before keeps two or more (or is the item's first slide) and the two fit together."""
    if len(pages) < 2 or len(pages[-1].points) != 1:
        return pages
    before = list(pages[-2].points)
    keeps = 1 if len(pages) == 2 else 2
    moved = [before[-1], *pages[-1].points]
    if len(before) - 1 < keeps or not fits(moved, box, sizes(box.style)[-1], metrics):
        return pages
    return [*pages[:-2], _page(before[:-1], box, metrics), _page(moved, box, metrics)]


def _page(points: list[str], box: Box, metrics: FontMetrics) -> Page:
    for size in sizes(box.style):
        if fits(points, box, size, metrics):
            return Page(tuple(points), size)
    return Page(tuple(points), sizes(box.style)[-1])


def _pieces(points: tuple[str, ...], box: Box, metrics: FontMetrics) -> list[str]:
    """Points too long for a whole slide even at the smallest size, cut at line ends."""
    smallest = sizes(box.style)[-1]
    pieces: list[str] = []
    for point in points:
        if fits([point], box, smallest, metrics):
            pieces.append(point)
            continue
        lines = metrics.wrap(plain_text(point), box.text_width, smallest)
        per_slide = max(1, int(box.text_height_pt // box.style.line_height(smallest)))
        for start in range(0, len(lines), per_slide):
            pieces.append(" ".join(lines[start : start + per_slide]))
    return pieces


# Titles and title-slide lines have no "(cont.)" slide to go to, so they may shrink further.
TITLE_SHRINK_LIMIT = 0.5


def fit_title(lines: list[str], box: Box, metrics: FontMetrics) -> float | None:
    """The largest allowed size at which the lines fit their placeholder, or None when
    they do not fit even at the smallest size."""
    for size in sizes(box.style, TITLE_SHRINK_LIMIT):
        if fits(lines, box, size, metrics):
            return size
    return None
