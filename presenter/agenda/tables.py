"""An item's table: read from a GFM table, written back as one, and said as points.

A table is rows of cells, the header row first (`AgendaItem.table`). A session file holds it
as a GitHub-flavoured Markdown table under the item's heading, its cells as written; the
audience screen shows each row under the header as one point ("Heart: Like").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the audience screen uses this module without loading the parser
    from markdown_it.token import Token

Table = tuple[tuple[str, ...], ...]
ONE_TABLE = (
    "this item has a table already and an item shows one, so this table is kept as "
    "points; move it to an item (or slide) of its own to show it as a table"
)


def table_cells(children: list[Token], cell_text: Callable[[Token], str] | None = None) -> Table:
    """The rows of a parsed GFM table (the tokens inside `table_open`), header first.

    `cell_text` turns a cell's inline token into its text; by default the cell as written,
    with `\\|` (a pipe inside a cell) read as `|`."""
    rows: list[tuple[str, ...]] = []
    cells: list[str] = []
    for token in children:
        if token.type == "tr_open":
            cells = []
        elif token.type == "inline":
            cells.append(cell_text(token) if cell_text else _as_written(token.content))
        elif token.type == "tr_close":
            rows.append(tuple(cells))
    return tuple(rows)


def _as_written(content: str) -> str:
    return content.replace("\\|", "|").strip()


def gfm_lines(table: Table) -> list[str]:
    """The table as GFM lines: header, the `| --- |` line, then the other rows, each as wide
    as the widest row (GFM gives every row the header's number of cells)."""
    if not table:
        return []
    width = max(len(row) for row in table)

    def line(cells: tuple[str, ...]) -> str:
        padded = [cell.replace("|", "\\|") for cell in cells] + [""] * (width - len(cells))
        return "| " + " | ".join(padded) + " |"

    header, *rows = table
    return [line(header), "|" + "|".join([" --- "] * width) + "|", *(line(r) for r in rows)]


def table_points(table: Table) -> tuple[str, ...]:
    """The table's rows as points for the audience screen, read against the header.

    Two columns read "Heart: Like"; more read "Heart — Meaning: Like, Count: 3" (each cell
    after the first with its column's heading); one column is the cell alone. Empty cells
    are left out. A table of a header alone shows the header's cells as one point."""
    if not table:
        return ()
    header, *rows = table
    if not rows:
        return (" — ".join(cell for cell in header if cell),)
    return tuple(point for point in (_row_point(header, row) for row in rows) if point)


def _row_point(header: tuple[str, ...], row: tuple[str, ...]) -> str:
    first, *rest = row or ("",)
    if len(row) <= 2:
        return ": ".join(cell for cell in row if cell)
    labelled = [
        f"{header[n + 1]}: {cell}" if n + 1 < len(header) and header[n + 1] else cell
        for n, cell in enumerate(rest)
        if cell
    ]
    after = ", ".join(labelled)
    return " — ".join(part for part in (first, after) if part)
