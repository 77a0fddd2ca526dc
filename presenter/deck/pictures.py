"""An item's pictures on its slide: in the layout's picture (or second object) placeholder
when it has one, else beside the points (or across the slide when there are none).

Each picture keeps its proportions inside its place and never covers the title or the
text. Its alt text becomes its description (`descr`), what PowerPoint's accessibility
checker looks for; its path in the session becomes its name, so an import puts it back
under the same name. The same picture bytes give the same part (python-pptx shares a
picture used twice by its SHA-1), so byte-determinism holds.
"""

from __future__ import annotations

from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.util import Emu

from presenter.agenda.model import AgendaItem, Session
from presenter.agenda.pictures import PictureError, picture_size
from presenter.deck.package import DeckWriteError

Area = tuple[int, int, int, int]  # left, top, width, height in EMU

# With points beside them, pictures take this share of the width, right of the points.
PICTURE_SHARE = 0.42
GAP = 137160  # 0.15 inch
TITLE_PICTURE_HEIGHT = 1371600  # 1.5 inch, at most, above the title


def place_pictures(
    slide, placeholders: list, body, session: Session, item: AgendaItem, area: Area
) -> Area:
    """Put `item`'s pictures on `slide`; returns the area left for its points.

    `placeholders` is the slide's (shape, type) list, `body` the placeholder the points go
    in (None for a text box), `area` the room for the points before the pictures came."""
    sized = [(picture, _size(session, picture)) for picture in item.pictures]
    spot = _spare_placeholder(placeholders, body)
    if spot is not None:
        room, text_area = _geometry(spot), area
        if not spot.has_text_frame:  # one with a text frame is taken out when left empty
            spot._element.getparent().remove(spot._element)
    elif item.points:
        left, top, width, height = area
        picture_width = int(width * PICTURE_SHARE)
        text_area = (left, top, width - picture_width - GAP, height)
        room = (left + width - picture_width, top, picture_width, height)
    else:
        room = text_area = area
    for (picture, (pixels_wide, pixels_high)), cell in zip(
        sized, _cells(room, len(sized)), strict=True
    ):
        _add(slide, session, picture, _fit(pixels_wide, pixels_high, cell))
    if body is not None and text_area != area:
        body.left, body.top, body.width, body.height = (Emu(v) for v in text_area)
    return text_area


def place_title_picture(slide, session: Session, slide_width: int) -> None:
    """The session's own picture (its logo or poster) on the title slide, in the room above
    the title; left off when a template leaves less than half an inch there."""
    if session.picture is None:
        return
    texts = [s.top for s in slide.shapes if s.has_text_frame and s.text_frame.text.strip()]
    text_top = min((int(top) for top in texts if top is not None), default=0)
    margin = 8 * GAP // 3  # 0.4 inch
    top = max(margin, text_top - GAP - TITLE_PICTURE_HEIGHT)
    room = (margin, top, slide_width - 2 * margin, text_top - GAP - top)
    if room[3] < TITLE_PICTURE_HEIGHT // 3:
        return
    _add(slide, session, session.picture, _fit(*_size(session, session.picture), room))


def _add(slide, session: Session, picture, place: Area) -> None:
    left, top, width, height = place
    shape = slide.shapes.add_picture(
        session.picture_file(picture), Emu(left), Emu(top), Emu(width), Emu(height)
    )
    shape.name = picture.path
    shape._element.nvPicPr.cNvPr.set("descr", picture.alt)


def _size(session: Session, picture) -> tuple[int, int]:
    path = session.picture_file(picture)
    try:
        found = picture_size(path)
    except PictureError as exc:
        raise DeckWriteError(f"{path}: the picture {exc}") from None
    return found.width, found.height


def _spare_placeholder(placeholders: list, body):
    """The layout's picture placeholder, or an object placeholder other than the points'."""
    for kinds in ((PP_PLACEHOLDER.PICTURE,), (PP_PLACEHOLDER.OBJECT,)):
        for shape, kind in placeholders:
            if kind in kinds and shape is not body:
                return shape
    return None


def _geometry(shape) -> Area:
    return int(shape.left), int(shape.top), int(shape.width), int(shape.height)


def _cells(room: Area, count: int) -> list[Area]:
    """`room` cut into `count` equal cells along its longer side, a gap between them."""
    left, top, width, height = room
    if count <= 1:
        return [room]
    if width >= height:
        each = (width - GAP * (count - 1)) // count
        return [(left + n * (each + GAP), top, each, height) for n in range(count)]
    each = (height - GAP * (count - 1)) // count
    return [(left, top + n * (each + GAP), width, each) for n in range(count)]


def _fit(pixels_wide: int, pixels_high: int, cell: Area) -> Area:
    """The largest box of the picture's proportions inside `cell`, centred in it."""
    left, top, width, height = cell
    scale = min(width / pixels_wide, height / pixels_high)
    fitted_width = max(1, int(pixels_wide * scale))
    fitted_height = max(1, int(pixels_high * scale))
    return (
        left + (width - fitted_width) // 2,
        top + (height - fitted_height) // 2,
        fitted_width,
        fitted_height,
    )
