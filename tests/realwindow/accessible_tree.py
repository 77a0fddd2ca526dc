"""Print, as JSON, every accessible object of one running app, as a screen reader sees it.

Run with the system Python, which has pyatspi (python3-pyatspi): `/usr/bin/python3
accessible_tree.py PID`, with DISPLAY and DBUS_SESSION_BUS_ADDRESS of the app's session.
Each object: its role, name, description, text (for text objects), state (`showing`) and
extents on the screen [x, y, width, height], with the index of its parent in the list.
Kept free of the project's code and of anything but the standard library and pyatspi.
"""

from __future__ import annotations

import json
import sys

import pyatspi  # the system Python's package, not the project's environment


def describe(accessible, parent: int | None) -> dict:
    try:
        box = accessible.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
        extents = [box.x, box.y, box.width, box.height]
    except NotImplementedError:
        extents = None
    try:
        text = accessible.queryText().getText(0, -1)
    except NotImplementedError:
        text = None
    states = accessible.getState()
    return {
        "role": accessible.getRoleName(),
        "name": accessible.name or "",
        "description": accessible.description or "",
        "text": text,
        "extents": extents,
        "showing": states.contains(pyatspi.STATE_SHOWING),
        "parent": parent,
    }


def walk(accessible, parent: int | None, found: list[dict]) -> None:
    found.append(describe(accessible, parent))
    index = len(found) - 1
    for position in range(accessible.childCount):
        child = accessible.getChildAtIndex(position)
        if child is not None:
            walk(child, index, found)


def main(pid: int) -> int:
    desktop = pyatspi.Registry.getDesktop(0)
    found: list[dict] = []
    for position in range(desktop.childCount):
        app = desktop.getChildAtIndex(position)
        if app is not None and app.get_process_id() == pid:
            walk(app, None, found)
    json.dump(found, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1])))
