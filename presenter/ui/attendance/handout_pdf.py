"""The one-page handout for attendees: each item's points, the guidance the session rests on,
where to find the trust's own policy, and the readiness checklist for next time. Drawn with
Qt's PDF writer (`pdf_writer`) on one A4 page, smaller type when the session is long."""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtGui import QPainter, QPdfWriter

from presenter.agenda.model import AgendaItem, Session
from presenter.ui.attendance.one_page import draw_one_page
from presenter.ui.attendance.pdf_writer import write_pdf

DEFAULT_POLICY = (
    "Your trust's own policy is on its staff intranet; your communications team can point "
    "you to it."
)


def _text(value: str) -> str:
    return html.escape(value).replace("\n", "<br>")


def shown_items(session: Session) -> list[AgendaItem]:
    """The items the audience sees and that say something: timed, with points."""
    return [item for item in session.items if item.timed and item.points]


def _item_html(item: AgendaItem) -> str:
    points = "".join(
        f"<li style='margin-left: {18 * item.level(i)}pt'>{_text(point)}</li>"
        for i, point in enumerate(item.points)
    )
    return (
        f"<p style='font-size: 11pt; font-weight: bold; margin-bottom: 2pt'>{_text(item.title)}</p>"
        f"<ul style='margin-top: 0'>{points}</ul>"
    )


def _two_columns(items: list[AgendaItem]) -> str:
    """The items in two columns, about as many points in each, in agenda order."""
    total = sum(len(item.points) + 1 for item in items)
    left: list[AgendaItem] = []
    count = 0
    for item in items:
        if count >= total / 2:
            break
        left.append(item)
        count += len(item.points) + 1
    right = items[len(left) :]
    cell = "<td width='50%' valign='top'>{}</td>"
    return (
        "<table width='100%' cellspacing='0' cellpadding='4'><tr>"
        + cell.format("".join(_item_html(i) for i in left))
        + cell.format("".join(_item_html(i) for i in right))
        + "</tr></table>"
    )


def _section(title: str, body: str) -> str:
    return f"<p style='font-size: 13pt; font-weight: bold; margin-top: 8pt'>{title}</p>{body}"


def handout_html(session: Session, policy: str = "") -> str:
    """The handout as rich text."""
    parts = [
        f"<p style='font-size: 22pt; font-weight: bold'>{_text(session.title)}</p>",
    ]
    if session.subtitle:
        parts.append(f"<p style='font-size: 13pt'>{_text(session.subtitle)}</p>")
    if session.outcomes:
        outcomes = "".join(f"<li>{_text(o)}</li>" for o in session.outcomes)
        parts.append(_section("After this session you should be able to", f"<ul>{outcomes}</ul>"))
    parts.append(_section("What we covered", _two_columns(shown_items(session))))
    if session.sources:
        sources = "".join(f"<li>{_text(s)}</li>" for s in session.sources)
        parts.append(_section("Guidance to read", f"<ul>{sources}</ul>"))
    parts.append(_section("Your trust's own policy", f"<p>{_text(policy or DEFAULT_POLICY)}</p>"))
    if session.readiness:
        checks = "".join(f"<li>☐ {_text(c)}</li>" for c in session.readiness)
        parts.append(_section("Ready for next time", f"<ul style='list-style: none'>{checks}</ul>"))
    if session.facilitators:
        parts.append(
            f"<p style='font-size: 9pt'>Run by {_text(', '.join(session.facilitators))}.</p>"
        )
    return (
        '<html><body style=\'font-family: "Liberation Sans", Arial, sans-serif; '
        "font-size: 10pt'>" + "".join(parts) + "</body></html>"
    )


def write_handout(path: str | Path, session: Session, policy: str = "") -> None:
    """One A4 portrait page. `policy` says where the trust's own policy is."""

    def draw(writer: QPdfWriter) -> None:
        painter = QPainter(writer)
        try:
            draw_one_page(writer, painter, handout_html(session, policy))
        finally:
            painter.end()

    write_pdf(path, f"Handout: {session.title}", draw, pages=1)
