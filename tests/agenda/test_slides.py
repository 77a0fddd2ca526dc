"""Marp and pandoc decks read as sessions: slides become items that share the slot."""

from __future__ import annotations

from pathlib import Path

import pytest

from presenter.agenda.reader import load_session, parse_session

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "decks-md"

MARP = """---
marp: true
theme: uncover
paginate: true
---

# Welcome

- Who we are

<!-- Greet people as they arrive. -->

---

<!-- _class: lead -->
<!-- backgroundColor: beige -->

## Why Twitter

- News first
- Meet colleagues

<!--
Ask what stops them posting.
-->

---

## <!--fit--> Who to follow

![bg right](photo.jpg)

Your trust, your college.
"""

PANDOC = """---
title: Twitter hour
author: [A. Facilitator, B. Facilitator]
---

::: notes
Before the first slide.
:::

# Getting started

## Welcome {.center}

- Who we are

::: notes
Greet people.
:::

## Why Twitter

- News first

::: {.notes}
Ask what stops them posting.
:::

# Going further

## Who to follow

Your trust, your college.
"""


def test_marp_deck_reads_as_a_session_with_notes_but_not_directives():
    session, problems = parse_session(MARP, "deck.md")
    assert not problems.errors
    assert [i.title for i in session.items] == ["Welcome", "Why Twitter", "Who to follow"]
    welcome, why, follow = session.items
    assert welcome.points == ("Who we are",) and welcome.notes == "Greet people as they arrive."
    assert why.points == ("News first", "Meet colleagues")
    assert why.notes == "Ask what stops them posting."
    assert follow.points == ("Your trust, your college.",) and follow.notes == ""
    assert session.planned_minutes == 60
    assert any("share" in w.message and w.line == 6 for w in problems.warnings)


def test_pandoc_deck_reads_as_a_session_with_notes_blocks():
    session, problems = parse_session(PANDOC, "deck.md")
    assert not problems.errors
    assert session.title == "Twitter hour"
    assert session.facilitators == ("A. Facilitator", "B. Facilitator")
    assert [i.title for i in session.items] == ["Welcome", "Why Twitter", "Who to follow"]
    welcome, why, _ = session.items
    assert welcome.notes == "Before the first slide.\n\nGreet people."
    assert why.notes == "Ask what stops them posting."
    assert session.planned_minutes == 60
    assert [i.minutes for i in session.items] == [20, 20, 20]


@pytest.mark.skipif(
    not CORPUS.is_dir(), reason="the shared corpus of real decks is not beside the clone"
)
@pytest.mark.parametrize(
    "name", sorted(p.name for p in CORPUS.glob("*.md")) if CORPUS.is_dir() else []
)
def test_real_decks_from_others_read_without_errors(name):
    session, warnings = load_session(CORPUS / name)
    assert len(session.items) >= 3
    assert session.planned_minutes >= 60
    assert all(item.title for item in session.items)
    assert any("share" in w.message for w in warnings)
