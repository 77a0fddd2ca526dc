"""Export: a session as a PowerPoint deck other trusts can open, rebrand and present.

Slides, in order: title; agenda (a table, continued when long); one slide per item (breaks as
section slides), continued on "(cont.)" slides when the points do not fit; a closing slide.
Every slide's speaker notes carry the timing guidance (see `notes`).
"""

from __future__ import annotations

from datetime import date as Date
from datetime import datetime
from pathlib import Path

from pptx.dml.color import RGBColor
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.enum.text import MSO_AUTO_SIZE, PP_ALIGN
from pptx.util import Emu, Pt

from presenter.agenda.model import Session
from presenter.agenda.timetable import ScheduledItem, format_clock, schedule
from presenter.deck import notes as deck_notes
from presenter.deck import outline
from presenter.deck.agenda_table import CELL_MARGINS, add_agenda_table, agenda_pages
from presenter.deck.fitting import TITLE_SHRINK_LIMIT, Box, Page, fit_points, fit_title, sizes
from presenter.deck.layout_choice import Layouts, pick_layouts
from presenter.deck.metrics import FontMetrics, metrics_for
from presenter.deck.package import deck_bytes, set_core_properties, write_atomically
from presenter.deck.parts import SlideMaker
from presenter.deck.pictures import place_pictures, place_title_picture
from presenter.deck.placement import footer_top, place_as_source
from presenter.deck.style import (
    EMU_PER_INCH,
    TextStyle,
    copy_look,
    placeholder_style,
)
from presenter.deck.tables import add_table, plan_table
from presenter.deck.template import (
    BODIES,
    DAMAGE,
    FURNITURE,
    TITLES,
    Progress,
    body_font,
    damaged_template,
    open_template,
)
from presenter.deck.text import BUDGET_NAME, CONTINUED, clean_text, point_runs

BUDGET_SIZE = 14
BUDGET_COLOUR = RGBColor(0x5F, 0x6B, 0x76)
BUDGET_HEIGHT = int(0.4 * EMU_PER_INCH)
GAP = int(0.15 * EMU_PER_INCH)
CLOSING_TITLE = "Questions?"
CLOSING_THANKS = "Thank you for coming"


def export_deck(
    session: Session,
    path: str | Path,
    *,
    template: str | Path | None = None,
    date: Date | None = None,
    venue: str | None = None,
    progress: Progress | None = None,
) -> None:
    """Write `session` to `path` as a .pptx, through `template` (the bundled 16:9 one if None).

    `date` and `venue` describe a run: they appear on the title slide and date the file.
    Raises `TemplateError` or `DeckWriteError` with a one-line message; nothing half-written.
    """
    data = deck_for(session, template=template, date=date, venue=venue, progress=progress)
    write_atomically(data, path)
    if progress:
        steps = 2 + len(session.items) + 2
        progress(steps, steps, f"Saved {Path(path).name}")


def deck_for(
    session: Session,
    *,
    template: str | Path | None = None,
    date: Date | None = None,
    venue: str | None = None,
    progress: Progress | None = None,
) -> bytes:
    """The deck's bytes: the same session, template, date and venue give the same bytes."""
    prs = open_template(template)
    try:
        builder = _DeckBuilder(prs, pick_layouts(prs), metrics_for(body_font(prs)), session)
        builder.build(date, venue, progress)
    except DAMAGE as exc:
        if template is None:  # the bundled template is whole: this is a fault here
            raise
        raise damaged_template(template, exc) from None
    when = datetime.combine(date, session.start) if date else None
    set_core_properties(
        prs,
        title=clean_text(session.title),
        subject=clean_text(session.subtitle),
        author="; ".join(clean_text(f) for f in session.facilitators),
        keywords="lunchtime session; agenda; speaker notes",
        when=when,
    )
    return deck_bytes(prs)


def long_date(day: Date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


class _DeckBuilder:
    """Adds the slides of one session to a presentation opened from a template."""

    def __init__(self, prs, layouts: Layouts, metrics: FontMetrics, session: Session) -> None:
        self.prs = prs
        self.layouts = layouts
        self.metrics = metrics
        self.session = session
        self.slides = SlideMaker(prs)
        self._measured: dict = {}
        self._typed: dict = {}
        self._placed: dict = {}
        self._footers: dict = {}
        self.total_steps = 1

    def build(self, date: Date | None, venue: str | None, progress: Progress | None) -> None:
        placed = schedule(self.session)
        steps = [
            lambda: self.title_slide(date, venue),
            self.agenda_slides,
            *[
                lambda p=p: outline.marked_slides(self.prs, p.item, lambda: self.item_slides(p))
                for p in placed
            ],
            self.closing_slide,
        ]
        self.total_steps = len(steps) + 1  # the last step is saving the file
        for done, step in enumerate(steps, start=1):
            step()
            if progress:
                progress(done, self.total_steps, f"Slide {len(self.prs.slides)}")

    # -- slides -------------------------------------------------------------------------------

    def title_slide(self, date: Date | None, venue: str | None) -> None:
        session = self.session
        lines = [session.subtitle, ", ".join(session.facilitators)]
        when_where = []
        if date:
            when_where.append(long_date(date))
        if date or venue:
            when_where.append(venue or session.venue)
        lines.append(" · ".join(w for w in when_where if w))
        slide = self.new_slide(self.layouts.title, session.title)
        self.fill_subtitle(slide, [line for line in lines if line])
        place_title_picture(slide, session, self.prs.slide_width)
        self.set_notes(slide, deck_notes.title_notes(session))
        self.tidy(slide)

    def agenda_slides(self) -> None:
        placed = [p for p in schedule(self.session) if p.item.timed]
        slide = self.new_slide(self.layouts.title_only, "Agenda")
        pages, size = agenda_pages(placed, self.agenda_area(slide), self.metrics)
        for number, rows in enumerate(pages):
            if number:
                slide = self.new_slide(self.layouts.title_only, "Agenda" + CONTINUED)
            add_agenda_table(slide, rows, self.agenda_area(slide), size, self.metrics)
            end = format_clock(placed[-1].end) if placed else format_clock(self.session.start)
            self.set_notes(
                slide,
                f"{deck_notes.AGENDA_MARK} {len(placed)} items, "
                f"{format_clock(self.session.start)} to {end}. "
                f"{deck_notes.slot_fit(self.session).describe()}.",
            )
            self.tidy(slide)

    def item_slides(self, placed: ScheduledItem) -> None:
        item = placed.item
        budget = deck_notes.time_budget(placed)
        if outline.on_section_layout(item):
            slide = self.new_slide(self.layouts.section, item.title)
            body = self.body_of(slide, kinds=(PP_PLACEHOLDER.BODY,))
            if body is not None:
                self.write_points(
                    body, [*outline.leveled_points(item), *outline.shown_time(item, budget)], None
                )
            elif outline.shown_time(item, budget):
                self.add_budget(slide, budget, self.free_area(slide))
            self.set_notes(slide, deck_notes.item_notes(placed, self.session))
            self.tidy(slide)
            return
        pages = None
        for number in range(10_000):
            title = item.title if number == 0 else item.title + CONTINUED
            slide = self.new_slide(self.layouts.content, title)
            body = self.body_of(slide)
            area = self.free_area(slide) if body is None else self.measure(body)[0]
            left, top, width, height = area
            slide_height = self.prs.slide_height
            if top + height + BUDGET_HEIGHT + GAP // 2 > slide_height:
                height = max(BUDGET_HEIGHT, slide_height - BUDGET_HEIGHT - GAP // 2 - top)
            style = self.measure(body)[1] if body is not None else _textbox_style()
            if item.pictures and number == 0:
                area = (left, top, width, height)
                left, top, width, height = place_pictures(
                    slide, self.typed(slide), body, self.session, item, area
                )
            if pages is None:
                room = (left, top, width, height)
                table = plan_table(item.table, room, self.metrics, beside_points=bool(item.points))
                box = Box(width, table.points_height(height), style)
                pages = fit_points(outline.leveled_points(item), box, self.metrics)
            page = pages[number] if number < len(pages) else Page((), style.size)
            if body is None:
                body = self.prs_textbox(slide, (left, top, width, height))
            self.write_points(
                body, list(page.points), page.size if page.size != style.size else None
            )
            shown = (list(page.points), box, page.size, self.metrics) if page.points else ()
            add_table(slide, table, number, (left, top, width, height), shown)
            self.add_budget(slide, budget, (left, top + height, width, BUDGET_HEIGHT))
            if number == 0:
                self.set_notes(slide, deck_notes.item_notes(placed, self.session))
            else:
                self.set_notes(
                    slide,
                    f"{deck_notes.CONTINUED_MARK} more points of “{item.title}”; "
                    "the timing is on the item's first slide.",
                )
            self.tidy(slide)
            if number >= max(len(pages), table.count) - 1:
                break

    def closing_slide(self) -> None:
        session = self.session
        slide = self.new_slide(self.layouts.closing, CLOSING_TITLE)
        contacts = ", ".join(session.facilitators)
        lines = [CLOSING_THANKS, f"Contacts: {contacts}" if contacts else ""]
        self.fill_subtitle(slide, [line for line in lines if line])
        end = deck_notes.clock_time(
            deck_notes.minutes_of_day(session.start) + session.planned_minutes
        )
        self.set_notes(
            slide,
            f"{deck_notes.CLOSE_MARK} the session is planned to end at {format_clock(end)}. "
            "Thank everyone for coming, and tell them how to reach you afterwards.",
        )
        self.tidy(slide)

    # -- pieces -------------------------------------------------------------------------------

    def new_slide(self, layout, title: str):
        slide = self.slides.add_slide(layout)
        if self._placed.get(layout.part, True):  # known once per layout
            self._placed[layout.part] = place_as_source(slide, self.prs.slide_height)
        title_shape = next((ph for ph, kind in self.typed(slide) if kind in TITLES), None)
        text = clean_text(title)
        if title_shape is None:
            left, top, width, _height = self.free_area(slide)
            title_shape = self.slides.add_title(slide, (left, int(0.3 * EMU_PER_INCH), width, top))
            title_shape.text_frame.text = text
            title_shape.text_frame.paragraphs[0].runs[0].font.size = Pt(32)
            return slide
        (_left, _top, width, height), style = self.measure(title_shape, fallback_size=40)
        size = fit_title([text], Box(width, height, style), self.metrics)
        title_shape.text_frame.text = text
        if size is None:
            _shrink_on_overflow(title_shape)
            size = sizes(style, TITLE_SHRINK_LIMIT)[-1]
        if size != style.size:
            for run in title_shape.text_frame.paragraphs[0].runs:
                run.font.size = Pt(size)
        copy_look(title_shape)
        return slide

    def measure(self, placeholder, fallback_size: float = 18.0):
        """A placeholder's place and text style; the same for every slide of one layout,
        so worked out once per layout (looking them up walks layout and master)."""
        layout = placeholder.part.slide_layout
        kind = placeholder.placeholder_format
        key = (layout.part.partname, kind.idx, kind.type)
        if key not in self._measured:
            self._measured[key] = (
                _geometry(placeholder),
                placeholder_style(placeholder, fallback_size),
            )
        return self._measured[key]

    def typed(self, slide_or_layout) -> list:
        """Its placeholders with their types, looked up once (each lookup searches the XML)."""
        part = slide_or_layout.part
        if part not in self._typed:
            self._typed[part] = [
                (shape, shape.placeholder_format.type) for shape in slide_or_layout.placeholders
            ]
        return self._typed[part]

    def body_of(self, slide, kinds=BODIES):
        """The slide's first empty placeholder of one of `kinds`, or None."""
        for shape, kind in self.typed(slide):
            if kind in kinds and not shape.text_frame.text:
                return shape
        return None

    def fill_subtitle(self, slide, lines: list[str]) -> None:
        """The lines under a title slide's title, set smaller when many."""
        body = self.body_of(slide, kinds=(PP_PLACEHOLDER.SUBTITLE, *BODIES))
        if body is None:
            left, top, width, height = self.free_area(slide)
            height = min(height, 2 * EMU_PER_INCH)
            body = self.prs_textbox(slide, (left, top, width, height))
            style = _textbox_style()
        else:
            (_left, _top, width, height), style = self.measure(body)
        size = fit_title(lines, Box(width, height, style), self.metrics)
        if size is None:
            _shrink_on_overflow(body)
            size = sizes(style, TITLE_SHRINK_LIMIT)[-1]
        self.write_points(body, lines, size if size != style.size else None)

    def write_points(self, shape, points: list[str], size: float | None) -> None:
        frame = shape.text_frame
        frame.clear()
        for number, point in enumerate(points):
            paragraph = frame.paragraphs[0] if number == 0 else frame.add_paragraph()
            outline.set_level(paragraph, point)
            for run_text in point_runs(point):
                for part_number, part in enumerate(run_text.text.split("\n")):
                    if part_number:
                        paragraph.add_line_break()
                    if not part:
                        continue
                    run = paragraph.add_run()
                    run.text = part
                    if size is not None:
                        run.font.size = Pt(size)
                    if run_text.bold:
                        run.font.bold = True
                    if run_text.italic:
                        run.font.italic = True
                    if run_text.link:
                        run.hyperlink.address = run_text.link
        if shape.is_placeholder:
            copy_look(shape)

    def add_budget(self, slide, text: str, area: tuple[int, int, int, int]) -> None:
        left, top, width, height = area
        box = slide.shapes.add_textbox(Emu(left), Emu(top), Emu(width), Emu(height))
        box.name = BUDGET_NAME
        frame = box.text_frame
        frame.word_wrap = True
        paragraph = frame.paragraphs[0]
        paragraph.alignment = PP_ALIGN.RIGHT
        run = paragraph.add_run()
        run.text = text
        run.font.size = Pt(BUDGET_SIZE)
        run.font.color.rgb = BUDGET_COLOUR

    def prs_textbox(self, slide, area: tuple[int, int, int, int]):
        left, top, width, height = area
        box = slide.shapes.add_textbox(Emu(left), Emu(top), Emu(width), Emu(height))
        box.text_frame.word_wrap = True
        return box

    def free_area(self, slide) -> tuple[int, int, int, int]:
        """The room under the title of a slide or layout, for text its layout has no room for."""
        width = self.prs.slide_width
        height = self.prs.slide_height
        margin = int(0.5 * EMU_PER_INCH)
        top = int(1.6 * EMU_PER_INCH)
        title = next((ph for ph, kind in self.typed(slide) if kind in TITLES), None)
        if title is not None and title.top is not None and title.height is not None:
            top = title.top + title.height + GAP
        return margin, top, width - 2 * margin, height - top - margin - BUDGET_HEIGHT

    def agenda_area(self, slide) -> tuple[int, int, int, int]:
        """The room for the agenda table: all under the title (an agenda has no budget line)
        down to the template's footer area."""
        left, top, width, height = self.free_area(slide)
        bottom = min(top + height + BUDGET_HEIGHT, self.footer_top(slide) - GAP // 2)
        return left, top, width, max(bottom - top, BUDGET_HEIGHT)

    def footer_top(self, slide_or_layout) -> int:
        """Where the template's footer, date and slide number begin (the slide's foot if none)."""
        layout = getattr(slide_or_layout, "slide_layout", slide_or_layout)
        if layout.part not in self._footers:
            self._footers[layout.part] = footer_top(layout, self.prs.slide_height)
        return self._footers[layout.part]

    def set_notes(self, slide, text: str) -> None:
        notes_slide = self.slides.notes_slide(slide)
        frame = notes_slide.notes_text_frame
        if frame is None:
            box = notes_slide.shapes.add_textbox(
                Emu(685800), Emu(4572000), Emu(5486400), Emu(4114800)
            )
            frame = box.text_frame
            frame.word_wrap = True
        frame.text = clean_text(text)

    def tidy(self, slide) -> None:
        """Take out placeholders left empty: they would say "Click to add text"."""
        for shape, kind in self.typed(slide):
            if kind in FURNITURE:
                continue
            if shape.has_text_frame and not shape.text_frame.text.strip():
                shape._element.getparent().remove(shape._element)


def _shrink_on_overflow(shape) -> None:
    """Text too long for its box even when set small: ask the viewer to shrink it to fit."""
    shape.text_frame.auto_size = MSO_AUTO_SIZE.TEXT_TO_FIT_SHAPE


def _geometry(shape) -> tuple[int, int, int, int]:
    # A placeholder without a place of its own takes the one it follows: found once here,
    # not once for each of the four values (each lookup searches layout and master).
    while shape.is_placeholder and shape._element.xfrm is None:
        base = shape._base_placeholder
        if base is None:
            break
        shape = base
    return int(shape.left), int(shape.top), int(shape.width), int(shape.height)


def _textbox_style() -> TextStyle:
    return TextStyle(size=24, line_spacing=1.0, space_before=6, indent=0, insets=CELL_MARGINS)
