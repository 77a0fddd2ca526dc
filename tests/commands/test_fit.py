"""`presenter validate SESSION --length N`: the session fitted into a shorter slot, with what
was cut named; a session that cannot fit says by how much and exits 2."""

from __future__ import annotations

import pytest

from presenter.cli import main
from tests.commands.test_cli import presenter_cmd

SESSION = """\
---
title: Ward round
---

## Welcome [5 min, fixed]

## Demo [20 min, at least 5 min]

## Extra [10 min, optional]
"""


def validate(capsys, *args: str) -> tuple[int, str, str]:
    status = main(["validate", *args])
    out, err = capsys.readouterr()
    return status, out, err


def test_twitter_hour_fits_fifteen_minutes_with_the_optional_items_named_as_dropped():
    result = presenter_cmd("validate", "twitter-hour", "--length", "15")
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Twitter hour (15-minute version)" in out
    assert "12:00  12:05    5  talk      Welcome and check-in (fixed)" in out
    assert "12:09  12:15    6  talk      Trust policy and guidance (fixed)" in out
    assert "15 minutes planned: exactly the 15-minute slot" in out
    assert (
        "Dropped: Why use Twitter for professional networking; What the icons mean; Top tips; "
        "Guidance from professional bodies; Questions and next steps"
    ) in out
    assert "Shortened: What to tweet 8 → 2 min; Who to follow 8 → 2 min" in out
    assert "Questions and next steps (fixed)" not in out  # not in the schedule


def test_a_session_that_cannot_fit_says_by_how_much_in_one_line_and_exits_2(tmp_path, capsys):
    path = tmp_path / "ward.md"
    path.write_text(SESSION)
    status, out, err = validate(capsys, str(path), "--length", "8")
    assert status == 2
    assert out == ""
    assert err == (
        f"{path}: cannot fit: 2 minutes too long for a 8-minute slot, even with every optional "
        "item dropped and every flexible item at its minimum; give at least 10 minutes\n"
    )


def test_the_fit_squeezes_in_proportion_and_keeps_the_others_going(tmp_path, capsys):
    path = tmp_path / "ward.md"
    path.write_text(SESSION)
    status, out, err = validate(capsys, str(path), "twitter-hour", "--length", "12")
    assert status == 2  # twitter-hour cannot fit 12 minutes; ward.md is printed all the same
    assert err.endswith(
        "twitter-hour.md: cannot fit: 3 minutes too long for a 12-minute slot, "
        "even with every optional item dropped and every flexible item at its minimum; "
        "give at least 15 minutes\n"
    )
    assert "12:05  12:12    7  talk  Demo" in out
    assert "Dropped: Extra" in out
    assert "Shortened: Demo 20 → 7 min" in out


def test_a_session_that_already_fits_is_printed_as_it_is(tmp_path, capsys):
    path = tmp_path / "ward.md"
    path.write_text(SESSION)
    status, out, _err = validate(capsys, str(path), "--length", "45")
    assert status == 0
    assert "12:25  12:35   10  talk  Extra" in out
    assert "35 minutes planned: fits the 45-minute slot, 10 minutes spare" in out


@pytest.mark.parametrize("length", ["0", "abc", "1441", "-3"])
def test_a_length_that_is_not_minutes_is_refused_with_exit_2(length, capsys):
    with pytest.raises(SystemExit) as stopped:
        main(["validate", "twitter-hour", f"--length={length}"])
    assert stopped.value.code == 2
    assert "give whole minutes, like --length 15" in capsys.readouterr().err
