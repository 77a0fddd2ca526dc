"""What pandoc and Marp decks say about themselves, read as their authors meant it.

- pandoc's title block: up to three `%` lines at the very top (title, authors separated by
  `;`, date), each carried on by lines that start with a space;
- YAML `title`, `subtitle`, `author` (names, or pandoc's `name:` entries) and `date`;
- Marp's `headingDivider` (a level, or a list of levels), in the front matter or in a
  `<!-- headingDivider: 2 -->` comment, which starts a slide at every such heading.

A session has no date of its own, so a deck's date goes at the top of its description.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from presenter.agenda.frontmatter import Field, FrontMatter

DIVIDER_COMMENT = re.compile(r"<!--\s*headingDivider\s*:\s*(?P<value>[^>]*?)\s*-->")


@dataclass(frozen=True)
class TitleBlock:
    """pandoc's `%` lines: what they say, and the body with them blanked out."""

    title: str
    authors: tuple[str, ...]
    date: str
    body: str


def title_block(body: str) -> TitleBlock | None:
    """pandoc's `% title / % authors / % date` lines at the top of the body, if it has them."""
    lines = body.split("\n")
    if not lines or not lines[0].startswith("%"):
        return None
    fields: list[list[str]] = []
    end = 0
    for line in lines[:40]:
        if line.startswith("%") and len(fields) < 3:
            fields.append([line[1:].strip()])
        elif line.startswith((" ", "\t")) and line.strip() and fields:
            fields[-1].append(line.strip())
        else:
            break
        end += 1
    fields += [[] for _ in range(3 - len(fields))]
    title = " ".join(part for part in fields[0] if part)
    names = [name.strip() for part in fields[1] for name in part.split(";")]
    date = " ".join(part for part in fields[2] if part)
    # Blank lines keep every line of the rest where it was, so problems name the right line.
    rest = "\n".join([""] * end + lines[end:])
    return TitleBlock(title, tuple(n for n in names if n), date, rest)


def author_names(entry: Field | None) -> tuple[str, ...] | None:
    """The names in an `author:` key: one name, a list, or pandoc's `- name: ...` entries."""
    if entry is None:
        return None
    value = entry.value
    values = value if isinstance(value, list) else [value]
    names = []
    for one in values:
        if isinstance(one, dict):
            one = one.get("name")
        if isinstance(one, (str, int, float)) and str(one).strip():
            names.append(str(one).strip())
    return tuple(names) if names or value is None else None


def date_text(entry: Field | None) -> str:
    """A `date:` key as written ("3 March 2026", or "2026-03-03" as it stands)."""
    if entry is None or entry.value is None or isinstance(entry.value, (dict, list)):
        return ""
    return (entry.raw if entry.raw is not None else str(entry.value)).strip()


def heading_divider(front: FrontMatter) -> frozenset[int]:
    """The heading levels that start a Marp slide (`headingDivider`), none when not set."""
    entry = front.fields.get("headingDivider")
    value = entry.value if entry is not None else None
    for match in DIVIDER_COMMENT.finditer(front.body):  # a global directive: the last wins
        value = _number_or_list(match["value"])
    return divider_levels(value)


def _number_or_list(text: str) -> object:
    text = text.strip()
    if text.startswith("[") and text.endswith("]"):
        return [part.strip() for part in text[1:-1].split(",")]
    return text


def divider_levels(value: object) -> frozenset[int]:
    """`headingDivider: 2` means levels 1 and 2; `[1, 3]` means those two levels."""
    if isinstance(value, bool):
        return frozenset()
    if isinstance(value, list):
        return frozenset(n for n in (_level(v) for v in value) if n)
    level = _level(value)
    return frozenset(range(1, level + 1)) if level else frozenset()


def _level(value: object) -> int:
    try:
        level = int(str(value).strip())
    except ValueError:
        return 0
    return level if 1 <= level <= 6 else 0
