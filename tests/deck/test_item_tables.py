"""An item's table in the exported deck: a real table in the body area, the header row marked,
inside the slide; and a table shape read back as the item's table."""

from __future__ import annotations

from dataclasses import replace

import pytest
from pptx import Presentation
from pptx.util import Inches

from presenter.agenda.model import AgendaItem
from presenter.deck.reader import import_deck
from presenter.deck.text import CONTINUED
from presenter.deck.writer import export_deck
from tests.deck.decks import small_session
from tests.deck.odp_templates import SOFFICE, libreoffice_template

TABLE = (
    ("Icon", "Meaning", "Count"),
    ("Heart", "**Like**", "3"),
    ("Arrows", "Share with [your followers](https://example.org/followers), who see it", "5"),
    ("Speech bubble", "*Reply*", ""),
)


def with_tables(**tables) -> object:
    """The small session with a table on "Try it" and an item that is a long table."""
    session = small_session()
    items = list(session.items)
    items[2] = replace(items[2], table=tables.get("try_it", TABLE))
    long_rows = tuple((f"Row {n}", f"What row {n} says") for n in range(1, 41))
    items.append(AgendaItem("Glossary", 5, table=(("Word", "Meaning"), *long_rows)))
    return replace(session, items=tuple(items))


def tables_of(slide) -> list:
    return [shape for shape in slide.shapes if shape.has_table]


def slide_titled(prs, title):
    return next(s for s in prs.slides if s.shapes.title and s.shapes.title.text == title)


def check_inside(prs, slide) -> None:
    title = slide.shapes.title
    for shape in tables_of(slide):
        height = sum(row.height for row in shape.table.rows)
        assert shape.top >= title.top + title.height, "the table runs into the title"
        assert shape.top + height <= prs.slide_height, "the table runs off the slide"
        assert shape.left >= 0 and shape.left + shape.width <= prs.slide_width
        for other in slide.shapes:
            if other.has_text_frame and other.text_frame.text.strip() and other is not title:
                text_bottom = other.top + other.height
                if other.name == "Time budget":
                    assert other.top >= shape.top + height, "the table covers the time budget"
                elif text_bottom > shape.top:
                    assert len(other.text_frame.paragraphs) <= 2  # points set above it


def test_an_items_table_is_a_real_table_with_its_header_marked(tmp_path):
    target = tmp_path / "deck.pptx"
    export_deck(with_tables(), target)
    prs = Presentation(str(target))
    slide = slide_titled(prs, "Try it")
    (shape,) = tables_of(slide)
    table = shape.table
    assert table.first_row is True
    cells = [[cell.text for cell in row.cells] for row in table.rows]
    assert cells[0] == ["Icon", "Meaning", "Count"]
    assert cells[1] == ["Heart", "Like", "3"]
    assert all(
        run.font.bold for cell in table.rows[0].cells for run in cell.text_frame.paragraphs[0].runs
    )
    assert not table.cell(1, 0).text_frame.paragraphs[0].runs[0].font.bold
    points = [s for s in slide.placeholders if s.placeholder_format.idx == 1]
    assert points and "Post a first tweet" in points[0].text_frame.text
    assert shape.top > points[0].top  # under the points
    check_inside(prs, slide)


def test_a_table_too_long_for_one_slide_goes_on_with_its_header(tmp_path):
    target = tmp_path / "deck.pptx"
    export_deck(with_tables(), target)
    prs = Presentation(str(target))
    glossary = [s for s in prs.slides if s.shapes.title.text.startswith("Glossary")]
    assert [s.shapes.title.text for s in glossary][1] == "Glossary" + CONTINUED
    rows = []
    for slide in glossary:
        (shape,) = tables_of(slide)
        page = [[c.text for c in row.cells] for row in shape.table.rows]
        assert page[0] == ["Word", "Meaning"]
        rows += page[1:]
        check_inside(prs, slide)
    assert rows == [[f"Row {n}", f"What row {n} says"] for n in range(1, 41)]


def test_export_then_import_gives_the_same_tables(tmp_path):
    original = with_tables()
    target = tmp_path / "deck.pptx"
    export_deck(original, target)
    session, warnings = import_deck(target)
    assert warnings == []
    assert session == original
    assert session.items[2].table == TABLE


def test_a_table_in_a_deck_made_elsewhere_becomes_the_items_table(tmp_path):
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[5])
    slide.shapes.title.text = "Reactions"
    shape = slide.shapes.add_table(3, 2, Inches(1), Inches(2), Inches(6), Inches(1.5))
    for row, values in enumerate((("Icon", "Meaning"), ("Heart", "Like"), ("Arrows", "Share"))):
        for column, value in enumerate(values):
            shape.table.cell(row, column).text = value
    second = slide.shapes.add_table(1, 2, Inches(1), Inches(4), Inches(6), Inches(0.5))
    second.table.cell(0, 0).text = "Also"
    second.table.cell(0, 1).text = "this"
    path = tmp_path / "theirs.pptx"
    prs.save(path)
    session, _warnings = import_deck(path)
    (item,) = session.items
    assert item.table == (("Icon", "Meaning"), ("Heart", "Like"), ("Arrows", "Share"))
    assert item.points == ("Also | this",)


@pytest.mark.skipif(not SOFFICE, reason="LibreOffice (soffice) not installed")
@pytest.mark.timeout(180)
def test_a_table_stays_inside_a_libreoffice_template(tmp_path):
    template = libreoffice_template("blue", tmp_path)
    target = tmp_path / "deck.pptx"
    export_deck(with_tables(), target, template=template)
    prs = Presentation(str(target))
    for slide in prs.slides:
        if tables_of(slide) and slide.shapes.title.text != "Agenda":
            check_inside(prs, slide)
    session, _ = import_deck(target)
    assert session.items[2].table == TABLE
