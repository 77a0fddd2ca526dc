"""Import: decks back into sessions, ours exactly, others' without a crash."""

from __future__ import annotations

import pytest

from presenter.agenda.model import Kind
from presenter.deck.reader import DeckReadError, import_deck
from presenter.deck.writer import export_deck
from tests.deck.decks import CORPUS, bundled_session, others_deck, small_session


def test_export_then_import_gives_back_the_bundled_session(tmp_path):
    original = bundled_session()
    deck = tmp_path / "deck.pptx"
    export_deck(original, deck)
    session, warnings = import_deck(deck, picture_folder=tmp_path)
    assert warnings == []
    assert session == original


def test_round_trip_keeps_kinds_links_line_breaks_and_the_slot(tmp_path):
    original = small_session()
    deck = tmp_path / "deck.pptx"
    export_deck(original, deck)
    session, _warnings = import_deck(deck)
    assert [i.title for i in session.items] == ["Welcome", "Tea", "Try it"]
    assert [i.minutes for i in session.items] == [5, 10, 15]
    assert [i.kind for i in session.items] == [Kind.TALK, Kind.BREAK, Kind.ACTIVITY]
    assert session.items[0].points == original.items[0].points
    assert session.items[2].points == original.items[2].points
    assert session.items[2].min_minutes == 8
    assert [i.notes for i in session.items] == [i.notes for i in original.items]
    assert (session.start, session.length) == (original.start, original.length)
    assert session == original


def test_cont_slides_come_back_as_one_item(tmp_path):
    from presenter.agenda.model import AgendaItem

    points = tuple(f"Point {n}: " + "words that take room " * 6 for n in range(10))
    original = small_session(items=(AgendaItem("Long one", 12, points=points),))
    deck = tmp_path / "deck.pptx"
    export_deck(original, deck)
    session, warnings = import_deck(deck)
    assert warnings == []
    expected = [("Long one", 12, original.items[0].points)]
    assert [(i.title, i.minutes, i.points) for i in session.items] == expected


def test_a_deck_made_elsewhere_is_read_and_its_minutes_shared_with_a_warning(tmp_path):
    deck = others_deck(tmp_path / "theirs.pptx")
    session, warnings = import_deck(deck)
    assert session.title == "Their session"
    assert session.subtitle == "From another trust"
    titles = [item.title for item in session.items]
    assert titles == ["Welcome", "No notes body", "Text inside a group", "A table", "A picture"]
    welcome = session.items[0]
    assert welcome.points == ("First point", "Second point")
    assert welcome.notes == "Say hello"
    assert session.items[3].points == ()
    assert session.items[3].table == (("When", "What"), ("12:00", "Start"))
    assert sum(item.minutes for item in session.items) == 60
    messages = [str(w) for w in warnings]
    assert any("shared out across 5 items" in m for m in messages)
    assert any("slide 6: left out pictures" in m for m in messages)
    assert all(": warning: " in m for m in messages)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus of decks not beside the repo")
@pytest.mark.parametrize(
    "name",
    [
        "blazor-workshop-ui-mockup.pptx",
        "coreoz-template.pptx",
        "docling-powerpoint_sample.pptx",
        "markitdown-test.pptx",
        "officeparser-test.pptx",
    ],
)
def test_real_decks_from_other_tools_are_read_without_a_crash(name):
    session, _warnings = import_deck(CORPUS / name)
    assert session.title
    for item in session.items:
        assert item.title and item.minutes >= 1


@pytest.mark.skipif(not CORPUS.is_dir(), reason="shared corpus of decks not beside the repo")
def test_notes_and_tables_of_a_real_deck_come_through():
    session, _warnings = import_deck(CORPUS / "docling-powerpoint_sample.pptx")
    assert session.title == "Test Table Slide"
    second = session.items[0]
    assert second.title == "Second slide title"
    assert second.notes == "Some notes on the second slide."


def test_a_file_that_is_not_a_deck_gives_a_clear_message(tmp_path):
    bad = tmp_path / "notes.pptx"
    bad.write_text("hello")
    with pytest.raises(DeckReadError, match=r"notes\.pptx: not a PowerPoint \.pptx file"):
        import_deck(bad)
    with pytest.raises(DeckReadError, match="no such file"):
        import_deck(tmp_path / "missing.pptx")


def test_a_session_with_no_items_comes_back_empty(tmp_path):
    original = small_session(items=())
    deck = tmp_path / "deck.pptx"
    export_deck(original, deck)
    session, warnings = import_deck(deck)
    assert session == original and warnings == []


def test_a_slide_whose_timing_line_was_deleted_is_named_in_a_warning(tmp_path):
    from pptx import Presentation

    deck = tmp_path / "deck.pptx"
    export_deck(small_session(), deck)
    prs = Presentation(str(deck))
    prs.slides[2].notes_slide.notes_text_frame.text = "Edited by someone else"
    prs.save(str(deck))
    session, warnings = import_deck(deck)
    assert [i.title for i in session.items] == ["Tea", "Try it"]
    assert "slide 3 ('Welcome') has no timing line" in str(warnings[0])
