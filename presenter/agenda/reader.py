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
from dataclasses import replace

from markdown_it.token import Token

from presenter.agenda.blocks import (
    comment_text,
    fence_closed,
    is_comment,
    is_list,
    markdown,
    source_lines,
    top_level_blocks,
)
from presenter.agenda.checks import check_agenda
from presenter.agenda.frontmatter import (
    SESSION_KEYS,
    FrontMatter,
    session_fields,
    split_front_matter,
)
from presenter.agenda.heading import ItemHeading, has_spec, heading_title, read_heading
from presenter.agenda.model import AgendaItem, Picture, Session
from presenter.agenda.nesting import nested_points
from presenter.agenda.pictures import check_picture, picture_line
from presenter.agenda.problems import Problem, Problems, SessionFileError
from presenter.agenda.source import decode_source, read_source
from presenter.agenda.tables import ONE_TABLE, table_cells

# Keys that only a session file (not a Marp or pandoc deck) carries.
NATIVE_ONLY_KEYS = {"start", "length", "readiness", "approval", "facilitators", "soon_percent"}
NATIVE_ONLY_KEYS |= {"outcomes", "sources", "reviewed"}


class _Draft:
    """An item while its body is being read."""

    def __init__(self, heading: ItemHeading, line: int) -> None:
        self.heading = heading
        self.line = line
        self.points: list[str] = []
        self.levels: list[int] = []
        self.notes: list[str] = []
        self.table: tuple[tuple[str, ...], ...] = ()
        self.pictures: list[Picture] = []

    def item(self) -> AgendaItem:
        heading = self.heading
        return AgendaItem(
            title=heading.title,
            minutes=heading.planned,
            kind=heading.kind,
            fixed=heading.fixed,
            points=tuple(self.points),
            notes="\n\n".join(n.strip("\n") for n in self.notes),
            min_minutes=heading.min_minutes,
            optional=heading.optional,
            table=self.table,
            levels=tuple(self.levels),
            hidden=heading.hidden,
            pictures=tuple(self.pictures),
        )


def load_session(path: str | os.PathLike[str]) -> tuple[Session, list[Problem]]:
    """Read a session file; returns the session and its warnings, raises SessionFileError."""
    problems = Problems(os.fspath(path))
    try:
        data = read_source(path)
    except IsADirectoryError:
        problems.error(1, "this is a folder, not a session file; give the path of a .md file")
        raise SessionFileError(problems) from None
    except OSError as exc:
        problems.error(1, f"cannot be read ({exc.strerror or exc}); check the path and permissions")
        raise SessionFileError(problems) from None
    folder = os.path.dirname(os.path.abspath(os.fspath(path)))
    session, problems = parse_session(data, path, folder=folder)
    if session is None:
        raise SessionFileError(problems)
    return replace(session, folder=folder), problems.warnings


def parse_session(
    content: str | bytes, source: str | os.PathLike[str] = "<text>", *, folder: str | None = None
) -> tuple[Session | None, Problems]:
    """Parse a session (or a Marp or pandoc deck); the session is None when there are errors.

    `folder` is where the session's pictures are looked for; None checks only their lines."""
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
        # Loaded only for a deck, so `presenter validate` on a session file does not pay for
        # it; slides.py never imports this module, so imports still run one way.
        from presenter.agenda.slides import read_deck

        session = read_deck(front, problems, _stem(source))
    else:
        session = _read_native(front, tokens, problems, _stem(source), folder)
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
        if is_item and has_spec(tokens[i + 1].content):
            return False
    return True


def _read_native(
    front: FrontMatter, tokens: list[Token], problems: Problems, stem: str, folder: str | None
) -> Session:
    body_lines = front.body.split("\n")
    offset = front.body_line
    _warn_tabs(body_lines, offset, problems)
    values = session_fields(front, problems, known=SESSION_KEYS)
    if values.get("picture") is not None:
        line = front.fields["picture"].line
        values["picture"] = check_picture(values["picture"], line, folder, problems)
    drafts: list[_Draft] = []
    description: list[list[int]] = []  # the line ranges of the blocks before the first item
    for opening, children in top_level_blocks(tokens):
        line = offset + (opening.map[0] if opening.map else 0)
        if opening.type == "heading_open" and opening.tag == "h2":
            drafts.append(_Draft(read_heading(children[0].content, line, problems), line))
        elif _is_title(opening) and not (drafts or description or "title" in values):
            values["title"] = heading_title(children[0].content)
        elif not drafts:
            if opening.map:
                description.append(opening.map)
        else:
            _read_block(drafts[-1], opening, children, body_lines, line, problems, folder)
    if not drafts:
        first_text = next((n for n, t in enumerate(body_lines, start=offset) if t.strip()), offset)
        problems.error(
            first_text, "no agenda items found; add one '## Item title [5 min]' heading per item"
        )
    if not values.get("title"):
        problems.warn(1, f"no title; add 'title: ...' to the front matter (using '{stem}')")
        values["title"] = stem
    text = ""
    if description:  # as written, blank lines included, from its first block to its last
        text = "\n".join(body_lines[description[0][0] : description[-1][1]]).strip("\n")
    session = Session(items=tuple(d.item() for d in drafts), description=text, **values)
    check_agenda(session, [d.line for d in drafts], problems)
    return session


def _is_title(opening: Token) -> bool:
    """A `#` heading: the session's title when it comes first and the front matter has none."""
    return opening.type == "heading_open" and opening.tag == "h1"


def _warn_tabs(body_lines: list[str], offset: int, problems: Problems) -> None:
    for number, line in enumerate(body_lines, start=offset):
        if line.strip() and "\t" in line[: len(line) - len(line.lstrip(" \t"))]:
            problems.warn(number, "a tab indents this line; use spaces so lists nest as you expect")


def _read_block(
    draft: _Draft,
    opening: Token,
    children: list[Token],
    body_lines: list[str],
    line: int,
    problems: Problems,
    folder: str | None = None,
) -> None:
    """One block under an item's heading: its notes, its points, a picture standing as its
    own paragraph, or a point as written."""
    if opening.type == "fence" and not fence_closed(opening, body_lines):
        fence = f"{opening.markup}{opening.info.strip()}"
        problems.error(
            line,
            f"the {fence} block opened on this line is never closed, so everything after "
            f"it would be read as its text; add a line with {opening.markup} where it ends",
        )
    if opening.type == "fence" and opening.info.strip().lower() == "notes":
        draft.notes.append(opening.content)
    elif is_list(opening):
        for point, level in nested_points(children, body_lines):
            draft.points.append(point)
            draft.levels.append(level)
    elif is_comment(opening):
        draft.notes.append(comment_text(opening.content))
    elif opening.type == "table_open" and not draft.table:
        draft.table = table_cells(children)
    else:
        if opening.type == "table_open":
            problems.warn(line, ONE_TABLE)
        lines = source_lines(body_lines, opening) if opening.map else []
        picture = picture_line("\n".join(lines)) if opening.type == "paragraph_open" else None
        if picture is None:
            draft.points.append("\n".join(lines))
            draft.levels.append(0)
        elif (checked := check_picture(picture, line, folder, problems)) is not None:
            draft.pictures.append(checked)
