"""Reading a plain slide deck written for Marp or pandoc as a session.

Marp splits slides with `---` lines and keeps presenter notes in `<!-- -->` comments (other
comments such as `<!-- _class: lead -->` or `<!-- $theme: gaia -->` are directives, not notes).
pandoc splits slides at headings (the slide level is the highest heading level that has content
under it) and keeps notes in `::: notes` blocks. Slides carry no minutes, so the slot is shared
out across the items and a warning says so.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from markdown_it.token import Token

from presenter.agenda.blocks import (
    Block,
    comment_text,
    is_comment,
    is_list,
    list_points,
    source_lines,
    top_level_blocks,
)
from presenter.agenda.checks import check_agenda
from presenter.agenda.frontmatter import FrontMatter, session_fields
from presenter.agenda.model import AgendaItem, Session
from presenter.agenda.problems import Problems
from presenter.agenda.timetable import share_minutes

MARP_DIRECTIVES = {
    "theme", "style", "headingdivider", "size", "math", "title", "author", "description",
    "image", "keywords", "url", "marp", "paginate", "header", "footer", "class",
    "backgroundcolor", "backgroundimage", "backgroundposition", "backgroundrepeat",
    "backgroundsize", "color", "transition", "page_number", "template", "prerender", "fit",
    "lang",
}  # fmt: skip
DIRECTIVE = re.compile(r"^\s*[_$*]?(?P<key>[A-Za-z_]+)\s*(?::.*)?$")
ATTRIBUTES = re.compile(r"\s*\{[^{}]*\}\s*$")
HIGHLIGHT = re.compile(r"==(.+?)==")  # Marp classic's ==highlight==
HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
BACKGROUND_IMAGE = re.compile(r"^\s*!\[(?:bg|fit|w:|h:)[^\]]*\]\([^)]*\)\s*$")
# Deck front matter keys that map onto session fields; the rest (theme, paginate...) are Marp's.
DECK_KEYS = ("title", "subtitle", "audience", "venue")


def _deck_markdown() -> MarkdownIt:
    # Loaded only for a deck, so reading a session file does not pay for the plugin.
    from mdit_py_plugins.container import container_plugin

    # Any `::: name` fenced div is a container; we look at its name ourselves.
    return MarkdownIt("commonmark").use(container_plugin, "div", validate=lambda *_: True)


def is_directive(comment: str) -> bool:
    """A Marp directive comment (`<!-- _class: lead -->`, `<!-- fit -->`), not a presenter note."""
    body = comment.strip()
    if "\n" in body:
        return False
    match = DIRECTIVE.match(body)
    return bool(match) and match["key"].lower() in MARP_DIRECTIVES


class _Slide:
    def __init__(self, line: int) -> None:
        self.line = line
        self.title = ""
        self.points: list[str] = []
        self.notes: list[str] = []

    @property
    def empty(self) -> bool:
        return not (self.title or self.points or self.notes)


def read_deck(front: FrontMatter, problems: Problems, stem: str) -> Session:
    """Turn a Marp or pandoc deck into a session whose items share the slot evenly."""
    blocks = top_level_blocks(_deck_markdown().parse(front.body))
    values = _deck_fields(front, problems)
    slides = _Splitter(front, blocks).read(blocks)
    if not slides:
        problems.error(
            front.body_line, "no slides found; a deck needs headings or '---' between slides"
        )
        return Session(title=values.get("title") or stem)
    if not values.get("title"):
        first = slides[0]
        if first.title and not first.points:
            values["title"] = first.title
            slides = slides[1:] or slides
        else:
            values["title"] = stem
    length = values.get("length", 60)
    shares = share_minutes(length, len(slides))
    items = [
        AgendaItem(
            title=s.title or f"Slide {n}",
            minutes=minutes,
            points=tuple(s.points),
            notes="\n\n".join(s.notes),
        )
        for n, (s, minutes) in enumerate(zip(slides, shares, strict=True), start=1)
    ]
    problems.warn(
        front.body_line,
        f"slides carry no minutes, so the {length}-minute slot is shared across {len(items)} "
        "items; set each item's minutes in the agenda editor or save as a session file",
    )
    session = Session(items=tuple(items), **values)
    check_agenda(session, [s.line for s in slides], problems)
    return session


def _deck_fields(front: FrontMatter, problems: Problems) -> dict:
    """The session fields a deck's front matter gives; its author are the facilitators."""
    # Decks carry Marp's and pandoc's own keys (theme, paginate, nocite...): read only ours.
    ours = FrontMatter({k: v for k, v in front.fields.items() if k in DECK_KEYS}, "", 1)
    values = session_fields(ours, problems, known=DECK_KEYS)
    author = front.fields.get("author")
    if author is not None and isinstance(author.value, (str, list)):
        names = [author.value] if isinstance(author.value, str) else author.value
        values["facilitators"] = tuple(str(n) for n in names if n)
    return values


class _Splitter:
    """Cuts a deck's blocks into slides: at `---` rules (Marp) or at headings (pandoc)."""

    def __init__(self, front: FrontMatter, blocks: list[Block]) -> None:
        self.body_lines = front.body.split("\n")
        self.offset = front.body_line
        self.split_on_rules = _splits_on_rules(front, blocks)
        self.slide_level = None if self.split_on_rules else _slide_level(blocks)
        self.slides = [_Slide(self.offset)]
        self.leading_notes: list[str] = []  # notes before the first slide's content

    def read(self, blocks: list[Block]) -> list[_Slide]:
        """The slides with a title or points, in order."""
        for opening, children in blocks:
            self._block(opening, children, self.offset + (opening.map[0] if opening.map else 0))
        slides = [s for s in self.slides if s.title or s.points]
        if self.leading_notes and slides:
            slides[0].notes[:0] = self.leading_notes
        return slides

    def _block(self, opening: Token, children: list[Token], line: int) -> None:
        slide = self.slides[-1]
        if opening.type == "hr":
            if self.split_on_rules:
                self.slides.append(_Slide(line + 1))
            return  # in a pandoc deck a rule of dashes is usually a table border
        if opening.type == "heading_open" and self._heading(opening, children[0], line):
            return
        if opening.type == "container_div_open" and "notes" in opening.info.strip(" {}.").split():
            inner = [c for c in children if c.map and c.level == 1]
            text = "\n\n".join("\n".join(source_lines(self.body_lines, c)) for c in inner)
            first = slide.empty and len(self.slides) == 1
            (self.leading_notes if first else slide.notes).append(text)
        elif is_comment(opening):
            for comment in HTML_COMMENT.findall(opening.content):
                if not is_directive(comment[4:-3]) and (len(self.slides) > 1 or not slide.empty):
                    slide.notes.append(comment_text(comment))
        elif opening.type == "html_block":
            pass  # <style>, <div> and other raw HTML is layout, not content
        elif is_list(opening):
            slide.points.extend(list_points(children, self.body_lines))
        else:
            lines = source_lines(self.body_lines, opening) if opening.map else []
            text = HTML_COMMENT.sub("", "\n".join(lines)).strip()
            if text and not BACKGROUND_IMAGE.match(text):
                slide.points.append(text)

    def _heading(self, opening: Token, inline: Token, line: int) -> bool:
        """A heading that starts a slide or titles it; False when it is only a slide's text."""
        level = int(opening.tag[1])
        text = _heading_text(inline)
        slide = self.slides[-1]
        if self.slide_level is not None and level <= self.slide_level:
            if not slide.empty:
                slide = _Slide(line)
                self.slides.append(slide)
            if level < self.slide_level:
                return True  # a section title groups slides; it is not an agenda item
        elif slide.title:
            return False
        slide.title = text
        slide.line = line
        return True


def _heading_text(inline: Token) -> str:
    """A heading as plain text: no Markdown marks, HTML comments or pandoc {attributes}."""
    parts = []
    for child in inline.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak") or (
            child.type == "html_inline" and child.content.lower().startswith("<br")
        ):
            parts.append(" ")
    text = ATTRIBUTES.sub("", "".join(parts))
    return " ".join(HIGHLIGHT.sub(r"\1", text).split())


def _splits_on_rules(front: FrontMatter, blocks: list[Block]) -> bool:
    """Marp decks split slides on `---`; pandoc decks on headings (their dashes are tables)."""
    if "marp" in front.fields:
        return True
    for opening, _ in blocks:
        if opening.type == "html_block" and "<!-- $" in opening.content:
            return True  # Marp classic's global directives
        if opening.type == "container_div_open" or opening.markup in ("=", "-"):
            return False  # pandoc's fenced divs, or setext headings
    return any(opening.type == "hr" for opening, _ in blocks)


def _slide_level(blocks: list[Block]) -> int:
    """pandoc's rule: the highest heading level followed directly by content, not a heading."""
    level = 6
    found = False
    for (opening, _), following in zip(blocks, [*blocks[1:], (None, [])], strict=True):
        if opening.type != "heading_open":
            continue
        nxt = following[0]
        if nxt is not None and nxt.type != "heading_open":
            level = min(level, int(opening.tag[1]))
            found = True
    return level if found else 1
