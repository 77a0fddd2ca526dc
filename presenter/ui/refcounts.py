"""A reserve of references for None, True and False, for PySide6 on Python 3.11.

PySide6 6.12 (a wheel built for Python 3.12's immortal objects) drops one reference to None
on every call of a method that returns nothing (`label.setText(...)`), and now and then one to
True or False, without taking it first. From Python 3.12 these objects are immortal and it
does no harm. On 3.11 their count runs down by some fifty a second while the clock is shown;
when one reaches zero Python aborts with "Fatal Python error: none_dealloc" or "bool_dealloc",
mid-session after a few minutes, or at exit, where the windows' teardown makes many such calls.
`tests/ui/test_exit.py` runs an hour of clock updates and then quits.
"""

from __future__ import annotations

import sys

RESERVE = 1 << 40  # references: more than a session, or a year of sessions, could drop


def keep_singletons_alive() -> bool:
    """Add `RESERVE` to the reference counts of None, True and False, once per process, where
    they are not immortal (CPython before 3.12). Returns True when it did so."""
    if sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    if getattr(keep_singletons_alive, "done", False):
        return True
    import ctypes

    for singleton in (None, True, False):
        count = ctypes.c_ssize_t.from_address(id(singleton))
        # The count is the object's first field in release builds; check before writing.
        if abs(count.value - sys.getrefcount(singleton)) > 8:
            return False
    for singleton in (None, True, False):
        ctypes.c_ssize_t.from_address(id(singleton)).value += RESERVE
    keep_singletons_alive.done = True
    return True
