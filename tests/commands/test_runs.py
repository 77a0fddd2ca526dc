"""`runs purge` asks before it deletes people's details, as `runs delete` does."""

from __future__ import annotations

import sys

import pytest


@pytest.fixture
def run_with_sam(presenter):
    assert presenter("runs", "new", "twitter-hour", "--venue", "Library")[0] == 0
    assert presenter("checkin", "1", "Sam Patel")[0] == 0
    return presenter


class Terminal:
    """Standard input as a person at a terminal, answering each question in turn."""

    def __init__(self, monkeypatch, *answers: str) -> None:
        self.questions: list[str] = []
        replies = iter(answers)
        monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
        monkeypatch.setattr("builtins.input", lambda q: self.questions.append(q) or next(replies))


def test_purge_from_a_script_needs_yes_and_keeps_everyone(run_with_sam):
    status, out, err = run_with_sam("runs", "purge", "1")
    assert status == 2
    assert err == "presenter: run 1 not purged; add --yes to purge it\n"
    assert "purged" not in run_with_sam("runs", "list")[1]
    status, out, _ = run_with_sam("runs", "purge", "1", "--yes")
    assert status == 0 and "run 1 purged" in out


def test_purge_on_a_terminal_asks_and_takes_no_for_an_answer(run_with_sam, monkeypatch):
    terminal = Terminal(monkeypatch, "n", "y")
    status, _, err = run_with_sam("runs", "purge", "1")
    assert status == 2 and "not purged" in err
    assert terminal.questions == [
        "Delete the names and details of everyone on run 1, keeping the counts? [y/N] "
    ]
    assert "(names purged)" not in run_with_sam("runs", "list")[1]
    status, out, _ = run_with_sam("runs", "purge", "1")
    assert status == 0 and "kept the counts: 1 checked in" in out
    assert "(names purged)" in run_with_sam("runs", "list")[1]


def test_purging_old_runs_asks_once_for_all_of_them(run_with_sam, monkeypatch):
    for run in ("2", "3"):
        new = ("runs", "new", "twitter-hour", "--venue", "Ward 12", "--date", "2020-01-0" + run)
        assert run_with_sam(*new)[0] == 0
        assert run_with_sam("checkin", run, "Ana Costa")[0] == 0
    terminal = Terminal(monkeypatch, "y")
    status, out, _ = run_with_sam("runs", "purge", "--older-than", "30")
    assert status == 0
    assert terminal.questions == [
        "Delete the names and details of everyone on 2 runs, keeping the counts? [y/N] "
    ]
    assert out.count("purged; kept the counts") == 2 and "run 1 purged" not in out


def test_nothing_to_purge_asks_nothing(run_with_sam, monkeypatch):
    terminal = Terminal(monkeypatch)
    status, out, _ = run_with_sam("runs", "purge", "--older-than", "30")
    assert status == 0 and out == "no runs to purge\n"
    assert terminal.questions == []
