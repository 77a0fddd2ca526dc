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
    word, then matches on email or department; alphabetical within each."""

    def __init__(self, attendees: Iterable[Attendee]) -> None:
        people = sorted(attendees, key=lambda a: (fold(a.name), a.id))
        self._people = people
        self._names = [fold(a.name) for a in people]
        self._by_name = _WordIndex((w, i) for i, a in enumerate(people) for w in words(a.name))
        self._by_other = _WordIndex(
            (w, i)
            for i, a in enumerate(people)
            for w in words(a.email.partition("@")[0]) + words(a.department)
        )

    def __len__(self) -> int:
        return len(self._people)

    def search(self, text: str, limit: int = 20) -> list[Attendee]:
        typed = words(text)
        if not typed or limit <= 0:
            return []
        phrase = " ".join(typed)
        chosen: list[int] = []
        seen: set[int] = set()

        def take(indices: Iterable[int]) -> bool:
            for i in indices:
                if i not in seen:
                    seen.add(i)
                    chosen.append(i)
                    if len(chosen) >= limit:
                        return True
            return False

        lo = bisect_left(self._names, phrase)
        hi = bisect_left(self._names, phrase + _END, lo)
        exact = [i for i in range(lo, hi) if self._names[i] == phrase]
        if take(exact) or take(range(lo, hi)):
            return self._result(chosen)
        name_sets = [self._by_name.starting(w) for w in typed]
        in_names = set.intersection(*sorted(name_sets, key=len))
        if take(sorted(in_names)):
            return self._result(chosen)
        other_sets = [self._by_other.starting(w) for w in typed]
        anywhere = [a | b for a, b in zip(name_sets, other_sets, strict=True)]
        take(sorted(set.intersection(*sorted(anywhere, key=len))))
        return self._result(chosen)

    def _result(self, chosen: list[int]) -> list[Attendee]:
        return [self._people[i] for i in chosen]


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
