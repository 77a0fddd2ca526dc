"""Sessions and decks the deck tests share: built here, never read from a user's files."""

from __future__ import annotations

from datetime import time
from pathlib import Path

from pptx import Presentation
from pptx.util import Inches

from presenter.agenda.model import AgendaItem, Kind, Session
from presenter.agenda.reader import load_session

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO.parent / "shared" / "corpus" / "pptx"
BUNDLED = REPO / "presenter" / "slides_src" / "twitter-hour.md"


def bundled_session() -> Session:
    session, _warnings = load_session(BUNDLED)
    return session


def small_session(**changes) -> Session:
    """Three items, one of them a break, with links and a multi-line point."""
    items = (
        AgendaItem(
            "Welcome",
            5,
            fixed=True,
            points=("Who we are", "See [the policy](https://intranet.example.nhs.uk/policy)"),
            notes="Greet people.\n- [ ] Sign-in sheet",
        ),
        AgendaItem("Tea", 10, kind=Kind.BREAK),
        AgendaItem(
            "Try it",
            15,
            kind=Kind.ACTIVITY,
            min_minutes=8,
            points=("Post a **first** tweet\nthen reply to one", "Read https://example.org/guide"),
            notes="Walk round the room.",
        ),
    )
    values = dict(
        title="Small session",
        subtitle="A test",
        facilitators=("A. Facilitator", "B. Facilitator"),
        audience="Everyone",
        venue="Library",
        start=time(12, 30),
        length=30,
        items=items,
    )
    values.update(changes)
    return Session(**values)


def template_in_odd_order(path: Path) -> Path:
    """python-pptx's own (4:3, English) template with its layouts reversed and a sample slide
    left in, as an organisation's template might keep them."""
    prs = Presentation()
    id_list = prs.slide_masters[0]._element.get_or_add_sldLayoutIdLst()
    entries = list(id_list)
    for entry in entries:
        id_list.remove(entry)
    for entry in reversed(entries):
        id_list.append(entry)
    sample = prs.slides.add_slide(prs.slide_layouts.get_by_name("Title Slide"))
    sample.shapes.title.text = "SAMPLE SLIDE FROM THE TEMPLATE"
    sample.notes_slide.notes_text_frame.text = "template notes"
    prs.core_properties.author = "Template Author"
    prs.core_properties.comments = "template comments"
    prs.save(path)
    return path


def others_deck(path: Path) -> Path:
    """A deck as other tools write them: no notes body, a group, a table, a picture, no title."""
    prs = Presentation()
    first = prs.slides.add_slide(prs.slide_layouts[0])
    first.shapes.title.text = "Their session"
    first.placeholders[1].text = "From another trust"
    content = prs.slides.add_slide(prs.slide_layouts[1])
    content.shapes.title.text = "Welcome"
    content.placeholders[1].text_frame.text = "First point"
    content.placeholders[1].text_frame.add_paragraph().text = "Second point"
    content.notes_slide.notes_text_frame.text = "Say hello"
    # A notes page without its body placeholder, as some tools write it.
    notes = prs.slides.add_slide(prs.slide_layouts[5])
    notes.shapes.title.text = "No notes body"
    notes_slide = notes.notes_slide
    body = notes_slide.notes_placeholder
    body._element.getparent().remove(body._element)
    grouped = prs.slides.add_slide(prs.slide_layouts[6])
    group = grouped.shapes.add_group_shape()
    box = group.shapes.add_textbox(Inches(1), Inches(1), Inches(4), Inches(1))
    box.text_frame.text = "Text inside a group"
    table_slide = prs.slides.add_slide(prs.slide_layouts[5])
    table_slide.shapes.title.text = "A table"
    table = table_slide.shapes.add_table(2, 2, Inches(1), Inches(2), Inches(6), Inches(1)).table
    for row, values in enumerate((("When", "What"), ("12:00", "Start"))):
        for column, value in enumerate(values):
            table.cell(row, column).text = value
    picture_slide = prs.slides.add_slide(prs.slide_layouts[5])
    picture_slide.shapes.title.text = "A picture"
    png = path.with_suffix(".png")
    _tiny_png(png)
    picture_slide.shapes.add_picture(str(png), Inches(1), Inches(2))
    prs.save(path)
    return path


def _tiny_png(path: Path) -> None:
    from PIL import Image

    Image.new("RGB", (4, 4), "white").save(path)
