"""Which layout of which master each kind of slide gets, and why.

Every layout of every master is scored for each role (title slide, agenda, item, section,
closing): first by the placeholders it holds, then by its name (English, French, German,
Spanish, and LibreOffice's names) or type, then by its master. Templates mark their cover
and section slides with a master of their own (another background or title styling), so the
title, closing and section roles prefer a master that looks unlike the content master.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.slide import SlideLayout

from presenter.deck.template import BODIES, FURNITURE, NS_P, TITLES

ROLES = ("title", "agenda", "content", "section", "closing")
ROLE_WORDS = {
    "title": "title slide",
    "agenda": "agenda",
    "content": "items",
    "section": "breaks",
    "closing": "closing slide",
}
LAYOUT_NAMES = {
    "title": (
        "Title Slide",
        "Title",
        "Diapositive de titre",
        "Titelfolie",
        "Diapositiva de título",
    ),
    "agenda": ("Title Only", "Titre seul", "Nur Titel", "Solo el título"),
    "content": (
        "Title and Content",
        "Title and Body",
        "Title, Content",
        "Titre et contenu",
        "Titel und Inhalt",
        "Título y objetos",
    ),
    "section": ("Section Header", "Section Title", "Titre de section", "Abschnittsüberschrift"),
}
LAYOUT_NAMES["closing"] = LAYOUT_NAMES["title"]
LAYOUT_TYPES = {
    "title": ("title",),
    "agenda": ("titleOnly",),
    "content": ("obj", "tx"),
    "section": ("secHead",),
    "closing": ("title",),
}


@dataclass(frozen=True)
class Choice:
    """The layout a role got, and the words that say why."""

    role: str
    layout: SlideLayout
    master_number: int  # from 1, in the order the template lists its masters
    reasons: tuple[str, ...]

    def explain(self) -> str:
        return (
            f"{ROLE_WORDS[self.role]}: layout “{self.layout.name}” of master "
            f"{self.master_number}: {'; '.join(self.reasons)}"
        )


def _kinds(layout: SlideLayout) -> list:
    return [
        ph.placeholder_format.type
        for ph in layout.placeholders
        if ph.placeholder_format.type not in FURNITURE
    ]


def shape_score(role: str, kinds: list) -> tuple[int, str]:
    """How well a layout's placeholders (`kinds`, see `_kinds`) suit the role (0: not at all),
    and what they are."""
    titles = sum(kind in TITLES for kind in kinds)
    bodies = sum(kind in BODIES for kind in kinds)
    subtitles = kinds.count(PP_PLACEHOLDER.SUBTITLE)
    others = len(kinds) - titles - bodies - subtitles
    if not titles:
        return 0, "no title placeholder"
    if role == "content":
        if bodies == 1 and not others and not subtitles:
            return 3, "a title and one body placeholder"
        return (2, "a title and several body placeholders") if bodies else (0, "no body")
    if role in ("title", "closing"):
        if subtitles and not bodies:
            return 3, "a title and a subtitle"
        if PP_PLACEHOLDER.CENTER_TITLE in kinds:
            return 2, "a centred title"
        return (1, "a title and a body") if bodies == 1 else (0, "no subtitle")
    if role == "agenda":
        if len(kinds) == 1:
            return 3, "a title alone (the agenda table goes under it)"
        return (1, "a title and a body") if bodies == 1 and not others else (0, "too full")
    # section: a title alone, or with one line of text under it
    if len(kinds) == 1:
        return 3, "a title alone"
    if len(kinds) == 2 and kinds.count(PP_PLACEHOLDER.BODY) == 1:
        return 3, "a title and a line of text"
    return (1, "a title and a subtitle") if subtitles and not bodies else (0, "too full")


def name_score(role: str, layout: SlideLayout) -> tuple[int, str]:
    name = layout.name.strip().casefold()
    if name in {n.casefold() for n in LAYOUT_NAMES[role]}:
        return 2, f"named “{layout.name}”"
    if layout._element.get("type") in LAYOUT_TYPES[role]:
        return 1, f"of type “{layout._element.get('type')}”"
    return 0, ""


def _look(master) -> bytes:
    """A master's background and title placeholder as XML, ids and names left out."""
    parts = []
    background = master._element.find(f"{NS_P}cSld/{NS_P}bg")
    if background is not None:
        parts.append(etree.tostring(background, method="c14n"))
    for shape in master.placeholders:
        if shape.placeholder_format.type in TITLES:
            element = etree.fromstring(etree.tostring(shape._element))
            for named in element.iter(f"{NS_P}cNvPr"):
                named.attrib.clear()
            parts.append(etree.tostring(element, method="c14n"))
            break
    return b"".join(parts)


def _body_area(master) -> int:
    for shape in master.placeholders:
        if shape.placeholder_format.type in BODIES and shape.width and shape.height:
            return int(shape.width) * int(shape.height)
    return 0


def _title_size(master) -> int:
    """The biggest font size named on the master's title placeholder (hundredths of a point)."""
    for shape in master.placeholders:
        if shape.placeholder_format.type in TITLES:
            found = [int(e.get("sz")) for e in shape._element.iter() if e.get("sz", "").isdigit()]
            return max(found, default=0)
    return 0


def content_master(masters: list) -> int:
    """The master items are built on: the one with the largest body placeholder, the first
    of equals (a cover or section master keeps a small body, or none)."""
    areas = [_body_area(master) for master in masters]
    return areas.index(max(areas))


def master_scores(masters: list) -> dict[str, list[tuple[int, str]]]:
    """Per role, each master's preference and why."""
    content = content_master(masters)
    looks = [_look(master) for master in masters]
    unlike = [looks[i] != looks[content] for i in range(len(masters))]
    others = [i for i in range(len(masters)) if unlike[i]]
    cover = max(others, key=lambda i: (_title_size(masters[i]), -i), default=None)
    same = [(1, "on the content master") if i == content else (0, "") for i in range(len(masters))]
    cover_scores = []
    section_scores = []
    for i in range(len(masters)):
        if i == cover:
            cover_scores.append((2, "its master looks unlike the content master (cover)"))
            section_scores.append((1, "its master looks unlike the content master"))
        elif unlike[i]:
            cover_scores.append((1, "its master looks unlike the content master"))
            section_scores.append((2, "its master looks unlike the content and cover masters"))
        else:
            cover_scores.append((0, ""))
            section_scores.append((0, ""))
    return {
        "title": cover_scores,
        "closing": cover_scores,
        "section": section_scores,
        "content": same,
        "agenda": same,
    }


def choose(prs) -> dict[str, Choice]:
    """The best layout for each role, over every layout of every master."""
    masters = list(prs.slide_masters)
    by_master = master_scores(masters)
    layouts = [
        (number, layout, _kinds(layout))
        for number, master in enumerate(masters)
        for layout in master.slide_layouts
    ]
    return {role: _best(role, layouts, by_master[role]) for role in ROLES}


def _best(role: str, layouts: list, by_master: list[tuple[int, str]]) -> Choice:
    best = None
    for number, layout, kinds in layouts:
        shape, shape_why = shape_score(role, kinds)
        name, name_why = name_score(role, layout)
        preference, master_why = by_master[number]
        key = (shape, name, preference)
        if best is None or key > best[0]:
            reasons = tuple(r for r in (shape_why, name_why, master_why) if r)
            best = (key, Choice(role, layout, number + 1, reasons))
    return best[1]


@dataclass(frozen=True)
class Layouts:
    """The layouts a deck uses, whichever the template offered for each, and why."""

    title: SlideLayout
    content: SlideLayout
    section: SlideLayout
    title_only: SlideLayout  # the agenda's
    closing: SlideLayout
    choices: tuple[Choice, ...]

    def explain(self) -> list[str]:
        return [choice.explain() for choice in self.choices]


def pick_layouts(prs) -> Layouts:
    """The layouts for each kind of slide (see `choose`)."""
    chosen = choose(prs)
    return Layouts(
        title=chosen["title"].layout,
        content=chosen["content"].layout,
        section=chosen["section"].layout,
        title_only=chosen["agenda"].layout,
        closing=chosen["closing"].layout,
        choices=tuple(chosen[role] for role in ROLES),
    )
