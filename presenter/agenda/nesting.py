"""Nested points: a list inside a list item is read as points one level deeper, and written
back indented under the point before, so a session keeps its outline both ways."""

from __future__ import annotations

from markdown_it.token import Token

from presenter.agenda.blocks import is_list, list_item_text, top_level_blocks

INDENT = "  "  # one level deeper: under the text of a `- ` bullet


def nested_points(children: list[Token], body_lines: list[str]) -> list[tuple[str, int]]:
    """Each item of a list block (the tokens inside it) and of the lists nested in it, as
    written, with how deep it is (0 for the top level)."""
    found: list[tuple[str, int]] = []
    _collect(children, body_lines, 0, found)
    return found


def _collect(children: list[Token], body_lines: list[str], depth: int, found: list) -> None:
    for opening, inner in top_level_blocks(children):
        if opening.type != "list_item_open" or not opening.map:
            continue
        start, end = opening.map
        nested = [(o, c) for o, c in top_level_blocks(inner[:-1]) if is_list(o) and o.map]
        gone = {n for o, _ in nested for n in range(*o.map)}
        own = [body_lines[n] for n in range(start, min(end, len(body_lines))) if n not in gone]
        found.append((list_item_text(own) if own else "", depth))
        for _opening, lists in nested:
            _collect(lists, body_lines, depth + 1, found)


def point_lines(point: str, level: int) -> list[str]:
    """A point as list lines at its level: `- ` then the text, later lines under the text."""
    outer = INDENT * level
    first, *rest = point.split("\n")
    # Later lines line up with the first line's text, as CommonMark reads them.
    lead = len(first) - len(first.lstrip(" "))
    indent = outer + " " * (2 + (lead if lead <= 3 and first.strip() else 0))
    return [f"{outer}- {first}", *(f"{indent}{line}" if line else "" for line in rest)]


def tidy_levels(levels: list[int]) -> tuple[int, ...]:
    """Levels an outline can hold: the first point at the top, none more than one deeper
    than the point before it."""
    tidy: list[int] = []
    for level in levels:
        tidy.append(max(0, min(level, tidy[-1] + 1 if tidy else 0)))
    return tuple(tidy)
