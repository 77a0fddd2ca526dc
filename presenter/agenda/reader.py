"""Reading a session source file: front matter for the session, one `##` heading per item.

The format (documented in the README):

    ---
    title: Twitter hour
    start: "12:00"
    length: 60
    ---

    ## Welcome and check-in [5 min, fixed]

    - A point the audience sees

    ```notes
    What the facilitator says.
    ```

A plain slide deck written for Marp or pandoc is read too (see `presenter.agenda.slides`).
"""

from __future__ import annotations

import os
import re
import textwrap
from dataclasses import dataclass, field
from datetime import time
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

from presenter.agenda.frontmatter import Field, FrontMatter, split_front_matter
from presenter.agenda.model import AgendaItem, Kind, Session
from presenter.agenda.problems import Problem, Problems, SessionFileError, did_you_mean
from presenter.agenda.source import MAX_BYTES, decode_source
from presenter.agenda.timetable import format_clock, minutes_of_day, schedule, slot_fit

SESSION_KEYS = (
    "title",
    "subtitle",
    "facilitators",
    "audience",
    "venue",
    "start",
    "length",
    "readiness",
    "approval",
    "soon_percent",
    "soon_minutes",
)
# Keys that only a session file (not a Marp or pandoc deck) carries.
NATIVE_ONLY_KEYS = {"start", "length", "readiness", "approval", "facilitators", "soon_percent"}

HEADING_SPEC = re.compile(r"^(?P<title>.*?)\s*\[(?P<spec>[^\[\]]*)\]\s*$")
MINUTES_PART = re.compile(r"^(?P<number>\S+?)\s*(?:m|min|mins|minute|minutes)\.?$", re.IGNORECASE)
AT_LEAST_PART = re.compile(r"^at\s+least\s+(?P<number>\S+?)(?:\s*(?:m|min|mins|minutes))?$", re.I)
ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")
LIST_MARKER = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")
MAX_MINUTES = 24 * 60  # an item, or the whole slot, lasts at most a day
SPEC_WORDS = ("fixed", "flexible", *(k.value for k in Kind), "at least N min")


def markdown() -> MarkdownIt:
    """A CommonMark block parser: titles, points and notes are taken as written, so the
    inline pass (emphasis, links) is skipped."""
    return MarkdownIt("commonmark").disable(["inline", "text_join"])


@dataclass
class _Draft:
    """An item while its body is being read."""

    title: str
    line: int
    minutes: int | None
    kind: Kind = Kind.TALK
    fixed: bool = False
    min_minutes: int | None = None
    points: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def load_session(path: str | os.PathLike[str]) -> tuple[Session, list[Problem]]:
    """Read a session file; returns the session and its warnings, raises SessionFileError."""
    problems = Problems(os.fspath(path))
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except IsADirectoryError:
        problems.error(1, "this is a folder, not a session file; give the path of a .md file")
        raise SessionFileError(problems) from None
    except OSError as exc:
        problems.error(1, f"cannot be read ({exc.strerror or exc}); check the path and permissions")
        raise SessionFileError(problems) from None
    session, problems = parse_session(data, path)
    if session is None:
        raise SessionFileError(problems)
    return session, problems.warnings


def parse_session(
    content: str | bytes, source: str | os.PathLike[str] = "<text>"
) -> tuple[Session | None, Problems]:
    """Parse a session (or a Marp or pandoc deck); the session is None when there are errors."""
    problems = Problems(source)
    if isinstance(content, bytes):
        text = decode_source(content, problems)
    else:
        text = content.replace("\r\n", "\n") if content.strip() else None
        if text is None:
            problems.error(1, "the file is empty; start with a front matter block")
    if text is None:
        return None, problems
    front = split_front_matter(text, problems)
    if front is None:
        return None, problems
    tokens = markdown().parse(front.body)
    if _looks_like_deck(front, tokens):
        from presenter.agenda.slides import read_deck

        session = read_deck(front, tokens, problems, _stem(source))
    else:
        session = _read_native(front, tokens, problems, _stem(source))
    if problems.errors:
        return None, problems
    return session, problems


def _stem(source: str | os.PathLike[str]) -> str:
    return os.path.splitext(os.path.basename(os.fspath(source)))[0]


def _looks_like_deck(front: FrontMatter, tokens: list[Token]) -> bool:
    if "marp" in front.fields:
        return True
    if NATIVE_ONLY_KEYS & front.fields.keys():
        return False
    for i, token in enumerate(tokens):
        is_item = token.type == "heading_open" and token.tag == "h2" and token.level == 0
        if is_item and HEADING_SPEC.match(tokens[i + 1].content):
            return False
    return True


def session_fields(
    front: FrontMatter, problems: Problems, *, known: tuple[str, ...]
) -> dict[str, Any]:
    """Checked session fields from the front matter, ready for `Session(**fields)`."""
    values: dict[str, Any] = {}
    for key, entry in front.fields.items():
        if key not in known:
            problems.warn(
                entry.line,
                f"unknown key '{key}'{did_you_mean(key, SESSION_KEYS)}; it was ignored. "
                f"Keys: {', '.join(SESSION_KEYS)}",
            )
            continue
        value = _check_field(key, entry, problems)
        if value is not None:
            values[key] = value
    return values


def _check_field(key: str, entry: Field, problems: Problems) -> Any:
    value = entry.value
    if key in ("title", "subtitle", "audience", "venue", "approval"):
        if value is None:
            return ""
        if isinstance(value, (dict, list)):
            problems.error(entry.line, f"'{key}' must be one line of text, such as {key}: Library")
            return None
        return str(value).strip()
    if key in ("facilitators", "readiness"):
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or any(isinstance(v, (dict, list)) for v in value):
            example = (
                "[A. Facilitator, B. Facilitator]"
                if key == "facilitators"
                else ("[App installed, Username ready]")
            )
            problems.error(entry.line, f"'{key}' must be a list of names, such as {key}: {example}")
            return None
        return tuple(str(v).strip() for v in value if v is not None and str(v).strip())
    if key == "start":
        raw = entry.raw if entry.raw is not None else str(value)
        match = re.fullmatch(r"(\d{1,2})[:.](\d{2})", raw.strip())
        if not match or int(match[1]) > 23 or int(match[2]) > 59:
            problems.error(
                entry.line, f"start '{raw}' is not a time of day; write it as start: \"12:00\""
            )
            return None
        return time(int(match[1]), int(match[2]))
    if key == "length":
        if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
            problems.error(
                entry.line,
                f"length '{entry.raw or value}' must be whole minutes, such as length: 60",
            )
            return None
        if value > MAX_MINUTES:
            problems.error(
                entry.line,
                f"length {value} is more than a day; write the slot's minutes, such as "
                f"length: 60 (at most {MAX_MINUTES})",
            )
            return None
        return value
    if key == "soon_percent":
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 100:
            problems.error(entry.line, "soon_percent must be a number from 0 to 100, such as 20")
            return None
        return value
    if key == "soon_minutes":
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            problems.error(entry.line, "soon_minutes must be a number of minutes, such as 2")
            return None
        return value
    return value


def source_lines(body_lines: list[str], token: Token) -> list[str]:
    assert token.map is not None
    return body_lines[token.map[0] : token.map[1]]


def list_item_text(lines: list[str]) -> str:
    """The text of a list item as written, without its bullet and indentation.

    The first line keeps any spaces after the bullet's own one; the lines after it lose
    the item's indentation, which (as CommonMark has it) includes up to three such spaces."""
    match = LIST_MARKER.match(lines[0])
    width = len(match.group(0)) if match else 0
    first = lines[0][width:]
    lead = len(first) - len(first.lstrip(" "))
    if match and lead <= 3 and first.strip():
        width += lead
    rest = []
    for line in lines[1:]:
        indent = len(line) - len(line.lstrip(" "))
        rest.append(line[min(indent, width) :])
    return "\n".join([first, *rest])


def top_level_blocks(tokens: list[Token]) -> list[tuple[Token, list[Token]]]:
    """Each top-level block's opening token and its children (tokens up to its close)."""
    blocks: list[tuple[Token, list[Token]]] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        j = i + 1
        if token.nesting == 1:
            depth = 1
            while depth and j < len(tokens):
                depth += tokens[j].nesting
                j += 1
        blocks.append((token, tokens[i + 1 : j]))
        i = j
    return blocks


def _read_native(front: FrontMatter, tokens: list[Token], problems: Problems, stem: str) -> Session:
    body_lines = front.body.split("\n")
    offset = front.body_line
    for number, line in enumerate(body_lines, start=offset):
        if line.strip() and "\t" in line[: len(line) - len(line.lstrip(" \t"))]:
            problems.warn(number, "a tab indents this line; use spaces so lists nest as you expect")
    values = session_fields(front, problems, known=SESSION_KEYS)
    drafts: list[_Draft] = []
    description: list[list[int]] = []  # the line ranges of the blocks before the first item
    for opening, children in top_level_blocks(tokens):
        line = offset + (opening.map[0] if opening.map else 0)
        if opening.type == "heading_open" and opening.tag == "h2":
            drafts.append(_read_heading(children[0].content, line, problems))
            continue
        is_title = opening.type == "heading_open" and opening.tag == "h1" and not drafts
        if is_title and "title" not in values and not description:
            values["title"] = ESCAPED.sub(r"\1", children[0].content).strip()
            continue
        lines = source_lines(body_lines, opening) if opening.map else []
        if not drafts:
            if opening.map:
                description.append(opening.map)
            continue
        draft = drafts[-1]
        if opening.type == "fence" and not _fence_closed(opening, body_lines):
            fence = f"{opening.markup}{opening.info.strip()}"
            problems.error(
                line,
                f"the {fence} block opened on this line is never closed, so everything after "
                f"it would be read as its text; add a line with {opening.markup} where it ends",
            )
        if opening.type == "fence" and opening.info.strip().lower() == "notes":
            draft.notes.append(opening.content)
        elif opening.type in ("bullet_list_open", "ordered_list_open"):
            for child in children:
                if child.type == "list_item_open" and child.level == 1 and child.map:
                    draft.points.append(list_item_text(source_lines(body_lines, child)))
        elif opening.type == "html_block" and opening.content.lstrip().startswith("<!--"):
            draft.notes.append(comment_text(opening.content))
        else:
            draft.points.append("\n".join(lines))
    if not drafts:
        first_text = next((n for n, t in enumerate(body_lines, start=offset) if t.strip()), offset)
        problems.error(
            first_text, "no agenda items found; add one '## Item title [5 min]' heading per item"
        )
    if not values.get("title"):
        problems.warn(1, f"no title; add 'title: ...' to the front matter (using '{stem}')")
        values["title"] = stem
    items = [
        AgendaItem(
            title=d.title,
            minutes=d.minutes or 1,
            kind=d.kind,
            fixed=d.fixed,
            points=tuple(d.points),
            notes="\n\n".join(n.strip("\n") for n in d.notes),
            min_minutes=d.min_minutes,
        )
        for d in drafts
    ]
    text = ""
    if description:  # as written, blank lines included, from its first block to its last
        text = "\n".join(body_lines[description[0][0] : description[-1][1]]).strip("\n")
    session = Session(items=tuple(items), description=text, **values)
    check_agenda(session, [d.line for d in drafts], problems)
    return session


def _fence_closed(fence: Token, body_lines: list[str]) -> bool:
    """True when a fenced block has its closing line (CommonMark lets it run to the end)."""
    assert fence.map is not None
    start, end = fence.map
    if end - start < 2:
        return False
    last = body_lines[end - 1].strip() if end - 1 < len(body_lines) else ""
    char = fence.markup[0]
    return len(last) >= len(fence.markup) and set(last) == {char}


def comment_text(comment: str) -> str:
    """The words inside an HTML comment, dedented, without blank lines around them."""
    inner = comment.strip().removeprefix("<!--").removesuffix("-->")
    return textwrap.dedent(inner).strip()


def _read_heading(content: str, line: int, problems: Problems) -> _Draft:
    match = HEADING_SPEC.match(content)
    if not match:
        title = ESCAPED.sub(r"\1", content).strip()
        if not title:
            problems.error(line, "this heading is empty; write the item as '## Title [5 min]'")
        elif MINUTES_PART.match(title.strip("[]() ")):
            problems.error(
                line, f"this heading has minutes but no title; write it as '## Title [{title}]'"
            )
        else:
            problems.error(
                line, f"'{title}' has no minutes; write the heading as '## {title} [5 min]'"
            )
        return _Draft(title, line, None)
    draft = _Draft(ESCAPED.sub(r"\1", match["title"]).strip(), line, None)
    if not draft.title:
        problems.error(
            line,
            f"this heading has [{match['spec'].strip()}] but no title; write it as "
            f"'## Title [{match['spec'].strip() or '5 min'}]'",
        )
    for part in (p.strip() for p in match["spec"].split(",")):
        word = part.lower()
        if not part:
            continue
        if minutes := MINUTES_PART.match(part):
            number = _whole_minutes(minutes["number"], draft.title, line, problems)
            if draft.minutes is not None:
                problems.error(
                    line, f"'{draft.title}' gives its minutes twice; keep one, like [5 min]"
                )
            draft.minutes = number if number is not None else 1
        elif at_least := AT_LEAST_PART.match(part):
            draft.min_minutes = _whole_minutes(at_least["number"], draft.title, line, problems)
        elif word in ("fixed", "flexible"):
            draft.fixed = word == "fixed"
        elif word in Kind._value2member_map_:
            draft.kind = Kind(word)
        else:
            problems.error(
                line,
                f"'{part}' in [{match['spec']}] is not understood{did_you_mean(word, SPEC_WORDS)}; "
                f"write minutes and any of: {', '.join(SPEC_WORDS)}, like [8 min, demo, fixed]",
            )
    if draft.minutes is None and not any(p.line == line for p in problems.errors):
        problems.error(
            line, f"'{draft.title}' has no minutes; write them in the brackets, like [5 min]"
        )
    return draft


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


def check_agenda(session: Session, lines: list[int], problems: Problems) -> None:
    """Warnings about the agenda as a whole: repeated titles, more minutes than the slot."""
    seen: dict[str, int] = {}
    for item, line in zip(session.items, lines, strict=True):
        key = item.title.casefold()
        if key in seen:
            problems.warn(
                line,
                f"'{item.title}' is also the title on line {seen[key]}; give each item its own",
            )
        else:
            seen[key] = line
    fit = slot_fit(session)
    if fit.crossing is not None:
        crossing = fit.crossing
        end = format_clock(crossing.end)
        if crossing.end_offset + minutes_of_day(session.start) > MAX_MINUTES:
            end += " the next day"
        past = crossing.end_offset - session.length
        problems.warn(
            lines[crossing.index],
            f"'{crossing.item.title}' ends at {end}, {past} min after the slot ends "
            f"({fit.describe()}); shorten items or set a longer 'length'",
        )
    midnight = MAX_MINUTES - minutes_of_day(session.start)
    late = next((s for s in schedule(session) if s.end_offset > midnight), None)
    if late is not None and late is not fit.crossing:
        problems.warn(
            lines[late.index],
            f"'{late.item.title}' ends at {format_clock(late.end)} the next day, after "
            "midnight; a session runs within one day, so check the start time and minutes",
        )
    elif late is None and session.length > midnight:
        problems.warn(
            1,
            f"the slot ends after midnight ({session.length} min from "
            f"{format_clock(session.start)}); check the start time and length",
        )
