"""The PySide6 side: windows, widgets, Qt models, actions, Qt-drawn PDFs.

Importing it first gives None, True and False a reserve of references (see `refcounts`), so
a session of any length ends without "Fatal Python error: bool_dealloc".
"""

from presenter.ui.refcounts import keep_singletons_alive

keep_singletons_alive()
