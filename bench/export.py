"""Benchmark: `presenter export` of the bundled session against a bare python-pptx script,
and how export time grows with the agenda.

The floor is a script that writes the same slides (title, agenda table, each item's slides
with their pictures, closing) with the same speaker notes through python-pptx and nothing else. Both run as whole
processes, interleaved, several times; the medians and their ratio are printed (target: at
most 1.2). The export reads the session as the app does, from the data folder's cache of
sessions read before (a folder of its own here, filled by the first run, which is not
counted): an unchanged session is not parsed again. If pandoc is installed, its time for
the same Markdown is printed for reference.
Growth: sessions of 100 and 1,000 one-minute items (the bundled items over and over) are
exported in a fresh process each, the sizes taking turns; the processor time of the export
itself is taken (interpreter start, imports and reading the session left out; processor time,
so that other work on the machine does not count), and the ratio of the medians printed
(target: at most 12, ten times the items in at most twelve times the time).
The package is byte-compiled first, as `pip install` does, so that a checkout run with
PYTHONDONTWRITEBYTECODE set does not compile every module on every run.

    python3 bench/export.py [--repeat N] [--growth-repeat N]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from measure import PACKAGE, bundled_session, compile_package, measuring, timed  # bench/measure.py

SESSION = bundled_session()
TEMPLATE = PACKAGE / "resources" / "templates" / "default-16x9.pptx"
TARGET = 1.2
GROWTH_SIZES = (100, 1000)
GROWTH_TARGET = 12.0

GROWTH = """
import sys, time
from dataclasses import replace
from datetime import time as clock
from presenter.agenda.reader import load_session
from presenter.deck.writer import export_deck

bundled, _warnings = load_session(sys.argv[1])
count = int(sys.argv[2])
items = tuple(
    replace(bundled.items[n % len(bundled.items)], title=f"Item {n + 1}", minutes=1)
    for n in range(count)
)
session = replace(bundled, items=items, start=clock(0, 10), length=count)
start = time.process_time()
export_deck(session, sys.argv[3])
print(time.process_time() - start)
"""

FLOOR = """
import sys
from pptx import Presentation
from pptx.util import Inches, Pt

DECK = {deck}
with open(sys.argv[2], "rb") as f:  # the app's own template, as a path
    prs = Presentation(f)
layouts = {{layout.name: layout for layout in prs.slide_layouts}}

def slide(layout, title, lines, notes):
    s = prs.slides.add_slide(layouts[layout])
    s.shapes.title.text = title
    if lines:
        s.placeholders[1].text_frame.text = "\\n".join(lines)
    s.notes_slide.notes_text_frame.text = notes
    return s

slide("Title Slide", DECK["title"], DECK["subtitle"], DECK["title_notes"])
agenda = slide("Title Only", "Agenda", [], DECK["agenda_notes"])
rows = DECK["rows"]
table = agenda.shapes.add_table(len(rows) + 1, 3, Inches(0.5), Inches(1.6), Inches(12), Inches(5)).table
for r, row in enumerate([["Start", "Minutes", "Item"], *rows]):
    for c, value in enumerate(row):
        table.cell(r, c).text = value
for item in DECK["items"]:
    s = slide("Title and Content", item["title"], item["points"], item["notes"])
    box = s.shapes.add_textbox(Inches(0.5), Inches(6.5), Inches(12), Inches(0.4))
    box.text_frame.text = item["budget"]
    for picture in item["pictures"]:
        s.shapes.add_picture(*picture)
slide("Title Slide", "Questions?", DECK["closing"], DECK["closing_notes"])
prs.save(sys.argv[1])
"""


def deck_content(keep: Path) -> dict:
    """What the floor script writes: the exported deck's own text and pictures, read back
    (each picture saved in `keep`, with its place on the slide)."""
    from pptx import Presentation
    from pptx.enum.shapes import MSO_SHAPE_TYPE

    from presenter.agenda.reader import load_session
    from presenter.deck.writer import deck_for

    session, _warnings = load_session(SESSION)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "deck.pptx"
        path.write_bytes(deck_for(session))
        prs = Presentation(str(path))
        slides = list(prs.slides)

        def texts(slide):
            return [
                p.text
                for shape in slide.placeholders
                if shape.placeholder_format.idx != 0
                for p in shape.text_frame.paragraphs
            ]

        def notes(slide):
            return slide.notes_slide.notes_text_frame.text

        def pictures(slide):
            found = []
            for shape in slide.shapes:
                if shape.shape_type == MSO_SHAPE_TYPE.PICTURE:
                    image = keep / f"picture-{len(list(keep.glob('picture-*')))}.png"
                    image.write_bytes(shape.image.blob)
                    found.append([str(image), shape.left, shape.top, shape.width, shape.height])
            return found

        table = next(s for s in slides[1].shapes if s.has_table).table
        return {
            "title": session.title,
            "subtitle": texts(slides[0]),
            "title_notes": notes(slides[0]),
            "agenda_notes": notes(slides[1]),
            "rows": [[c.text for c in row.cells] for row in list(table.rows)[1:]],
            "items": [
                {
                    "title": s.shapes.title.text,
                    "points": texts(s),
                    "notes": notes(s),
                    "budget": next(x.text for x in s.shapes if x.name == "Time budget"),
                    "pictures": pictures(s),
                }
                for s in slides[2:-1]
            ],
            "closing": texts(slides[-1]),
            "closing_notes": notes(slides[-1]),
        }


def export_seconds(script: Path, items: int, folder: Path) -> float:
    """Seconds one export of an `items`-long session takes, in a process of its own."""
    output = subprocess.run(
        [sys.executable, str(script), str(SESSION), str(items), str(folder / "growth.pptx")],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return float(output.strip().splitlines()[-1])


def growth(repeat: int) -> None:
    """Print the export time of each size and the ratio of the largest to the smallest."""
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        script = folder / "growth.py"
        script.write_text(GROWTH)
        times: dict[int, list[float]] = {size: [] for size in GROWTH_SIZES}
        for _ in range(repeat):
            for size in GROWTH_SIZES:
                times[size].append(export_seconds(script, size, folder))
        medians = {size: statistics.median(values) for size, values in times.items()}
    for size, value in medians.items():
        print(
            f"export of {size:5} items median {value * 1000:7.1f} ms processor time, {repeat} runs"
        )
    small, large = GROWTH_SIZES[0], GROWTH_SIZES[-1]
    ratio = medians[large] / medians[small]
    verdict = "within" if ratio <= GROWTH_TARGET else "over"
    print(f"growth {large}/{small} items {ratio:.1f}x ({verdict} the {GROWTH_TARGET:g}x target)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=15, help="runs of each (default 15)")
    parser.add_argument(
        "--growth-repeat",
        type=int,
        help="runs of each size for growth (default: as --repeat, at most 5)",
    )
    args = parser.parse_args()
    print(measuring())
    compile_package()
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        floor = folder / "floor.py"
        content = deck_content(folder)
        floor.write_text(FLOOR.format(deck=json.dumps(content, ensure_ascii=False)))
        commands = {
            "presenter export": [
                sys.executable, "-m", "presenter", "export", str(SESSION),
                "-o", str(folder / "presenter.pptx"), "--data-dir", str(folder / "data"),
            ],
            "python-pptx floor": [sys.executable, str(floor), str(folder / "floor.pptx"), str(TEMPLATE)],
        }  # fmt: skip
        pandoc = shutil.which("pandoc")
        if pandoc:
            commands["pandoc (reference)"] = [pandoc, str(SESSION), "-o", str(folder / "p.pptx")]
        for command in commands.values():
            timed(command)  # warm the file cache once
        times: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.repeat):
            for name, command in commands.items():
                times[name].append(timed(command))
    medians = {name: statistics.median(values) for name, values in times.items()}
    for name, value in medians.items():
        print(f"{name:20} median {value * 1000:7.1f} ms over {args.repeat} runs")
    if not pandoc:
        print("pandoc               not installed; no reference time")
    ratio = medians["presenter export"] / medians["python-pptx floor"]
    verdict = "within" if ratio <= TARGET else "over"
    print(f"ratio presenter/floor {ratio:.2f} ({verdict} the {TARGET} target)")
    growth(args.growth_repeat or min(args.repeat, 5))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
