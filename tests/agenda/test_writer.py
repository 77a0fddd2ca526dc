"""Writing sessions: what is written reads back equal, and hand-written files lose nothing."""

from __future__ import annotations

import shutil
import string
from datetime import time

from hypothesis import example, given, settings
from hypothesis import strategies as st

from presenter.agenda.bundled import bundled_session_path
from presenter.agenda.model import AgendaItem, Kind, Session
from presenter.agenda.reader import load_session, parse_session
from presenter.agenda.writer import save_session, write_session

# Text a facilitator types: letters (some accented), digits, punctuation Markdown cares about.
LETTERS = string.ascii_letters + string.digits + "éüøñß你"
SYMBOLS = " .,;:!?'\"()[]{}<>*_`#@&%/\\|~^=+-$"
words = st.text(alphabet=LETTERS + SYMBOLS, min_size=1, max_size=40).filter(
    lambda t: t.strip() and t.strip()[0] in LETTERS
)
lines = st.lists(words, min_size=1, max_size=3).map("\n".join)


@st.composite
def outlines(draw) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """Points and their levels as an outline holds them: none deeper than one below the last."""
    points = draw(st.lists(lines, max_size=4))
    levels: list[int] = []
    for _point in points:
        levels.append(draw(st.integers(0, levels[-1] + 1)) if levels else 0)
    return tuple(points), tuple(levels)


@st.composite
def items(draw) -> AgendaItem:
    points, levels = draw(outlines())
    kind = draw(st.sampled_from(Kind))
    return AgendaItem(
        title=draw(words),
        minutes=draw(st.integers(0 if kind is Kind.SECTION else 1, 90)),
        kind=kind,
        fixed=draw(st.booleans()),
        points=points,
        levels=levels,
        hidden=draw(st.booleans()),
        notes=draw(
            st.one_of(st.just(""), lines, st.just("Say hello.\n```\ncode\n```\n- [ ] tick"))
        ),
        min_minutes=draw(st.one_of(st.none(), st.integers(1, 10))),
    )


@st.composite
def sessions(draw) -> Session:
    return Session(
        title=draw(words),
        items=tuple(draw(st.lists(items(), min_size=1, max_size=5))),
        subtitle=draw(st.one_of(st.just(""), words)),
        facilitators=tuple(draw(st.lists(words, max_size=3))),
        audience=draw(st.one_of(st.just(""), words)),
        venue=draw(st.one_of(st.just(""), words)),
        start=time(draw(st.integers(0, 23)), draw(st.integers(0, 59))),
        length=draw(st.integers(1, 240)),
        approval=draw(st.one_of(st.just(""), words)),
        readiness=tuple(draw(st.lists(words, max_size=3))),
        soon_percent=draw(st.integers(0, 100)),
        soon_minutes=draw(st.sampled_from([0, 1, 2, 2.5, 5])),
        description=draw(st.one_of(st.just(""), lines)),
    )


@settings(max_examples=300, deadline=None)
@given(sessions())
# A point whose first line starts with a space and whose next line is "0.": the next line
# must line up with the first line's text or it starts a list of its own.
@example(Session(title="T", items=(AgendaItem(title="A", minutes=5, points=(" 0\n0.",)),)))
# A description whose lines look like a list and a paragraph: kept as one text.
@example(Session(title="T", items=(AgendaItem(title="A", minutes=5),), description="0.\n0"))
def test_reading_what_was_written_gives_an_equal_session(session):
    text = write_session(session)
    again, problems = parse_session(text, "written.md")
    assert not problems.errors, [str(p) for p in problems] + [text]
    assert again == session, text


def test_hidden_items_sections_and_nested_points_are_written_and_read_back():
    session = Session(
        title="T",
        items=(
            AgendaItem("Part one", 0, kind=Kind.SECTION),
            AgendaItem(
                "Who", 5, points=("Colleagues", "Your ward", "Deeper", "Trust"), levels=(0, 1, 2, 0)
            ),
            AgendaItem("Spare slide", 3, hidden=True, points=("Only if asked",)),
        ),
        length=5,
    )
    text = write_session(session)
    assert "## Part one [section]" in text and "## Spare slide [3 min, hidden]" in text
    assert "- Colleagues\n  - Your ward\n    - Deeper\n- Trust" in text
    again, problems = parse_session(text, "written.md")
    assert not problems.errors and problems.warnings == []  # 5 timed minutes: the slot
    assert again == session


def test_resaving_the_bundled_session_keeps_every_point_and_note(tmp_path):
    original, _ = load_session(bundled_session_path())
    copy = tmp_path / "copy.md"
    shutil.copytree(bundled_session_path().parent / "images", tmp_path / "images")
    save_session(original, copy)
    again, warnings = load_session(copy)
    assert warnings == []
    assert again == original
    text = copy.read_text(encoding="utf-8")
    for item in original.items:
        for point in item.points:
            assert point in text
        assert item.notes in text


def test_resaving_a_hand_written_file_keeps_paragraphs_and_comments():
    hand = (
        "---\ntitle: Hand made\nlength: 30\n---\n\nA word before the agenda.\n\n"
        "## Start [10 min]\n\nA paragraph, not a bullet.\n\n1. First\n2. Second\n\n"
        "<!-- remember the clicker -->\n\n## End [20 min]\n\n* star bullet\n"
    )
    session, problems = parse_session(hand, "hand.md")
    assert not problems.errors
    start = session.items[0]
    assert start.points == ("A paragraph, not a bullet.", "First", "Second")
    assert start.notes == "remember the clicker"
    assert session.description == "A word before the agenda."
    again, _ = parse_session(write_session(session), "again.md")
    assert again == session


def test_save_replaces_the_file_whole_and_leaves_no_temporary_files(tmp_path):
    session, _ = load_session(bundled_session_path())
    target = tmp_path / "s.md"
    target.write_text("old", encoding="utf-8")
    save_session(session, target)
    assert target.read_text(encoding="utf-8").startswith("---\ntitle: Twitter hour\n")
    # Its pictures come along, so the saved copy shows them too.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["images", "s.md"]
    assert sorted(p.name for p in (tmp_path / "images").iterdir()) == [
        "good-bio.png",
        "icons.png",
        "who-to-follow.png",
    ]
