"""The agenda slide's table: start, minutes and title of each item, continued when long.

The rows are measured with the template's font, so the table is set at the largest size at
which it fits one slide, and split over "(cont.)" slides only when even the smallest does not.
"""

from __future__ import annotations

from pptx.enum.text import PP_ALIGN
from pptx.util import Emu, Pt

from presenter.agenda.model import Kind
from presenter.agenda.timetable import ScheduledItem, format_clock
from presenter.deck.metrics import EMU_PER_POINT, FontMetrics
from presenter.deck.style import EMU_PER_INCH
from presenter.deck.text import clean_text

TABLE_SIZES = (24, 22, 20, 18)
TABLE_HEADINGS = ("Start", "Minutes", "Item")
CELL_MARGINS = (91440, 45720, 91440, 45720)

Area = tuple[int, int, int, int]  # left, top, width, height in EMU


def agenda_columns(width: int) -> tuple[int, int, int]:
    start = int(1.4 * EMU_PER_INCH)
    minutes = int(1.7 * EMU_PER_INCH)
    return start, minutes, width - start - minutes


def row_height(metrics: FontMetrics, text: str, width: int, size: float, bold: bool = False) -> int:
    left, top, right, bottom = CELL_MARGINS
    lines = metrics.wrap(text, width - left - right, size, bold=bold)
    return int(len(lines) * size * 1.2 * EMU_PER_POINT) + top + bottom + 2 * EMU_PER_POINT


def agenda_pages(
    placed: list[ScheduledItem], area: Area, metrics: FontMetrics
) -> tuple[list[list[ScheduledItem]], float]:
    """The agenda rows on each agenda slide, and the largest size at which they fit one."""
    _left, _top, width, height = area
    item_width = agenda_columns(width)[2]
    for size in TABLE_SIZES:
        header = row_height(metrics, TABLE_HEADINGS[2], item_width, size, bold=True)
        pages: list[list[ScheduledItem]] = [[]]
        used = header
        for entry in placed:
            row = row_height(metrics, clean_text(entry.item.title), item_width, size)
            if pages[-1] and used + row > height:
                pages.append([])
                used = header
            pages[-1].append(entry)
            used += row
        if len(pages) == 1:
            break
    return _no_orphan_row(pages, height, item_width, size, metrics), size


def _no_orphan_row(
    pages: list[list[ScheduledItem]], height: int, width: int, size: float, metrics: FontMetrics
) -> list[list[ScheduledItem]]:
    """A "(cont.)" agenda slide left with one row takes the row before it along."""
    if len(pages) < 2 or len(pages[-1]) != 1 or len(pages[-2]) < 3:
        return pages
    moved = [pages[-2][-1], pages[-1][0]]
    rows = [row_height(metrics, clean_text(e.item.title), width, size) for e in moved]
    if row_height(metrics, TABLE_HEADINGS[2], width, size, bold=True) + sum(rows) > height:
        return pages
    return [*pages[:-2], pages[-2][:-1], moved]


def add_agenda_table(
    slide, rows: list[ScheduledItem], area: Area, size: float, metrics: FontMetrics
) -> None:
    """The table of `rows` on `slide`, at the top of `area`, its text set at `size`."""
    left, top, width, _height = area
    columns = agenda_columns(width)
    heights = [row_height(metrics, TABLE_HEADINGS[2], columns[2], size, bold=True)]
    heights += [row_height(metrics, clean_text(r.item.title), columns[2], size) for r in rows]
    shape = slide.shapes.add_table(
        len(rows) + 1, 3, Emu(left), Emu(top), Emu(width), Emu(sum(heights))
    )
    shape.name = "Agenda"
    table = shape.table
    for number, column_width in enumerate(columns):
        table.columns[number].width = Emu(column_width)
    for number, height in enumerate(heights):
        table.rows[number].height = Emu(height)
    cells = [TABLE_HEADINGS] + [
        (format_clock(r.start), str(r.item.minutes), clean_text(r.item.title)) for r in rows
    ]
    for row_number, values in enumerate(cells):
        for column, value in enumerate(values):
            cell = table.cell(row_number, column)
            cell.text = value
            paragraph = cell.text_frame.paragraphs[0]
            if column < 2:
                paragraph.alignment = PP_ALIGN.CENTER
            for run in paragraph.runs:
                run.font.size = Pt(size)
                run.font.bold = row_number == 0 or None
                if row_number and rows[row_number - 1].item.kind is Kind.BREAK:
                    run.font.italic = True
