"""The session plan: model, schedule maths and the plain-text source format. No Qt here.

Import each name from the module it lives in (`presenter.agenda.model`, `.reader`, `.cache`,
`.timetable`, ...): the package itself loads nothing, so `presenter validate` and the app pay
only for what they read, and the layer contract sees every import.
"""
