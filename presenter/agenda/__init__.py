"""The session plan: model, schedule maths and the plain-text source format. No Qt here.

Names are loaded on first use (PEP 562), so `presenter validate` pays only for what it reads.
"""

from __future__ import annotations

import importlib

_HOMES = {
    "BUNDLED_SESSION": "bundled",
    "bundled_session_path": "bundled",
    "bundled_sessions": "bundled",
    "AgendaItem": "model",
    "Kind": "model",
    "Session": "model",
    "Problem": "problems",
    "Problems": "problems",
    "SessionFileError": "problems",
    "load_session": "reader",
    "load_session_cached": "cache",
    "parse_session": "reader",
    "ScheduledItem": "timetable",
    "SlotFit": "timetable",
    "schedule": "timetable",
    "slot_fit": "timetable",
    "save_session": "writer",
    "write_session": "writer",
}
__all__ = sorted(_HOMES)


def __getattr__(name: str) -> object:
    if name not in _HOMES:
        raise AttributeError(f"module 'presenter.agenda' has no attribute '{name}'")
    value = getattr(importlib.import_module(f"presenter.agenda.{_HOMES[name]}"), name)
    globals()[name] = value
    return value
