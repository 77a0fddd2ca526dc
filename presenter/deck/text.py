"""Point text as it goes onto a slide: control characters out, links kept as links.

A point is Markdown as the facilitator wrote it. On a slide it becomes runs of text, some
bold or italic, some links; importing a slide turns the runs back into the same Markdown.
"""

from __future__ import annotations

import re
import urllib.parse
from dataclasses import dataclass

# C0 controls except tab and newline, DEL, C1 controls, and code points XML cannot hold.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")
INLINE = re.compile(
    r"\[(?P<label>[^\]\n]+)\]\((?P<target><[^>\n]+>|[^)\s]+)\)"
    r"|<(?P<auto>https?://[^>\s]+)>"
    r"|(?P<bare>https?://[^\s<>]+[^\s<>.,;:!?)\]'\"])"
    r"|\*\*(?P<bold>[^*\n]+)\*\*"
    r"|(?<![\w*])\*(?P<italic>[^*\n]+)\*(?![\w*])"
)
# Addresses longer than this are shown but not linked: Office refuses longer hyperlinks.
LONGEST_LINK = 2048
# Bare addresses longer than this are shortened on the slide; the link keeps the whole address.
LONGEST_SHOWN_ADDRESS = 60
URL_SAFE = ":/?#[]@!$&'()*+,;=%~-._"
# The name of the quiet "12:05–12:13 · 8 min" text box on an item's slide.
BUDGET_NAME = "Time budget"
# What a slide's title ends with when it carries on the slide before's points or agenda.
CONTINUED = " (cont.)"


@dataclass(frozen=True)
class Run:
    """A stretch of text with one style; `link` is the web address it opens, if any."""

    text: str
    bold: bool = False
    italic: bool = False
    link: str = ""


def clean_text(text: str) -> str:
    """Text safe for a slide: tabs become spaces, other control characters go."""
    return CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " "))


def safe_link(address: str) -> str:
    """A web address percent-encoded where it holds characters a file must not keep raw."""
    return urllib.parse.quote(clean_text(address).strip(), safe=URL_SAFE)


def shown_address(address: str) -> str:
    """A long bare address shortened for the slide, keeping its start and its end."""
    if len(address) <= LONGEST_SHOWN_ADDRESS:
        return address
    return address[:40] + "…" + address[-15:]


def point_runs(point: str) -> list[Run]:
    """A point's Markdown as styled runs: links, **bold** and *italic*."""
    text = clean_text(point)
    runs: list[Run] = []
    position = 0
    for match in INLINE.finditer(text):
        if match.start() > position:
            runs.append(Run(text[position : match.start()]))
        position = match.end()
        if match["label"] is not None:
            runs.append(_link_run(match["label"], match["target"].strip("<>")))
        elif match["auto"] or match["bare"]:
            address = match["auto"] or match["bare"]
            runs.append(_link_run(shown_address(address), address))
        elif match["bold"] is not None:
            runs.append(Run(match["bold"], bold=True))
        else:
            runs.append(Run(match["italic"], italic=True))
    if position < len(text):
        runs.append(Run(text[position:]))
    return runs


def _link_run(label: str, address: str) -> Run:
    address = safe_link(address)
    if len(address) > LONGEST_LINK:
        return Run(label)
    return Run(label, link=address)


def runs_markdown(runs: list[Run]) -> str:
    """Styled runs back to the Markdown `point_runs` reads."""
    parts: list[str] = []
    for run in runs:
        text = run.text
        if run.link:
            if text in (run.link, shown_address(run.link)):
                parts.append(run.link)
            else:
                parts.append(f"[{text}]({run.link})")
        elif run.bold and text.strip():
            parts.append(f"**{text}**")
        elif run.italic and text.strip():
            parts.append(f"*{text}*")
        else:
            parts.append(text)
    return "".join(parts)


def plain_text(point: str) -> str:
    """The words of a point as they show on the slide, for measuring."""
    return "".join(run.text for run in point_runs(point))
