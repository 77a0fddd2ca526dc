"""The printable invitation (or the day-before reminder): one A4 page, to pin up or hand out,
with what, when, where, who, the readiness checklist and, if wanted, a QR code that adds the
event to a phone's calendar. Drawn with Qt's PDF writer (`pdf_writer`)."""

from __future__ import annotations

import html
from datetime import datetime
from pathlib import Path

from PySide6.QtGui import QPainter, QPdfWriter

from presenter.attendance.invite import (
    INVITE_SUFFIXES,
    NO_CHECKLIST,
    Invitation,
    calendar_bytes,
    email_text,
    qr_event_text,
)
from presenter.files import write_bytes, write_text
from presenter.ui.attendance.one_page import draw_one_page, qr_image
from presenter.ui.attendance.pdf_writer import write_pdf

QR_NAME = "qr-event"
QR_WIDTH = 50  # millimetres on the page


def _text(value: str) -> str:
    return html.escape(value).replace("\n", "<br>")


def _checklist_html(invitation: Invitation) -> str:
    if not invitation.checklist:
        return f"<p style='font-size: 15pt'>{_text(NO_CHECKLIST)}</p>"
    boxes = "".join(
        f"<p style='font-size: 17pt; margin-left: 12pt'>☐&nbsp;&nbsp;{_text(check)}</p>"
        for check in invitation.checklist
    )
    return f"<p style='font-size: 20pt; font-weight: bold'>Before you come</p>{boxes}"


def invitation_html(invitation: Invitation, *, qr: bool) -> str:
    """The page as rich text; the QR code is the image named QR_NAME."""
    session = invitation.session
    rows = [("When", invitation.when_text()), ("Where", invitation.where_text())]
    if invitation.facilitators_text():
        rows.append(("Run by", invitation.facilitators_text()))
    details = "".join(f"<tr><td><b>{_text(k)}</b></td><td>{_text(v)}</td></tr>" for k, v in rows)
    qr_part = (
        f"<p align='center'><img src='{QR_NAME}' width='{round(QR_WIDTH / 25.4 * 96)}'></p>"
        "<p align='center' style='font-size: 11pt'>Point your phone's camera here to add it to "
        "your calendar.</p>"
        if qr
        else ""
    )
    return (
        "<html><body style='font-family: \"Liberation Sans\", Arial, sans-serif'>"
        f"<p style='font-size: 18pt'>{_text(invitation.heading())}</p>"
        f"<p style='font-size: 36pt; font-weight: bold'>{_text(invitation.title)}</p>"
        + (f"<p style='font-size: 17pt'>{_text(session.subtitle)}</p>" if session.subtitle else "")
        + f"<table cellpadding='6' style='font-size: 16pt; margin-top: 10pt'>{details}</table>"
        + "<hr>"
        + _checklist_html(invitation)
        + "<hr>"
        + qr_part
        + (
            f"<p style='font-size: 11pt'>Questions before the day? Ask {_text(invitation.organiser)}.</p>"
            if invitation.organiser
            else ""
        )
        + "</body></html>"
    )


def write_invitation(path: str | Path, invitation: Invitation, *, qr: bool) -> None:
    """One A4 portrait page, with the QR code or without."""

    def draw(writer: QPdfWriter) -> None:
        images = {QR_NAME: qr_image(qr_event_text(invitation))} if qr else {}
        painter = QPainter(writer)
        try:
            draw_one_page(writer, painter, invitation_html(invitation, qr=qr), images)
        finally:
            painter.end()

    kind = "Reminder" if invitation.reminder else "Invitation"
    write_pdf(path, f"{kind}: {invitation.title}", draw, pages=1)


def write_invitation_files(
    stem: str | Path, invitation: Invitation, now: datetime, *, qr: bool = True
) -> list[Path]:
    """The invitation's three files beside each other, each whole or not at all: the .pdf,
    the .ics (made at `now`) and the email's .txt (Windows line ends, for Notepad and Outlook). Returns
    them in the order of INVITE_SUFFIXES. Raises WriteError (an OSError)."""
    stem = Path(stem)
    ics, pdf, txt = (stem.with_name(stem.name + suffix) for suffix in INVITE_SUFFIXES)
    write_invitation(pdf, invitation, qr=qr)
    write_bytes(ics, calendar_bytes(invitation, now))
    write_text(txt, email_text(invitation).replace("\n", "\r\n"))
    return [ics, pdf, txt]
