"""pandoc and Marp decks read as their authors meant: no markup left on the audience screen,
the deck's own title and authors, Marp's headingDivider, notes as prose, and a warning for
every slide that is merged or left out."""

from __future__ import annotations

from presenter.agenda.reader import parse_session
from presenter.deck.notes import split_timing

MARKUP = (":::", "|---|", "###", "`", "**", "|")

PANDOC = """% Posting with confidence
% A. Facilitator; B. Facilitator
% 3 March 2026

# Getting going

## Welcome

::: incremental
- Who we are
- Why this **hour**
:::

::: notes
Greet people as they arrive and ask
who already has the app on their phone.

- [ ] Point out the sign-in laptop
- [x] Check the projector

Timing: 5 min (12:00–12:05).
:::

## Two ways to post

:::::::::::::: {.columns}
::: {.column width="50%"}
### From the phone
Tap the `+` button
:::
::: {.column width="50%"}
### From the desk
Use the *web* site
:::
::::::::::::::

## What the icons mean

| Icon | Name | What it does |
|------|------|--------------|
| ♥ | Like | Says you liked it |
| ↻ | Repost | Shares it with `your` followers |

## Keeping it safe

::: nonincremental
1. Read the trust's policy
2. Never post about patients
:::

```
Settings > Privacy and safety
```

---

Questions are welcome at any point.
"""

MARP = """---
marp: true
headingDivider: 2
paginate: true
---

# Twitter hour

## Welcome

- Who we are

<!--
Greet people as they arrive and ask who
already has the app.
-->

## Why Twitter

- News first
- Meet colleagues

## Who to follow

- Your trust
- Your college

## What to post

- Your work, not your patients

## Top tips

- Little and often

## Questions

- Anything at all
"""


def points_of(session) -> list[str]:
    cells = [cell for item in session.items for row in item.table for cell in row]
    return [point for item in session.items for point in item.points] + cells


def test_pandoc_deck_unwraps_divs_and_reads_its_title_block():
    session, problems = parse_session(PANDOC, "deck.md")
    assert not problems.errors
    assert session.title == "Posting with confidence"
    assert session.facilitators == ("A. Facilitator", "B. Facilitator")
    assert session.description == "Date: 3 March 2026"
    assert [i.title for i in session.items] == [
        "Welcome",
        "Two ways to post",
        "What the icons mean",
        "Keeping it safe",
    ]
    welcome, ways, icons, safe = session.items
    assert welcome.points == ("Who we are", "Why this hour")
    assert ways.points == (
        "From the phone",
        "Tap the + button",
        "From the desk",
        "Use the web site",
    )
    assert icons.points == ()
    assert icons.table == (
        ("Icon", "Name", "What it does"),
        ("♥", "Like", "Says you liked it"),
        ("↻", "Repost", "Shares it with your followers"),
    )
    assert safe.points == (
        "Read the trust's policy",
        "Never post about patients",
        "Settings > Privacy and safety",
        "Questions are welcome at any point.",
    )
    for point in points_of(session):
        assert not any(mark in point for mark in MARKUP), point


def test_pandoc_notes_read_as_prose_with_checklists_and_the_timing_line_kept():
    session, _ = parse_session(PANDOC, "deck.md")
    notes = session.items[0].notes
    assert notes == (
        "Greet people as they arrive and ask who already has the app on their phone.\n\n"
        "☐ Point out the sign-in laptop\n"
        "☑ Check the projector\n\n"
        "Timing: 5 min (12:00–12:05)."
    )
    rest, timing = split_timing(notes)
    assert timing is not None and timing.minutes == 5
    assert rest.endswith("☑ Check the projector")


def test_a_timing_line_wrapped_onto_a_paragraph_stays_its_own_line():
    deck = "# One\n\n- a\n\n::: notes\nSay hello\nto everyone.\nTiming: 7 min (12:00–12:07).\n:::\n"
    session, _ = parse_session(deck, "deck.md")
    assert session.items[0].notes == "Say hello to everyone.\nTiming: 7 min (12:00–12:07)."
    assert split_timing(session.items[0].notes)[1].minutes == 7


def test_an_untitled_slide_after_a_rule_is_merged_with_a_warning_naming_it():
    _, problems = parse_session(PANDOC, "deck.md")
    rule_line = PANDOC.split("\n").index("---") + 1
    merged = [w for w in problems.warnings if w.line == rule_line]
    assert len(merged) == 1 and "'Keeping it safe'" in merged[0].message
    section = [w for w in problems.warnings if "'Getting going'" in w.message]
    assert len(section) == 1 and section[0].line == 5


def test_marp_heading_divider_starts_a_slide_at_each_heading_and_names_the_deck():
    session, problems = parse_session(MARP, "deck.md")
    assert not problems.errors
    assert session.title == "Twitter hour"
    assert [i.title for i in session.items] == [
        "Welcome",
        "Why Twitter",
        "Who to follow",
        "What to post",
        "Top tips",
        "Questions",
    ]
    assert session.items[0].notes == "Greet people as they arrive and ask who already has the app."
    assert session.planned_minutes == 60
    title_slide = [w for w in problems.warnings if "title slide" in w.message]
    assert len(title_slide) == 1 and title_slide[0].line == 7
    for point in points_of(session):
        assert not any(mark in point for mark in MARKUP), point


def test_without_heading_divider_the_same_marp_deck_is_one_slide():
    session, _ = parse_session(MARP.replace("headingDivider: 2\n", ""), "deck.md")
    assert len(session.items) == 1


def test_heading_divider_as_a_directive_comment_and_as_a_list_of_levels():
    deck = (
        "---\nmarp: true\n---\n\n<!-- headingDivider: [3] -->\n\n# Deck\n\n"
        "### A\n\n- a\n\n### B\n\n- b\n"
    )
    session, _ = parse_session(deck, "deck.md")
    assert session.title == "Deck"
    assert [i.title for i in session.items] == ["A", "B"]
    assert [i.points for i in session.items] == [("a",), ("b",)]


def test_marp_deck_without_title_takes_its_first_heading():
    deck = "---\nmarp: true\n---\n\n# Welcome\n\n- Who we are\n\n---\n\n# Next\n\n- More\n"
    session, _ = parse_session(deck, "my-file.md")
    assert session.title == "Welcome"
    assert [i.title for i in session.items] == ["Welcome", "Next"]


def test_a_slide_of_notes_alone_gives_them_to_the_next_slide_with_a_warning():
    deck = (
        "---\nmarp: true\n---\n\n# One\n\n- a\n\n---\n\n<!-- Hand out the sheets. -->\n\n"
        "---\n\n# Two\n\n- b\n"
    )
    session, problems = parse_session(deck, "deck.md")
    assert [i.title for i in session.items] == ["One", "Two"]
    assert session.items[1].notes == "Hand out the sheets."
    assert any(w.line == 10 and "notes" in w.message for w in problems.warnings)


def test_yaml_authors_as_pandoc_entries_and_a_date():
    deck = (
        "---\ntitle: Twitter hour\nauthor:\n  - name: A. Facilitator\n    affiliation: Library\n"
        "  - B. Facilitator\ndate: 2026-03-03\n---\n\n## One\n\n- a\n\n## Two\n\n- b\n"
    )
    session, problems = parse_session(deck, "deck.md")
    assert not problems.errors
    assert session.facilitators == ("A. Facilitator", "B. Facilitator")
    assert session.description == "Date: 2026-03-03"


def test_notes_keep_lists_as_lists_and_nested_points_keep_their_items():
    deck = (
        "# One\n\n- Parent\n  - child\n- [ ] to do\n\n::: notes\n1. First\n   thing\n"
        "2. Second\n   - nested\n:::\n"
    )
    session, _ = parse_session(deck, "deck.md")
    item = session.items[0]
    assert item.points == ("Parent\n- child", "☐ to do")
    assert item.notes == "1. First thing\n2. Second\n  - nested"


def test_a_deck_read_here_and_exported_comes_back_with_its_minutes_and_prose_notes(tmp_path):
    from presenter.deck.reader import import_deck
    from presenter.deck.writer import export_deck

    session, _ = parse_session(PANDOC, "deck.md")
    export_deck(session, tmp_path / "deck.pptx")
    again, _ = import_deck(tmp_path / "deck.pptx")
    assert [i.minutes for i in again.items] == [i.minutes for i in session.items] == [15] * 4
    assert [i.notes for i in again.items] == [i.notes for i in session.items]
    assert [i.points for i in again.items] == [i.points for i in session.items]


def test_notes_inside_a_list_go_to_the_notes_not_the_points():
    deck = (
        "# One\n\n- First\n\n  ::: notes\n  Say the first.\n  :::\n\n- Second\n\n"
        "  ::: notes\n  Say the second.\n  :::\n"
    )
    session, _ = parse_session(deck, "deck.md")
    item = session.items[0]
    assert item.points == ("First", "Second")
    assert item.notes == "Say the first.\n\nSay the second."


def test_a_marp_note_written_against_a_point_is_a_note_not_lost():
    deck = (
        "---\nmarp: true\n---\n\n# One\n\n- News first\n<!-- Ask what\nstops them. -->\n"
        "- Meet <!-- fit --> colleagues\n"
    )
    session, _ = parse_session(deck, "deck.md")
    item = session.items[0]
    assert item.points == ("News first", "Meet colleagues")
    assert item.notes == "Ask what stops them."


def test_heading_divider_alone_marks_a_marp_deck():
    deck = "---\nheadingDivider: 2\n---\n\n# Deck\n\n## A\n\n- a\n\n## B\n\n- b\n"
    session, problems = parse_session(deck, "deck.md")
    assert session.title == "Deck"
    assert [i.title for i in session.items] == ["A", "B"]
    assert not any("section" in w.message for w in problems.warnings)


def test_title_block_lines_carry_on_and_may_be_left_empty():
    deck = (
        "%\n% A. Facilitator\n  B. Facilitator\n\n# Welcome\n\n- Who we are\n\n# Next\n\n- More\n"
    )
    session, problems = parse_session(deck, "deck.md")
    assert not problems.errors
    assert session.title == "Welcome"  # no title in the block: the first heading's
    assert session.facilitators == ("A. Facilitator", "B. Facilitator")
    assert session.description == ""
    assert [i.title for i in session.items] == ["Welcome", "Next"]
    assert not any("%" in p for p in points_of(session))


def test_a_deck_saved_as_a_session_file_reads_back_the_same():
    from presenter.agenda.writer import write_session

    for deck in (PANDOC, MARP):
        session, _ = parse_session(deck, "deck.md")
        again, problems = parse_session(write_session(session), "saved.md")
        assert not problems.errors
        assert again == session


def test_a_wrapped_paragraph_is_one_point_with_its_links_readable():
    deck = (
        "# One\n\nRead the **trust's** guidance\nbefore you post: [the policy](https://example.org/p)"
        " and ~~nothing~~ `more`.\n"
    )
    session, _ = parse_session(deck, "deck.md")
    assert session.items[0].points == (
        "Read the trust's guidance before you post: the policy (https://example.org/p) "
        "and nothing more.",
    )


def test_a_marp_picture_slide_is_kept_and_an_empty_one_left_out_with_a_warning():
    deck = (
        "---\nmarp: true\n---\n\n# One\n\n- a\n\n---\n\n![bg](photo.jpg)\n\n<!-- Talk over it. -->\n\n"
        "---\n\n<!-- _class: lead -->\n\n---\n\n# Two\n\n- b\n"
    )
    session, problems = parse_session(deck, "deck.md")
    assert [i.title for i in session.items] == ["One", "Slide 2", "Two"]
    assert session.items[1].notes == "Talk over it."
    empty = [w for w in problems.warnings if "left out" in w.message]
    assert [w.line for w in empty] == [16]
