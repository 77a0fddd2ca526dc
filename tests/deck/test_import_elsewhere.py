"""Decks made elsewhere: hidden slides, picture slides, section headers and the title slide's
notes are neither timed as talk nor lost without a word."""

from __future__ import annotations

from pathlib import Path

from pptx import Presentation
from pptx.util import Inches

from presenter.agenda.model import Kind
from presenter.deck.reader import import_deck
from tests.deck.decks import _tiny_png


def _deck(path: Path) -> Path:
    prs = Presentation()  # python-pptx's default template: PowerPoint's layout names
    layouts = {layout.name: layout for layout in prs.slide_layouts}
    cover = prs.slides.add_slide(layouts["Title Slide"])
    cover.shapes.title.text = "Their session"
    cover.placeholders[1].text = "From another trust"
    cover.notes_slide.notes_text_frame.text = "For ward staff new to social media."
    section = prs.slides.add_slide(layouts["Section Header"])
    section.shapes.title.text = "Part one"
    content = prs.slides.add_slide(layouts["Title and Content"])
    content.shapes.title.text = "Welcome"
    content.placeholders[1].text_frame.text = "First point"
    hidden = prs.slides.add_slide(layouts["Title and Content"])
    hidden.shapes.title.text = "Backup slide"
    hidden.placeholders[1].text_frame.text = "Only if asked"
    hidden._element.set("show", "0")
    picture = prs.slides.add_slide(layouts["Blank"])
    png = path.with_suffix(".png")
    _tiny_png(png)
    picture.shapes.add_picture(str(png), Inches(1), Inches(1))
    second = prs.slides.add_slide(layouts["Section Header"])
    second.shapes.title.text = "Part two"
    last = prs.slides.add_slide(layouts["Title and Content"])
    last.shapes.title.text = "Questions"
    prs.save(path)
    return path


def test_every_slide_is_kept_and_each_one_changed_is_named_in_a_warning(tmp_path):
    session, warnings = import_deck(_deck(tmp_path / "theirs.pptx"))
    assert [item.title for item in session.items] == [
        "Part one",
        "Welcome",
        "Backup slide",
        "Slide 5",
        "Part two",
        "Questions",
    ]
    said: dict[int, str] = {}
    for problem in warnings:
        said[problem.line] = said.get(problem.line, "") + problem.message + "\n"
    assert "opens a section" in said[2] and "Part one" in said[2]
    assert "hidden in the deck" in said[4] and "Backup slide" in said[4]
    assert "picture with no text or notes; kept as 'Slide 5'" in said[5]
    assert "opens a section" in said[6] and "Part two" in said[6]


def test_the_title_slides_notes_describe_the_session(tmp_path):
    session, _warnings = import_deck(_deck(tmp_path / "theirs.pptx"))
    assert session.title == "Their session"
    assert session.description == "For ward staff new to social media."


def test_a_hidden_slide_is_a_hidden_item_not_timed_as_part_of_the_talk(tmp_path):
    session, _warnings = import_deck(_deck(tmp_path / "theirs.pptx"))
    backup = next(item for item in session.items if item.title == "Backup slide")
    assert backup.hidden and not backup.timed
    assert backup.points == ("Only if asked",)
    assert session.planned_minutes == 60  # the slot shared across the three timed items
    assert [i.minutes for i in session.items if i.timed] == [20, 20, 20]


def test_a_section_header_is_a_section_marker_that_takes_no_time(tmp_path):
    session, _warnings = import_deck(_deck(tmp_path / "theirs.pptx"))
    parts = [item for item in session.items if item.kind is Kind.SECTION]
    assert [part.title for part in parts] == ["Part one", "Part two"]
    assert all(part.minutes == 0 and not part.timed and not part.hidden for part in parts)


def test_nested_bullets_keep_their_levels(tmp_path):
    prs = Presentation()
    layouts = {layout.name: layout for layout in prs.slide_layouts}
    slide = prs.slides.add_slide(layouts["Title and Content"])
    slide.shapes.title.text = "Who to follow"
    frame = slide.placeholders[1].text_frame
    frame.text = "Colleagues"
    for text, level in (("Your ward", 1), ("Your trust", 2), ("Professional bodies", 0)):
        paragraph = frame.add_paragraph()
        paragraph.text = text
        paragraph.level = level
    path = tmp_path / "nested.pptx"
    prs.save(path)
    session, _warnings = import_deck(path)
    item = session.items[0]
    assert item.points == ("Colleagues", "Your ward", "Your trust", "Professional bodies")
    assert item.levels == (0, 1, 2, 0)


def _deck_with_notes(path: Path, notes: str) -> Path:
    prs = Presentation()
    layouts = {layout.name: layout for layout in prs.slide_layouts}
    slide = prs.slides.add_slide(layouts["Title and Content"])
    slide.shapes.title.text = "Welcome"
    slide.placeholders[1].text_frame.text = "A point"
    slide.notes_slide.notes_text_frame.text = notes
    prs.save(path)
    return path


def test_hard_wrapped_notes_read_as_paragraphs_lists_and_checklists(tmp_path):
    notes = (
        "Greet people as they arrive and\nask who already has the app.\n\n"
        "- [ ] Point out the sign-in laptop\n- [x] Wi-Fi code on the board\n\n"
        "Then:\n\n- first\n- second"
    )
    session, _warnings = import_deck(_deck_with_notes(tmp_path / "n.pptx", notes))
    assert session.items[0].notes == (
        "Greet people as they arrive and ask who already has the app.\n\n"
        "☐ Point out the sign-in laptop\n☑ Wi-Fi code on the board\n\n"
        "Then:\n\n- first\n- second"
    )


def test_notes_typed_a_paragraph_a_line_keep_their_paragraphs(tmp_path):
    notes = "Welcome everyone.\nAsk who has the app.\n- [ ] Sign-in laptop\n- [ ] Poster"
    session, _warnings = import_deck(_deck_with_notes(tmp_path / "p.pptx", notes))
    assert session.items[0].notes == (
        "Welcome everyone.\n\nAsk who has the app.\n\n☐ Sign-in laptop\n☐ Poster"
    )


def _deck_with_agenda(path: Path, rows: list[str], titles: list[str]) -> Path:
    prs = Presentation()
    layouts = {layout.name: layout for layout in prs.slide_layouts}
    cover = prs.slides.add_slide(layouts["Title Slide"])
    cover.shapes.title.text = "Their session"
    agenda = prs.slides.add_slide(layouts["Title and Content"])
    agenda.shapes.title.text = "Agenda"
    frame = agenda.placeholders[1].text_frame
    frame.text = rows[0]
    for row in rows[1:]:
        frame.add_paragraph().text = row
    for title in titles:
        slide = prs.slides.add_slide(layouts["Title and Content"])
        slide.shapes.title.text = title
        slide.placeholders[1].text_frame.text = "A point"
    prs.save(path)
    return path


def test_an_agenda_slide_with_times_gives_each_item_its_minutes(tmp_path):
    rows = ["12:00 Welcome (5 min)", "12:05 Who to follow (20 min)", "12:25-13:00 Questions"]
    deck = _deck_with_agenda(tmp_path / "a.pptx", rows, ["Welcome", "Who to follow", "Questions"])
    session, warnings = import_deck(deck)
    assert [(i.title, i.minutes) for i in session.items] == [
        ("Welcome", 5),
        ("Who to follow", 20),
        ("Questions", 35),
    ]
    assert session.start.strftime("%H:%M") == "12:00" and session.length == 60
    messages = [w.message for w in warnings]
    assert any("read as the agenda" in m and "check them" in m for m in messages)
    assert not any("shared out" in m for m in messages)


def test_an_agenda_slide_that_does_not_match_the_slides_is_an_item_and_the_slot_is_shared(
    tmp_path,
):
    rows = ["Welcome - 5 min", "Something else - 50 min"]
    deck = _deck_with_agenda(tmp_path / "b.pptx", rows, ["Welcome", "Who to follow"])
    session, warnings = import_deck(deck)
    assert [i.title for i in session.items] == ["Agenda", "Welcome", "Who to follow"]
    assert [i.minutes for i in session.items] == [20, 20, 20]
    assert any("shared out" in w.message for w in warnings)
