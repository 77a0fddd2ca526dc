"""Sessions the run clock tests share."""

from __future__ import annotations

from presenter.agenda.bundled import bundled_session_path
from presenter.agenda.model import AgendaItem, Session
from presenter.agenda.reader import load_session


def twitter_hour() -> Session:
    """The bundled session: 60 minutes in nine items, three of them fixed."""
    session, _warnings = load_session(bundled_session_path("twitter-hour"))
    return session


def three_items(**fields) -> Session:
    """A small 20-minute session in a 20-minute slot: 5 fixed, then 10 and 5 flexible."""
    items = (
        AgendaItem("Welcome", 5, fixed=True),
        AgendaItem("Who to follow", 10),
        AgendaItem("Questions", 5),
    )
    return Session("Short session", items, length=20, **fields)
