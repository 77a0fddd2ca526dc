"""`presenter validate` on a session's review month and the blank session's placeholders,
and `presenter export` reminding that a trust's approval does not travel with its deck."""

from __future__ import annotations

from presenter.cli import main
from tests.deck.valid import assert_valid_pptx

SESSION = """---
title: Ward teaching
{extra}---

## Welcome [5 min]

- Hello
"""


def run(capsys, *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def test_validate_warns_about_a_review_over_a_year_old_and_strict_fails_on_it(tmp_path, capsys):
    path = tmp_path / "ward.md"
    path.write_text(SESSION.format(extra="reviewed: 2001-01\n"), encoding="utf-8")
    status, out, err = run(capsys, "validate", str(path))
    assert status == 0
    assert f"{path}:3: warning: the content was last reviewed in 2001-01" in err
    assert "Ward teaching" in out  # the schedule is still printed
    status, _out, err = run(capsys, "validate", "--strict", str(path))
    assert status == 2 and "last reviewed in 2001-01" in err


def test_validate_rejects_a_bad_review_month_with_the_form_to_write(tmp_path, capsys):
    path = tmp_path / "ward.md"
    path.write_text(SESSION.format(extra="reviewed: Dec 2026\n"), encoding="utf-8")
    status, _out, err = run(capsys, "validate", str(path))
    assert status == 2
    assert f"{path}:3: error: reviewed 'Dec 2026' is not a year and month" in err
    assert "Traceback" not in err


def test_strict_validate_warns_about_the_blank_sessions_placeholders(capsys):
    status, _out, err = run(capsys, "validate", "blank-lunchtime-session")
    assert status == 0 and "placeholder" not in err
    status, _out, err = run(capsys, "validate", "--strict", "blank-lunchtime-session")
    assert status == 2
    assert "blank-lunchtime-session.md:2: warning: 'title' still says \"Your session title\"" in err
    assert '"Your main topic" is the blank session\'s placeholder' in err


def test_strict_validate_finds_no_placeholders_in_twitter_hour(capsys):
    _status, _out, err = run(capsys, "validate", "--strict", "twitter-hour")
    assert "placeholder" not in err


def test_export_says_approval_does_not_travel_only_when_the_session_has_one(tmp_path, capsys):
    agreed = tmp_path / "agreed.md"
    extra = "approval: Agreed with our communications team in May 2026\n"
    agreed.write_text(SESSION.format(extra=extra), encoding="utf-8")
    status, out, err = run(capsys, "export", str(agreed), "-o", str(tmp_path / "agreed.pptx"))
    assert status == 0 and "wrote Ward teaching" in out
    assert "Agreed with our communications team in May 2026" in err
    assert "does not travel with the deck" in err
    assert_valid_pptx(tmp_path / "agreed.pptx")
    plain = tmp_path / "plain.md"
    plain.write_text(SESSION.format(extra=""), encoding="utf-8")
    status, _out, err = run(capsys, "export", str(plain), "-o", str(tmp_path / "plain.pptx"))
    assert status == 0 and "does not travel" not in err
    assert_valid_pptx(tmp_path / "plain.pptx")
