"""Hidden items, section markers and nested points go out in the deck and come back."""

from __future__ import annotations

from pptx import Presentation

from presenter.agenda.model import AgendaItem, Kind
from presenter.deck.reader import import_deck
from presenter.deck.writer import export_deck
from tests.deck.decks import small_session

ITEMS = (
    AgendaItem("Part one", 0, kind=Kind.SECTION),
    AgendaItem(
        "Who to follow",
        10,
        points=("Colleagues", "Your ward", "Your trust", "Professional bodies"),
        levels=(0, 1, 2, 0),
        notes="Show the lists.",
    ),
    AgendaItem("Spare slide", 5, hidden=True, points=("Only if asked",), notes="Backup."),
    AgendaItem("Part two", 0, kind=Kind.SECTION),
    AgendaItem("Questions", 20, kind=Kind.QUESTIONS),
)


def _slides(path):
    return {slide.shapes.title.text: slide for slide in Presentation(str(path)).slides}


def test_export_then_import_gives_back_hidden_items_sections_and_levels(tmp_path):
    original = small_session(items=ITEMS)
    deck = tmp_path / "outline.pptx"
    export_deck(original, deck)
    session, warnings = import_deck(deck)
    assert warnings == []
    assert session == original


def test_a_hidden_item_is_a_hidden_slide_and_left_off_the_agenda(tmp_path):
    deck = tmp_path / "outline.pptx"
    export_deck(small_session(items=ITEMS), deck)
    slides = _slides(deck)
    assert slides["Spare slide"]._element.get("show") == "0"
    assert slides["Who to follow"]._element.get("show") is None
    agenda = next(s for s in slides["Agenda"].shapes if s.has_table).table
    rows = [row.cells[1].text for row in agenda.rows]
    assert not any("Spare slide" in text or "Part" in text for text in rows)


def test_a_section_marker_is_on_the_section_layout_with_no_time_shown(tmp_path):
    deck = tmp_path / "outline.pptx"
    export_deck(small_session(items=ITEMS), deck)
    slides = _slides(deck)
    part = slides["Part one"]
    assert part.slide_layout == slides["Part two"].slide_layout
    assert part.slide_layout != slides["Who to follow"].slide_layout
    words = " ".join(shape.text_frame.text for shape in part.shapes if shape.has_text_frame)
    assert "min" not in words and "12:" not in words


def test_nested_points_are_at_their_paragraph_level(tmp_path):
    deck = tmp_path / "outline.pptx"
    export_deck(small_session(items=ITEMS), deck)
    slide = _slides(deck)["Who to follow"]
    body = next(s for s in slide.placeholders if s.placeholder_format.idx == 1)
    assert [(p.text, p.level) for p in body.text_frame.paragraphs] == [
        ("Colleagues", 0),
        ("Your ward", 1),
        ("Your trust", 2),
        ("Professional bodies", 0),
    ]
