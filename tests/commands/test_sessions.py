"""Naming a session on the command line: a file or a bundled name, the same for every command,
and `presenter sessions` to find the bundled names."""

from __future__ import annotations

import argparse
import shutil

import pytest

from presenter.agenda.bundled import bundled_session_path, bundled_sessions
from presenter.cli import build_parser, main

# Every command that takes a session, with what it needs besides, and what it prints on success.
TAKES_A_SESSION = {
    ("validate",): ((), "Twitter hour"),
    ("export",): (("-o", "{tmp}/deck.pptx"), "wrote Twitter hour"),
    ("runs", "new"): (("--venue", "Library"), "run 1: Twitter hour"),
    ("history",): ((), "Twitter hour: no runs yet"),
    ("invite",): (("--run", "latest", "-o", "{tmp}/invite"), "wrote the invitation to run 1"),
    ("handout",): (("-o", "{tmp}/handout.pdf"), "wrote the handout of Twitter hour"),
}
# invite and handout draw PDFs in this process: with Qt's application made as the tests make it.
pytestmark = pytest.mark.usefixtures("qapp")


def _commands_taking_a_session(parser: argparse.ArgumentParser, words=()) -> set[tuple]:
    found = set()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                found |= _commands_taking_a_session(sub, (*words, name))
        elif action.metavar == "SESSION" or action.dest == "session":
            found.add(words)
    return found


def test_the_list_of_commands_taking_a_session_is_complete():
    assert _commands_taking_a_session(build_parser()) == set(TAKES_A_SESSION)


NO_DATA = {("validate",), ("handout",)}


def _run(words, name, tmp_path, capsys):
    extra, _ = TAKES_A_SESSION[words]
    extra = [e.format(tmp=tmp_path) for e in extra]
    data = ["--data-dir", str(tmp_path / "data")] if words not in NO_DATA else []
    if words == ("invite",):  # a run of the session to invite people to
        main(["runs", "new", name, "--venue", "Library", *data])
        capsys.readouterr()
    status = main([*words, name, *extra, *data])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize("words", sorted(TAKES_A_SESSION))
def test_every_command_takes_a_bundled_name(words, tmp_path, capsys):
    status, out, err = _run(words, "twitter-hour", tmp_path, capsys)
    assert status == 0, err
    assert TAKES_A_SESSION[words][1] in out


@pytest.mark.parametrize("words", sorted(TAKES_A_SESSION))
def test_every_command_takes_a_file(words, tmp_path, capsys):
    mine = tmp_path / "mine.md"
    mine.write_text(bundled_session_path().read_text(encoding="utf-8"), encoding="utf-8")
    shutil.copytree(bundled_session_path().parent / "images", tmp_path / "images")
    status, out, err = _run(words, str(mine), tmp_path, capsys)
    assert status == 0, err
    assert TAKES_A_SESSION[words][1] in out


@pytest.mark.parametrize("words", sorted(set(TAKES_A_SESSION) - {("history",)}))
def test_a_name_that_is_neither_is_the_same_one_line_everywhere(words, tmp_path, capsys):
    status, _out, err = _run(words, "twiter-hour", tmp_path, capsys)
    assert status == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err
    assert "twiter-hour: no such session file or bundled session" in lines[0]
    assert "presenter sessions" in lines[0]


def test_a_file_with_errors_gives_the_files_own_lines_everywhere(tmp_path, capsys):
    bad = tmp_path / "bad.md"
    bad.write_text('---\ntitle: x\nstart: "12:00"\n---\n\n## Who to follow [zero min]\n')
    for words in sorted(TAKES_A_SESSION):
        status, _out, err = _run(words, str(bad), tmp_path, capsys)
        assert status == 2, words
        assert err.startswith(f"{bad}:6: error: 'zero' in 'Who to follow' is not a number"), words


def test_sessions_lists_every_bundled_session_with_its_file(capsys):
    assert main(["sessions"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].split() == ["name", "title", "length", "file"]
    for name in bundled_sessions():
        row = next(line for line in lines if line.startswith(f"{name} "))
        assert row.endswith(str(bundled_session_path(name)))
    assert "twitter-hour" in out and "Twitter hour" in out and "60 min" in out
    assert "presenter NAME" in out
