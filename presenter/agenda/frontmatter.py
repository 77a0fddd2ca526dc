"""The YAML front matter between two `---` lines: read safely, every key with its line,
then checked as the session's fields."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import time
from typing import Any

import yaml

from presenter.agenda.model import Picture
from presenter.agenda.problems import Problems, did_you_mean
from presenter.agenda.timetable import MAX_MINUTES

# libyaml's parser when PyYAML was built with it (it usually is): the same safe rules, faster.
SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass(frozen=True)
class Field:
    """One front matter key: its value, the line it is on, and its text as written."""

    value: Any
    line: int
    raw: str | None  # the scalar exactly as written (so 12:00 stays "12:00"), None otherwise


@dataclass(frozen=True)
class FrontMatter:
    fields: dict[str, Field]
    body: str  # the text after the closing `---`
    body_line: int  # the line number the body starts on (1-based)


def split_front_matter(text: str, problems: Problems) -> FrontMatter | None:
    """Separate and read the front matter; no front matter gives empty fields and the whole text.

    Returns None, with errors in `problems`, when the front matter cannot be read.
    """
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return FrontMatter({}, text, 1)
    end = next((i for i in range(1, len(lines)) if lines[i].rstrip() in ("---", "...")), None)
    if end is None:
        problems.error(1, "the front matter opened with '---' is never closed; add a '---' line")
        return None
    yaml_text = "\n".join(lines[1:end])
    body = "\n".join(lines[end + 1 :])
    fields = _read_yaml(yaml_text, problems, first_line=2)
    if fields is None:
        return None
    return FrontMatter(fields, body, end + 2)


def _read_yaml(yaml_text: str, problems: Problems, first_line: int) -> dict[str, Field] | None:
    for number, line in enumerate(yaml_text.split("\n"), start=first_line):
        if line[: len(line) - len(line.lstrip(" \t"))].count("\t"):
            problems.error(number, "a tab indents this line; YAML needs spaces for indentation")
            return None
    try:
        # Events first: refuse aliases (the "billion laughs" bomb) and explicit tags (which
        # could ask for objects) before anything is built.
        for event in yaml.parse(yaml_text, Loader=SafeLoader):
            line = first_line + event.start_mark.line
            if isinstance(event, yaml.AliasEvent):
                problems.error(
                    line,
                    "YAML anchors and aliases (&name, *name) are not allowed; write values out",
                )
                return None
            tag = getattr(event, "tag", None)
            if tag and tag != "!":
                problems.error(line, f"YAML tags such as {tag} are not allowed; write plain values")
                return None
        node = yaml.compose(yaml_text, Loader=SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = first_line + (mark.line if mark else 0)
        problems.error(line, f"the front matter is not valid YAML: {exc.problem}")
        return None
    except yaml.YAMLError as exc:
        problems.error(first_line, f"the front matter is not valid YAML: {exc}")
        return None
    if node is None:
        return {}
    if not isinstance(node, yaml.MappingNode):
        problems.error(
            first_line + node.start_mark.line,
            "the front matter must be 'key: value' lines (such as 'title: Twitter hour')",
        )
        return None
    loader = yaml.SafeLoader("")
    fields: dict[str, Field] = {}
    try:
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            line = first_line + key_node.start_mark.line
            if not isinstance(key, str):
                problems.error(line, f"the key {key!r} is not a name; write 'name: value'")
                continue
            value = loader.construct_object(value_node, deep=True)
            raw = value_node.value if isinstance(value_node, yaml.ScalarNode) else None
            if key in fields:
                problems.warn(line, f"'{key}' is given twice; the last one is used")
            fields[key] = Field(value, line, raw)
    except yaml.YAMLError as exc:
        problems.error(first_line, f"the front matter is not valid YAML: {exc}")
        return None
    finally:
        loader.dispose()
    return fields


# -- the session's fields ------------------------------------------------------------------

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
    "outcomes",
    "sources",
    "reviewed",
    "picture",
)
TEXT_KEYS = ("title", "subtitle", "audience", "venue", "approval")
LIST_KEYS = ("facilitators", "readiness", "outcomes", "sources")
# An example for each list, for the message when a list is written wrongly.
LIST_EXAMPLES = {
    "facilitators": "[A. Facilitator, B. Facilitator]",
    "readiness": "[App installed, Username ready]",
    "outcomes": "[Post with confidence, Find your regulator's guidance]",
    "sources": "[Guidance on the use of social media (HCPC)]",
}


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
    """The field's value as the session holds it, or None (with an error) when it is wrong."""
    if key in TEXT_KEYS:
        return _text(key, entry, problems)
    if key in LIST_KEYS:
        return _names(key, entry, problems)
    if key == "start":
        return _start(entry, problems)
    if key == "length":
        return _length(entry, problems)
    if key == "reviewed":
        return _reviewed(entry, problems)
    if key in ("soon_percent", "soon_minutes"):
        return _soon(key, entry, problems)
    if key == "picture":
        return _picture(entry, problems)
    return entry.value


def _text(key: str, entry: Field, problems: Problems) -> str | None:
    value = entry.value
    if value is None:
        return ""
    if isinstance(value, (dict, list)):
        problems.error(entry.line, f"'{key}' must be one line of text, such as {key}: Library")
        return None
    return str(value).strip()


def _names(key: str, entry: Field, problems: Problems) -> tuple[str, ...] | None:
    value = entry.value
    if value is None:
        return ()
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or any(isinstance(v, (dict, list)) for v in value):
        what = "names" if key in ("facilitators", "readiness") else "lines of text"
        example = LIST_EXAMPLES[key]
        problems.error(entry.line, f"'{key}' must be a list of {what}, such as {key}: {example}")
        return None
    return tuple(str(v).strip() for v in value if v is not None and str(v).strip())


def _start(entry: Field, problems: Problems) -> time | None:
    raw = entry.raw if entry.raw is not None else str(entry.value)
    match = re.fullmatch(r"(\d{1,2})[:.](\d{2})", raw.strip())
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        problems.error(
            entry.line, f"start '{raw}' is not a time of day; write it as start: \"12:00\""
        )
        return None
    return time(int(match[1]), int(match[2]))


def _reviewed(entry: Field, problems: Problems) -> str | None:
    """The year and month the content was last checked, as "YYYY-MM"."""
    if entry.value is None:
        return ""
    raw = (entry.raw if entry.raw is not None else str(entry.value)).strip()
    match = re.fullmatch(r"(\d{4})-(\d{2})", raw)
    if not match or not 1 <= int(match[2]) <= 12:
        problems.error(
            entry.line,
            f"reviewed '{raw}' is not a year and month; write it as reviewed: 2026-12 "
            "(the year, a dash, and the month in two digits)",
        )
        return None
    return raw


def _length(entry: Field, problems: Problems) -> int | None:
    value = entry.value
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


def _soon(key: str, entry: Field, problems: Problems) -> float | None:
    value = entry.value
    number = isinstance(value, (int, float)) and not isinstance(value, bool)
    if key == "soon_percent" and not (number and 0 <= value <= 100):
        problems.error(entry.line, "soon_percent must be a number from 0 to 100, such as 20")
        return None
    if key == "soon_minutes" and not (number and value >= 0):
        problems.error(entry.line, "soon_minutes must be a number of minutes, such as 2")
        return None
    return value


def _picture(entry: Field, problems: Problems) -> Picture | None:
    """The arrival screen's picture: `picture: {file: images/poster.png, alt: ...}` (or
    just the file); its path and file are checked by the reader, which knows the folder."""
    value = entry.value
    if isinstance(value, str) and value.strip():
        return Picture(path=value.strip())
    whole = isinstance(value, dict) and set(value) <= {"file", "alt"}
    whole = whole and isinstance(value.get("file"), str) and bool(value["file"].strip())
    if whole and not isinstance(value.get("alt"), (dict, list)):
        return Picture(path=value["file"].strip(), alt=str(value.get("alt") or ""))
    problems.error(
        entry.line,
        "'picture' must name a picture file and say what it shows, such as "
        "picture: {file: images/poster.png, alt: The session's poster}",
    )
    return None
