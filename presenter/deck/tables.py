"""An item's table on its slide, and a table shape read back as an item's table.

The table goes in the item's body area under its points (or at the top when it has none),
set at the largest size at which it fits: beside points it takes at most `MOST_SHARE` of the
area, so the points keep room. A table too long even at the smallest size goes on over
"(cont.)" slides, its header row repeated. The header row is bold and marked as the header
(`firstRow`), so the template's table style and screen readers treat it as one.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pptx.util import Emu, Pt

from presenter.deck.agenda_table import row_height
from presenter.deck.fitting import Box, text_height
from presenter.deck.metrics import EMU_PER_POINT, FontMetrics
from presenter.deck.style import EMU_PER_INCH
from presenter.deck.text import Run, clean_text, plain_text, point_runs, runs_markdown

Table = tuple[tuple[str, ...], ...]
Area = tuple[int, int, int, int]  # left, top, width, height in EMU

TABLE_NAME = "Table"
SIZES = (20, 18, 16, 14, 12)
MOST_SHARE = 0.6
GAP = int(0.15 * EMU_PER_INCH)


@dataclass
class TablePlan:
    """Where an item's table goes: the rows on each of its slides, at one size."""

    columns: list[int] = field(default_factory=list)  # widths in EMU
    size: float = SIZES[0]
    pages: list[list[tuple[tuple[str, ...], int]]] = field(default_factory=list)  # (row, height)

    @property
    def count(self) -> int:
        """How many slides the table takes (0 for none)."""
        return len(self.pages)

    @property
    def reserved(self) -> int:
        """The height the tallest page of the table takes."""
        return max((sum(h for _, h in page) for page in self.pages), default=0)

    def points_height(self, height: int) -> int:
        """The room left for points in an area `height` tall, the table under them."""
        if not self.pages:
            return height
        return max(height - self.reserved - GAP, int(0.5 * EMU_PER_INCH))


def plan_table(table: Table, area: Area, metrics: FontMetrics, *, beside_points: bool) -> TablePlan:
    """The largest size at which `table` fits the area (its share of it beside points), or
    pages of rows at the smallest size when it fits at none."""
    if not table:
        return TablePlan()
    _left, _top, width, height = area
    count = max(len(row) for row in table)
    rows = [(*row, *[""] * (count - len(row))) for row in table]
    columns = [width // count] * count
    columns[-1] += width - sum(columns)
    limit = int(height * MOST_SHARE) if beside_points else height
    for size in SIZES:
        measured = [
            (row, _height(row, columns, size, metrics, n == 0)) for n, row in enumerate(rows)
        ]
        if sum(h for _, h in measured) <= limit or size == SIZES[-1]:
            break
    return TablePlan(columns, size, _pages(measured, limit))


def _height(row, columns: list[int], size: float, metrics: FontMetrics, header: bool) -> int:
    return max(
        row_height(metrics, plain_text(cell) or " ", width, size, bold=header)
        for cell, width in zip(row, columns, strict=True)
    )


def _pages(measured: list, limit: int) -> list[list]:
    """The rows cut into pages no taller than `limit`, each starting with the header row."""
    header, *rows = measured
    pages = [[header]]
    for row in rows:
        if len(pages[-1]) > 1 and sum(h for _, h in pages[-1]) + row[1] > limit:
            pages.append([header])
        pages[-1].append(row)
    return pages


def points_bottom(points: list[str], box: Box, size: float, metrics: FontMetrics, top: int) -> int:
    """Where the text of `points` ends in a box whose top is at `top`."""
    if not points:
        return top
    _left, inset_top, _right, inset_bottom = box.style.insets
    used = text_height(points, box, size, metrics) * EMU_PER_POINT
    return top + inset_top + int(used) + inset_bottom


def add_table(slide, plan: TablePlan, number: int, area: Area, points: tuple) -> None:
    """Page `number` of the planned table on `slide`, under the `points` on it (`(points,
    box, size, metrics)` or `()`), inside `area`; nothing when the table has no such page."""
    if number >= plan.count:
        return
    left, top, width, height = area
    below = points_bottom(*points, top) if points else top
    page = plan.pages[number]
    total = sum(h for _, h in page)
    start = max(top, min(below + GAP if below > top else top, top + height - total))
    shape = slide.shapes.add_table(
        len(page), len(plan.columns), Emu(left), Emu(start), Emu(width), Emu(total)
    )
    shape.name = TABLE_NAME
    table = shape.table
    table.first_row = True
    for column, column_width in enumerate(plan.columns):
        table.columns[column].width = Emu(column_width)
    for row_number, (cells, row_height_emu) in enumerate(page):
        table.rows[row_number].height = Emu(row_height_emu)
        for column, text in enumerate(cells):
            _fill(table.cell(row_number, column), text, plan.size, header=row_number == 0)


def _fill(cell, text: str, size: float, *, header: bool) -> None:
    paragraph = cell.text_frame.paragraphs[0]
    for run_text in point_runs(text):
        run = paragraph.add_run()
        run.text = run_text.text
        run.font.size = Pt(size)
        if header or run_text.bold:
            run.font.bold = True
        if run_text.italic:
            run.font.italic = True
        if run_text.link:
            run.hyperlink.address = run_text.link


# -- reading ----------------------------------------------------------------------------------


def read_table(shape) -> Table:
    """A table shape's rows of cells, header first, each cell's Markdown as `point_runs`
    reads it (the header's bold is the header's, not the words')."""
    rows = []
    for number, row in enumerate(shape.table.rows):
        rows.append(tuple(_cell_text(cell, header=number == 0) for cell in row.cells))
    return tuple(row for row in rows if any(row))


def _cell_text(cell, *, header: bool) -> str:
    lines = []
    for paragraph in cell.text_frame.paragraphs:
        runs = [
            Run(run.text, bold=bool(run.font.bold) and not header, italic=bool(run.font.italic))
            if not _link(run)
            else Run(run.text, link=_link(run))
            for run in paragraph.runs
        ]
        lines.append(runs_markdown(runs))
    return " ".join(" ".join(clean_text(line).split()) for line in lines if line.strip())


def _link(run) -> str:
    try:
        return run.hyperlink.address or ""
    except (AttributeError, KeyError):
        return ""


def join_pages(table: Table, more: Table) -> Table:
    """A table continued on a "(cont.)" slide: its rows after the repeated header added."""
    if not table:
        return more
    return (*table, *(more[1:] if more and more[0] == table[0] else more))
