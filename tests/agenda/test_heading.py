"""The item heading's grammar: what `## Title [5 min, demo, fixed, at least 3 min]` says, and
new minutes written into a heading with everything else left as the facilitator typed it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from presenter.agenda.heading import (
    heading_with_minutes,
    read_heading,
    read_words,
    write_heading,
)
from presenter.agenda.model import AgendaItem, Kind
from presenter.agenda.problems import Problems


def read(content: str) -> tuple[AgendaItem | None, list[str]]:
    problems = Problems("talk.md")
    heading = read_heading(content, 7, problems)
    messages = [str(p) for p in problems]
    if problems.errors:
        return None, messages
    item = AgendaItem(
        heading.title,
        heading.minutes or 1,
        kind=heading.kind,
        fixed=heading.fixed,
        min_minutes=heading.min_minutes,
        optional=heading.optional,
    )
    return item, messages


def test_a_heading_gives_its_title_minutes_kind_and_whether_it_is_fixed():
    item, messages = read("Who to follow [8 min, demo, fixed]")
    assert item == AgendaItem("Who to follow", 8, kind=Kind.DEMO, fixed=True)
    assert messages == []


def test_a_flexible_item_can_say_how_far_it_may_be_squeezed():
    item, _ = read("Top tips [10 mins, at least 4 min]")
    assert (item.minutes, item.min_minutes, item.fixed) == (10, 4, False)


def test_an_item_can_be_marked_optional_and_is_written_back_so():
    item, messages = read("Who to follow [8 min, Optional, at least 3 min]")
    assert (item.optional, item.min_minutes, messages) == (True, 3, [])
    assert write_heading(item) == "## Who to follow [8 min, at least 3 min, optional]"
    assert read("Who to follow [8 min]")[0].optional is False
    assert read_words(["demo", "optional"]).optional is True


def test_a_heading_without_minutes_says_how_to_write_them():
    item, messages = read("Who to follow")
    assert item is None
    assert messages == [
        "talk.md:7: error: 'Who to follow' has no minutes; write the heading as "
        "'## Who to follow [5 min]'"
    ]


def test_a_mistyped_word_suggests_the_one_meant():
    _, messages = read("Who to follow [8 min, dmeo]")
    assert len(messages) == 1
    assert "'dmeo' in [8 min, dmeo] is not understood (did you mean \"demo\"?)" in messages[0]


def test_the_writer_escapes_brackets_in_a_title_so_it_reads_back_whole():
    item = AgendaItem("Icons [what they mean]", 6, kind=Kind.DISCUSSION)
    line = write_heading(item)
    assert line == r"## Icons \[what they mean\] [6 min, discussion]"
    assert read(line.removeprefix("## "))[0] == item


@pytest.mark.parametrize(
    ("line", "changed"),
    [
        ("## Who to follow [7 min]", "## Who to follow [10 min]"),
        ("## Welcome  [ 5 mins , fixed ]  ", "## Welcome  [ 10 mins , fixed ]  "),
        ("## Demo [demo, 7min, at least 3 min]", "## Demo [demo, 10min, at least 3 min]"),
        (r"## Icons \[1\] [7 min]", r"## Icons \[1\] [10 min]"),
    ],
)
def test_new_minutes_change_only_the_number_in_the_brackets(line, changed):
    assert heading_with_minutes(line, 10) == changed


@pytest.mark.parametrize(
    "line",
    [
        "- Who to follow [7 min]",  # a point, not a heading
        "# Twitter hour [7 min]",  # the session's title
        "## Who to follow [demo]",  # no minutes to change
        "## Who to follow",
    ],
)
def test_a_line_that_is_not_an_item_heading_with_minutes_is_not_changed(line):
    assert heading_with_minutes(line, 10) is None


def test_the_words_of_a_decks_timing_line_read_as_a_headings_do():
    words = read_words(["", " activity", "fixed ", "at least 2 min", "shiny"])
    assert (words.kind, words.fixed, words.min_minutes) == (Kind.ACTIVITY, True, 2)


titles = st.text(
    st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=40
).filter(lambda t: t.strip())
items = st.builds(
    AgendaItem,
    title=titles,
    minutes=st.integers(min_value=1, max_value=240),
    kind=st.sampled_from(list(Kind)),
    fixed=st.booleans(),
    min_minutes=st.none() | st.integers(min_value=1, max_value=240),
    optional=st.booleans(),
)


@settings(max_examples=300, deadline=None)
@given(items, st.integers(min_value=1, max_value=240))
def test_a_written_heading_reads_back_and_takes_new_minutes_and_nothing_else(item, minutes):
    line = write_heading(item)
    assert read(line.removeprefix("## "))[0] == item
    changed = heading_with_minutes(line, minutes)
    assert changed is not None
    assert read(changed.removeprefix("## "))[0] == AgendaItem(
        item.title,
        minutes,
        kind=item.kind,
        fixed=item.fixed,
        min_minutes=item.min_minutes,
        optional=item.optional,
    )


def test_a_hidden_item_and_a_section_marker_are_read_from_their_words():
    problems = Problems("talk.md")
    spare = read_heading("Spare slide [3 min, hidden]", 7, problems)
    part = read_heading("Part two [section]", 9, problems)
    assert not problems.errors, [str(p) for p in problems]
    assert (spare.minutes, spare.hidden, spare.kind) == (3, True, Kind.TALK)
    assert (part.planned, part.hidden, part.kind) == (0, False, Kind.SECTION)


def test_an_item_that_is_not_a_section_still_needs_its_minutes():
    _item, messages = read("Spare slide [hidden]")
    assert any("has no minutes" in m for m in messages)


def test_hidden_items_and_section_markers_are_written_as_they_read():
    assert write_heading(AgendaItem("Part two", 0, kind=Kind.SECTION)) == "## Part two [section]"
    spare = AgendaItem("Spare slide", 3, hidden=True)
    assert write_heading(spare) == "## Spare slide [3 min, hidden]"
    assert read_words(["hidden"]).hidden
