"""Slides and notes pages added the quick way give the very file python-pptx's own way gives."""

from __future__ import annotations

from presenter.agenda.model import AgendaItem
from presenter.deck.parts import SlideMaker
from presenter.deck.writer import deck_for
from tests.deck.decks import bundled_session, small_session, template_in_odd_order


def python_pptx_way(monkeypatch) -> None:
    monkeypatch.setattr(
        SlideMaker, "add_slide", lambda self, layout: self.prs.slides.add_slide(layout)
    )
    monkeypatch.setattr(SlideMaker, "notes_slide", lambda self, slide: slide.notes_slide)


def test_the_bundled_session_gives_the_same_bytes_as_python_pptx_would(monkeypatch):
    quick = deck_for(bundled_session())
    python_pptx_way(monkeypatch)
    assert deck_for(bundled_session()) == quick


def test_a_template_with_slides_and_a_long_agenda_give_the_same_bytes(monkeypatch, tmp_path):
    template = template_in_odd_order(tmp_path / "org.pptx")
    points = tuple(
        f"Point {n}: a sentence about networking that wraps on the slide" for n in range(20)
    )
    items = tuple(AgendaItem(f"Item {n}", 1, points=points if n == 2 else ()) for n in range(30))
    session = small_session(items=items)
    quick = deck_for(session, template=template)
    python_pptx_way(monkeypatch)
    assert deck_for(session, template=template) == quick
