"""GFM tables: an item's table in a session file and in Markdown decks, written back as
one, and its rows said as points for the audience screen."""

from __future__ import annotations

from presenter.agenda.cache import load_session_cached
from presenter.agenda.reader import load_session, parse_session
from presenter.agenda.tables import gfm_lines, table_points
from presenter.agenda.writer import write_session

SESSION = """---
title: Reactions
start: "12:00"
length: 20
---

## What the icons mean [10 min]

- Each icon does one thing

| Icon | Meaning |
| :--- | ---: |
| Heart | **Like** |
| Arrows | Share a \\| pipe |
|  | no icon |

```notes
Ask who has used them.
```

## Try it [10 min]

- Post one
"""


def read(text: str):
    session, problems = parse_session(text, "s.md")
    assert session is not None, [str(p) for p in problems.errors]
    return session, problems


def test_a_gfm_table_in_an_item_is_its_table_not_points():
    session, problems = read(SESSION)
    item = session.items[0]
    assert item.points == ("Each icon does one thing",)
    assert item.table == (
        ("Icon", "Meaning"),
        ("Heart", "**Like**"),
        ("Arrows", "Share a | pipe"),
        ("", "no icon"),
    )
    assert item.notes == "Ask who has used them."
    assert not problems.warnings


def test_writing_a_session_with_a_table_reads_back_equal():
    session, _ = read(SESSION)
    written = write_session(session)
    assert "| Arrows | Share a \\| pipe |" in written
    again, _ = read(written)
    assert again == session
    assert write_session(again) == written


def test_a_second_table_in_an_item_is_kept_as_written_with_a_warning():
    text = SESSION.replace("```notes", "| A | B |\n|---|---|\n| 1 | 2 |\n\n```notes")
    session, problems = read(text)
    item = session.items[0]
    assert item.table[0] == ("Icon", "Meaning")
    assert item.points[-1] == "| A | B |\n|---|---|\n| 1 | 2 |"
    (warning,) = problems.warnings
    assert warning.line == 17 and "kept as points" in warning.message
    again, _ = read(write_session(session))
    assert again == session


def test_the_audience_reads_each_row_against_the_header():
    assert table_points((("Icon", "Meaning"), ("Heart", "Like"), ("", "no icon"))) == (
        "Heart: Like",
        "no icon",
    )
    three = (("Icon", "Meaning", "Count"), ("Heart", "Like", "3"), ("Arrows", "", "5"))
    assert table_points(three) == ("Heart — Meaning: Like, Count: 3", "Arrows — Count: 5")
    assert table_points((("Only", "A header"),)) == ("Only — A header",)
    assert table_points((("Step",), ("Open the app",))) == ("Open the app",)
    assert table_points(()) == ()


def test_rows_shorter_than_the_header_are_written_with_empty_cells():
    assert gfm_lines((("A", "B", "C"), ("1",))) == [
        "| A | B | C |",
        "| --- | --- | --- |",
        "| 1 |  |  |",
    ]


def test_a_marp_deck_table_is_the_slide_table_without_its_markup():
    deck = """---
marp: true
---

## Reactions

| Icon | Meaning |
|---|---|
| `Heart` | **Like** it |

---

## Plain

- a point
"""
    session, _problems = read(deck)
    reactions, plain = session.items
    assert reactions.points == ()
    assert reactions.table == (("Icon", "Meaning"), ("Heart", "Like it"))
    assert plain.table == () and plain.points == ("a point",)


def test_a_deck_slide_of_a_table_alone_is_kept_as_an_item():
    deck = "---\nmarp: true\n---\n\n# Deck\n\n---\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
    session, _ = read(deck)
    (item,) = session.items
    assert item.title == "Slide 1" and item.table == (("a", "b"), ("1", "2"))


def test_a_pandoc_table_inside_columns_is_read_as_the_slide_table():
    deck = (
        "% Talk\n% Someone\n\n# One\n\n:::: {.columns}\n::: {.column}\n- left\n:::\n"
        "::: {.column}\n| x | y |\n|---|---|\n| 1 | 2 |\n:::\n::::\n\n# Two\n\n- more\n"
    )
    session, _ = read(deck)
    one = session.items[0]
    assert one.points == ("left",) and one.table == (("x", "y"), ("1", "2"))


def test_a_table_comes_back_from_the_cache(tmp_path):
    path = tmp_path / "s.md"
    path.write_text(SESSION, encoding="utf-8")
    fresh, _ = load_session(path)
    load_session_cached(path, tmp_path / "cache")
    cached, _ = load_session_cached(path, tmp_path / "cache")
    assert cached == fresh and cached.items[0].table == fresh.items[0].table
