"""Search as you type over a run's list: every typed word starts a word of the person's
name, email or department, ignoring case and accents. Fast enough for every key press."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable

from presenter.attendance.model import Attendee
from presenter.attendance.text import fold, words

_END = "\U0010ffff"


class _WordIndex:
    """Sorted (word, person) pairs: the people having a word that starts with a prefix."""

    def __init__(self, pairs: Iterable[tuple[str, int]]) -> None:
        ordered = sorted(pairs)
        self._words = [w for w, _ in ordered]
        self._owners = [i for _, i in ordered]

    def starting(self, prefix: str) -> set[int]:
        lo = bisect_left(self._words, prefix)
        hi = bisect_left(self._words, prefix + _END, lo)
        return set(self._owners[lo:hi])


class RosterIndex:
    """An index over a snapshot of attendees. Results come best first:
    the exact name, names starting with the text, names whose words start with each typed
    word, then matches on email or department; alphabetical within each.

    `put` and `remove` apply one change without rebuilding: changed people sit in a small
    overlay that is searched by hand, and folded into the index when it grows.
    """

    OVERLAY_LIMIT = 128

    def __init__(self, attendees: Iterable[Attendee]) -> None:
        self._build(attendees)

    def _build(self, attendees: Iterable[Attendee]) -> None:
        people = sorted(attendees, key=lambda a: (fold(a.name), a.id))
        self._people = people
        self._names = [fold(a.name) for a in people]
        self._by_name = _WordIndex((w, i) for i, a in enumerate(people) for w in words(a.name))
        self._by_other = _WordIndex((w, i) for i, a in enumerate(people) for w in _other_words(a))
        # id → (person, folded name, name words, every word): folded once, on `put`
        self._overlay: dict[int, tuple[Attendee, str, list[str], list[str]]] = {}
        self._hidden: set[int] = set()

    def __len__(self) -> int:
        return len(self.people())

    def people(self) -> list[Attendee]:
        """Everyone indexed, as they are now."""
        kept = [a for a in self._people if a.id not in self._hidden]
        return kept + [entry[0] for entry in self._overlay.values()]

    def put(self, attendee: Attendee) -> None:
        """Add someone, or replace what the index holds about them."""
        self._hidden.add(attendee.id)
        name_words = words(attendee.name)
        self._overlay[attendee.id] = (
            attendee,
            fold(attendee.name),
            name_words,
            name_words + _other_words(attendee),
        )
        self._fold_in_if_large()

    def remove(self, attendee_id: int) -> None:
        self._hidden.add(attendee_id)
        self._overlay.pop(attendee_id, None)
        self._fold_in_if_large()

    def _fold_in_if_large(self) -> None:
        if len(self._hidden) > self.OVERLAY_LIMIT:
            self._build(self.people())

    def search(self, text: str, limit: int = 20) -> list[Attendee]:
        typed = words(text)
        if not typed or limit <= 0:
            return []
        phrase = " ".join(typed)
        found = self._search_base(typed, phrase, limit + len(self._hidden))
        found = [(tier, i) for tier, i in found if self._people[i].id not in self._hidden]
        ranked = [(tier, self._names[i], self._people[i].id, self._people[i]) for tier, i in found]
        for person, name, name_words, every_word in self._overlay.values():
            tier = _tier(name, name_words, every_word, typed, phrase)
            if tier is not None:
                ranked.append((tier, name, person.id, person))
        if self._overlay:
            ranked.sort(key=lambda r: r[:3])
        return [r[3] for r in ranked[:limit]]

    def _search_base(self, typed: list[str], phrase: str, limit: int) -> list[tuple[int, int]]:
        chosen: list[tuple[int, int]] = []
        seen: set[int] = set()

        def take(tier: int, indices: Iterable[int]) -> bool:
            for i in indices:
                if i not in seen:
                    seen.add(i)
                    chosen.append((tier, i))
                    if len(chosen) >= limit:
                        return True
            return False

        lo = bisect_left(self._names, phrase)
        hi = bisect_left(self._names, phrase + _END, lo)
        exact = [i for i in range(lo, hi) if self._names[i] == phrase]
        if take(0, exact) or take(1, range(lo, hi)):
            return chosen
        name_sets = [self._by_name.starting(w) for w in typed]
        in_names = set.intersection(*sorted(name_sets, key=len))
        if take(2, sorted(in_names)):
            return chosen
        other_sets = [self._by_other.starting(w) for w in typed]
        anywhere = [a | b for a, b in zip(name_sets, other_sets, strict=True)]
        take(3, sorted(set.intersection(*sorted(anywhere, key=len))))
        return chosen


def _other_words(person: Attendee) -> list[str]:
    return words(person.email.partition("@")[0]) + words(person.department)


def _tier(
    name: str, name_words: list[str], every_word: list[str], typed: list[str], phrase: str
) -> int | None:
    """Where one person ranks for what was typed (as `RosterIndex.search` ranks), or None."""
    if name == phrase:
        return 0
    if name.startswith(phrase):
        return 1
    if all(any(w.startswith(t) for w in name_words) for t in typed):
        return 2
    if all(any(w.startswith(t) for w in every_word) for t in typed):
        return 3
    return None


def best_match(matches: list[Attendee], typed: str) -> Attendee | None:
    """The roster person Enter should check in: someone not yet in whose name is exactly
    what was typed, or else the only one not yet in whose name words start as typed."""
    waiting = [m for m in matches if not m.checked_in]
    phrase = " ".join(words(typed))
    if not phrase:
        return None
    exact = [m for m in waiting if " ".join(words(m.name)) == phrase]
    if exact:
        return exact[0]
    typed_words = phrase.split()
    by_name = [
        m for m in waiting if all(any(w.startswith(t) for w in words(m.name)) for t in typed_words)
    ]
    return by_name[0] if len(by_name) == 1 else None
