"""Exports open in PowerPoint with no repair prompt, whatever the template lacked."""

from __future__ import annotations

import zipfile

from lxml import etree
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT

from presenter.agenda.model import AgendaItem
from presenter.deck.writer import export_deck
from tests.deck.decks import bundled_session, small_session
from tests.deck.valid import assert_valid_pptx, repair_problems

NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main"


def template_needing_repair(path):
    """python-pptx's own template with two shapes of one id in its master and in a layout,
    and no `viewProps` part: as some organisations' templates come."""
    prs = Presentation()
    for part in (prs.slide_masters[0], prs.slide_layouts[1]):
        shapes = part._element.xpath(".//p:cNvPr")
        shapes[1].set("id", shapes[0].get("id"))
    for rel_id, rel in list(prs.part.rels.items()):
        if rel.reltype == RT.VIEW_PROPS:
            prs.part.drop_rel(rel_id)
    prs.save(str(path))
    return path


def test_the_bundled_session_opens_without_repair(tmp_path):
    target = tmp_path / "deck.pptx"
    export_deck(bundled_session(), target)
    assert_valid_pptx(target)


def test_a_template_that_would_be_repaired_gives_a_deck_that_is_not(tmp_path):
    template = template_needing_repair(tmp_path / "org.pptx")
    problems = repair_problems(template)
    assert any("viewProps" in problem for problem in problems)
    assert any("slideMaster1.xml" in problem for problem in problems)
    assert any("slideLayout2.xml" in problem for problem in problems)
    target = tmp_path / "deck.pptx"
    export_deck(small_session(), target, template=template)
    assert_valid_pptx(target)


def test_a_long_session_with_continued_slides_opens_without_repair(tmp_path):
    points = tuple(
        f"Point {n}: a sentence about networking that wraps on the slide" for n in range(30)
    )
    items = tuple(AgendaItem(f"Item {n}", 1, points=points if n == 3 else ()) for n in range(40))
    target = tmp_path / "deck.pptx"
    export_deck(small_session(items=items, length=40), target)
    titles = [slide.shapes.title.text for slide in Presentation(str(target)).slides]
    assert "Agenda (cont.)" in titles
    assert "Item 3 (cont.)" in titles
    assert_valid_pptx(target)


def test_every_run_on_the_slides_and_in_the_notes_is_british_english(tmp_path):
    target = tmp_path / "deck.pptx"
    export_deck(small_session(), target)
    languages = []
    with zipfile.ZipFile(target) as archive:
        for name in archive.namelist():
            if name.startswith(("ppt/slides/slide", "ppt/notesSlides/notesSlide")):
                root = etree.fromstring(archive.read(name))
                for run in root.iter(f"{{{NS_A}}}r"):
                    properties = run.find(f"{{{NS_A}}}rPr")
                    languages.append(None if properties is None else properties.get("lang"))
    assert len(languages) > 20
    assert set(languages) == {"en-GB"}


def test_titles_are_in_title_placeholders_even_on_a_template_with_only_a_blank_layout(tmp_path):
    template = Presentation()
    for layout in list(template.slide_layouts):
        if layout.name != "Blank":
            template.slide_layouts.remove(layout)
    template.save(str(tmp_path / "blank.pptx"))
    target = tmp_path / "deck.pptx"
    export_deck(small_session(), target, template=tmp_path / "blank.pptx")
    prs = Presentation(str(target))
    titles = [slide.shapes.title.text if slide.shapes.title else None for slide in prs.slides]
    assert titles == ["Small session", "Agenda", "Welcome", "Tea", "Try it", "Questions?"]
    assert_valid_pptx(target)
