"""Organisation templates as LibreOffice makes them: a flat ODP written here, converted by
`soffice --headless --convert-to pptx`, with cover, content and section masters that differ
in background and title styling."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")

NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0"'
)


@dataclass(frozen=True)
class Master:
    """One master page: its name, background colour and title styling (sizes in points)."""

    name: str
    background: str
    title_colour: str
    title_size: int
    title_box: tuple[float, float, float, float]  # x, y, width, height in cm
    body_box: tuple[float, float, float, float]
    body_size: int = 24
    body_colour: str = "#222222"
    font: str = "Liberation Sans"


# Two templates with different looks: a trust's blue one (cover first, as LibreOffice keeps
# the master of the first slide first) and a green one listing the content master first.
BLUE = (
    Master(
        "Cover",
        "#1f3864",
        "#ffffff",
        44,
        (2.0, 5.0, 24.0, 3.5),
        (2.0, 9.0, 24.0, 4.0),
        body_colour="#dde4f0",
    ),
    Master(
        "Content",
        "#ffffff",
        "#1f3864",
        32,
        (1.5, 0.6, 25.0, 2.2),
        (1.5, 3.2, 25.0, 10.6),
        body_size=24,
    ),
    Master("Section", "#c55a11", "#ffffff", 40, (2.0, 6.0, 24.0, 3.0), (2.0, 9.5, 24.0, 3.0)),
)
GREEN = (
    Master(
        "Inside",
        "#f2f7f2",
        "#2e6b30",
        28,
        (1.2, 0.5, 25.6, 2.0),
        (1.2, 2.9, 25.6, 11.0),
        body_size=22,
        body_colour="#1b1b1b",
    ),
    Master(
        "Front",
        "#2e6b30",
        "#f5f5dc",
        40,
        (3.0, 4.5, 22.0, 4.0),
        (3.0, 9.0, 22.0, 3.5),
        body_colour="#f5f5dc",
    ),
    Master("Divider", "#7f3f98", "#ffffff", 36, (3.0, 6.0, 22.0, 3.0), (3.0, 9.5, 22.0, 3.0)),
)
# Which master plays which part, by role.
ROLES = {
    "blue": {"cover": "Cover", "content": "Content", "section": "Section"},
    "green": {"cover": "Front", "content": "Inside", "section": "Divider"},
}


def _frame(kind: str, style: str, box: tuple[float, float, float, float], text: str = "") -> str:
    x, y, width, height = box
    inner = f"<text:p>{text}</text:p>" if text else ""
    return (
        f'<draw:frame presentation:style-name="{style}" presentation:class="{kind}" '
        f'svg:x="{x}cm" svg:y="{y}cm" svg:width="{width}cm" svg:height="{height}cm" '
        f'presentation:placeholder="{"false" if text else "true"}">'
        f"<draw:text-box>{inner}</draw:text-box></draw:frame>"
    )


def _styles(master: Master) -> str:
    name = master.name
    return (
        f'<style:style style:name="{name}-title" style:family="presentation">'
        '<style:graphic-properties draw:stroke="none" draw:fill="none"/>'
        '<style:paragraph-properties fo:text-align="center"/>'
        f'<style:text-properties fo:font-size="{master.title_size}pt" '
        f'fo:color="{master.title_colour}" style:font-name="{master.font}" '
        f'fo:font-family="{master.font}" fo:font-weight="bold"/></style:style>'
        f'<style:style style:name="{name}-outline1" style:family="presentation">'
        '<style:graphic-properties draw:stroke="none" draw:fill="none"/>'
        '<style:paragraph-properties fo:margin-top="0.2cm" fo:margin-bottom="0.1cm"/>'
        f'<style:text-properties fo:font-size="{master.body_size}pt" '
        f'fo:color="{master.body_colour}" fo:font-family="{master.font}"/></style:style>'
        f'<style:style style:name="{name}-background" style:family="presentation">'
        f'<style:graphic-properties draw:fill="solid" draw:fill-color="{master.background}"/>'
        "</style:style>"
    )


def _page_style(master: Master) -> str:
    return (
        f'<style:style style:name="dp-{master.name}" style:family="drawing-page">'
        '<style:drawing-page-properties draw:fill="solid" '
        f'draw:fill-color="{master.background}" presentation:background-visible="true" '
        'presentation:background-objects-visible="true"/></style:style>'
    )


def _master_page(master: Master) -> str:
    return (
        f'<style:master-page style:name="{master.name}" style:page-layout-name="PM1" '
        f'draw:style-name="dp-{master.name}">'
        + _frame("title", f"{master.name}-title", master.title_box)
        + _frame("outline", f"{master.name}-outline1", master.body_box)
        + "</style:master-page>"
    )


def _sample_slide(number: int, master: Master) -> str:
    return (
        f'<draw:page draw:name="page{number}" draw:master-page-name="{master.name}" '
        'presentation:presentation-page-layout-name="AL1T1">'
        + _frame("title", f"{master.name}-title", master.title_box, f"Sample {master.name}")
        + _frame("outline", f"{master.name}-outline1", master.body_box, "A sample point")
        + "</draw:page>"
    )


def flat_odp(masters: tuple[Master, ...]) -> str:
    """The flat ODP text of a template with these masters and one sample slide on each."""
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<office:document {NAMESPACES} office:version="1.3" '
        'office:mimetype="application/vnd.oasis.opendocument.presentation">'
        "<office:styles>"
        + "".join(_styles(m) for m in masters)
        + "</office:styles><office:automatic-styles>"
        '<style:page-layout style:name="PM1"><style:page-layout-properties '
        'fo:margin-top="0cm" fo:margin-bottom="0cm" fo:margin-left="0cm" fo:margin-right="0cm" '
        'fo:page-width="28cm" fo:page-height="15.75cm" style:print-orientation="landscape"/>'
        "</style:page-layout>"
        + "".join(_page_style(m) for m in masters)
        + '<style:presentation-page-layout style:name="AL1T1">'
        '<presentation:placeholder presentation:object="title" svg:x="1.5cm" svg:y="0.6cm" '
        'svg:width="25cm" svg:height="2.2cm"/>'
        '<presentation:placeholder presentation:object="outline" svg:x="1.5cm" svg:y="3.2cm" '
        'svg:width="25cm" svg:height="10.6cm"/></style:presentation-page-layout>'
        "</office:automatic-styles><office:master-styles>"
        + "".join(_master_page(m) for m in masters)
        + "</office:master-styles><office:body><office:presentation>"
        + "".join(_sample_slide(n, m) for n, m in enumerate(masters, start=1))
        + "</office:presentation></office:body></office:document>"
    )


def convert(source: Path, target_format: str, outdir: Path, profile: Path) -> Path:
    """`source` converted by LibreOffice (its own profile folder, so runs do not clash)."""
    assert SOFFICE, "soffice is needed: install libreoffice-impress"
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            target_format,
            "--outdir",
            str(outdir),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=100,
    )
    result = outdir / f"{source.stem}.{target_format}"
    assert result.exists(), f"LibreOffice made no {result.name}"
    return result


def libreoffice_template(name: str, folder: Path) -> Path:
    """The template `name` ("blue" or "green") as LibreOffice saves it to .pptx."""
    masters = {"blue": BLUE, "green": GREEN}[name]
    source = folder / f"{name}.fodp"
    source.write_text(flat_odp(masters), encoding="utf-8")
    return convert(source, "pptx", folder, folder / "lo-profile")
