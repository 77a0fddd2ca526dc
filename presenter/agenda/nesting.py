"""Nested points: a list inside a list item is read as points one level deeper, and written
back indented under the point before, so a session keeps its outline both ways."""

from __future__ import annotations

from markdown_it.token import Token

from presenter.agenda.blocks import is_list, list_item_text, top_level_blocks


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
        # A list that begins on the item's own line ("- 1. text") is the item's text.
        blocks = top_level_blocks(inner[:-1])
        nested = [(o, c) for o, c in blocks if is_list(o) and o.map and o.map[0] > start]
        gone = {n for o, _ in nested for n in range(*o.map)}
        own = [body_lines[n] for n in range(start, min(end, len(body_lines))) if n not in gone]
        found.append((list_item_text(own) if own else "", depth))
        for _opening, lists in nested:
            _collect(lists, body_lines, depth + 1, found)


def outline_lines(points: tuple[str, ...], levels: list[int]) -> list[str]:
    """Points as list lines: `- ` then the text, later lines under the text, and a deeper
    point's bullet under the text of the point it belongs to."""
    lines: list[str] = []
    columns: list[int] = []  # where the text of the latest point at each level begins
    for point, level in zip(points, levels, strict=True):
        outer = columns[level - 1] if 0 < level <= len(columns) else 0
        first, *rest = point.split("\n")
        # Later lines line up with the first line's text, as CommonMark reads them.
        lead = len(first) - len(first.lstrip(" "))
        column = outer + 2 + (lead if lead <= 3 and first.strip() else 0)
        del columns[level:]
        columns.append(column)
        lines.append(f"{' ' * outer}- {first}")
        lines.extend(f"{' ' * column}{line}" if line else "" for line in rest)
    return lines
