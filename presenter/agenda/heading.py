"""The item heading's grammar: `## Title [5 min, demo, fixed, at least 3 min, optional]`.

The reader reads a heading here (`read_heading`), the writer writes one (`write_heading`),
a suggestion writes new minutes into one (`heading_with_minutes`), and a deck's timing line
carries the same words (`spec_words`, `read_words`): all agree on what a heading says.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from presenter.agenda.model import AgendaItem, Kind
from presenter.agenda.problems import Problems, did_you_mean
from presenter.agenda.timetable import MAX_MINUTES

ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")
HEADING_SPEC = re.compile(r"^(?P<title>.*?)\s*\[(?P<spec>[^\[\]]*)\]\s*$")
MINUTES_PART = re.compile(r"^(?P<number>\S+?)\s*(?:m|min|mins|minute|minutes)\.?$", re.IGNORECASE)
AT_LEAST_PART = re.compile(r"^at\s+least\s+(?P<number>\S+?)(?:\s*(?:m|min|mins|minutes))?$", re.I)
SPEC_WORDS = ("fixed", "flexible", "optional", "hidden", *(k.value for k in Kind), "at least N min")
# Patterns only writing uses, compiled on first use (`re` keeps them): reading a file
# does not pay for them. What a title escapes so it reads back whole; a `##` heading line
# of the source with its spec, split into what comes before, inside and after the spec.
TITLE_SPECIALS = r"([\\\[\]])"
HEADING_LINE = r"^(?P<head>##\s+.*?\[)(?P<spec>[^\[\]]*)(?P<tail>\]\s*)$"


class ItemHeading:
    """What an item's heading says: its title and the words in its brackets.

    A plain class, not a dataclass: making a dataclass at import time is a noticeable part
    of the start-up of `presenter validate`."""

    def __init__(self, title: str) -> None:
        self.title = title
        self.minutes: int | None = None
        self.kind = Kind.TALK
        self.fixed = False
        self.min_minutes: int | None = None
        self.optional = False  # dropped first when the session is fitted into a shorter slot
        self.hidden = False

    @property
    def planned(self) -> int:
        """Its minutes: as written, none for a section marker, else 1 (an error says why)."""
        if self.minutes is not None:
            return self.minutes
        return 0 if self.kind is Kind.SECTION else 1


def heading_title(content: str) -> str:
    """A heading's text as the title it gives: backslash escapes (`\\[`) taken out, trimmed."""
    return ESCAPED.sub(r"\1", content).strip()


def has_spec(content: str) -> bool:
    """True when a heading's text ends in a bracketed spec, as an agenda item's does."""
    return HEADING_SPEC.match(content) is not None


def read_heading(content: str, line: int, problems: Problems) -> ItemHeading:
    """The item a `##` heading's text describes; what is wrong with it goes in `problems`."""
    match = HEADING_SPEC.match(content)
    if not match:
        return _without_spec(heading_title(content), line, problems)
    heading = ItemHeading(heading_title(match["title"]))
    spec = match["spec"]
    if not heading.title:
        problems.error(
            line,
            f"this heading has [{spec.strip()}] but no title; write it as "
            f"'## Title [{spec.strip() or '5 min'}]'",
        )
    for part in (p.strip() for p in spec.split(",")):
        if part:
            _read_part(part, spec, heading, line, problems)
    untimed = heading.kind is Kind.SECTION  # a section marker takes no minutes
    if heading.minutes is None and not untimed and not any(p.line == line for p in problems.errors):
        problems.error(
            line, f"'{heading.title}' has no minutes; write them in the brackets, like [5 min]"
        )
    return heading


def read_words(words: Iterable[str]) -> ItemHeading:
    """What spec words such as `demo`, `fixed`, `at least 3 min` say, read as a heading's
    brackets are; a word that is not understood is passed over."""
    heading = ItemHeading("")
    passed_over = Problems("")
    for word in words:
        if word.strip():
            _read_part(word.strip(), "", heading, 0, passed_over)
    return heading


def _without_spec(title: str, line: int, problems: Problems) -> ItemHeading:
    if not title:
        problems.error(line, "this heading is empty; write the item as '## Title [5 min]'")
    elif MINUTES_PART.match(title.strip("[]() ")):
        problems.error(
            line, f"this heading has minutes but no title; write it as '## Title [{title}]'"
        )
    else:
        problems.error(line, f"'{title}' has no minutes; write the heading as '## {title} [5 min]'")
    return ItemHeading(title)


def _read_part(part: str, spec: str, heading: ItemHeading, line: int, problems: Problems) -> None:
    """One comma-separated word of the spec: minutes, a minimum, fixed or flexible, a kind."""
    word = part.lower()
    if minutes := MINUTES_PART.match(part):
        number = _whole_minutes(minutes["number"], heading.title, line, problems)
        if heading.minutes is not None:
            problems.error(
                line, f"'{heading.title}' gives its minutes twice; keep one, like [5 min]"
            )
        heading.minutes = number if number is not None else 1
    elif at_least := AT_LEAST_PART.match(part):
        heading.min_minutes = _whole_minutes(at_least["number"], heading.title, line, problems)
    elif word in ("fixed", "flexible"):
        heading.fixed = word == "fixed"
    elif word == "optional":
        heading.optional = True
    elif word == "hidden":
        heading.hidden = True
    elif word in Kind._value2member_map_:
        heading.kind = Kind(word)
    else:
        problems.error(
            line,
            f"'{part}' in [{spec}] is not understood{did_you_mean(word, SPEC_WORDS)}; "
            f"write minutes and any of: {', '.join(SPEC_WORDS)}, like [8 min, demo, fixed]",
        )


def _whole_minutes(text: str, title: str, line: int, problems: Problems) -> int | None:
    """Minutes written as digits, from 1 to MAX_MINUTES (24 hours)."""
    if re.fullmatch(r"[0-9]+[.,][0-9]+", text):
        problems.error(line, f"'{title}' has {text} minutes; use whole minutes, like [5 min]")
        return None
    if not re.fullmatch(r"[+-]?[0-9]+", text):
        problems.error(
            line, f"'{text}' in '{title}' is not a number in digits; write minutes like [5 min]"
        )
        return None
    if text.startswith("-") or not text.strip("+0"):
        problems.error(
            line, f"'{title}' has {text} minutes; an item needs at least 1, like [1 min]"
        )
        return None
    if len(text.lstrip("+0")) > 4 or int(text) > MAX_MINUTES:
        problems.error(
            line,
            f"'{title}' has {text} minutes; an item can be at most {MAX_MINUTES} (24 hours)",
        )
        return None
    return int(text)


def heading_with_minutes(line: str, minutes: int) -> str | None:
    """A `##` heading line with the minutes in its brackets set to `minutes`, every other
    character as it was; None when the line is not a heading with minutes in brackets."""
    heading = re.match(HEADING_LINE, line)
    if not heading:
        return None
    parts = heading["spec"].split(",")
    for position, part in enumerate(parts):
        word = part.strip()
        found = MINUTES_PART.match(word)
        if found and found["number"].isdigit():
            lead = part[: len(part) - len(part.lstrip())]
            trail = part[len(part.rstrip()) :]
            parts[position] = f"{lead}{minutes}{word[found.end('number') :]}{trail}"
            return heading["head"] + ",".join(parts) + heading["tail"]
    return None


def spec_words(item: AgendaItem) -> list[str]:
    """The words after an item's minutes that differ from the defaults: kind, fixed, minimum,
    optional."""
    words = []
    if item.kind is not Kind.TALK:
        words.append(item.kind.value)
    if item.fixed:
        words.append("fixed")
    if item.min_minutes is not None:
        words.append(f"at least {item.min_minutes} min")
    if item.optional:
        words.append("optional")
    if item.hidden:
        words.append("hidden")
    return words


def write_heading(item: AgendaItem) -> str:
    """The item's `## Title [5 min, demo, fixed]` line, which reads back as the same item."""
    untimed = item.kind is Kind.SECTION and not item.minutes
    spec = [*([] if untimed else [f"{item.minutes} min"]), *spec_words(item)]
    title = re.sub(TITLE_SPECIALS, r"\\\1", item.title)
    return f"## {title} [{', '.join(spec)}]"
