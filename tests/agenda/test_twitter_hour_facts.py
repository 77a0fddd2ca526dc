"""The bundled Twitter hour as someone who checks facts reads it: it says what X is, makes
none of the claims a 2026 fact check found wrong, and names the guidance it rests on."""

from __future__ import annotations

import re

import pytest

from presenter.agenda.bundled import bundled_session_path
from presenter.agenda.reader import load_session

PATH = bundled_session_path("twitter-hour")
TEXT = PATH.read_text(encoding="utf-8")
SESSION = load_session(PATH)[0]
RENAME = re.compile(r"formerly Twitter|now called X|renamed X", re.IGNORECASE)

# Claims found wrong, or true for one trust only, as patterns over the whole file.
CLAIMS = {
    "everything is in line with trust policy": r"in line with trust policy",
    "approval by one trust's head of communications": r"head of communications",
    "X lets you follow a hashtag": r"follow (a|the|your)\b[^.]{0,30}hashtag",
    "likes are public": r"likes (and reposts )?(are|is) public",
    "chats run at set times": r"run at set times",
    "no photos on wards is every trust's rule": r"no photos on wards",
    "the envelope is direct messages": r"envelope",
    "NHS England is a current national account": r"NHS England, your region",
    "one trust's policy stated for all": r"our social media policy applies",
    "the GMC's replaced 2013 title": r"Doctors' use of social media",
    "the HCPC's title without 'the'": r"Guidance on use of social media",
}


@pytest.mark.parametrize("claim", CLAIMS)
def test_the_session_makes_none_of_the_claims_found_wrong(claim):
    # Words may wrap onto the next line anywhere in the notes.
    pattern = CLAIMS[claim].replace(" ", r"\s+")
    match = re.search(pattern, TEXT, re.IGNORECASE)
    assert match is None, f"{claim}: {match and match.group(0)!r}"


def item(title: str):
    return next(i for i in SESSION.items if i.title == title)


def test_it_says_what_x_is_in_the_subtitle_and_the_welcome_and_nowhere_else():
    assert re.search(r"\bX\b", SESSION.subtitle) and RENAME.search(SESSION.subtitle)
    welcome = item("Welcome and check-in")
    [rename] = [p for p in welcome.points if RENAME.search(p)]
    assert '"X"' in rename and '"posts"' in rename and '"reposts"' in rename
    others = [p for i in SESSION.items if i is not welcome for p in i.points]
    said = [p for p in (*others, SESSION.audience, SESSION.description) if RENAME.search(p)]
    assert said == []
    assert SESSION.title == "Twitter hour"  # the event keeps its name


def test_approval_is_each_trusts_own_statement():
    assert SESSION.approval == ""
    notes = item("Welcome and check-in").notes
    assert "If your trust's communications team agreed this content, say who" in notes


def test_the_numbers_the_notes_hint_at_are_given():
    notes = item("What to tweet").notes
    assert "280 characters" in notes and "23 characters" in notes
    icons = item("What the icons mean")
    ticks = next(p for p in icons.points if p.startswith("Ticks"))
    assert "blue means a paid subscription" in ticks
    assert "gold a verified organisation" in ticks and "grey government" in ticks
    assert any(p.startswith("Heart: like (likes are private") for p in icons.points)
    assert any("Chat" in p for p in icons.points)


def test_the_facilitator_is_told_to_check_what_cannot_be_known_in_advance():
    follow = item("Who to follow").notes.replace("\n", " ")
    assert "Check which national accounts are current" in follow
    assert "demo a professional body's" in follow
    tips = item("Top tips").notes.replace("\n", " ")
    assert "check which ones are running now" in tips


def test_policy_photos_and_concerns_are_put_as_each_trust_would():
    points = " ".join(item("Trust policy and guidance").points)
    assert "no photos of patients, records or screens" in points
    assert "only as your trust's policy allows" in points
    assert "Freedom to Speak Up" in points


def test_the_guidance_is_named_by_title_and_publisher_in_the_sources():
    sources = "\n".join(SESSION.sources)
    for title, publisher in (
        ("Using social media as a medical professional", "General Medical Council"),
        ("Good medical practice 2024", "General Medical Council"),
        ("Guidance on using social media responsibly", "Nursing and Midwifery Council"),
        ("Guidance on the use of social media", "Health and Care Professions Council"),
        ("Standards of conduct, performance and ethics", "Health and Care Professions Council"),
        ("Demonstrating professionalism online", "General Pharmaceutical Council"),
    ):
        assert re.search(f"{re.escape(title)} \\({re.escape(publisher)}", sources), title
    assert "http" not in sources  # titles and publishers, no addresses
    assert SESSION.reviewed == "2026-12"
    assert len(SESSION.outcomes) >= 3


def test_the_regulators_guidance_says_what_the_fact_check_asked():
    notes = item("Guidance from professional bodies").notes.replace("\n", " ")
    points = " ".join(item("Guidance from professional bodies").points)
    assert "paragraph 20.10" in points
    assert "bullying" in notes and "inappropriate comments about patients" in notes
    assert "physician associates and anaesthesia associates" in notes
    assert "Standards of conduct, performance and ethics" in points
