"""What a deck keeps beside its words: hidden slides, section markers and nested points.

Import: a point read from a slide remembers its paragraph's level (`point_at`), and a deck
made elsewhere has its notes read as prose (`prose_notes`). Export: a hidden item's slides
are hidden (`show="0"`), a section marker shows no time, and each point goes at its level.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from presenter.agenda.model import AgendaItem, Kind, tidy_levels

DEEPEST = 8  # PowerPoint's paragraph levels go from 0 to 8
# A line that ends mid-sentence followed by one that carries on in lower case: a hard wrap.
WRAPPED = re.compile(r"[^\s.!?:;…)\]\"”]\n[a-z(]")
LIST_LINE = re.compile(r"^\s*(?:[-*+•]|\d{1,9}[.)]|\[[ xX]\])\s")


class Point(str):
    """A point read from a slide, with how deep its paragraph is nested (0 = top level)."""

    level = 0


def point_at(text: str, level: int) -> str:
    """`text` as a point that remembers its paragraph's level."""
    point = Point(text)
    point.level = max(0, min(int(level or 0), DEEPEST))
    return point


def levels_of(points: Sequence[str]) -> tuple[int, ...]:
    """The levels of points read with `point_at` (0 for any other), as an outline holds them."""
    return tidy_levels([getattr(point, "level", 0) for point in points])


def with_more_points(item: AgendaItem, points: Sequence[str]) -> AgendaItem:
    """The item with a "(cont.)" slide's points after its own, each keeping its level."""
    levels = [item.level(i) for i in range(len(item.points))]
    levels += [getattr(point, "level", 0) for point in points]
    return replace(item, points=(*item.points, *points), levels=tidy_levels(levels))


def prose_notes(text: str) -> str:
    """Speaker notes from another tool read as prose, as a Markdown deck's are: the lines of
    a hard-wrapped paragraph joined, lists one item a line, checklists as "☐ item".

    Notes typed in PowerPoint put each paragraph on a line of its own, so lines are joined
    only when the notes show they were wrapped: a blank line between paragraphs, or a line
    that stops mid-sentence with the next carrying on in lower case."""
    # Only reading another tool's deck needs the Markdown parser: an export never loads it.
    from markdown_it import MarkdownIt

    from presenter.agenda.blocks import top_level_blocks
    from presenter.agenda.plain import prose

    text = text.strip()
    if not text:
        return ""
    if "\n\n" not in text and not WRAPPED.search(text):
        text = _lines_as_paragraphs(text)
    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    return prose(top_level_blocks(md.parse(text)))


def _lines_as_paragraphs(text: str) -> str:
    """Each line its own paragraph, a run of list lines kept together as one list."""
    parts: list[str] = []
    for line in text.split("\n"):
        if parts and LIST_LINE.match(line) and LIST_LINE.match(parts[-1].rsplit("\n", 1)[-1]):
            parts[-1] += "\n" + line
        else:
            parts.append(line)
    return "\n\n".join(parts)


# -- export ------------------------------------------------------------------------------------


def marked_slides(prs, item: AgendaItem, add_slides: Callable[[], None]) -> None:
    """Add an item's slides with `add_slides`; a hidden item's are hidden in the deck."""
    before = len(prs.slides)
    add_slides()
    if item.hidden:
        for slide in list(prs.slides)[before:]:
            slide._element.set("show", "0")


def on_section_layout(item: AgendaItem) -> bool:
    """Breaks and section markers go on the template's section layout."""
    return item.kind in (Kind.BREAK, Kind.SECTION)


def shown_time(item: AgendaItem, budget: str) -> list[str]:
    """The time line an item's slide shows: none for a section marker, which takes none."""
    return [] if item.kind is Kind.SECTION else [budget]


def leveled_points(item: AgendaItem) -> tuple[str, ...]:
    """The item's points, each remembering its level through the fitting onto slides."""
    return tuple(point_at(point, item.level(i)) for i, point in enumerate(item.points))


def set_level(paragraph, point: str) -> None:
    """A point's paragraph at its nesting level (the template's bullets for that level)."""
    if level := getattr(point, "level", 0):
        paragraph.level = min(level, DEEPEST)
