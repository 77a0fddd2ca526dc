"""The text style a placeholder inherits from its layout and master: size, spacing, margins.

Measuring a point needs the size it will be set in and the room it has; a template keeps
those on the layout's placeholder, the master's placeholder or the master's text styles.
"""

from __future__ import annotations

from dataclasses import dataclass

from pptx.enum.shapes import PP_PLACEHOLDER

from presenter.deck.template import BODIES, NS_A, NS_P, TITLES

EMU_PER_INCH = 914400
DEFAULT_INSETS = (91440, 45720, 91440, 45720)  # left, top, right, bottom
# PowerPoint sets a line at about 1.2 times the font size at single spacing.
SINGLE_LINE = 1.2


@dataclass(frozen=True)
class TextStyle:
    """What measuring needs: font size (points), spacing and the text area's margins (EMU)."""

    size: float
    line_spacing: float  # a multiple of single spacing
    space_before: float  # points before each paragraph but the first
    indent: int  # EMU from the box's left margin to the text of a first-level paragraph
    insets: tuple[int, int, int, int]
    bold: bool = False  # titles are often set bold, which is wider

    def line_height(self, size: float | None = None) -> float:
        """The height of one line in points, at `size` or the style's own size."""
        return (size or self.size) * SINGLE_LINE * self.line_spacing

    def text_width(self, box_width: int) -> int:
        left, _top, right, _bottom = self.insets
        return box_width - left - right - max(0, self.indent)

    def text_height(self, box_height: int) -> int:
        _left, top, _right, bottom = self.insets
        return box_height - top - bottom


def _group(kind, master: bool = False) -> str:
    if kind in TITLES:
        return "title"
    # A master has no subtitle placeholder: a subtitle takes after its body.
    if kind in BODIES or (master and kind == PP_PLACEHOLDER.SUBTITLE):
        return "body"
    return str(kind)


def layout_placeholder(placeholder):
    """The layout placeholder a slide's placeholder takes after: the one with its `idx`, as
    python-pptx finds it, unless that one is of another kind (LibreOffice numbers every
    placeholder of a layout 0), then the layout's first of the same kind."""
    try:
        by_idx = placeholder._base_placeholder
        layout = placeholder.part.slide_layout
    except (AttributeError, KeyError, ValueError):
        return None
    group = _group(placeholder.placeholder_format.type)
    if by_idx is not None and _group(by_idx.placeholder_format.type) == group:
        return by_idx
    same = (ph for ph in layout.placeholders if _group(ph.placeholder_format.type) == group)
    return next(same, by_idx)


def styles_on_placeholders(master) -> bool:
    """A master with no text styles of its own (LibreOffice's): its placeholders' own text
    carries the look, and its layouts' copies of them are not to be trusted."""
    return master._element.find(f"{NS_P}txStyles") is None


def style_source(placeholder):
    """Where a slide's placeholder takes its place and look from: the master's placeholder
    of its kind when the master keeps its styles there, else its layout placeholder."""
    try:
        master = placeholder.part.slide_layout.slide_master
    except (AttributeError, KeyError, ValueError):
        return _base(placeholder)
    if styles_on_placeholders(master):
        group = _group(placeholder.placeholder_format.type, master=True)
        same = (ph for ph in master.placeholders if _group(ph.placeholder_format.type) == group)
        found = next(same, None)
        if found is not None:
            return found
    return layout_placeholder(placeholder)


def _levels(placeholder) -> list:
    """The placeholder's XML, then its layout's, then its master's, most specific first."""
    chain = [placeholder._element]
    if hasattr(placeholder.part, "slide_layout"):
        shape = style_source(placeholder)
    else:
        shape = _base(placeholder)
    while shape is not None:
        chain.append(shape._element)
        shape = _base(shape)
    return chain


def copy_look(shape) -> None:
    """Give each paragraph and run of a slide's placeholder the look its master's placeholder
    shows, for masters that keep their styles there (nothing to do for the others)."""
    try:
        master = shape.part.slide_layout.slide_master
    except (AttributeError, KeyError, ValueError):
        return
    if not styles_on_placeholders(master):
        return
    source = style_source(shape)
    if source is None:
        return
    levels = _first_paragraph(source._element.find(f"{NS_P}txBody"))
    if not levels:
        return
    level = levels[0]
    if shape.placeholder_format.type == PP_PLACEHOLDER.SUBTITLE:
        level = _unbulleted(level)
    run_look = level.find(f"{NS_A}defRPr")
    for paragraph in shape.text_frame.paragraphs:
        properties = paragraph._p.get_or_add_pPr()
        for name, value in level.attrib.items():
            if properties.get(name) is None:
                properties.set(name, value)
        if len(properties) == 0:
            properties.extend(_copy(c) for c in level if c.tag != f"{NS_A}defRPr")
        if run_look is None:
            continue
        for run in paragraph.runs:
            run_properties = run._r.get_or_add_rPr()
            for name, value in run_look.attrib.items():
                # the language is the deck's to say, not the template's
                if name not in ("lang", "altLang") and run_properties.get(name) is None:
                    run_properties.set(name, value)
            for child in reversed(list(run_look)):
                run_properties.insert(0, _copy(child))


def _unbulleted(level):
    """A body's look for a title slide's subtitle: centred lines, no bullets."""
    level = _copy(level)
    for child in list(level):
        if child.tag.startswith(f"{NS_A}bu"):
            level.remove(child)
    spacing = [c for c in level if c.tag in (f"{NS_A}lnSpc", f"{NS_A}spcBef", f"{NS_A}spcAft")]
    position = level.index(spacing[-1]) + 1 if spacing else 0
    level.insert(position, level.makeelement(f"{NS_A}buNone", {}))
    level.set("marL", "0")
    level.set("indent", "0")
    level.set("algn", "ctr")
    return level


def _copy(element):
    from lxml import etree

    return etree.fromstring(etree.tostring(element))


def _base(shape):
    try:
        return shape._base_placeholder
    except (AttributeError, KeyError, ValueError):
        return None


def _master_style(placeholder, kind) -> object | None:
    part = placeholder.part
    master = None
    try:
        if hasattr(part, "slide_layout"):
            master = part.slide_layout.slide_master
        elif hasattr(part, "slide_master"):
            master = part.slide_master
    except (AttributeError, KeyError):
        return None
    if master is None:
        return None
    name = "titleStyle" if kind in TITLES else "bodyStyle"
    return master._element.find(f"{NS_P}txStyles/{NS_P}{name}/{NS_A}lvl1pPr")


def placeholder_style(placeholder, fallback_size: float = 18.0) -> TextStyle:
    """The first-level text style of a placeholder, as its layout and master define it."""
    kind = placeholder.placeholder_format.type
    paragraph_styles = []
    insets: list[int | None] = [None, None, None, None]
    on_slide = hasattr(placeholder.part, "slide_layout")  # its own runs are the deck's text
    for number, element in enumerate(_levels(placeholder)):
        body = element.find(f"{NS_P}txBody")
        if body is None:
            continue
        level = body.find(f"{NS_A}lstStyle/{NS_A}lvl1pPr")
        if level is not None:
            paragraph_styles.append(level)
        if number or not on_slide:
            paragraph_styles.extend(_first_paragraph(body))
        body_pr = body.find(f"{NS_A}bodyPr")
        if body_pr is not None:
            for i, name in enumerate(("lIns", "tIns", "rIns", "bIns")):
                if insets[i] is None and body_pr.get(name) is not None:
                    insets[i] = int(body_pr.get(name))
    master_level = _master_style(placeholder, kind)
    if master_level is not None:
        paragraph_styles.append(master_level)
    size = _first(paragraph_styles, lambda p: _attr(_run_style(p), "sz"))
    bold = _first(paragraph_styles, lambda p: _attr(_run_style(p), "b"))
    spacing = _first(paragraph_styles, lambda p: _attr(p.find(f"{NS_A}lnSpc/{NS_A}spcPct"), "val"))
    before_pct = _first(
        paragraph_styles, lambda p: _attr(p.find(f"{NS_A}spcBef/{NS_A}spcPct"), "val")
    )
    before_pts = _first(
        paragraph_styles, lambda p: _attr(p.find(f"{NS_A}spcBef/{NS_A}spcPts"), "val")
    )
    indent = _first(paragraph_styles, lambda p: p.get("marL"))
    size_pt = int(size) / 100 if size else fallback_size
    if before_pts is not None:
        space_before = int(before_pts) / 100
    elif before_pct is not None:
        space_before = size_pt * int(before_pct) / 100000
    else:
        space_before = 0.0
    if kind == PP_PLACEHOLDER.SUBTITLE or kind in TITLES:
        indent = "0"
    return TextStyle(
        size=size_pt,
        line_spacing=max(1.0, int(spacing) / 100000) if spacing else 1.0,
        space_before=space_before,
        indent=int(indent) if indent else 0,
        insets=tuple(
            DEFAULT_INSETS[i] if value is None else value for i, value in enumerate(insets)
        ),  # type: ignore[arg-type]
        bold=bold in ("1", "true"),
    )


def _first_paragraph(body) -> list:
    """The first paragraph's own properties, where LibreOffice keeps a placeholder's style
    (it writes no list styles): an `a:pPr` carrying the run properties of its first run."""
    paragraph = body.find(f"{NS_A}p")
    if paragraph is None:
        return []
    run = paragraph.find(f"{NS_A}r/{NS_A}rPr")
    if run is None:
        run = paragraph.find(f"{NS_A}endParaRPr")
    properties = paragraph.find(f"{NS_A}pPr")
    if properties is None and run is None:
        return []
    from lxml import etree

    level = etree.Element(f"{NS_A}lvl1pPr")
    if properties is not None and properties.get("lvl", "0") == "0":
        level.attrib.update(properties.attrib)
        level.extend(etree.fromstring(etree.tostring(child)) for child in properties)
    if run is not None:
        run_style = etree.SubElement(level, f"{NS_A}defRPr")
        run_style.attrib.update(run.attrib)
        run_style.extend(_copy(child) for child in run)
    return [level]


def _run_style(level):
    return level.find(f"{NS_A}defRPr")


def _attr(element, name: str) -> str | None:
    return None if element is None else element.get(name)


def _first(levels: list, read) -> str | None:
    for level in levels:
        value = read(level)
        if value is not None:
            return value
    return None
