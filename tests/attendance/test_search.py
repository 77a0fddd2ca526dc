"""Search as you type: ranking, and an index kept current one change at a time."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import datetime

from presenter.attendance.model import Attendee, AttendeeDetails
from presenter.attendance.search import RosterIndex, best_match

FIRST = ["Sam", "Samira", "Zoë", "Renée", "Jo", "Joanne", "Ana", "Anaïs"]
LAST = ["Patel", "Costa", "Smith", "O'Brien", "Ångström", "Khan"]
WARDS = ["Ward 12", "Pharmacy", "ICU", "Library"]


def person(number: int, name: str, department: str = "", checked_in_at=None, **extra) -> Attendee:
    details = AttendeeDetails(name=name, department=department, **extra)
    return Attendee(id=number, run_id=1, details=details, checked_in_at=checked_in_at)


def test_best_first_then_alphabetical():
    index = RosterIndex(
        [
            person(1, "Samira Khan"),
            person(2, "Sam"),
            person(3, "Ana Sampson"),
            person(4, "Jo Bloggs", department="Sam's ward", email="jo@nhs.net"),
            person(5, "Sam Patel"),
        ]
    )
    assert [p.id for p in index.search("sam")] == [2, 5, 1, 3, 4]
    assert [p.id for p in index.search("sam", limit=2)] == [2, 5]


def test_the_best_match_is_exact_or_the_only_one_left():
    waiting = person(1, "Sam Patel")
    other = person(2, "Samira Khan")
    here = person(3, "Sam Jones", checked_in_at=datetime(2026, 11, 25, 12, 0))
    assert best_match([waiting, other], "sam patel") is waiting
    assert best_match([waiting, other], "sam") is None  # two could be meant
    assert best_match([waiting, here], "sam") is waiting  # the other is already in
    assert best_match([waiting], "pharmacy") is None  # matched on department, not the name


def test_changes_applied_one_by_one_match_a_fresh_index():
    rng = random.Random(3)
    people = {
        n: person(n, f"{rng.choice(FIRST)} {rng.choice(LAST)}", rng.choice(WARDS))
        for n in range(1, 80)
    }
    index = RosterIndex(people.values())
    RosterIndex.OVERLAY_LIMIT, saved = 20, RosterIndex.OVERLAY_LIMIT  # fold in along the way
    try:
        for step in range(200):
            action = rng.random()
            if action < 0.4:
                number = 100 + step
                people[number] = person(number, f"{rng.choice(FIRST)} {rng.choice(LAST)}")
                index.put(people[number])
            elif action < 0.7 and people:
                number = rng.choice(list(people))
                details = replace(people[number].details, department=rng.choice(WARDS))
                people[number] = people[number]._replace(details=details)
                index.put(people[number])
            elif people:
                number = rng.choice(list(people))
                del people[number]
                index.remove(number)
            fresh = RosterIndex(people.values())
            for text in ("s", "sam", "zoe a", "ward", "pharm", "o'b", "jo", "ana"):
                assert index.search(text, 10) == fresh.search(text, 10), (step, text)
    finally:
        RosterIndex.OVERLAY_LIMIT = saved
