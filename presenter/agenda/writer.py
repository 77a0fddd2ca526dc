"""Writing a session back to its plain-text source; reading the result gives an equal session."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from presenter.agenda.heading import write_heading
from presenter.agenda.model import (
    DEFAULT_SOON_MINUTES,
    DEFAULT_SOON_PERCENT,
    AgendaItem,
    Session,
)
from presenter.agenda.nesting import outline_lines
from presenter.agenda.pictures import carry_pictures, write_picture
from presenter.agenda.review import review_fields
from presenter.agenda.tables import gfm_lines
from presenter.files import SHARED_FILE, write_text


def write_session(session: Session) -> str:
    """The session as Markdown with a YAML front matter (the format the reader takes)."""
    fields: dict[str, Any] = {"title": session.title}
    if session.subtitle:
        fields["subtitle"] = session.subtitle
    if session.facilitators:
        fields["facilitators"] = list(session.facilitators)
    if session.audience:
        fields["audience"] = session.audience
    if session.venue:
        fields["venue"] = session.venue
    fields["start"] = session.start.strftime("%H:%M")
    fields["length"] = session.length
    fields["readiness"] = list(session.readiness)
    if session.approval:
        fields["approval"] = session.approval
    if session.soon_percent != DEFAULT_SOON_PERCENT:
        fields["soon_percent"] = session.soon_percent
    if session.soon_minutes != DEFAULT_SOON_MINUTES:
        fields["soon_minutes"] = session.soon_minutes
    fields.update(review_fields(session))
    if session.picture is not None:
        fields["picture"] = {"file": session.picture.path, "alt": session.picture.alt}
    front = yaml.safe_dump(
        fields, sort_keys=False, allow_unicode=True, default_flow_style=None, width=100
    )
    parts = [f"---\n{front}---\n"]
    if session.description:
        parts.append(session.description + "\n")
    parts.extend(_write_item(item) for item in session.items)
    return "\n".join(parts)


def _write_item(item: AgendaItem) -> str:
    lines = [write_heading(item), ""]
    if item.points:
        lines.extend(outline_lines(item.points, [item.level(i) for i in range(len(item.points))]))
        lines.append("")
    if item.table:
        lines.extend([*gfm_lines(item.table), ""])
    for picture in item.pictures:
        lines.extend([write_picture(picture), ""])
    if item.notes:
        longest = max((len(run) for run in re.findall(r"^\s*(`{3,})", item.notes, re.M)), default=2)
        fence = "`" * max(3, longest + 1)
        lines.extend([f"{fence}notes", item.notes, fence, ""])
    return "\n".join(lines)


def save_session(session: Session, path: str | Path) -> None:
    """Write the session to `path` whole or not at all (WriteError, an OSError, if not),
    its pictures copied beside it when it came from another folder.

    A new session file is readable by others, like any document; a replaced one keeps its
    mode."""
    path = Path(path)
    permissions = None if path.exists() else SHARED_FILE
    write_text(path, write_session(session), permissions=permissions)
    carry_pictures(session, str(path.parent))
