"""Reading session files: the bundled ones, and every kind of bad input with its message."""

from __future__ import annotations

from datetime import time
from pathlib import Path

import pytest

from presenter.agenda.bundled import bundled_session_path, bundled_sessions
from presenter.agenda.model import Kind
from presenter.agenda.problems import SessionFileError
from presenter.agenda.reader import load_session, parse_session

FRONT = '---\ntitle: Test hour\nstart: "12:00"\nlength: 60\n---\n\n'


def write(tmp_path: Path, content: bytes | str, name: str = "session.md") -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def test_bundled_twitter_hour_is_exactly_the_hour_with_real_content():
    session, warnings = load_session(bundled_session_path("twitter-hour"))
    assert warnings == []
    assert session.title == "Twitter hour"
    assert session.start == time(12, 0) and session.length == 60
    assert session.planned_minutes == 60
    assert session.readiness == ("App installed", "Username ready")
    assert session.approval == ""  # each trust's own: it does not ship with the session
    assert session.outcomes and session.sources and session.reviewed == "2026-12"
    titles = [item.title for item in session.items]
    assert titles[0] == "Welcome and check-in" and titles[-1] == "Questions and next steps"
    for topic in ("What to tweet", "Who to follow", "What the icons mean", "Top tips"):
        assert topic in titles
    assert any("professional bodies" in t for t in titles)
    assert any("policy" in t.lower() for t in titles)
    for item in session.items:
        assert len(item.points) >= 3, item.title
        assert len(item.notes) > 100, item.title
    regulators = session.items[titles.index("Guidance from professional bodies")]
    assert {"NMC", "GMC", "HCPC", "GPhC"} <= {p.split(":")[0] for p in regulators.points}
    assert session.items[0].fixed and session.items[0].kind is Kind.TALK


def test_every_bundled_session_reads_without_warnings():
    assert {"twitter-hour", "blank-lunchtime-session"} <= set(bundled_sessions())
    for name in bundled_sessions():
        session, warnings = load_session(bundled_session_path(name))
        assert warnings == [], name
        assert session.planned_minutes == session.length


def test_heading_spec_gives_minutes_kind_fixed_and_minimum():
    text = FRONT + "## Demo time [8 min, demo, fixed]\n\n## Talk [12 minutes, at least 5 min]\n"
    session, problems = parse_session(text, "s.md")
    assert not problems.errors
    demo, talk = session.items
    assert (demo.minutes, demo.kind, demo.fixed) == (8, Kind.DEMO, True)
    assert (talk.minutes, talk.kind, talk.fixed, talk.min_minutes) == (12, Kind.TALK, False, 5)


def test_points_and_notes_are_read_as_written():
    text = FRONT + (
        "## Who to follow [8 min]\n\n- Your trust\n- Your *professional* body\n  and college\n\n"
        "```notes\nDemo on your phone.\n- [ ] Show lists\n```\n"
    )
    session, _ = parse_session(text, "s.md")
    item = session.items[0]
    assert item.points == ("Your trust", "Your *professional* body\nand college")
    assert item.notes == "Demo on your phone.\n- [ ] Show lists"


def test_unquoted_start_time_is_read_as_a_time_not_a_number():
    session, problems = parse_session(FRONT.replace('"12:00"', "12:30") + "## A [5 min]\n", "s")
    assert not problems.errors
    assert session.start == time(12, 30)


# (content, line, words in the message, is it an error)
BAD_INPUTS = {
    "empty": (b"", 1, "empty", True),
    "only spaces": (b"  \n\n", 1, "empty", True),
    "binary": (b"---\ntitle: x\n\x00\x01\x02", 3, "binary", True),
    "not utf-8": (FRONT.encode() + b"## Caf\xe9 [5 min]\n", 7, "not UTF-8", True),
    "front matter a list": (b"---\n- a\n- b\n---\n## A [5 min]\n", 2, "key: value", True),
    "front matter a string": (b"---\njust words\n---\n## A [5 min]\n", 2, "key: value", True),
    "front matter unclosed": (b"---\ntitle: x\n## A [5 min]\n", 1, "never closed", True),
    "yaml syntax": (b'---\ntitle: "open\nlength: 60\n---\n', 3, "not valid YAML", True),
    "tab in yaml": (b"---\ntitle: x\nfacilitators:\n\t- A\n---\n", 4, "tab", True),
    "python tag": (
        b"---\ntitle: !!python/object/apply:os.system [echo hi]\n---\n## A [5 min]\n",
        2,
        "tags",
        True,
    ),
    "alias bomb": (
        b'---\na: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n'
        b"c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n---\n## A [5 min]\n",
        3,
        "aliases",
        True,
    ),
    "minutes missing": (FRONT + "## Who to follow\n", 7, "has no minutes", True),
    "minutes zero": (FRONT + "## Who to follow [0 min]\n", 7, "at least 1", True),
    "minutes negative": (FRONT + "## Who to follow [-5 min]\n", 7, "at least 1", True),
    "minutes not a number": (
        FRONT + "## Who to follow [five min]\n",
        7,
        "not a number in digits",
        True,
    ),
    "minutes in e-notation": (
        FRONT + "## Who to follow [1e0 min]\n",
        7,
        "not a number in digits",
        True,
    ),
    "minutes as a float": (FRONT + "## Who to follow [1.0 min]\n", 7, "whole minutes", True),
    "minutes over a day": (FRONT + "## Who to follow [1441 min]\n", 7, "at most 1440", True),
    "minutes absurd": (FRONT + "## Who to follow [1000000000 min]\n", 7, "at most 1440", True),
    "minutes of 20 digits": (
        FRONT + "## Who to follow [12345678901234567890 min]\n",
        7,
        "at most 1440",
        True,
    ),
    "minutes of 5000 digits": (
        FRONT + f"## Who to follow [{'9' * 5000} min]\n",
        7,
        "at most",
        True,
    ),
    "length over a day": (
        FRONT.replace("length: 60", "length: 100000") + "## A [5 min]\n",
        4,
        "more than a day",
        True,
    ),
    "past midnight": (
        FRONT.replace('"12:00"', '"23:00"') + "## A [30 min]\n\n## B [45 min]\n",
        9,
        "'B' ends at 00:15 the next day",
        False,
    ),
    "unclosed notes": (
        FRONT + "## A [5 min]\n\n```notes\nSay hello.\n\n## B [5 min]\n\n## C [50 min]\n",
        9,
        "```notes block opened on this line is never closed",
        True,
    ),
    "heading with minutes but no title": (FRONT + "## [5 min]\n", 7, "but no title", True),
    "heading of minutes alone": (FRONT + "## 5 min\n", 7, "minutes but no title", True),
    "empty heading": (FRONT + "##\n\n## A [5 min]\n", 7, "heading is empty", True),
    "utf-16 with bom": (
        (FRONT + "## A [5 min]\n").encode("utf-16"),
        1,
        'saved as UTF-16 (Notepad calls it "Unicode"); save it as UTF-8 (in Notepad',
        True,
    ),
    "utf-16 without bom": (
        (FRONT + "## A [5 min]\n").encode("utf-16-le"),
        1,
        "saved as UTF-16",
        True,
    ),
    "minutes fraction": (FRONT + "## Who to follow [2.5 min]\n", 7, "whole minutes", True),
    "unknown spec word": (FRONT + "## Who to follow [5 min, fxed]\n", 7, '"fixed"', True),
    "no items": (FRONT + "Just some words.\n", 7, "no agenda items", True),
    "start not a time": (FRONT.replace('"12:00"', "noon") + "## A [5 min]\n", 3, "start", True),
    "length zero": (FRONT.replace("length: 60", "length: 0") + "## A [5 min]\n", 4, "length", True),
    "unknown key": (
        FRONT.replace("length: 60", "lenght: 60") + "## A [5 min]\n",
        4,
        '"length"',
        False,
    ),
    "duplicate title": (FRONT + "## Tips [5 min]\n\n## Tips [5 min]\n", 9, "also the title", False),
    "over the slot": (
        FRONT + "## Welcome [30 min]\n\n## Who to follow [34 min]\n\n## Questions [5 min]\n",
        9,
        "'Who to follow' ends at 13:04, 4 min after",
        False,
    ),
    "tab in body": (FRONT + "## A [5 min]\n\n- a\n\t- b\n", 10, "tab", False),
}

# What Windows editors write: read as it is, with nothing to say.
WINDOWS = {
    "bom": b"\xef\xbb\xbf" + FRONT.encode() + b"## A [5 min]\n",
    "crlf": FRONT.replace("\n", "\r\n").encode() + b"## A [5 min]\r\n",
    "bom and crlf": b"\xef\xbb\xbf" + FRONT.replace("\n", "\r\n").encode() + b"## A [5 min]\r\n",
}


@pytest.mark.parametrize("case", BAD_INPUTS, ids=list(BAD_INPUTS))
def test_bad_input_names_file_and_line(tmp_path, case):
    content, line, words, is_error = BAD_INPUTS[case]
    path = write(tmp_path, content)
    if is_error:
        with pytest.raises(SessionFileError) as caught:
            load_session(path)
        problems = caught.value.problems
    else:
        _, problems = load_session(path)
    matching = [p for p in problems if words in p.message]
    assert matching, [str(p) for p in problems]
    problem = matching[0]
    assert problem.is_error is is_error
    assert problem.line == line
    assert str(problem).startswith(f"{path}:{line}: {'error' if is_error else 'warning'}: ")


@pytest.mark.parametrize("case", WINDOWS, ids=list(WINDOWS))
def test_windows_files_read_silently(tmp_path, case):
    session, warnings = load_session(write(tmp_path, WINDOWS[case], "windows.md"))
    assert warnings == []
    assert session.title == "Test hour"
    assert [i.title for i in session.items] == ["A"]


def test_an_unclosed_fence_keeps_nothing_hidden(tmp_path):
    text = FRONT + "## A [5 min]\n\n```notes\nSay hello.\n\n## B [5 min]\n"
    with pytest.raises(SessionFileError) as caught:
        load_session(write(tmp_path, text))
    assert [p.line for p in caught.value.problems if p.is_error] == [9]


def test_whitespace_only_lines_raise_nothing(tmp_path):
    text = FRONT + "## A [5 min]\n\n- a\n\t\n  \t  \n- b\n\n\t\n## B [5 min]\n"
    session, warnings = load_session(write(tmp_path, text))
    assert warnings == []
    assert session.items[0].points == ("a", "b")


def test_file_over_one_mebibyte_is_refused_before_reading_it(tmp_path):
    path = write(tmp_path, FRONT + "## A [5 min]\n\n" + "- point\n" * 150_000)
    with pytest.raises(SessionFileError) as caught:
        load_session(path)
    assert "over the 1 MiB limit" in str(caught.value)


def test_missing_file_and_folder_are_clear(tmp_path):
    for path in (tmp_path / "nope.md", tmp_path):
        with pytest.raises(SessionFileError) as caught:
            load_session(path)
        assert str(caught.value).startswith(f"{path}:1: error: ")
