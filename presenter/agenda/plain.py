"""A slide deck's Markdown as plain readable text: points for the audience, notes as prose.

A deck's author writes for a renderer (pandoc, Marp), so what reaches the audience screen
or the notes pane is what that renderer would show, not its markup: emphasis and backticks
go, a slide's table is read as a table (`agenda.tables`; in a quote or in notes its rows
become "cell — cell — cell"), a code block keeps its lines, a sub-heading its words. In
notes, the lines of a hard-wrapped paragraph are joined into one paragraph, lists stay lists
(one item a line) and checklists show their boxes ("☐ item", "☑ item"). A `Timing:` line is
never joined onto the line before it, so a deck made here keeps the line that gives its
items their minutes back.
"""

from __future__ import annotations

import re

from markdown_it.token import Token

from presenter.agenda.blocks import Block, top_level_blocks

CELL_SEPARATOR = " — "
CHECKBOX = re.compile(r"^\[(?P<mark>[ xX])\][ \t]+")
BOXES = {" ": "☐ ", "x": "☑ ", "X": "☑ "}
TIMING_LINE = re.compile(r"^Timing: \d+ min\b")
# pandoc's bracketed spans ([words]{.alert}) keep their words; other {attributes} go.
SPAN = re.compile(r"\[(?P<words>[^\[\]\n]*)\]\{[^{}\n]*\}")
ATTRIBUTES = re.compile(r"\{[.#][^{}\n]*\}|\{\w+=[^{}\n]*\}")
CODE_MARK = re.compile("\ue000(?P<n>\\d+)\ue001")
HIGHLIGHT = re.compile(r"==(?P<words>[^=\n]+)==")  # Marp classic's ==highlight==


def inline_text(inline: Token, *, prose: bool = False) -> str:
    """A line of Markdown as the reader sees it: no emphasis marks, backticks or HTML tags.

    A link keeps its words and, when they differ, its web address after them in brackets;
    a picture inside text is left out (the slide's pictures are not points). In prose a
    soft line break is a space; on a slide it is one too, as the renderer shows it."""
    parts: list[str] = []
    link = ""
    code: list[str] = []
    children = inline.children or []
    for number, child in enumerate(children):
        kind = child.type
        if kind == "text":
            parts.append(child.content)
        elif kind == "code_inline":  # kept aside so no pattern below changes code
            parts.append(f"\ue000{len(code)}\ue001")
            code.append(child.content)
        elif kind == "softbreak":
            following = children[number + 1] if number + 1 < len(children) else None
            timing = following is not None and TIMING_LINE.match(following.content)
            parts.append("\n" if prose and timing else " ")
        elif kind == "hardbreak" or (kind == "html_inline" and _is_break(child.content)):
            parts.append("\n")
        elif kind == "link_open":
            link = str(child.attrs.get("href", ""))
            parts.append("\x00")  # where the link's words start
        elif kind == "link_close":
            _close_link(parts, link)
            link = ""
    text = "".join(parts).replace("\x00", "")
    text = HIGHLIGHT.sub(r"\g<words>", SPAN.sub(r"\g<words>", text))
    text = ATTRIBUTES.sub("", text).rstrip("\\")  # pandoc's `\` ending a picture's line
    text = CODE_MARK.sub(lambda m: code[int(m["n"])], text)
    return "\n".join(" ".join(line.split()) for line in text.split("\n")).strip()


def _is_break(html: str) -> bool:
    return html.lower().startswith("<br")


def _close_link(parts: list[str], address: str) -> None:
    start = max(i for i, part in enumerate(parts) if part == "\x00")
    words = "".join(parts[start + 1 :]).strip()
    web = address.startswith(("http://", "https://", "mailto:"))
    if web and words and words != address and address.removeprefix("mailto:") != words:
        parts.append(f" ({address})")
    elif web and not words:
        parts.append(address)


def block_points(blocks: list[Block]) -> list[str]:
    """The points a run of blocks shows on a slide, in reading order."""
    points: list[str] = []
    for opening, children in blocks:
        points.extend(_points(opening, children))
    return points


def _points(opening: Token, children: list[Token]) -> list[str]:
    kind = opening.type
    if kind in ("paragraph_open", "heading_open"):
        return [inline_text(children[0])]
    if kind in ("fence", "code_block"):
        return [opening.content.rstrip("\n")]
    if kind == "table_open":
        return table_rows(children)
    if kind in ("bullet_list_open", "ordered_list_open"):
        return [_item_point(inner) for _, inner in _items(children)]
    if kind == "container_div_open" and is_notes(opening):
        return []  # the notes inside a point go to the slide's notes (`notes_inside`)
    if kind in ("blockquote_open", "container_div_open"):
        return block_points(inner_blocks(children))
    return []  # rules, raw HTML: layout, not words


def is_notes(opening: Token) -> bool:
    """pandoc's `::: notes` (or `::: {.notes}`) fenced div."""
    return "notes" in opening.info.strip(" {}.").split()


def notes_inside(children: list[Token]) -> list[str]:
    """The `::: notes` divs nested in a block (inside a list item, say), as prose."""
    found = []
    start = 0
    while start < len(children):
        token = children[start]
        start += 1
        if token.type == "container_div_open" and is_notes(token):
            depth, end = 1, start
            while depth and end < len(children):
                depth += children[end].nesting
                end += 1
            found.append(prose(inner_blocks(children[start:end])))
            start = end  # a notes div inside this one is part of its prose
    return found


def inline_comments(children: list[Token]) -> list[str]:
    """The HTML comments written inside a block's text (`- point <!-- note -->`)."""
    return [
        child.content
        for token in children
        if token.type == "inline"
        for child in token.children or []
        if child.type == "html_inline" and child.content.startswith("<!--")
    ]


def inner_blocks(children: list[Token]) -> list[Block]:
    """The blocks inside a container (a fenced div, a quote, a list item), without its close."""
    return top_level_blocks(children[:-1])


def _items(children: list[Token]) -> list[Block]:
    return [(o, c) for o, c in inner_blocks(children) if o.type == "list_item_open"]


def _item_point(children: list[Token], depth: int = 0) -> str:
    """One list item as a point: its words, a checkbox as a box, nested items below it."""
    lines: list[str] = []
    for block, inner in inner_blocks(children):
        if block.type in ("bullet_list_open", "ordered_list_open"):
            for _, sub in _items(inner):
                lines.append(f"{'  ' * depth}- {_item_point(sub, depth + 1)}")
        else:
            lines.extend(_points(block, inner))
    return checkbox("\n".join(lines))


def checkbox(text: str) -> str:
    """A GFM task item's `[ ]`/`[x]` as the box it stands for."""
    match = CHECKBOX.match(text)
    return BOXES[match["mark"]] + text[match.end() :] if match else text


def table_rows(children: list[Token]) -> list[str]:
    """Each row of a table (its heading row first) as one line, its cells joined."""
    rows: list[str] = []
    cells: list[str] = []
    for token in children:
        if token.type == "tr_open":
            cells = []
        elif token.type == "inline":
            cells.append(inline_text(token))
        elif token.type == "tr_close" and any(cells):
            rows.append(CELL_SEPARATOR.join(cell for cell in cells if cell))
    return rows


# -- notes as prose ------------------------------------------------------------------------


def prose(blocks: list[Block]) -> str:
    """Notes as the facilitator reads them: paragraphs, and lists one item a line."""
    return "\n\n".join(part for part in (_prose(o, c) for o, c in blocks) if part)


def _prose(opening: Token, children: list[Token], depth: int = 0) -> str:
    kind = opening.type
    if kind in ("paragraph_open", "heading_open"):
        return inline_text(children[0], prose=True)
    if kind in ("bullet_list_open", "ordered_list_open"):
        return "\n".join(_list_lines(opening, children, depth))
    if kind in ("blockquote_open", "container_div_open"):
        return prose(inner_blocks(children))
    return "\n".join(_points(opening, children))


def _list_lines(opening: Token, children: list[Token], depth: int) -> list[str]:
    ordered = opening.type == "ordered_list_open"
    number = int(opening.attrs.get("start", 1) or 1)
    lines: list[str] = []
    for _, inner in _items(children):
        words: list[str] = []
        nested: list[str] = []
        for block, block_children in inner_blocks(inner):
            if block.type in ("bullet_list_open", "ordered_list_open"):
                nested.extend(_list_lines(block, block_children, depth + 1))
            else:
                words.append(_prose(block, block_children, depth))
        text = checkbox(" ".join(w for w in words if w))
        marker = f"{number}. " if ordered else "- "
        if text.startswith(tuple(BOXES.values())):
            marker = ""  # a checklist's boxes are its bullets
        lines.append(f"{'  ' * depth}{marker}{text}")
        lines.extend(nested)
        number += 1
    return lines
