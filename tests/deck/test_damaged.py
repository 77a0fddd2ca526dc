"""Damaged decks and templates: one line naming the file and the slide, exit 2, or an
import of what can still be read with a warning naming what was left out."""

from __future__ import annotations

import pytest

from presenter.agenda.reader import load_session
from presenter.deck.reader import import_deck
from presenter.deck.writer import export_deck
from tests.commands.test_deck import presenter
from tests.deck import damaged
from tests.deck.decks import BUNDLED, bundled_session


@pytest.fixture(scope="module")
def good(tmp_path_factory):
    path = tmp_path_factory.mktemp("good") / "good.pptx"
    export_deck(bundled_session(), path)
    return path


def one_line(done) -> str:
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    return lines[0]


def test_empty_shapes_as_pandoc_writes_them_are_left_out_with_a_warning(good, tmp_path):
    deck = damaged.empty_shapes(good, tmp_path / "pandoc.pptx", slide=3)
    session, warnings = import_deck(deck, picture_folder=tmp_path)  # as the command does
    assert [str(w) for w in warnings if "damaged" in str(w)] == [
        f"{deck}:3: warning: slide 3: left out damaged shapes"
    ]
    assert [i.title for i in session.items] == [i.title for i in bundled_session().items]
    done = presenter("import", deck, "-o", tmp_path / "back.md")
    assert done.returncode == 0, done.stderr
    assert "slide 3: left out damaged shapes" in done.stderr
    assert load_session(tmp_path / "back.md")[0].items == session.items


def test_a_slide_missing_from_the_package_is_left_out_with_a_warning(good, tmp_path):
    deck = damaged.missing_slide(good, tmp_path / "holed.pptx", slide=3)
    session, warnings = import_deck(deck)
    assert f"{deck}:3: warning: slide 3 is missing from the file; left out" in map(str, warnings)
    expected = [i.title for i in bundled_session().items]
    assert [i.title for i in session.items] == expected[1:]  # slide 3 held the first item


def test_a_slide_cut_short_is_one_line_naming_the_slide(good, tmp_path):
    deck = damaged.cut_short(good, tmp_path / "cut.pptx", slide=4)
    done = presenter("import", deck, "-o", tmp_path / "back.md")
    assert done.returncode == 2
    assert one_line(done) == (
        f"presenter: {deck}: slide 4 (ppt/slides/slide4.xml) is cut short or damaged; "
        "open it in PowerPoint or LibreOffice and save it again"
    )
    assert not (tmp_path / "back.md").exists()


def test_a_file_that_is_not_a_whole_zip_is_one_line(good, tmp_path):
    deck = tmp_path / "half.pptx"
    deck.write_bytes(good.read_bytes()[:5000])
    done = presenter("import", deck, "-o", tmp_path / "back.md")
    assert done.returncode == 2
    assert one_line(done).startswith(f"presenter: {deck}: not a PowerPoint .pptx file")


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (
            damaged.missing_master,
            "the template lists slide master 2, which is missing from the file; open it in "
            "PowerPoint or LibreOffice and save it again, or use another template",
        ),
        (
            damaged.cut_short,
            "slide 2 (ppt/slides/slide2.xml) is cut short or damaged; open it in PowerPoint or "
            "LibreOffice and save it again",
        ),
    ],
    ids=["missing master", "slide cut short"],
)
def test_a_damaged_template_is_one_line_and_writes_nothing(good, tmp_path, make, message):
    template = make(good, tmp_path / "template.pptx")
    done = presenter("export", BUNDLED, "-o", tmp_path / "d.pptx", "--template", template)
    assert done.returncode == 2
    assert one_line(done) == f"presenter: {template}: {message}"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["template.pptx"]


def test_a_template_with_empty_shapes_still_gives_a_deck(good, tmp_path):
    template = damaged.empty_shapes(good, tmp_path / "template.pptx")
    done = presenter("export", BUNDLED, "-o", tmp_path / "d.pptx", "--template", template)
    assert done.returncode == 0, done.stderr
    session, _ = import_deck(tmp_path / "d.pptx")
    assert [i.title for i in session.items] == [i.title for i in bundled_session().items]
