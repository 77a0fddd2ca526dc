"""Where a slide's placeholders and the agenda go: the places a template really gives them.

LibreOffice numbers every placeholder of a layout alike and keeps the true places on the
master, so a slide's placeholders are placed from the one they take after (see
`style.style_source`); the template's footer, date and slide number mark the foot of the room.
"""

from __future__ import annotations

from pptx.util import Emu

from presenter.deck.style import EMU_PER_INCH, style_source
from presenter.deck.template import FURNITURE

GAP = int(0.15 * EMU_PER_INCH)
LEAST_HEIGHT = int(0.4 * EMU_PER_INCH)


def place_as_source(slide, slide_height: int) -> bool:
    """Placeholders that take after another than python-pptx's pick (LibreOffice numbers them
    all alike and keeps their look on the master) get that one's place written out, so every
    viewer puts them there; cut short where it would run off the foot of the slide.
    False when none needed it, as then no slide of that layout will."""
    moved = False
    for shape in slide.placeholders:
        base = style_source(shape)
        inherited = shape._base_placeholder
        if base is not None and (inherited is None or base._element is not inherited._element):
            moved = True
            top = int(base.top)
            height = min(int(base.height), slide_height - GAP - top)
            shape.left, shape.top, shape.width, shape.height = (
                base.left,
                base.top,
                base.width,
                Emu(max(height, LEAST_HEIGHT)),
            )
    return moved


def footer_top(layout, slide_height: int) -> int:
    """Where the template's footer, date and slide number begin (the slide's foot if none)."""
    shapes = [*layout.placeholders, *layout.slide_master.placeholders]
    tops = [
        int(ph.top)
        for ph in shapes
        if ph.placeholder_format.type in FURNITURE
        and ph.top is not None
        and ph.top > slide_height // 2
    ]
    return min(tops, default=slide_height)
