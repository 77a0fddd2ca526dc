"""Is a deck one PowerPoint opens without offering a repair? The deck tests all ask here.

openxml-audit checks the schema and what PowerPoint is known to repair (a missing
`viewProps`, a shape id used twice on a slide). It looks at shape ids on slides only, so
the masters, layouts and notes pages are checked here too: PowerPoint repairs those as well.
"""

from __future__ import annotations

import zipfile
from collections import Counter
from pathlib import Path

from lxml import etree
from openxml_audit import validate_pptx

SHAPE_ID = "{http://schemas.openxmlformats.org/presentationml/2006/main}cNvPr"
PARTS_WITH_SHAPES = ("slides/", "slideLayouts/", "slideMasters/", "notesSlides/", "notesMasters/")


def repair_problems(path: str | Path) -> list[str]:
    """Everything that would make PowerPoint offer to repair the deck at `path`, one line each."""
    result = validate_pptx(path)
    found = [f"{error.description} ({error.part_uri or 'package'})" for error in result.errors]
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            folder = name.removeprefix("ppt/")
            if not name.endswith(".xml") or not folder.startswith(PARTS_WITH_SHAPES):
                continue
            root = etree.fromstring(archive.read(name))
            counts = Counter(shape.get("id") for shape in root.iter(SHAPE_ID))
            found += [f"shape id {i} used {n} times in {name}" for i, n in counts.items() if n > 1]
    return found


def assert_valid_pptx(path: str | Path) -> None:
    """Fail with the list of problems if PowerPoint would offer to repair the deck."""
    problems = repair_problems(path)
    assert not problems, f"{Path(path).name} would be repaired:\n" + "\n".join(problems)
