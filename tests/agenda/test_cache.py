"""The parsed-session cache: an unchanged file opens without the parsers, anything else parses."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from presenter.agenda import cache as cache_module
from presenter.agenda.bundled import bundled_session_path, bundled_sessions
from presenter.agenda.cache import load_session_cached, session_from_dict, session_to_dict
from presenter.agenda.model import AgendaItem, Kind, Picture, Session
from presenter.agenda.problems import SessionFileError
from presenter.agenda.reader import load_session

ROOT = Path(__file__).resolve().parents[2]
SESSION = """---
title: Cached hour
start: "12:30"
length: 30
venue: Library
readiness: [App installed]
---

## Welcome [5 min, fixed]

- Hello

```notes
Say hello.
```

## Talk [25 min, at least 10 min]

- One point
"""


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("session-*.json")) if folder.exists() else []


@pytest.fixture
def session_file(tmp_path: Path) -> Path:
    path = tmp_path / "cached.md"
    path.write_text(SESSION, encoding="utf-8")
    return path


@pytest.mark.parametrize("name", bundled_sessions())
def test_a_session_survives_the_cache_unchanged(name):
    session, _warnings = load_session(bundled_session_path(name))
    assert session_from_dict(json.loads(json.dumps(session_to_dict(session)))) == session


def test_every_field_of_a_session_survives_the_cache():
    picture = Picture("images/icons.png", "The reply, repost and like icons")
    items = (
        AgendaItem("Part one", 0, kind=Kind.SECTION),
        AgendaItem(
            "Icons",
            5,
            points=("Reply", "Counts as taking part"),
            levels=(0, 1),
            table=(("Icon", "Means"), ("Heart", "Like")),
            pictures=(picture,),
            optional=True,
        ),
        AgendaItem("Spare slide", 3, hidden=True),
    )
    session = Session(
        "Everything",
        items,
        outcomes=("Post with confidence",),
        sources=("Guidance on social media, a regulator",),
        reviewed="2026-12",
        picture=picture,
        folder="/somewhere",
    )
    back = session_from_dict(json.loads(json.dumps(session_to_dict(session))))
    assert back == session
    assert back.items[1].levels == (0, 1) and back.items[1].pictures == (picture,)
    assert back.folder == "/somewhere"


def test_the_second_open_reads_the_cache_and_gives_the_same_session(session_file, tmp_path):
    folder = tmp_path / "cache"
    first, _ = load_session_cached(session_file, folder)
    assert first == load_session(session_file)[0]
    assert len(entries(folder)) == 1
    second, _ = load_session_cached(session_file, folder)
    assert second == first


def test_an_unchanged_file_opens_without_importing_the_parsers(session_file, tmp_path):
    folder = tmp_path / "cache"
    load_session_cached(session_file, folder)
    probe = (
        "import sys\n"
        "from pathlib import Path\n"
        "from presenter.agenda.cache import load_session_cached\n"
        f"session, _ = load_session_cached({str(session_file)!r}, Path({str(folder)!r}))\n"
        "print(session.title, [m for m in ('markdown_it', 'yaml') if m in sys.modules])\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert result.stdout.strip() == "Cached hour []"


def test_an_edit_of_the_same_length_is_read_again(session_file, tmp_path):
    folder = tmp_path / "cache"
    load_session_cached(session_file, folder)
    edited = SESSION.replace("## Talk [25 min", "## Demo [25 min")
    assert len(edited) == len(SESSION)
    session_file.write_text(edited, encoding="utf-8")
    session, _ = load_session_cached(session_file, folder)
    assert [item.title for item in session.items] == ["Welcome", "Demo"]
    assert len(entries(folder)) == 1  # the entry for this file is replaced, not added to


def test_a_changed_reader_reads_the_file_again(session_file, tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    load_session_cached(session_file, folder)
    entry = entries(folder)[0]
    stored = json.loads(entry.read_text(encoding="utf-8"))
    stored["session"]["title"] = "From an older reader"
    entry.write_text(json.dumps(stored), encoding="utf-8")
    assert load_session_cached(session_file, folder)[0].title == "From an older reader"
    monkeypatch.setattr(cache_module, "_reader_fingerprint", lambda: "a newer reader")
    assert load_session_cached(session_file, folder)[0].title == "Cached hour"


def test_every_module_the_reader_runs_counts_in_the_cache_fingerprint():
    """An upgrade that changes any module the reader runs must read session files again."""
    code = (
        "import sys, presenter.agenda.reader; "
        "print(' '.join(m for m in sys.modules if m.startswith('presenter.agenda.')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    loaded = {name.rsplit(".", 1)[1] + ".py" for name in result.stdout.split()}
    assert "reader.py" in loaded
    assert loaded <= set(cache_module.READER_MODULES)


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"{not json",
        b'{"format": 1}',
        b"[1, 2, 3]",
        b'{"format": 1, "reader": null, "source": null, "session": {}, "warnings": 7}',
    ],
)
def test_a_damaged_cache_file_only_means_the_file_is_parsed(session_file, tmp_path, damage):
    folder = tmp_path / "cache"
    load_session_cached(session_file, folder)
    entry = entries(folder)[0]
    entry.write_bytes(damage)
    session, _ = load_session_cached(session_file, folder)
    assert session == load_session(session_file)[0]
    assert json.loads(entry.read_text(encoding="utf-8"))["session"]["title"] == "Cached hour"


def test_a_cache_folder_that_cannot_be_written_still_opens_the_session(session_file, tmp_path):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder would go", encoding="utf-8")
    session, _ = load_session_cached(session_file, blocked / "cache")
    assert session.title == "Cached hour"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_a_file_with_errors_is_never_cached_and_says_the_same_each_time(tmp_path):
    folder = tmp_path / "cache"
    bad = tmp_path / "bad.md"
    bad.write_text(SESSION.replace("[25 min", "[lots of min"), encoding="utf-8")
    messages = []
    for _ in range(2):
        with pytest.raises(SessionFileError) as caught:
            load_session_cached(bad, folder)
        messages.append([str(p) for p in caught.value.problems])
    assert messages[0] == messages[1]
    assert any(f"{bad}:" in line and "error" in line for line in messages[0])
    assert entries(folder) == []


def test_a_missing_file_gets_the_readers_message(tmp_path):
    with pytest.raises(SessionFileError) as caught:
        load_session_cached(tmp_path / "gone.md", tmp_path / "cache")
    assert "gone.md:1: error: cannot be read" in str(caught.value.problems[0])


def test_warnings_come_back_from_the_cache_naming_the_file(tmp_path):
    folder = tmp_path / "cache"
    path = tmp_path / "warned.md"
    path.write_text(SESSION.replace("length: 30", "length: 30\nsoon_minutez: 3"), "utf-8")
    _, first = load_session_cached(path, folder)
    _, second = load_session_cached(path, folder)
    assert first, "an unknown key is a warning"
    assert [str(w) for w in second] == [str(w) for w in first]
    assert all(str(w).startswith(f"{path}:") for w in second)
