"""The session plan: model, schedule maths and the plain-text source format. No Qt here.

Names are loaded on first use (PEP 562), so `presenter validate` pays only for what it reads.
"""

from __future__ import annotations

from presenter.lazy_exports import exports_on_first_use

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


__getattr__ = exports_on_first_use(__name__, _HOMES, globals())
