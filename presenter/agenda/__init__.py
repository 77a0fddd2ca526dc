"""The session plan: model, schedule maths and the plain-text source format. No Qt here."""

from presenter.agenda.bundled import BUNDLED_SESSION, bundled_session_path, bundled_sessions
from presenter.agenda.model import AgendaItem, Kind, Session
from presenter.agenda.problems import Problem, Problems, SessionFileError
from presenter.agenda.reader import load_session, parse_session
from presenter.agenda.schedule import ScheduledItem, SlotFit, schedule, slot_fit
from presenter.agenda.writer import save_session, write_session

__all__ = [
    "BUNDLED_SESSION",
    "AgendaItem",
    "Kind",
    "Problem",
    "Problems",
    "ScheduledItem",
    "Session",
    "SessionFileError",
    "SlotFit",
    "bundled_session_path",
    "bundled_sessions",
    "load_session",
    "parse_session",
    "save_session",
    "schedule",
    "slot_fit",
    "write_session",
]
