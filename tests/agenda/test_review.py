"""What a session rests on (outcomes, sources, the month it was reviewed), and the warnings
about a stale review and the blank session's placeholders left unchanged."""

from __future__ import annotations

from datetime import date

import pytest

from presenter.agenda.bundled import bundled_session_path
from presenter.agenda.model import AgendaItem, Session
from presenter.agenda.reader import load_session, parse_session
from presenter.agenda.review import (
    ITEM_PLACEHOLDERS,
    PLACEHOLDERS,
    approval_warning,
    review_problems,
)
from presenter.agenda.writer import save_session, write_session

FRONT = """---
title: Ward teaching
outcomes:
  - Post with confidence
  - Find your regulator's guidance
sources: ["Guidance on the use of social media (Health and Care Professions Council)"]
reviewed: {reviewed}
---

## Welcome [5 min]

- Hello
"""


def read(text: str):
    session, problems = parse_session(text, "ward.md")
    return session, problems


def test_outcomes_sources_and_reviewed_are_read():
    session, problems = read(FRONT.format(reviewed="2026-12"))
    assert list(problems) == []
    assert session.outcomes == ("Post with confidence", "Find your regulator's guidance")
    assert session.sources == (
        "Guidance on the use of social media (Health and Care Professions Council)",
    )
    assert session.reviewed == "2026-12"


def test_the_new_fields_are_written_and_read_back_equal():
    session = Session(
        title="Ward teaching",
        items=(AgendaItem("Welcome", 5),),
        outcomes=("Post with confidence", "Say who you are: name and role"),
        sources=("The Code: Professional standards (Nursing and Midwifery Council)",),
        reviewed="2026-12",
    )
    text = write_session(session)
    assert "reviewed: 2026-12" in text
    back, problems = read(text)
    assert list(problems) == []
    assert back == session


def test_a_session_without_them_writes_none_of_the_keys():
    text = write_session(Session(title="Plain", items=(AgendaItem("Welcome", 5),)))
    for key in ("outcomes:", "sources:", "reviewed:"):
        assert key not in text


def test_the_bundled_sessions_round_trip_with_their_new_fields(tmp_path):
    for name in ("twitter-hour", "blank-lunchtime-session"):
        session, _warnings = load_session(bundled_session_path(name))
        save_session(session, tmp_path / f"{name}.md")
        assert load_session(tmp_path / f"{name}.md")[0] == session, name


@pytest.mark.parametrize("value", ["December 2026", "2026-13", "2026-12-01", "26-12", "202612"])
def test_a_bad_reviewed_value_is_an_error_at_its_line_saying_the_form(value):
    session, problems = read(FRONT.format(reviewed=value))
    assert session is None
    [error] = problems.errors
    assert error.line == 7
    assert "write it as reviewed: 2026-12" in error.message


def test_outcomes_written_as_a_mapping_is_an_error_with_an_example():
    text = "---\ntitle: T\noutcomes: {a: b}\n---\n\n## Welcome [5 min]\n"
    session, problems = read(text)
    assert session is None
    assert "'outcomes' must be a list of lines of text, such as outcomes: [" in str(problems[0])


def write(tmp_path, reviewed: str):
    path = tmp_path / "ward.md"
    path.write_text(FRONT.format(reviewed=reviewed), encoding="utf-8")
    return load_session(path)[0], path


def test_a_review_more_than_a_year_before_today_is_a_warning_at_its_line(tmp_path):
    session, path = write(tmp_path, "2025-11")
    [warning] = review_problems(session, path, lambda: date(2026, 12, 1))
    assert not warning.is_error and warning.line == 7
    assert "last reviewed in 2025-11, more than a year before today (2026-12-01)" in str(warning)
    assert "set 'reviewed: 2026-12'" in warning.message


def test_a_review_a_year_ago_or_less_is_fine(tmp_path):
    session, path = write(tmp_path, "2025-12")
    assert review_problems(session, path, lambda: date(2026, 12, 31)) == []
    assert review_problems(session, path, lambda: date(2026, 1, 1)) == []


def test_the_bundled_twitter_hour_is_reviewed_for_2026(tmp_path):
    session, _warnings = load_session(bundled_session_path("twitter-hour"))
    path = bundled_session_path("twitter-hour")
    assert review_problems(session, path, lambda: date(2026, 12, 1), strict=True) == []
    [stale] = review_problems(session, path, lambda: date(2028, 1, 5))
    assert "2026-12" in stale.message


def test_strict_names_each_placeholder_of_the_blank_session_left_unchanged():
    path = bundled_session_path("blank-lunchtime-session")
    session, warnings = load_session(path)
    assert warnings == []  # an ordinary check says nothing: it is a fine starting point
    assert review_problems(session, path, lambda: date(2026, 12, 1)) == []
    strict = review_problems(session, path, lambda: date(2026, 12, 1), strict=True)
    said = "\n".join(str(w) for w in strict)
    for words in (*PLACEHOLDERS.values(), *ITEM_PLACEHOLDERS):
        assert f'"{words}"' in said, words
    text = path.read_text(encoding="utf-8").split("\n")
    for warning in strict:
        assert not warning.is_error
        assert any(
            w in text[warning.line - 1] for w in (*PLACEHOLDERS.values(), *ITEM_PLACEHOLDERS)
        )


def test_strict_says_nothing_once_the_placeholders_are_replaced(tmp_path):
    text = bundled_session_path("blank-lunchtime-session").read_text(encoding="utf-8")
    for number, words in enumerate((*PLACEHOLDERS.values(), *ITEM_PLACEHOLDERS)):
        text = text.replace(words, f"Our own words {number}")
    path = tmp_path / "mine.md"
    path.write_text(text, encoding="utf-8")
    session, warnings = load_session(path)
    assert warnings == []
    assert review_problems(session, path, lambda: date(2026, 12, 1), strict=True) == []


def test_the_blank_session_has_no_twitter_checklist_and_no_half_sentence():
    session, _warnings = load_session(bundled_session_path("blank-lunchtime-session"))
    assert session.readiness == ()
    assert session.approval == ""
    text = bundled_session_path("blank-lunchtime-session").read_text(encoding="utf-8")
    assert "Content agreed with\n" not in text


def test_a_session_that_names_no_readiness_asks_nothing():
    session, _problems = read("---\ntitle: Ward teaching\n---\n\n## Welcome [5 min]\n")
    assert session.readiness == ()
    assert Session(title="Made in the editor").readiness == ()


def test_the_approval_warning_says_it_does_not_travel():
    session = Session(title="T", approval="Agreed with our communications team, May 2026")
    message = approval_warning(session)
    assert "Agreed with our communications team, May 2026" in message
    assert "does not travel with the deck" in message
