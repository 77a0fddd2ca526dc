"""`presenter export` reads a session it read before, unchanged, from the data folder's cache
(as the app does at start-up); a changed or broken session is read again, with its messages."""

from __future__ import annotations

from pptx import Presentation

import presenter.agenda.reader as reader

SESSION = """---
start: "12:00"
length: 10
---

## Welcome [5 min]

- Who we are

## Try it [5 min]

- Post one
"""


def titles(path) -> list[str]:
    return [slide.shapes.title.text for slide in Presentation(str(path)).slides]


def test_an_unchanged_session_is_not_parsed_again(presenter, tmp_path, monkeypatch):
    source = tmp_path / "lunch.md"
    source.write_text(SESSION, encoding="utf-8")
    deck = tmp_path / "deck.pptx"
    status, _out, first_err = presenter("export", str(source), "-o", str(deck))
    assert status == 0
    assert "no title" in first_err  # the reader's warning
    assert list((tmp_path / "data" / "cache").glob("session-*.json"))

    def no_parsing(path):
        raise AssertionError("parsed again")

    monkeypatch.setattr(reader, "load_session", no_parsing)
    status, out, err = presenter("export", str(source), "-o", str(deck))
    assert status == 0 and "wrote lunch (2 items, 10 min)" in out
    assert err == first_err  # its warnings still said, from the cache
    assert titles(deck)[2:4] == ["Welcome", "Try it"]


def test_a_changed_session_is_read_again(presenter, tmp_path):
    source = tmp_path / "lunch.md"
    source.write_text(SESSION, encoding="utf-8")
    deck = tmp_path / "deck.pptx"
    assert presenter("export", str(source), "-o", str(deck))[0] == 0
    source.write_text(SESSION.replace("Welcome", "Hello"), encoding="utf-8")
    assert presenter("export", str(source), "-o", str(deck))[0] == 0
    assert titles(deck)[2] == "Hello"


def test_a_session_broken_after_it_was_cached_gets_the_readers_error(presenter, tmp_path):
    source = tmp_path / "lunch.md"
    source.write_text(SESSION, encoding="utf-8")
    deck = tmp_path / "deck.pptx"
    assert presenter("export", str(source), "-o", str(deck))[0] == 0
    source.write_text(SESSION.replace("[5 min]\n\n- Post", "[five]\n\n- Post"), encoding="utf-8")
    for _ in range(2):  # a file with errors is never cached: the same message each time
        status, _out, err = presenter("export", str(source), "-o", str(deck))
        assert status == 2
        assert f"{source}:10: error:" in err
        assert "Traceback" not in err


def test_an_export_from_the_cache_never_loads_the_markdown_or_yaml_parsers(tmp_path):
    """What the cache saves is the parsers' import: nothing else in the export may load them."""
    import subprocess
    import sys

    data = tmp_path / "data"
    probe = (
        "import sys\n"
        "from presenter.cli import main\n"
        f"main(['export', 'twitter-hour', '-o', {str(tmp_path / 'a.pptx')!r}, "
        f"'--data-dir', {str(data)!r}])\n"
        "print(sorted(m for m in ('markdown_it', 'yaml') if m in sys.modules))\n"
    )
    for _ in range(2):  # the first reads the file and fills the cache
        done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"
