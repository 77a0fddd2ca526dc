"""Pictures in the deck: on the item's slide, described, clear of the text, the same bytes
every time; and back again from decks made here, by LibreOffice and as Marp exports."""

from __future__ import annotations

import base64
import io
import os
from pathlib import Path

import pytest
from lxml import etree
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER
from pptx.util import Inches

from presenter.agenda.model import AgendaItem, Picture, Session
from presenter.agenda.reader import load_session
from presenter.agenda.writer import save_session
from presenter.deck.pictures import place_pictures
from presenter.deck.reader import import_deck
from presenter.deck.writer import deck_for, export_deck
from tests.deck.decks import bundled_session
from tests.deck.odp_templates import NAMESPACES, SOFFICE, convert


def png(path: Path, size=(400, 200), colour="teal") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", size, colour).save(path)
    return path


def session_in(folder: Path) -> Session:
    """A session file with pictures beside points, alone, and one used twice."""
    png(folder / "images" / "wide.png", (400, 200))
    png(folder / "images" / "tall.png", (150, 300), "orange")
    Image.new("RGB", (90, 60), "purple").save(folder / "images" / "photo.jpg", "JPEG")
    items = (
        AgendaItem(
            "Beside", 10, points=("One", "Two"), pictures=(Picture("images/wide.png", "Wide"),)
        ),
        AgendaItem(
            "Alone",
            10,
            pictures=(Picture("images/tall.png", "Tall"), Picture("images/photo.jpg", "Photo")),
        ),
        AgendaItem(
            "Again", 10, points=("Three",), pictures=(Picture("images/wide.png", "Wide again"),)
        ),
    )
    path = folder / "pictures.md"
    save_session(Session("Pictures", items=items), path)
    return load_session(path)[0]


def box(shape) -> tuple[int, int, int, int]:
    return (
        int(shape.left),
        int(shape.top),
        int(shape.left + shape.width),
        int(shape.top + shape.height),
    )


def overlaps(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def item_slide(prs, title: str):
    return next(
        s for s in prs.slides if s.shapes.title is not None and s.shapes.title.text == title
    )


def test_each_picture_is_on_its_slide_described_inside_it_and_clear_of_the_text(tmp_path):
    session = session_in(tmp_path)
    deck = tmp_path / "pictures.pptx"
    export_deck(session, deck)
    prs = Presentation(str(deck))
    for item in session.items:
        slide = item_slide(prs, item.title)
        pictures = [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
        assert [p._element.nvPicPr.cNvPr.get("descr") for p in pictures] == [
            p.alt for p in item.pictures
        ]
        texts = [s for s in slide.shapes if s.has_text_frame and s.text_frame.text.strip()]
        assert texts, "the title and time budget are there"
        for shape, picture in zip(pictures, item.pictures, strict=True):
            left, top, right, bottom = box(shape)
            assert 0 <= left < right <= prs.slide_width and 0 <= top < bottom <= prs.slide_height
            assert not any(overlaps(box(shape), box(text)) for text in texts), item.title
            with Image.open(session.picture_file(picture)) as image:
                ratio = image.width / image.height
            assert shape.width / shape.height == pytest.approx(ratio, rel=0.01)
        others = [box(p) for p in pictures]
        assert not any(overlaps(a, b) for i, a in enumerate(others) for b in others[i + 1 :])


def test_the_same_picture_bytes_give_the_same_deck_and_one_part(tmp_path):
    session = session_in(tmp_path)
    first, second = deck_for(session), deck_for(session)
    assert first == second
    import zipfile

    with zipfile.ZipFile(io.BytesIO(first)) as deck:
        media = sorted(n for n in deck.namelist() if n.startswith("ppt/media/"))
        assert media == ["ppt/media/image1.png", "ppt/media/image2.png", "ppt/media/image3.jpg"]
        assert deck.read("ppt/media/image1.png") == (tmp_path / "images" / "wide.png").read_bytes()


def test_a_layouts_picture_placeholder_takes_the_picture(tmp_path):
    png(tmp_path / "a.png", (300, 300))
    session = Session("S", folder=str(tmp_path))
    item = AgendaItem("Item", 5, points=("Words",), pictures=(Picture("a.png", "A square"),))
    prs = Presentation()
    layout = next(lo for lo in prs.slide_layouts if lo.name == "Picture with Caption")
    slide = prs.slides.add_slide(layout)
    placeholders = [(s, s.placeholder_format.type) for s in slide.placeholders]
    spot = next(s for s, kind in placeholders if kind == PP_PLACEHOLDER.PICTURE)
    room = box(spot)
    body = next(s for s, kind in placeholders if kind == PP_PLACEHOLDER.BODY)
    area = (int(body.left), int(body.top), int(body.width), int(body.height))
    assert place_pictures(slide, placeholders, body, session, item, area) == area
    picture = next(s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE)
    left, top, right, bottom = box(picture)
    assert room[0] <= left and room[1] <= top and right <= room[2] and bottom <= room[3]
    assert picture.width == pytest.approx(picture.height, rel=0.01)


def test_the_bundled_session_exports_its_three_pictures_with_their_alt_text(tmp_path):
    session = bundled_session()
    prs = Presentation(io.BytesIO(deck_for(session)))
    described = {
        slide.shapes.title.text: [
            s._element.nvPicPr.cNvPr.get("descr")
            for s in slide.shapes
            if s.shape_type == MSO_SHAPE_TYPE.PICTURE
        ]
        for slide in prs.slides
        if slide.shapes.title is not None
    }
    for item in session.items:
        assert described[item.title] == [p.alt for p in item.pictures]


# -- back again ------------------------------------------------------------------------------


def test_export_then_import_gives_back_the_session_and_the_same_picture_bytes(tmp_path):
    session = session_in(tmp_path / "first")
    deck = tmp_path / "deck.pptx"
    export_deck(session, deck)
    back = tmp_path / "back" / "session.md"
    back.parent.mkdir()
    imported, warnings = import_deck(deck, picture_folder=back.parent)
    save_session(imported, back)
    assert load_session(back)[0] == session
    assert not [w for w in warnings if "picture" in w.message]
    for item in session.items:
        for picture in item.pictures:
            again = back.parent / picture.path
            assert again.read_bytes() == Path(session.picture_file(picture)).read_bytes()


def test_without_a_folder_pictures_are_left_out_with_a_word(tmp_path):
    deck = tmp_path / "deck.pptx"
    export_deck(session_in(tmp_path), deck)
    session, warnings = import_deck(deck)
    assert all(not item.pictures for item in session.items)
    assert any("left out pictures" in w.message for w in warnings)


def _background_deck(path: Path, pictures: list[Path]) -> Path:
    """Slides that are only a background picture, as Marp's default export makes them."""
    prs = Presentation()
    blank = next(lo for lo in prs.slide_layouts if lo.name == "Blank")
    for picture in pictures:
        slide = prs.slides.add_slide(blank)
        _part, rid = slide.part.get_or_add_image_part(str(picture))
        background = etree.fromstring(
            '<p:bg xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
            'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
            f'<p:bgPr><a:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch>'
            "</a:blipFill><a:effectLst/></p:bgPr></p:bg>"
        )
        slide._element.cSld.insert(0, background)
        slide.notes_slide.notes_text_frame.text = f"Say something about {picture.stem}."
    prs.save(path)
    return path


def test_a_deck_of_background_pictures_only_gives_items_carrying_them(tmp_path):
    sources = [png(tmp_path / "one.png", colour="red"), png(tmp_path / "two.png", colour="blue")]
    deck = _background_deck(tmp_path / "marp.pptx", sources)
    folder = tmp_path / "session"
    session, warnings = import_deck(deck, picture_folder=folder)
    assert [item.title for item in session.items] == ["Slide 1", "Slide 2"]
    for number, (item, source) in enumerate(zip(session.items, sources, strict=True), 1):
        assert item.pictures == (
            Picture(f"images/slide-{number}.png", f"Picture from slide {number}"),
        )
        assert (folder / item.pictures[0].path).read_bytes() == source.read_bytes()
    assert sum("no description" in w.message for w in warnings) == 2
    assert not any("left out" in w.message for w in warnings)
    save_session(session, folder / "session.md")
    again = tmp_path / "again.pptx"
    export_deck(load_session(folder / "session.md")[0], again)
    exported = [
        s.image.blob
        for slide in Presentation(str(again)).slides
        for s in slide.shapes
        if s.shape_type == MSO_SHAPE_TYPE.PICTURE
    ]
    assert exported == [source.read_bytes() for source in sources]


def _libreoffice_deck(folder: Path, picture: bytes) -> Path:
    """A deck LibreOffice writes: a titled slide with a picture, one with a grouped one."""
    data = base64.b64encode(picture).decode()
    frame = (
        '<draw:frame svg:x="2cm" svg:y="4cm" svg:width="8cm" svg:height="4cm"><draw:image>'
        f"<office:binary-data>{data}</office:binary-data></draw:image>"
        "<svg:desc>{alt}</svg:desc></draw:frame>"
    )

    def page(number: int, title: str, body: str) -> str:
        return (
            f'<draw:page draw:name="p{number}" draw:master-page-name="Default">'
            '<draw:frame presentation:class="title" svg:x="1cm" svg:y="1cm" svg:width="20cm" '
            f'svg:height="2cm"><draw:text-box><text:p>{title}</text:p></draw:text-box>'
            f"</draw:frame>{body}</draw:page>"
        )

    grouped = (
        "<draw:g>"
        + frame.format(alt="A grouped teal box")
        + '<draw:rect svg:x="12cm" svg:y="4cm" svg:width="3cm" svg:height="3cm"/></draw:g>'
    )
    source = folder / "made-by-libreoffice.fodp"
    source.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<office:document {NAMESPACES} office:version="1.3" '
        'office:mimetype="application/vnd.oasis.opendocument.presentation">'
        '<office:automatic-styles><style:page-layout style:name="PM1">'
        '<style:page-layout-properties fo:page-width="28cm" fo:page-height="15.75cm"/>'
        "</style:page-layout></office:automatic-styles><office:master-styles>"
        '<style:master-page style:name="Default" style:page-layout-name="PM1"/>'
        "</office:master-styles><office:body><office:presentation>"
        + page(1, "A picture", frame.format(alt="A teal box"))
        + page(2, "A group", grouped)
        + "</office:presentation></office:body></office:document>",
        encoding="utf-8",
    )
    return convert(source, "pptx", folder, folder / "lo-profile")


@pytest.mark.skipif(
    not SOFFICE and not os.environ.get("CI"), reason="LibreOffice (soffice) not installed"
)
@pytest.mark.timeout(110)
def test_a_libreoffice_deck_gives_its_pictures_back_byte_for_byte(tmp_path):
    picture = png(tmp_path / "box.png").read_bytes()
    deck = _libreoffice_deck(tmp_path, picture)
    folder = tmp_path / "session"
    session, _warnings = import_deck(deck, picture_folder=folder)
    assert [item.title for item in session.items] == ["A picture", "A group"]
    assert [[p.alt for p in item.pictures] for item in session.items] == [
        ["A teal box"],
        ["A grouped teal box"],
    ]
    for item in session.items:
        assert (folder / item.pictures[0].path).read_bytes() == picture
    save_session(session, folder / "session.md")
    reread = load_session(folder / "session.md")[0]
    assert reread == session
    again = Presentation(io.BytesIO(deck_for(reread)))
    blobs = [
        s.image.blob
        for sl in again.slides
        for s in sl.shapes
        if s.shape_type == MSO_SHAPE_TYPE.PICTURE
    ]
    assert blobs == [picture, picture]


def test_a_picture_in_another_format_is_left_out_with_a_word(tmp_path):
    gif = tmp_path / "a.gif"
    Image.new("RGB", (10, 10), "red").save(gif, "GIF")
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[5])
    slide.shapes.title.text = "A gif"
    slide.shapes.add_picture(str(gif), Inches(1), Inches(2))
    prs.save(tmp_path / "gif.pptx")
    session, warnings = import_deck(tmp_path / "gif.pptx", picture_folder=tmp_path / "out")
    assert session.items[0].pictures == ()
    assert any("left out a GIF picture" in w.message for w in warnings)


def test_the_sessions_own_picture_goes_above_the_title_and_comes_back(tmp_path):
    import dataclasses

    session = session_in(tmp_path / "first")
    png(tmp_path / "first" / "images" / "logo.png", (300, 100), "navy")
    session = dataclasses.replace(session, picture=Picture("images/logo.png", "The logo"))
    deck = tmp_path / "deck.pptx"
    export_deck(session, deck)
    title_slide = Presentation(str(deck)).slides[0]
    logo = next(s for s in title_slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE)
    assert logo._element.nvPicPr.cNvPr.get("descr") == "The logo"
    texts = [box(s) for s in title_slide.shapes if s.has_text_frame and s.text_frame.text]
    assert all(box(logo)[3] <= text[1] for text in texts)  # above the title and subtitle
    back = tmp_path / "back"
    imported, warnings = import_deck(deck, picture_folder=back)
    assert imported.picture == session.picture
    assert imported == session
    assert (back / "images" / "logo.png").read_bytes() == (
        tmp_path / "first" / "images" / "logo.png"
    ).read_bytes()
    assert not any("left out" in w.message for w in warnings)
