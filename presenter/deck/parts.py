"""Adding slides and their notes pages in time that grows with the deck, not with its square.

python-pptx, for every new slide, looks through all the presentation's relationships (is the
slide related already?) and all its slide ids (which is the highest?), and for every new
notes page walks every part of the package for a free file name. Over a long agenda that is
most of the export. `SlideMaker` does the same steps, gives the same names, ids and
relationship ids in the same order (so the file is byte for byte what python-pptx would
write), and remembers what it handed out instead of looking again. A new slide of a layout,
and a new notes page, start the same every time: each is built once by python-pptx (copying
the placeholders in, which searches the layout or notes master) and copied after that.
"""

from __future__ import annotations

import copy

from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI
from pptx.oxml.slide import CT_NotesSlide
from pptx.parts.slide import NotesSlidePart, SlidePart

NOTES_NAME = "/ppt/notesSlides/notesSlide%d.xml"
SLIDE_NAME = "/ppt/slides/slide%d.xml"
FIRST_SLIDE_ID = 256
LAST_SLIDE_ID = 2147483647


class SlideMaker:
    """Adds slides and notes pages to one presentation; nothing else may add either meanwhile."""

    def __init__(self, prs) -> None:
        self.prs = prs
        self.part = prs.part
        self.package = prs.part.package
        self.id_list = prs.part._element.get_or_add_sldIdLst()
        prefix = NOTES_NAME.split("%")[0]
        self.notes_names = {
            str(part.partname)
            for part in self.package.iter_parts()
            if part.partname.startswith(prefix)
        }
        used = [int(slide_id.get("id")) for slide_id in self.id_list]
        self.next_id = max([FIRST_SLIDE_ID - 1, *used]) + 1
        self.blank_slides: dict = {}  # a layout's part: its new slide's XML, placeholders in
        self.blank_notes = None

    def add_slide(self, layout):
        """A new slide on `layout` with the layout's placeholders, last in the deck."""
        partname = PackURI(SLIDE_NAME % (len(self.id_list) + 1))
        blank = self.blank_slides.get(layout.part)
        if blank is None:
            slide_part = SlidePart.new(partname, self.package, layout.part)
        else:
            slide_part = SlidePart(partname, CT.PML_SLIDE, self.package, copy.deepcopy(blank))
            slide_part.relate_to(layout.part, RT.SLIDE_LAYOUT)
        # A part made just now cannot be related already: add the relationship directly.
        rel_id = self.part.rels._add_relationship(RT.SLIDE, slide_part)
        slide = slide_part.slide
        if blank is None:
            slide.shapes.clone_layout_placeholders(layout)
            self.blank_slides[layout.part] = copy.deepcopy(slide_part._element)
        if self.next_id > LAST_SLIDE_ID:  # ids run out only in a deck edited for decades
            self.id_list.add_sldId(rel_id)
        else:
            self.id_list._add_sldId(id=self.next_id, rId=rel_id)
            self.next_id += 1
        return slide

    def add_title(self, slide, area: tuple[int, int, int, int]):
        """A title placeholder at `area` on a slide whose layout has none: a plain text box
        would be missed by screen readers and left out of the outline and the slide list."""
        shapes = slide.shapes
        shape_id = shapes._next_shape_id
        name = shapes._next_ph_name(PP_PLACEHOLDER.TITLE, shape_id, "horz")
        shapes._spTree.add_placeholder(shape_id, name, PP_PLACEHOLDER.TITLE, "horz", "full", 0)
        title = shapes.title
        title.left, title.top, title.width, title.height = area
        return title

    def notes_slide(self, slide):
        """The slide's notes page, made (from the notes master) if it has none yet."""
        slide_part = slide.part
        try:
            slide_part.part_related_by(RT.NOTES_SLIDE)
        except KeyError:
            self._add_notes_part(slide_part)
        return slide.notes_slide

    def _add_notes_part(self, slide_part) -> None:
        master_part = self.part.notes_master_part  # made from python-pptx's default if missing
        blank = self.blank_notes
        element = CT_NotesSlide.new() if blank is None else copy.deepcopy(blank)
        notes_part = NotesSlidePart(
            PackURI(self._next_notes_name()), CT.PML_NOTES_SLIDE, self.package, element
        )
        notes_part.relate_to(master_part, RT.NOTES_MASTER)
        notes_part.relate_to(slide_part, RT.SLIDE)
        if blank is None:
            notes_part.notes_slide.clone_master_placeholders(master_part.notes_master)
            self.blank_notes = copy.deepcopy(element)
        slide_part.relate_to(notes_part, RT.NOTES_SLIDE)

    def _next_notes_name(self) -> str:
        """The name python-pptx's `next_partname` would choose, from the names handed out."""
        for number in range(len(self.notes_names) + 1, 0, -1):
            name = NOTES_NAME % number
            if name not in self.notes_names:
                self.notes_names.add(name)
                return name
        raise AssertionError("no free notes page name")  # pragma: no cover
