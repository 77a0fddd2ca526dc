"""Organisation templates made in LibreOffice: each kind of slide on the layout and master
the template meant for it, points in the body placeholder, text inside the template's boxes."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER

from presenter.agenda.model import AgendaItem
from presenter.deck.metrics import EMU_PER_POINT, bundled_metrics
from presenter.deck.style import placeholder_style
from presenter.deck.text import CONTINUED
from presenter.deck.writer import export_deck
from tests.deck.decks import bundled_session, small_session
from tests.deck.odp_templates import ROLES, SOFFICE, convert, libreoffice_template
from tests.deck.valid import assert_valid_pptx

pytestmark = pytest.mark.skipif(
    not SOFFICE and not os.environ.get("CI"),
    reason="LibreOffice (soffice) not installed; CI installs it",
)
BODY_KINDS = (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT)


@pytest.fixture(scope="session", params=["blue", "green"])
def template(request, tmp_path_factory):
    """A LibreOffice-made template, converted once per test session."""
    return request.param, libreoffice_template(request.param, tmp_path_factory.mktemp("lo"))


def master_of(prs, slide) -> int:
    return list(prs.slide_masters).index(slide.slide_layout.slide_master)


def template_masters(path) -> dict[str, int]:
    """Which master of the template is which, found by its sample slides (one per master,
    in the order the flat ODP lists its masters)."""
    prs = Presentation(str(path))
    return {
        slide.shapes.title.text.removeprefix("Sample "): master_of(prs, slide)
        for slide in prs.slides
    }


def with_a_long_item(session):
    many = tuple(f"Point number {n} about using the app at work" for n in range(1, 12))
    long_title = "A title long enough to need two lines on the template's title band"
    return session.__class__(
        **{
            **session.__dict__,
            "items": (*session.items, AgendaItem(long_title, 5, points=many)),
        }
    )


@pytest.mark.timeout(120)
def test_each_kind_of_slide_uses_the_layout_and_master_the_template_meant(template, tmp_path):
    name, path = template
    masters = template_masters(path)
    roles = ROLES[name]
    session = with_a_long_item(small_session(length=40))
    target = tmp_path / "deck.pptx"
    export_deck(session, target, template=path)
    assert_valid_pptx(target)  # PowerPoint would open it without offering a repair
    prs = Presentation(str(target))
    slides = list(prs.slides)
    title, agenda, closing = slides[0], slides[1], slides[-1]
    assert master_of(prs, title) == masters[roles["cover"]]
    assert master_of(prs, closing) == masters[roles["cover"]]
    assert master_of(prs, agenda) == masters[roles["content"]]
    breaks = [s for s in slides if s.shapes.title.text == "Tea"]
    assert breaks and all(master_of(prs, s) == masters[roles["section"]] for s in breaks)
    items = [s for s in slides[2:-1] if s not in breaks]
    assert len(items) >= 3  # Welcome, Try it, and the long item with its "(cont.)" slide
    for slide in items:
        assert slide.slide_layout.name == "Title, Content"
        assert master_of(prs, slide) == masters[roles["content"]]
        bodies = [ph for ph in slide.placeholders if ph.placeholder_format.type in BODY_KINDS]
        assert len(bodies) == 1 and bodies[0].text_frame.text.strip()
        texts = [s for s in slide.shapes if s.has_text_frame and not s.is_placeholder]
        assert all(s.name == "Time budget" for s in texts), [s.name for s in texts]


@pytest.mark.timeout(120)
def test_a_two_line_title_is_set_smaller_to_stay_in_the_template_band(template, tmp_path):
    _name, path = template
    target = tmp_path / "deck.pptx"
    export_deck(with_a_long_item(small_session(length=40)), target, template=path)
    prs = Presentation(str(target))
    slide = next(s for s in prs.slides if s.shapes.title.text.startswith("A title long"))
    title = slide.shapes.title
    style = placeholder_style(title)
    size = title.text_frame.paragraphs[0].runs[0].font.size
    assert size is not None and size.pt < style.size
    lines = bundled_metrics().wrap(title.text_frame.text, style.text_width(title.width), size.pt)
    assert len(lines) * style.line_height(size.pt) * EMU_PER_POINT <= title.height


@pytest.mark.timeout(120)
def test_points_take_the_template_bullets_and_stay_inside_the_slide(template, tmp_path):
    _name, path = template
    target = tmp_path / "deck.pptx"
    export_deck(with_a_long_item(bundled_session()), target, template=path)
    assert_valid_pptx(target)
    prs = Presentation(str(target))
    for slide in prs.slides:
        for shape in slide.placeholders:
            assert shape.top + shape.height <= prs.slide_height, slide.shapes.title.text
            assert shape.left + shape.width <= prs.slide_width
        for shape in slide.placeholders:
            if shape.placeholder_format.type in BODY_KINDS:
                first = shape.text_frame.paragraphs[0]._p.pPr
                assert first is not None, slide.shapes.title.text
                bullets = [e for e in first.iter() if e.tag.endswith("}buChar")]
                assert bullets, slide.shapes.title.text


@pytest.mark.timeout(120)
def test_explain_says_which_layout_of_which_master_each_role_got(template, tmp_path):
    name, path = template
    masters = template_masters(path)
    roles = ROLES[name]
    target = str(tmp_path / "d.pptx")
    command = ["export", "twitter-hour", "-o", target, "--template", str(path), "--explain"]
    done = subprocess.run(
        [sys.executable, "-m", "presenter", *command],
        capture_output=True,
        text=True,
        timeout=100,
    )
    assert done.returncode == 0, done.stderr
    lines = {line.strip().split(":")[0]: line.strip() for line in done.stdout.splitlines()}
    cover = masters[roles["cover"]] + 1
    content = masters[roles["content"]] + 1
    section = masters[roles["section"]] + 1
    assert f"“Title Slide” of master {cover}:" in lines["title slide"]
    assert f"“Title, Content” of master {content}:" in lines["items"]
    assert "a title and one body placeholder" in lines["items"]
    assert f"of master {section}:" in lines["breaks"]
    assert f"“Title Only” of master {content}:" in lines["agenda"]
    assert f"“Title Slide” of master {cover}:" in lines["closing slide"]


@pytest.mark.timeout(200)
def test_a_libreoffice_render_of_a_template_deck_has_a_page_per_slide(template, tmp_path):
    _name, path = template
    deck = tmp_path / "deck.pptx"
    export_deck(with_a_long_item(small_session(length=40)), deck, template=path)
    pdf = convert(deck, "pdf", tmp_path, tmp_path / "lo-profile")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    pages = int(next(line for line in info.stdout.splitlines() if line.startswith("Pages:"))[6:])
    prs = Presentation(str(deck))
    assert pages == len(prs.slides)
    assert any(s.shapes.title.text.endswith(CONTINUED) for s in prs.slides)
