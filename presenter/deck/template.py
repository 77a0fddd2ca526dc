"""Templates: opening the organisation's .pptx as an empty deck, and naming what is damaged.

Which layout each kind of slide gets is chosen in `layout_choice`.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import IO

from lxml.etree import XMLSyntaxError
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.exc import InvalidXmlError, PackageNotFoundError
from pptx.opc.constants import RELATIONSHIP_TYPE as RT

DEFAULT_TEMPLATE = "default-16x9.pptx"
NS_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
NS_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
RT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

TITLES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
BODIES = (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT)
# Placeholders a slide does not copy from its layout (python-pptx leaves them out too).
FURNITURE = (PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER)


# progress(done, total, what): called as an export or an import goes, slide by slide.
Progress = Callable[[int, int, str], None]


class TemplateError(Exception):
    """A template that cannot be used; the message says which file and what to do."""


# What python-pptx raises on a damaged package: a part that is not whole XML, an element
# without a child it requires, a relationship to a part that is not there, a bad zip.
DAMAGE = (
    InvalidXmlError,
    XMLSyntaxError,
    KeyError,
    IndexError,
    ValueError,
    AttributeError,
    TypeError,
    NotImplementedError,
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
)
RESAVE = "open it in PowerPoint or LibreOffice and save it again"
PART_NAMES = (
    (re.compile(r"ppt/slides/slide(\d+)\.xml$"), "slide {}"),
    (re.compile(r"ppt/notesSlides/notesSlide(\d+)\.xml$"), "the notes of slide {}"),
    (re.compile(r"ppt/slideLayouts/slideLayout(\d+)\.xml$"), "slide layout {}"),
    (re.compile(r"ppt/slideMasters/slideMaster(\d+)\.xml$"), "slide master {}"),
)


def part_label(name: str) -> str:
    """'slide 3' for ppt/slides/slide3.xml, and so on; the part's own name otherwise."""
    for pattern, label in PART_NAMES:
        if match := pattern.search(name):
            return label.format(match[1])
    return name


def damaged_part(path: Path) -> str | None:
    """The first part of the package that is not whole XML, as 'slide 3 (ppt/...)'."""
    from lxml import etree

    try:
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                if not name.endswith((".xml", ".rels")):
                    continue
                try:
                    etree.fromstring(archive.read(name))
                except (etree.XMLSyntaxError, zipfile.BadZipFile, zlib.error, EOFError):
                    return f"{part_label(name)} ({name}) is cut short or damaged"
    except (OSError, zipfile.BadZipFile):
        return None
    return None


def dangling_slides(prs) -> list[int]:
    """Take out the slides the deck lists but whose part is missing; their numbers (from 1)."""
    id_list = prs.part._element.get_or_add_sldIdLst()
    missing = []
    for number, slide_id in enumerate(list(id_list), start=1):
        if slide_id.rId not in prs.part.rels:
            id_list.remove(slide_id)
            missing.append(number)
    return missing


def check_masters(prs, path: Path | str | None) -> None:
    """TemplateError naming the first slide master the file lists but does not hold."""
    master_ids = prs.part._element.find(f"{NS_P}sldMasterIdLst")
    rels = prs.part.rels
    for number, master in enumerate(master_ids if master_ids is not None else (), start=1):
        if master.get(f"{{{RT_NS}}}id") not in rels:
            raise TemplateError(
                f"{path}: the template lists slide master {number}, which is missing from the "
                f"file; {RESAVE}, or use another template"
            )


def default_template() -> IO[bytes]:
    """The clean 16:9 template shipped in `presenter.resources/templates`."""
    from presenter.resources import FOLDER

    return (FOLDER / "templates" / DEFAULT_TEMPLATE).open("rb")


def open_pptx(path: str | Path, error: type[Exception], what: str = "file"):
    """Open a .pptx with python-pptx; anything that stops it is `error` naming the file."""
    path = Path(path)
    try:
        if not path.exists():
            raise FileNotFoundError(path)
        return Presentation(str(path))
    except FileNotFoundError:
        raise error(f"{path}: no such {what}; check the path") from None
    except IsADirectoryError:
        raise error(f"{path}: is a folder; give a .pptx file") from None
    except PermissionError:
        raise error(f"{path}: cannot be read (permission denied)") from None
    except (PackageNotFoundError, zipfile.BadZipFile) as exc:
        raise error(
            f"{path}: not a PowerPoint .pptx file ({exc}); open it in PowerPoint or LibreOffice "
            "and save it as .pptx (not .ppt or .potx)"
        ) from None
    except DAMAGE as exc:
        where = damaged_part(path)
        if where:
            raise error(f"{path}: {where}; {RESAVE}") from None
        raise error(
            f"{path}: the {what} is damaged ({first_line(exc)}); {RESAVE}, saved as .pptx"
        ) from None


def first_line(exc: BaseException) -> str:
    text = str(exc).strip().strip('"') or type(exc).__name__
    return text.splitlines()[0]


def open_template(path: str | Path | None):
    """The template as an empty presentation: its own sample slides are taken out."""
    if path is None:
        with default_template() as stream:
            prs = Presentation(stream)
    else:
        prs = open_pptx(path, TemplateError, "template")
    try:
        check_masters(prs, path)
        if not prs.slide_layouts:
            raise TemplateError(f"{path}: the template has no slide layouts; use another template")
        dangling_slides(prs)
        remove_all_slides(prs)
        drop_thumbnail(prs)
    except DAMAGE as exc:
        raise damaged_template(path, exc) from None
    return prs


def damaged_template(path: str | Path | None, exc: BaseException) -> TemplateError:
    """The one-line error for a template python-pptx fails on part-way through."""
    return TemplateError(
        f"{path}: the template is damaged ({first_line(exc)}); {RESAVE}, or use another template"
    )


def remove_all_slides(prs) -> None:
    """Take the template's sample slides out, with anything that still names them."""
    id_list = prs.slides._sldIdLst
    for slide_id in list(id_list):
        prs.part.drop_rel(slide_id.rId)
        id_list.remove(slide_id)
    root = prs.part._element
    # Sections and custom shows list slides by id: stale entries make PowerPoint repair the file.
    for element in list(root.iter()):
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag.endswith("}sectionLst") or tag == f"{NS_P}custShowLst":
            parent = element.getparent()
            parent.remove(element)
            if parent.tag == f"{NS_P}ext" and len(parent) == 0:
                parent.getparent().remove(parent)


def drop_thumbnail(prs) -> None:
    """The template's preview picture shows its old first slide: leave it out."""
    package = prs.part.package
    for rel_id, rel in list(package._rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package._rels.pop(rel_id)


def body_font(prs) -> str:
    """The theme's body (minor) Latin font of the first master, such as "Arial"."""
    try:
        theme = prs.slide_masters[0].part.part_related_by(RT.THEME)
    except (KeyError, IndexError):
        return ""
    from lxml import etree

    root = etree.fromstring(theme.blob)
    latin = root.find(f".//{NS_A}minorFont/{NS_A}latin")
    return latin.get("typeface", "") if latin is not None else ""
