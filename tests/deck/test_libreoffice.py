"""LibreOffice opens the exported decks and prints one page per slide."""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest
from pptx import Presentation

from presenter.deck.writer import export_deck
from tests.deck.decks import bundled_session, template_in_odd_order

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFINFO = shutil.which("pdfinfo")

# On CI (where .ci/run installs libreoffice-impress and poppler-utils) a missing tool fails.
pytestmark = pytest.mark.skipif(
    not (SOFFICE and PDFINFO) and not os.environ.get("CI"),
    reason="LibreOffice (soffice) or pdfinfo not installed; CI installs them",
)


def pdf_pages(deck, tmp_path) -> int:
    assert SOFFICE and PDFINFO, "soffice and pdfinfo are needed: install libreoffice-impress"
    profile = tmp_path / "lo-profile"
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(deck),
        ],
        check=True,
        capture_output=True,
        timeout=100,
    )
    pdf = tmp_path / (deck.stem + ".pdf")
    info = subprocess.run([PDFINFO, str(pdf)], check=True, capture_output=True, text=True)
    return int(re.search(r"^Pages:\s+(\d+)", info.stdout, re.M).group(1))


@pytest.mark.timeout(110)
def test_default_template_deck_prints_one_page_per_slide(tmp_path):
    deck = tmp_path / "twitter-hour.pptx"
    export_deck(bundled_session(), deck)
    assert pdf_pages(deck, tmp_path) == len(Presentation(str(deck)).slides) >= 12


@pytest.mark.timeout(110)
def test_template_with_layouts_in_odd_order_prints_one_page_per_slide(tmp_path):
    template = template_in_odd_order(tmp_path / "org.pptx")
    deck = tmp_path / "deck.pptx"
    export_deck(bundled_session(), deck, template=template)
    assert pdf_pages(deck, tmp_path) == len(Presentation(str(deck)).slides)
