"""What a template may lack that makes PowerPoint offer to repair the deck, added before saving.

- A `viewProps` part: PowerPoint reports unreadable content when the presentation has none.
- Unique shape ids within each slide, layout and master: a template made elsewhere may give
  two shapes of its master the same id, which PowerPoint repairs (and renumbers) on opening.
- The language of the text: every run on the slides and in the notes is marked British
  English, so spelling is checked in the language it is written in.
"""

from __future__ import annotations

from lxml import etree
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part
from pptx.opc.packuri import PackURI
from pptx.oxml.ns import qn

LANGUAGE = "en-GB"
VIEW_PROPS_NAME = "/ppt/viewProps.xml"
NS_P = "http://schemas.openxmlformats.org/presentationml/2006/main"
NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main"
SHAPE_ID = qn("p:cNvPr")
RUN_PROPERTIES = qn("a:rPr")
END_PROPERTIES = qn("a:endParaRPr")
WITH_PROPERTIES = (qn("a:r"), qn("a:br"), qn("a:fld"))  # rPr is the first child of each


def make_whole(prs) -> None:
    """Add what PowerPoint would otherwise repair; a deck that lacks nothing is left alone."""
    add_view_properties(prs)
    for master in prs.slide_masters:
        unique_shape_ids(master._element)
        for layout in master.slide_layouts:
            unique_shape_ids(layout._element)
    if any(rel.reltype == RT.NOTES_MASTER for rel in prs.part.rels.values()):
        unique_shape_ids(prs.notes_master._element)
    for slide in prs.slides:
        unique_shape_ids(slide._element)
        mark_language(slide._element)
        if slide.has_notes_slide:
            notes = slide.notes_slide._element
            unique_shape_ids(notes)
            mark_language(notes)


def add_view_properties(prs) -> None:
    """A `viewProps` part (normal view, as PowerPoint writes for a new deck) if there is none."""
    presentation = prs.part
    if any(rel.reltype == RT.VIEW_PROPS for rel in presentation.rels.values()):
        return
    root = etree.Element(f"{{{NS_P}}}viewPr", nsmap={"a": NS_A, "p": NS_P})
    normal = etree.SubElement(root, f"{{{NS_P}}}normalViewPr")
    etree.SubElement(normal, f"{{{NS_P}}}restoredLeft", sz="15620")
    etree.SubElement(normal, f"{{{NS_P}}}restoredTop", sz="94660")
    etree.SubElement(root, f"{{{NS_P}}}gridSpacing", cx="76200", cy="76200")
    blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    part = Part(PackURI(VIEW_PROPS_NAME), CT.PML_VIEW_PROPS, presentation.package, blob)
    presentation.relate_to(part, RT.VIEW_PROPS)


def unique_shape_ids(element) -> None:
    """Give every shape of one part its own id: the first keeps it, a repeat gets a new one."""
    shapes = list(element.iter(SHAPE_ID))
    seen: set[str] = set()
    repeats = []
    for shape in shapes:
        shape_id = shape.get("id")
        if shape_id in seen:
            repeats.append(shape)
        seen.add(shape_id)
    if not repeats:
        return
    next_id = max((int(i) for i in seen if i and i.isdigit()), default=0) + 1
    for shape in repeats:
        shape.set("id", str(next_id))
        next_id += 1


def mark_language(element) -> None:
    """Every run, line break and field in the part, and each paragraph's end, in British English."""
    for run in element.iter(*WITH_PROPERTIES):
        first = run[0] if len(run) else None
        if first is None or first.tag != RUN_PROPERTIES:
            first = etree.SubElement(run, RUN_PROPERTIES)  # takes the part's own "a:" prefix
            run.insert(0, first)
        first.set("lang", LANGUAGE)
    for end in element.iter(END_PROPERTIES):
        end.set("lang", LANGUAGE)
