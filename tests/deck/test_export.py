"""Export: reopen the deck with python-pptx and check what a facilitator would see."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import replace
from datetime import date

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER

from presenter.agenda.model import AgendaItem
from presenter.deck.fitting import SAFETY, Box, text_height
from presenter.deck.metrics import EMU_PER_POINT, bundled_metrics
from presenter.deck.package import DeckWriteError
from presenter.deck.style import placeholder_style
from presenter.deck.template import TemplateError
from presenter.deck.writer import deck_for, export_deck
from tests.deck.decks import CORPUS, bundled_session, small_session, template_in_odd_order
from tests.deck.valid import assert_valid_pptx

WIDESCREEN = (12192000, 6858000)


def open_deck(path):
    return Presentation(str(path))


def titles(prs) -> list[str]:
    return [slide.shapes.title.text if slide.shapes.title else "" for slide in prs.slides]


def notes(slide) -> str:
    return slide.notes_slide.notes_text_frame.text


def body_text(slide) -> list[str]:
    return [
        p.text
        for shape in slide.placeholders
        if shape.placeholder_format.type in (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT)
        for p in shape.text_frame.paragraphs
    ]


def test_bundled_session_gives_title_agenda_items_and_closing_slides(tmp_path):
    target = tmp_path / "twitter-hour.pptx"
    export_deck(bundled_session(), target, date=date(2026, 11, 25), venue="Ward 12")
    prs = open_deck(target)
    assert (prs.slide_width, prs.slide_height) == WIDESCREEN
    session = bundled_session()
    # An item whose points and picture need more room goes on to a "(cont.)" slide.
    assert [t for t in titles(prs) if not t.endswith(" (cont.)")] == [
        "Twitter hour",
        "Agenda",
        *[item.title for item in session.items],
        "Questions?",
    ]
    title_slide = prs.slides[0]
    subtitle = next(s for s in title_slide.placeholders if s.placeholder_format.idx == 1)
    assert subtitle.text_frame.text.split("\n") == [
        session.subtitle,
        "Library and Knowledge Service",
        "Wednesday 25 November 2026 · Ward 12",
    ]
    assert_valid_pptx(target)


def test_agenda_is_a_table_of_start_minutes_and_item(tmp_path):
    target = tmp_path / "deck.pptx"
    export_deck(bundled_session(), target)
    agenda = open_deck(target).slides[1]
    table = next(s for s in agenda.shapes if s.has_table).table
    rows = [[cell.text for cell in row.cells] for row in table.rows]
    assert rows[0] == ["Start", "Minutes", "Item"]
    assert rows[1] == ["12:00", "5", "Welcome and check-in"]
    assert rows[-1] == ["12:52", "8", "Questions and next steps"]
    assert len(rows) == 10


def test_a_long_agenda_continues_on_a_second_slide(tmp_path):
    items = tuple(AgendaItem(f"Item number {n}", 2) for n in range(30))
    target = tmp_path / "deck.pptx"
    export_deck(small_session(items=items, length=60), target)
    prs = open_deck(target)
    agenda = [slide for slide in prs.slides if slide.shapes.title.text.startswith("Agenda")]
    assert [s.shapes.title.text for s in agenda[:2]] == ["Agenda", "Agenda (cont.)"]
    item_rows = []
    for slide in agenda:
        table = next(s for s in slide.shapes if s.has_table).table
        assert table.cell(0, 0).text == "Start"
        item_rows += [row.cells[2].text for row in list(table.rows)[1:]]
    assert item_rows == [item.title for item in items]


def test_item_slides_have_points_time_budget_and_notes_with_timing(tmp_path):
    target = tmp_path / "deck.pptx"
    export_deck(small_session(), target)
    prs = open_deck(target)
    welcome = prs.slides[2]
    assert body_text(welcome) == ["Who we are", "See the policy"]
    texts = [s.text_frame.text for s in welcome.shapes if s.has_text_frame]
    assert "12:30–12:35 · 5 min" in texts
    assert notes(welcome).startswith("Greet people.\n- [ ] Sign-in sheet\n\n")
    assert notes(welcome).split("\n")[-1].startswith("Timing: 5 min (12:30–12:35) · fixed.")
    activity = notes(prs.slides[4]).split("\n")[-1]
    assert activity == (
        "Timing: 15 min (12:45–13:00) · activity · at least 8 min. Start wrapping up at 12:58."
    )


def test_every_slide_has_speaker_notes(tmp_path):
    target = tmp_path / "deck.pptx"
    export_deck(bundled_session(), target)
    for slide in open_deck(target).slides:
        assert slide.has_notes_slide and notes(slide).strip()


def test_break_is_a_section_slide_with_its_time(tmp_path):
    target = tmp_path / "deck.pptx"
    export_deck(small_session(), target)
    tea = open_deck(target).slides[3]
    assert tea.slide_layout.name == "Section Header"
    assert tea.shapes.title.text == "Tea"
    assert "12:35–12:45 · 10 min" in body_text(tea)


def test_links_stay_links_and_control_characters_go(tmp_path):
    long_url = "https://example.org/" + "a" * 3000
    item = AgendaItem(
        "Links\x07", 5, points=("Bell\x07 and\x00 nul", f"Long {long_url}", "[NHS](https://nhs.uk)")
    )
    target = tmp_path / "deck.pptx"
    export_deck(small_session(items=(item,)), target)
    slide = open_deck(target).slides[2]
    assert slide.shapes.title.text == "Links"
    runs = [r for s in slide.placeholders for p in s.text_frame.paragraphs for r in p.runs]
    assert "Bell and nul" in [r.text for r in runs]
    links = {r.text: r.hyperlink.address for r in runs if r.hyperlink.address}
    assert links["NHS"] == "https://nhs.uk"
    assert not any(len(address) > 2048 for address in links.values())
    Presentation(str(target))  # the file still opens


def test_long_points_continue_on_a_cont_slide_and_each_fits(tmp_path):
    points = tuple(
        f"Point {n}: a fairly long sentence about professional networking that wraps" * 2
        for n in range(12)
    )
    target = tmp_path / "deck.pptx"
    export_deck(small_session(items=(AgendaItem("Lots to say", 10, points=points),)), target)
    prs = open_deck(target)
    assert titles(prs)[2:4] == ["Lots to say", "Lots to say (cont.)"]
    shown = []
    metrics = bundled_metrics()
    for slide in list(prs.slides)[2:-1]:
        body = next(s for s in slide.placeholders if s.placeholder_format.idx == 1)
        paragraphs = [p.text for p in body.text_frame.paragraphs]
        shown += paragraphs
        size = body.text_frame.paragraphs[0].runs[0].font.size
        style = placeholder_style(body)
        box = Box(body.width, body.height, style)
        used = text_height(paragraphs, box, size.pt if size else style.size, metrics)
        assert used <= box.text_height_pt / SAFETY * 1.0
        assert used <= style.text_height(body.height) / EMU_PER_POINT
    assert shown == list(points)
    assert_valid_pptx(target)


def test_slightly_long_points_are_set_smaller_on_one_slide(tmp_path):
    points = tuple(f"Point number {n} about something worth saying today" for n in range(9))
    target = tmp_path / "deck.pptx"
    export_deck(small_session(items=(AgendaItem("Nine points", 10, points=points),)), target)
    prs = open_deck(target)
    assert titles(prs)[2:4] == ["Nine points", "Questions?"]
    body = next(s for s in prs.slides[2].placeholders if s.placeholder_format.idx == 1)
    size = body.text_frame.paragraphs[0].runs[0].font.size
    assert size is not None and 20 <= size.pt < 28


def test_properties_come_from_the_session_not_the_library(tmp_path):
    target = tmp_path / "deck.pptx"
    export_deck(small_session(), target, date=date(2026, 11, 25))
    props = open_deck(target).core_properties
    assert props.title == "Small session"
    assert props.subject == "A test"
    assert props.author == "A. Facilitator; B. Facilitator"
    assert props.last_modified_by == "A. Facilitator; B. Facilitator"
    assert props.comments == "" and props.revision == 1
    assert props.created.date() == date(2026, 11, 25)
    data = target.read_bytes()
    assert b"python-pptx" not in data and b"Steve Canny" not in data


def test_two_exports_are_byte_identical(tmp_path):
    first, second = tmp_path / "one.pptx", tmp_path / "two.pptx"
    export_deck(bundled_session(), first)
    export_deck(bundled_session(), second)
    assert first.read_bytes() == second.read_bytes()
    assert deck_for(small_session()) != deck_for(replace(small_session(), title="Other"))


def test_no_empty_placeholders_are_left_to_say_click_to_add_text(tmp_path):
    target = tmp_path / "deck.pptx"
    export_deck(bundled_session(), target)
    for slide in open_deck(target).slides:
        for shape in slide.placeholders:
            assert shape.text_frame.text.strip(), (slide.shapes.title.text, shape.name)


def test_pictures_in_the_output_have_alt_text(tmp_path):
    target = tmp_path / "deck.pptx"
    export_deck(bundled_session(), target)
    for slide in open_deck(target).slides:
        for shape in slide.shapes:
            if shape.shape_type == MSO_SHAPE_TYPE.PICTURE:
                assert shape._element._nvXxPr.cNvPr.get("descr")


def test_template_layouts_are_found_by_name_in_any_order_and_its_slides_dropped(tmp_path):
    template = template_in_odd_order(tmp_path / "org.pptx")
    target = tmp_path / "deck.pptx"
    export_deck(small_session(), target, template=template)
    prs = open_deck(target)
    assert "SAMPLE SLIDE FROM THE TEMPLATE" not in titles(prs)
    layouts = [slide.slide_layout.name for slide in prs.slides]
    assert layouts == [
        "Title Slide",
        "Title Only",
        "Title and Content",
        "Section Header",
        "Title and Content",
        "Title Slide",
    ]
    assert prs.core_properties.author == "A. Facilitator; B. Facilitator"
    assert prs.core_properties.comments == ""
    assert b"template notes" not in target.read_bytes()
    assert_valid_pptx(target)


@pytest.mark.skipif(
    not (CORPUS / "coreoz-template.pptx").exists(), reason="shared corpus of decks not beside repo"
)
def test_a_french_template_is_used_by_layout_type(tmp_path):
    target = tmp_path / "deck.pptx"
    export_deck(small_session(), target, template=CORPUS / "coreoz-template.pptx")
    prs = open_deck(target)
    layouts = [slide.slide_layout.name for slide in prs.slides]
    assert layouts[:3] == ["Diapositive de titre", "Titre seul", "Titre et contenu"]
    assert layouts[3] == "Titre de section"
    assert titles(prs)[0] == "Small session"
    assert len(prs.slides) == 6
    assert_valid_pptx(target)


def test_a_file_that_is_not_a_template_is_refused_clearly(tmp_path):
    bad = tmp_path / "org.pptx"
    bad.write_text("not a deck")
    with pytest.raises(TemplateError, match=r"org\.pptx: not a PowerPoint \.pptx file"):
        export_deck(small_session(), tmp_path / "deck.pptx", template=bad)
    assert not (tmp_path / "deck.pptx").exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write into read-only folders")
def test_an_unwritable_target_leaves_the_existing_file_as_it_was(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    existing = folder / "deck.pptx"
    existing.write_bytes(b"the old deck")
    folder.chmod(0o500)
    try:
        with pytest.raises(DeckWriteError, match="cannot write"):
            export_deck(small_session(), existing)
    finally:
        folder.chmod(0o700)
    assert existing.read_bytes() == b"the old deck"
    assert sorted(p.name for p in folder.iterdir()) == ["deck.pptx"]


def test_a_missing_folder_gives_a_clear_message(tmp_path):
    with pytest.raises(DeckWriteError, match="does not exist"):
        export_deck(small_session(), tmp_path / "nowhere" / "deck.pptx")


def test_replacing_a_deck_leaves_no_temporary_file(tmp_path):
    target = tmp_path / "deck.pptx"
    target.write_bytes(b"old")
    export_deck(small_session(), target)
    assert [p.name for p in tmp_path.iterdir()] == ["deck.pptx"]
    assert target.read_bytes()[:2] == b"PK"


def test_progress_is_reported_up_to_the_end(tmp_path):
    seen = []
    export_deck(small_session(), tmp_path / "d.pptx", progress=lambda *a: seen.append(a[:2]))
    assert seen[-1][0] == seen[-1][1]
    assert [done for done, _total in seen] == sorted(done for done, _total in seen)


def test_the_deck_layer_imports_no_qt():
    code = "import sys, presenter.deck; assert 'PySide6' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_a_failed_replace_keeps_the_old_deck_and_no_temporary_file(tmp_path, monkeypatch):
    existing = tmp_path / "deck.pptx"
    existing.write_bytes(b"the old deck")

    def refuse(*_args):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(
        DeckWriteError, match=r"deck\.pptx: cannot be replaced \(Permission denied\)"
    ):
        export_deck(small_session(), existing)
    assert existing.read_bytes() == b"the old deck"
    assert [p.name for p in tmp_path.iterdir()] == ["deck.pptx"]


def test_a_long_title_is_set_smaller_to_stay_in_its_placeholder(tmp_path):
    title = "Guidance from professional bodies on using social media well, " * 2
    target = tmp_path / "deck.pptx"
    export_deck(small_session(items=(AgendaItem(title, 5, points=("One",)),)), target)
    shape = open_deck(target).slides[2].shapes.title
    size = shape.text_frame.paragraphs[0].runs[0].font.size
    style = placeholder_style(shape)
    assert size is not None and size.pt < style.size
    box = Box(shape.width, shape.height, style)
    assert text_height([shape.text_frame.text], box, size.pt, bundled_metrics()) <= (
        box.text_height_pt
    )


def test_document_properties_longer_than_office_allows_are_cut(tmp_path):
    target = tmp_path / "deck.pptx"
    export_deck(small_session(subtitle="word " * 100), target)
    subject = open_deck(target).core_properties.subject
    assert len(subject) == 255 and subject.endswith("…")
