"""Every action the facilitator can take, with its keys, in one registry.

One place owns every `QAction` and shortcut, so a test can check that no key is bound twice
and the help overlay can list them all. Windows connect to `registry.action(name).triggered`.
"""

from __future__ import annotations

from collections import Counter
from typing import NamedTuple

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from presenter.ui.shared.focus import TYPING_HELP


class ActionSpec(NamedTuple):
    """An action's name in code, its menu text, its keys and the help group it is listed under.

    (A named tuple, not a dataclass: it is made at every start, and costs a fifth as much.)"""

    name: str
    text: str
    keys: tuple[str, ...] = ()
    group: str = "Run"
    checkable: bool = False


ACTION_SPECS: tuple[ActionSpec, ...] = (
    ActionSpec("next", "&Next item (starts the session)", ("Right", "PgDown", "Space")),
    ActionSpec("previous", "&Previous item", ("Left", "PgUp")),
    ActionSpec("toggle_pause", "&Pause or resume", ("P", "Ctrl+P")),
    ActionSpec("lengthen", "&Lengthen current item by a minute", ("+", "=", "Shift++")),
    ActionSpec("shorten", "&Shorten current item by a minute", ("-",)),
    ActionSpec("rebalance", "&Rebalance the rest of the agenda…", ("R",)),
    ActionSpec("jump", "&Jump to an item…", ("J", "G")),
    ActionSpec("reset_item", "Restart the current &item", ("Ctrl+R",)),
    ActionSpec("finish", "&End the session…", ("Ctrl+Shift+E",)),
    ActionSpec("rehearse", "Re&hearse, timed from now (not a run)", ("Ctrl+Shift+R",)),
    ActionSpec("blackout", "&Black audience screen", ("B", "."), "Audience screen", True),
    ActionSpec("whiteout", "&White audience screen", ("W",), "Audience screen", True),
    ActionSpec(
        "audience_countdown", "Show the &countdown to the room", ("C",), "Audience screen", True
    ),
    ActionSpec("swap_screens", "&Swap screens", ("S",), "Audience screen"),
    ActionSpec(
        "one_screen",
        "Side by side on &one screen (screen sharing)",
        ("Ctrl+Shift+O",),
        "Audience screen",
        True,
    ),
    ActionSpec(
        "audience_full_screen",
        "Audience screen &full screen",
        ("Shift+F",),
        "Audience screen",
        True,
    ),
    ActionSpec(
        "audience_only",
        "&Audience screen only (hide notes and names)",
        ("Ctrl+Shift+A",),
        "Audience screen",
        True,
    ),
    ActionSpec("full_screen", "Presenter &full screen", ("F11", "F"), "View", True),
    ActionSpec("leave_full_screen", "Leave full screen", ("Esc",), "View"),
    ActionSpec("notes_bigger", "Notes text &bigger", ("Ctrl++", "Ctrl+="), "View"),
    ActionSpec("notes_smaller", "Notes text &smaller", ("Ctrl+-",), "View"),
    ActionSpec("help", "&Keys and help", ("F1", "?", "Shift+?"), "View"),
    ActionSpec("theme_dark", "&Dark theme", (), "View", True),
    ActionSpec("theme_light", "&Light high-contrast theme", (), "View", True),
    ActionSpec("times_up_chime", "&Chime when an item runs out of time", (), "View", True),
    ActionSpec("check_in", "&Check in someone", ("Ctrl+I",), "Attendance"),
    ActionSpec("wrap_up", "&Wrap-up of this run…", (), "Attendance"),
    ActionSpec("session_history", "Session &history…", (), "Attendance"),
    ActionSpec("edit_agenda", "&Edit the agenda…", ("Ctrl+E",), "Session"),
    ActionSpec("open_session", "&Open a session…", ("Ctrl+O",), "Session"),
    ActionSpec("fit_to", "&Fit to a shorter slot…", (), "Session"),
    ActionSpec("export_deck", "&Export to PowerPoint…", ("Ctrl+Shift+X",), "Session"),
    ActionSpec("import_deck", "&Import a PowerPoint deck…", ("Ctrl+Shift+I",), "Session"),
    ActionSpec("invite", "In&vite people to a run…", (), "Session"),
    ActionSpec("handout", "Hand&out for the people who came…", (), "Session"),
    ActionSpec("share_run", "Sha&re this run with another laptop…", (), "Session"),
    ActionSpec("quit", "&Quit", ("Ctrl+Q",), "Session"),
)


class ActionRegistry(QObject):
    """Owns one `QAction` per `ActionSpec`; the windows add them and connect to them."""

    def __init__(self, parent: QObject | None = None, specs=ACTION_SPECS) -> None:
        super().__init__(parent)
        self.specs = tuple(specs)
        self._actions: dict[str, QAction] = {}
        for spec in self.specs:
            action = QAction(spec.text, self)
            action.setObjectName(spec.name)
            action.setShortcuts([QKeySequence(k) for k in spec.keys])
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.setCheckable(spec.checkable)
            if spec.keys:
                action.setToolTip(f"{spec.text.replace('&', '')} ({', '.join(spec.keys)})")
            self._actions[spec.name] = action

    def action(self, name: str) -> QAction:
        return self._actions[name]

    def actions(self) -> list[QAction]:
        return list(self._actions.values())

    def trigger(self, name: str) -> None:
        self._actions[name].trigger()

    def bound_twice(self) -> dict[str, int]:
        """Key sequences used by more than one binding (empty when every key does one thing)."""
        counts = Counter(
            sequence.toString(QKeySequence.SequenceFormat.PortableText)
            for action in self._actions.values()
            for sequence in action.shortcuts()
        )
        return {key: n for key, n in counts.items() if n > 1}

    def help_rows(self) -> list[tuple[str, str, str]]:
        """(group, what it does, keys) for the help overlay, in menu order; after "Check in
        someone", what the keys do while a name is typed (`presenter.ui.shared.focus`)."""
        rows = []
        for spec in self.specs:
            keys = ", ".join(
                QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText)
                for k in spec.keys
                if not _shifted_symbol(k)
            )
            rows.append((spec.group, spec.text.replace("&", "").rstrip("…"), keys))
            if spec.name == "check_in":
                rows.extend((spec.group, text, keys) for text, keys in TYPING_HELP)
        return rows


def _shifted_symbol(key: str) -> bool:
    """ "Shift+?" is bound beside "?" for keyboards that report the Shift; the help shows "?"."""
    rest = key.removeprefix("Shift+")
    return rest != key and len(rest) == 1 and not rest.isalnum()
