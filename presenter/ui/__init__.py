"""The app's windows, in PySide6. `shared` holds what every window shares: the action table and
focus model, themes, settings, dialogs, file dialogs, tables, resources, long work.

Once loaded, PySide6 looks at every module named in an `import` for the first time after it: it
reads the module's whole source for the word "PySide6" and notes in a table whether the module
may switch on one of its `__feature__`s (such as snake_case names), keeping every file it read in
Python's line cache. This app switches none on anywhere, so what the table says changes nothing
but whether a file is read. Each module is entered ahead: the app's own as using PySide6 with no
feature, the ones loaded before PySide6 (the standard library's) as not using it. None is read,
and the windows come up quicker and over a megabyte smaller. Should PySide6 keep its table
elsewhere one day, it reads them again, as before. `tests/ui/test_pyside_table.py` checks this.
"""

import sys

import PySide6.QtCore  # noqa: F401 (sets up PySide6's import hook and its table)

OURS = "presenter"
USES_PYSIDE, IGNORED = 0, -1  # PySide6's own entries: no feature selected; not a Qt module


class _EnteredAhead:
    """Finds no module: enters each of the app's in PySide6's table as it is first imported."""

    def __init__(self, table: dict) -> None:
        self.table = table

    def find_spec(self, name: str, path=None, target=None) -> None:
        if name.startswith(f"{OURS}."):
            self.table.setdefault(name, USES_PYSIDE)


def _enter_modules_ahead() -> None:
    table = getattr(sys.modules.get("__feature__"), "pyside_feature_dict", None)
    if not isinstance(table, dict) or any(isinstance(f, _EnteredAhead) for f in sys.meta_path):
        return
    for name in list(sys.modules):
        ours = name == OURS or name.startswith(f"{OURS}.")
        table.setdefault(name, USES_PYSIDE if ours else IGNORED)
    sys.meta_path.insert(0, _EnteredAhead(table))


_enter_modules_ahead()
