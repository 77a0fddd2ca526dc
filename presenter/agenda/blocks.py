"""Markdown blocks as a session file and a slide deck both hold them: the parser, the
top-level blocks with their source lines, list items, comments and fences, as written.

Both readers (`presenter.agenda.reader` for session files, `presenter.agenda.slides` for
Marp and pandoc decks) take their points and notes from here, so they read a bullet or a
comment the same way.
"""

from __future__ import annotations

import re
import textwrap

from markdown_it import MarkdownIt
from markdown_it.token import Token

LIST_MARKER = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")

Block = tuple[Token, list[Token]]


def markdown() -> MarkdownIt:
    """A CommonMark block parser with GFM tables: titles, points, notes and table cells are
    taken as written, so the inline pass (emphasis, links) is skipped."""
    return MarkdownIt("commonmark").enable("table").disable(["inline", "text_join"])


def top_level_blocks(tokens: list[Token]) -> list[Block]:
    """Each top-level block's opening token and its children (tokens up to its close)."""
    blocks: list[Block] = []
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


def source_lines(body_lines: list[str], token: Token) -> list[str]:
    """The lines of the source a block token was read from."""
    assert token.map is not None
    return body_lines[token.map[0] : token.map[1]]


def is_list(opening: Token) -> bool:
    return opening.type in ("bullet_list_open", "ordered_list_open")


def list_points(children: list[Token], body_lines: list[str]) -> list[str]:
    """Each top-level item of a list block, as written, one point each."""
    return [
        list_item_text(source_lines(body_lines, child))
        for child in children
        if child.type == "list_item_open" and child.level == 1 and child.map
    ]


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


def is_comment(opening: Token) -> bool:
    """An HTML block that opens with a comment (`<!-- ... -->`)."""
    return opening.type == "html_block" and opening.content.lstrip().startswith("<!--")


def comment_text(comment: str) -> str:
    """The words inside an HTML comment, dedented, without blank lines around them."""
    inner = comment.strip().removeprefix("<!--").removesuffix("-->")
    return textwrap.dedent(inner).strip()


def fence_closed(fence: Token, body_lines: list[str]) -> bool:
    """True when a fenced block has its closing line (CommonMark lets it run to the end)."""
    assert fence.map is not None
    start, end = fence.map
    if end - start < 2:
        return False
    last = body_lines[end - 1].strip() if end - 1 < len(body_lines) else ""
    char = fence.markup[0]
    return len(last) >= len(fence.markup) and set(last) == {char}
