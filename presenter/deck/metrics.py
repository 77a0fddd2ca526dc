"""Measured text widths from bundled font metrics, so long points are wrapped as a slide would.

The metrics are the advance widths of Liberation Sans, which has the same widths as Arial
(the default template's font). For other fonts they are a fair, slightly generous estimate.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import cache

EMU_PER_POINT = 12700
METRICS_FILE = "liberation-sans-widths.json"
# Characters the metrics do not list (other scripts, emoji) count as a full em: generous.
UNKNOWN_WIDTH_EM = 1.0
WORD = re.compile(r"\S+|\s+")


@dataclass(frozen=True)
class FontMetrics:
    """Advance widths per character, in font units, for the regular and bold styles."""

    units_per_em: int
    regular: dict[str, int]
    bold: dict[str, int]
    scale: float = 1.0  # above 1 for a font wider than the one measured

    def width(self, text: str, size_pt: float, *, bold: bool = False) -> int:
        """The width of `text` set in one line at `size_pt`, in EMU."""
        widths = self.bold if bold else self.regular
        unknown = self.units_per_em * UNKNOWN_WIDTH_EM
        units = sum(widths.get(ch, unknown) for ch in text)
        return math.ceil(units * self.scale * size_pt * EMU_PER_POINT / self.units_per_em)

    def wrap(self, text: str, width_emu: int, size_pt: float, *, bold: bool = False) -> list[str]:
        """`text` broken into lines no wider than `width_emu`, at spaces where it can,
        and inside a word (such as a long web address) only when the word alone is too wide."""
        widths = self.bold if bold else self.regular
        # The line width in font units at this size, so each word is measured only once.
        limit = width_emu * self.units_per_em / (self.scale * size_pt * EMU_PER_POINT)
        lines: list[str] = []
        for paragraph_line in text.split("\n"):
            lines.extend(self._wrap_line(paragraph_line, limit, widths))
        return lines

    def _units(self, text: str, widths: dict[str, int]) -> float:
        unknown = self.units_per_em * UNKNOWN_WIDTH_EM
        return sum(widths.get(ch, unknown) for ch in text)

    def _wrap_line(self, text: str, limit: float, widths: dict[str, int]) -> list[str]:
        lines: list[str] = []
        current: list[str] = []
        used = 0.0  # units of the words on the current line
        pending = 0.0  # units of the spaces after them, counted only if a word follows
        for token in WORD.findall(text):
            size = self._units(token, widths)
            if token.isspace():
                if current:
                    current.append(token)
                    pending += size
                continue
            if used + pending + size <= limit:  # (nothing is pending on an empty line)
                current.append(token)
                used += pending + size
                pending = 0.0
                continue
            if current:
                lines.append("".join(current).rstrip())
            current, used, pending = [], 0.0, 0.0
            while size > limit and len(token) > 1:
                cut, cut_size = self._longest_prefix(token, limit, widths)
                lines.append(token[:cut])
                token = token[cut:]
                size -= cut_size
            current, used = [token], size
        if current or not lines:
            lines.append("".join(current).rstrip())
        return lines

    def _longest_prefix(self, word: str, limit: float, widths: dict[str, int]) -> tuple[int, float]:
        unknown = self.units_per_em * UNKNOWN_WIDTH_EM
        total = widths.get(word[0], unknown)
        cut = 1
        while cut < len(word):
            step = widths.get(word[cut], unknown)
            if total + step > limit:
                break
            total += step
            cut += 1
        return cut, total


# Fonts with Arial's widths. For any other font (or a renderer that substitutes a wider one,
# as LibreOffice does for Calibri when Carlito is missing) widths are counted a little wider.
SAME_WIDTHS = {"arial", "liberation sans", "arimo", "helvetica"}
OTHER_FONT_SCALE = 1.12


def metrics_for(font_name: str) -> FontMetrics:
    """The bundled metrics, widened for a font other than Arial or its equivalents."""
    base = bundled_metrics()
    if font_name.strip().casefold() in SAME_WIDTHS:
        return base
    return FontMetrics(base.units_per_em, base.regular, base.bold, OTHER_FONT_SCALE)


@cache
def bundled_metrics() -> FontMetrics:
    """The metrics shipped in `presenter.resources/fonts`."""
    from presenter.resources import FOLDER

    entry = FOLDER / "fonts" / METRICS_FILE
    data = json.loads(entry.read_text(encoding="utf-8"))
    styles = data["styles"]
    return FontMetrics(data["units_per_em"], styles["regular"], styles["bold"])
