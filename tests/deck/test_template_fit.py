"""Text kept inside the template's own boxes: no lonely point or row on a "(cont.)" slide,
and the agenda table stops above the template's footer."""

from __future__ import annotations

import subprocess
import sys

from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER

from presenter.agenda.model import AgendaItem
from presenter.deck.fitting import Box, fit_points
from presenter.deck.metrics import bundled_metrics
from presenter.deck.style import TextStyle
from presenter.deck.writer import export_deck
from tests.deck.decks import small_session

FOOTERS = (PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER)


def test_a_continued_slide_never_holds_one_point_alone():
    style = TextStyle(size=24, line_spacing=1.0, space_before=6, indent=0, insets=(0, 0, 0, 0))
    box = Box(8_000_000, 2_400_000, style)  # room for about six lines
    metrics = bundled_metrics()
    for count in range(2, 30):
        points = tuple(f"Point {n}" for n in range(count))
        pages = fit_points(points, box, metrics)
        assert [p for page in pages for p in page.points] == list(points)
        assert all(len(page.points) > 1 for page in pages[1:]), (count, pages)


def agenda_slides(count: int, tmp_path):
    items = tuple(AgendaItem(f"Item number {n}", 2, points=("A point",)) for n in range(count))
    target = tmp_path / f"deck-{count}.pptx"
    export_deck(small_session(items=items, length=2 * count), target)
    prs = Presentation(str(target))
    return prs, [s for s in prs.slides if s.shapes.title.text.startswith("Agenda")]


def test_the_agenda_table_stops_above_the_footer_and_leaves_no_lonely_row(tmp_path):
    for count in range(8, 26):
        _prs, slides = agenda_slides(count, tmp_path)
        layout = slides[0].slide_layout
        footer_top = min(
            ph.top for ph in layout.placeholders if ph.placeholder_format.type in FOOTERS
        )
        for slide in slides:
            table = next(shape for shape in slide.shapes if shape.has_table)
            bottom = table.top + sum(row.height for row in table.table.rows)
            assert bottom <= footer_top, (count, slide.shapes.title.text)
        for slide in slides[1:]:
            rows = next(shape for shape in slide.shapes if shape.has_table).table.rows
            assert len(rows) - 1 > 1, (count, "a lonely row on", slide.shapes.title.text)


def test_explain_names_the_bundled_template_layouts(tmp_path):
    target = str(tmp_path / "d.pptx")
    done = subprocess.run(
        [sys.executable, "-m", "presenter", "export", "twitter-hour", "-o", target, "--explain"],
        capture_output=True,
        text=True,
        timeout=100,
    )
    assert done.returncode == 0, done.stderr
    assert "layouts of the bundled template:" in done.stdout
    assert "items: layout “Title and Content” of master 1" in done.stdout
    assert "breaks: layout “Section Header” of master 1" in done.stdout
