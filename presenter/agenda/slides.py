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

from presenter.agenda.blocks import Block, comment_text, is_comment, top_level_blocks
from presenter.agenda.checks import check_agenda
from presenter.agenda.dialects import (
    TitleBlock,
    author_names,
    date_text,
    heading_divider,
    title_block,
)
from presenter.agenda.frontmatter import FrontMatter, session_fields
from presenter.agenda.model import AgendaItem, Session
from presenter.agenda.plain import (
    block_points,
    inline_comments,
    inline_text,
    inner_blocks,
    is_notes,
    notes_inside,
    prose,
)
from presenter.agenda.problems import Problems
from presenter.agenda.tables import ONE_TABLE, table_cells
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
# Deck front matter keys that map onto session fields; the rest (theme, paginate...) are Marp's.
DECK_KEYS = ("title", "subtitle", "audience", "venue")


def _deck_markdown() -> MarkdownIt:
    # Loaded only for a deck, so reading a session file does not pay for the plugin.
    from mdit_py_plugins.container import container_plugin

    # Any `::: name` fenced div is a container; we look at its name ourselves. GFM tables
    # and strikethrough are read so their rows and words come out without their marks.
    md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    return md.use(container_plugin, "div", validate=lambda *_: True)


def is_directive(comment: str) -> bool:
    """A Marp directive comment (`<!-- _class: lead -->`, `<!-- fit -->`), not a presenter note."""
    body = comment.strip()
    if "\n" in body:
        return False
    match = DIRECTIVE.match(body)
    return bool(match) and match["key"].lower() in MARP_DIRECTIVES


class _Slide:
    def __init__(self, line: int, *, after_rule: bool = False) -> None:
        self.line = line
        self.title = ""
        self.points: list[str] = []
        self.table: tuple[tuple[str, ...], ...] = ()  # its first GFM table
        self.notes: list[str] = []
        self.section = False  # a pandoc heading above the slide level
        self.after_rule = after_rule  # started by a `---` rule in a pandoc deck
        self.hidden = False  # held something that is not read here (a picture, raw HTML)

    @property
    def empty(self) -> bool:
        return not (self.title or self.points or self.table or self.notes)

    @property
    def shows(self) -> bool:
        """Whether the slide shows the audience something besides its title."""
        return bool(self.points or self.table)

    @property
    def name(self) -> str:
        return f"'{self.title}'" if self.title else f"the slide on line {self.line}"


def read_deck(front: FrontMatter, problems: Problems, stem: str) -> Session:
    """Turn a Marp or pandoc deck into a session whose items share the slot evenly."""
    block = title_block(front.body) if not front.fields else None
    if block is not None:
        front = FrontMatter(front.fields, block.body, front.body_line)
    md = _deck_markdown()
    blocks = top_level_blocks(md.parse(front.body))
    values = _deck_fields(front, block, problems)
    splitter = _Splitter(front, blocks, md, problems, pandoc=block is not None)
    slides = splitter.read(blocks)
    if not slides:
        problems.error(
            front.body_line, "no slides found; a deck needs headings or '---' between slides"
        )
        return Session(title=values.get("title") or stem)
    if not values.get("title"):
        first = slides[0]
        values["title"] = splitter.first_heading or stem
        if first.title and not first.shows and len(slides) > 1:
            _title_slide(first, values, problems)
            slides = slides[1:]
    length = values.get("length", 60)
    shares = share_minutes(length, len(slides))
    items = [
        AgendaItem(
            title=s.title or f"Slide {n}",
            minutes=minutes,
            points=tuple(s.points),
            notes="\n\n".join(s.notes),
            table=s.table,
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


def _title_slide(slide: _Slide, values: dict, problems: Problems) -> None:
    """The first slide shows only a heading: it is the deck's title slide, not an item."""
    values["title"] = slide.title
    if slide.notes:
        notes = "\n\n".join(slide.notes)
        values["description"] = "\n\n".join(p for p in (values.get("description"), notes) if p)
    where = "its notes are the session's description" if slide.notes else "it is not an item"
    problems.warn(
        slide.line, f"{slide.name} is the title slide: the session is named after it and {where}"
    )


def _deck_fields(front: FrontMatter, block: TitleBlock | None, problems: Problems) -> dict:
    """The session fields a deck gives: front matter or pandoc's `%` lines; its authors are
    the facilitators, its date the first line of the description."""
    # Decks carry Marp's and pandoc's own keys (theme, paginate, nocite...): read only ours.
    ours = FrontMatter({k: v for k, v in front.fields.items() if k in DECK_KEYS}, "", 1)
    values = session_fields(ours, problems, known=DECK_KEYS)
    names = author_names(front.fields.get("author"))
    date = date_text(front.fields.get("date"))
    if block is not None:
        values["title"], names, date = block.title, block.authors, block.date
    if names:
        values["facilitators"] = names
    if date:
        values["description"] = f"Date: {date}"
    return values


class _Splitter:
    """Cuts a deck's blocks into slides: at `---` rules (Marp) or at headings (pandoc)."""

    def __init__(
        self, front: FrontMatter, blocks: list[Block], md: MarkdownIt, problems: Problems, *,
        pandoc: bool,
    ) -> None:  # fmt: skip
        self.body_lines = front.body.split("\n")
        self.offset = front.body_line
        self.md = md
        self.problems = problems
        self.split_on_rules = not pandoc and _splits_on_rules(front, blocks)
        self.slide_level = None if self.split_on_rules else _slide_level(blocks)
        self.divider = heading_divider(front) if self.split_on_rules else frozenset()
        self.slides = [_Slide(self.offset)]
        self.leading_notes: list[str] = []  # notes before the first slide's content
        self.first_heading = ""

    def read(self, blocks: list[Block]) -> list[_Slide]:
        """The slides with a title or points, in order; the others named in a warning."""
        for opening, children in blocks:
            self._block(opening, children)
        slides = self._settle()
        if self.leading_notes and slides:
            slides[0].notes[:0] = self.leading_notes
        return slides

    def _settle(self) -> list[_Slide]:
        """Keep the slides that are items; merge or drop the rest, and say so."""
        kept: list[_Slide] = []
        waiting: list[str] = []  # notes of a dropped slide, for the next slide kept
        for number, slide in enumerate(self.slides):
            if slide.shows and slide.after_rule and kept:
                before = kept[-1]
                before.points += slide.points
                before.table = before.table or slide.table
                before.notes += slide.notes
                self.problems.warn(
                    slide.line,
                    f"the slide after this '---' rule has no heading, so its points were added "
                    f"to {before.name}; give it a heading to make it an item of its own",
                )
            elif slide.shows or (slide.title and not slide.section) or self._picture(slide):
                slide.notes[:0] = waiting
                waiting = []
                kept.append(slide)
            elif slide.title or slide.notes or slide.hidden or (number and self.split_on_rules):
                waiting += slide.notes
                self.problems.warn(slide.line, self._dropped(slide))
        if waiting and kept:
            kept[-1].notes += waiting
        return kept

    def _picture(self, slide: _Slide) -> bool:
        """A Marp slide of pictures or HTML alone: kept as "Slide N" with its notes."""
        return slide.hidden and self.split_on_rules

    @staticmethod
    def _dropped(slide: _Slide) -> str:
        if slide.section:
            return (
                f"section heading {slide.name} groups the slides after it; it is not an item, "
                "and its notes (if any) go with the next slide"
            )
        if slide.notes:
            return (
                f"{slide.name} shows nothing but notes; they were added to the next slide's "
                "notes (to the last slide's, at the end of the deck)"
            )
        what = "only a picture, HTML or directives" if slide.hidden else "nothing"
        return f"{slide.name} shows {what} that can be read here, so it was left out"

    def _line(self, token: Token) -> int:
        return self.offset + (token.map[0] if token.map else 0)

    def _block(self, opening: Token, children: list[Token]) -> None:
        slide = self.slides[-1]
        line = self._line(opening)
        if opening.type == "hr":
            if self.split_on_rules:
                self.slides.append(_Slide(line + 1))
            elif self._pandoc_rule(opening):
                self.slides.append(_Slide(line, after_rule=True))
            return
        if opening.type == "heading_open" and self._heading(opening, children[0], line):
            return
        if opening.type == "container_div_open":
            if not is_notes(opening):
                for inner, inner_children in inner_blocks(children):
                    self._block(inner, inner_children)  # incremental, columns...: unwrapped
                return
            first = slide.empty and len(self.slides) == 1
            (self.leading_notes if first else slide.notes).append(prose(inner_blocks(children)))
        elif is_comment(opening):
            for comment in HTML_COMMENT.findall(opening.content):
                self._comment(comment, slide)
        elif opening.type == "html_block":
            slide.hidden = True  # <style>, <div> and other raw HTML is layout, not content
        elif opening.type == "table_open" and not slide.table:
            slide.table = table_cells(children, inline_text)
        else:
            if opening.type == "table_open":
                self.problems.warn(line, ONE_TABLE)
            points = [p for p in block_points([(opening, children)]) if p.strip()]
            slide.points.extend(points)
            slide.notes.extend(notes_inside(children))
            for comment in inline_comments(children):  # a note written against the text
                self._comment(comment, slide)
            slide.hidden = slide.hidden or not points

    def _comment(self, comment: str, slide: _Slide) -> None:
        """A Marp presenter note, its Markdown read as prose; directives and a comment
        opening the file (a licence, say) are not notes."""
        if not is_directive(comment[4:-3]) and (len(self.slides) > 1 or not slide.empty):
            slide.notes.append(prose(top_level_blocks(self.md.parse(comment_text(comment)))))

    def _pandoc_rule(self, rule: Token) -> bool:
        """A `---` between blank lines starts a slide in pandoc; a rule against text (or with
        gaps, `--- ---`) is the border of one of pandoc's own tables."""
        assert rule.map is not None
        start, end = rule.map
        lines = self.body_lines
        before = lines[start - 1].strip() if start > 0 else ""
        after = lines[end].strip() if end < len(lines) else ""
        return not before and not after and " " not in lines[start].strip()

    def _heading(self, opening: Token, inline: Token, line: int) -> bool:
        """A heading that starts a slide or titles it; False when it is only a slide's text."""
        level = int(opening.tag[1])
        text = _heading_text(inline)
        self.first_heading = self.first_heading or text
        slide = self.slides[-1]
        if self.slide_level is not None and level <= self.slide_level:
            if not slide.empty:
                slide = _Slide(line)
                self.slides.append(slide)
            slide.section = level < self.slide_level
        elif level in self.divider and (slide.title or slide.shows or slide.hidden):
            slide = _Slide(line)  # Marp's headingDivider: this heading starts a slide
            self.slides.append(slide)
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
    if "marp" in front.fields or "headingDivider" in front.fields:
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
