"""The YAML front matter between two `---` lines: read safely, every key with its line."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from presenter.agenda.problems import Problems

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
