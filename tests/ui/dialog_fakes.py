"""One fake for every dialog the app can open: it records what was asked and answers what the
test set, and a dialog the test did not expect fails the test instead of waiting for a click.

A test answers through the `dialogs` fixture:

    dialogs.answer(ConfirmDialog, True)            # every time it is asked
    dialogs.answer(ConfirmDialog, False, True)     # in turn; a third question fails
    dialogs.answer_with(RosterImportDialog.confirm, lambda parent, table, columns, r: columns)
    dialogs.expect(ProblemsDialog)                 # a message that answers nothing
    dialogs.save_path = tmp_path / "deck.pptx"     # any save-as dialog; None cancels
    dialogs.open_path = tmp_path / "roster.csv"    # any open-file dialog
    assert dialogs.titles(ConfirmDialog) == ["End the session"]

Each dialog's classmethod is replaced (the app's own code calls it as usual), and the file
dialogs are faked where Qt opens them, so the app's choice of folder and file ending still
runs. Underneath, any other modal `exec()` or Qt message box fails the test too.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QMessageBox

from presenter.ui.attendance.evidence_actions import InviteDialog
from presenter.ui.attendance.merge_dialog import MergeDialog
from presenter.ui.attendance.roster_import import RosterImportDialog
from presenter.ui.run.rebalance_dialog import RebalanceDialog
from presenter.ui.run.resume import ResumeDialog
from presenter.ui.run.share_run import JoinCodeDialog
from presenter.ui.shared.dialogs import ConfirmDialog, JumpDialog, ProblemsDialog, SaveChangesDialog
from presenter.ui.shared.fit_dialog import FitDialog
from presenter.ui.shared.settings import Settings

# Every modal dialog the app opens, by the classmethod its code calls.
ENTRY_POINTS: tuple[tuple[type, str], ...] = (
    (ConfirmDialog, "ask"),
    (ProblemsDialog, "show_problems"),
    (SaveChangesDialog, "ask"),
    (JumpDialog, "ask"),
    (RebalanceDialog, "ask"),
    (ResumeDialog, "ask"),
    (MergeDialog, "ask"),
    (RosterImportDialog, "confirm"),
    (RosterImportDialog, "show_problems"),
    (FitDialog, "ask"),
    (InviteDialog, "ask"),
    (JoinCodeDialog, "show_code"),
)
# The file dialogs, where Qt opens them (FileDialogs, the roster and the report all use these).
OPEN_FILE = "QFileDialog.getOpenFileName"
SAVE_FILE = "QFileDialog.getSaveFileName"
# Anything else that would wait for a click.
UNDERNEATH: tuple[tuple[type, str], ...] = (
    (QDialog, "exec"),
    (QMessageBox, "exec"),
    (QMessageBox, "warning"),
    (QMessageBox, "question"),
    (QMessageBox, "information"),
    (QMessageBox, "critical"),
    (QFileDialog, "getOpenFileNames"),
    (QFileDialog, "getExistingDirectory"),
    (QInputDialog, "getText"),
    (QInputDialog, "getInt"),
    (QInputDialog, "getItem"),
)
KEY = "_faked_dialog"  # where a fake keeps the name of the dialog it stands for


class UnexpectedDialog(AssertionError):
    """The app opened a dialog the test gave no answer for."""


@dataclass
class Asked:
    """One dialog opened: which one, and what it said (its arguments by name)."""

    dialog: str
    args: dict[str, Any] = field(default_factory=dict)

    @property
    def title(self) -> str:
        return self.args.get("title") or self.args.get("caption") or ""

    @property
    def text(self) -> str:
        if "lines" in self.args:
            return "\n".join(self.args["lines"])
        return self.args.get("text", "")


class DialogFakes:
    """Installed by the `dialogs` fixture; see the module's docstring."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.asked: list[Asked] = []
        self.unexpected: list[str] = []
        self._replies: dict[str, Callable[..., Any]] = {}
        self._monkeypatch = monkeypatch
        self._real: dict[str, tuple[type, str, Any]] = {}
        # A chosen file's folder is remembered in the settings of the windows that set it up,
        # not in those of a test that ran before.
        monkeypatch.setattr(Settings, "for_file_dialogs", None)
        for owner, name in ENTRY_POINTS:
            self._fake_classmethod(owner, name)
        self._fake_file_dialog(OPEN_FILE)
        self._fake_file_dialog(SAVE_FILE)
        self._real_exec = {owner: owner.exec for owner in (QDialog, QMessageBox)}
        for owner, name in UNDERNEATH:
            self._fake_underneath(owner, name)

    # -- what a test says -------------------------------------------------------------------

    def answer(self, dialog: Any, *answers: Any) -> None:
        """The dialog returns this answer every time, or these answers in turn."""
        if not answers:
            raise TypeError("answer() needs the answer the dialog gives; expect() takes none")
        if len(answers) == 1:
            self._replies[self._key(dialog)] = lambda *args: answers[0]
            return
        queue = list(answers)
        key = self._key(dialog)

        def in_turn(*args: Any) -> Any:
            if not queue:
                raise self._unexpected(f"{key} asked again after its {len(answers)} answers")
            return queue.pop(0)

        self._replies[key] = in_turn

    def answer_with(self, dialog: Any, reply: Callable[..., Any]) -> None:
        """The dialog returns `reply(...)`, called with the dialog's own arguments."""
        self._replies[self._key(dialog)] = reply

    def expect(self, dialog: Any) -> None:
        """The dialog may open (a message: it answers nothing)."""
        self._replies[self._key(dialog)] = lambda *args: None

    open_path = property(
        None,
        lambda self, path: self.answer(OPEN_FILE, path),
        doc="The file any open-file dialog picks (a path), or None: cancelled.",
    )
    save_path = property(
        None,
        lambda self, path: self.answer(SAVE_FILE, path),
        doc="Where any save-as dialog saves (a path), or None: cancelled.",
    )

    def titles(self, dialog: Any = None) -> list[str]:
        """The titles of the dialogs opened (of that one dialog, if named), in order."""
        key = None if dialog is None else self._key(dialog)
        return [a.title for a in self.asked if key is None or a.dialog == key]

    def of(self, dialog: Any) -> list[Asked]:
        """Each time that dialog opened, with what it was given."""
        key = self._key(dialog)
        return [a for a in self.asked if a.dialog == key]

    def open_for_real(self, *which: Any, exec_: Callable[[QDialog], int] | None = None) -> None:
        """These dialogs (all, if none is named) open as the app builds them, in Qt's own
        modal loop (the test clicks them from a timer), or with `exec_(dialog)` standing in
        for the loop: it may look at the dialog, then returns its result without waiting."""
        keys = [self._key(d) for d in which] or [
            k for k in self._real if k not in (OPEN_FILE, SAVE_FILE)
        ]
        for key in keys:
            owner, name, real = self._real[key]
            self._monkeypatch.setattr(owner, name, real)
        for owner in (QDialog, QMessageBox):
            self._monkeypatch.setattr(owner, "exec", exec_ or self._real_exec[owner])

    def check(self) -> None:
        """At the end of the test: a dialog nobody expected fails it, even if the app
        caught the error the fake raised."""
        if self.unexpected:
            pytest.fail(
                "a dialog opened that the test did not expect: " + "; ".join(self.unexpected)
            )

    # -- inside -----------------------------------------------------------------------------

    def _key(self, dialog: Any) -> str:
        if isinstance(dialog, str):
            return dialog
        key = getattr(getattr(dialog, "__func__", dialog), KEY, None)
        if key is not None:
            return key
        keys = [k for k, (owner, _n, _r) in self._real.items() if owner is dialog]
        if len(keys) != 1:
            raise TypeError(f"name the dialog's method, one of: {', '.join(keys) or 'none'}")
        return keys[0]

    def _unexpected(self, what: str) -> UnexpectedDialog:
        self.unexpected.append(what)
        return UnexpectedDialog(f"{what}: give it an answer with the dialogs fixture")

    def _reply(self, key: str, args: dict[str, Any], call_args: tuple) -> Any:
        self.asked.append(Asked(key, args))
        reply = self._replies.get(key)
        if reply is None:
            shown = args.get("title") or args.get("caption") or args.get("text") or ""
            raise self._unexpected(f"{key}({shown!r})" if shown else key)
        return reply(*call_args)

    def _fake_classmethod(self, owner: type, name: str) -> None:
        key = f"{owner.__name__}.{name}"
        real = owner.__dict__[name]
        signature = inspect.signature(real.__func__)

        def fake(cls: type, *args: Any, **kwargs: Any) -> Any:
            bound = signature.bind(cls, *args, **kwargs)
            bound.apply_defaults()
            named = dict(list(bound.arguments.items())[1:])  # without cls
            return self._reply(key, named, tuple(named.values()))

        setattr(fake, KEY, key)
        self._real[key] = (owner, name, real)
        self._monkeypatch.setattr(owner, name, classmethod(fake))

    def _fake_file_dialog(self, key: str) -> None:
        name = key.split(".")[1]

        def fake(parent=None, caption="", folder="", filter_="", *rest: Any, **kwargs: Any):
            args = {"parent": parent, "caption": caption, "folder": folder, "filter": filter_}
            chosen = self._reply(key, args, (args,))
            return ("" if chosen is None else str(chosen)), filter_

        setattr(fake, KEY, key)
        self._real[key] = (QFileDialog, name, QFileDialog.__dict__[name])
        self._monkeypatch.setattr(QFileDialog, name, staticmethod(fake))

    def _fake_underneath(self, owner: type, name: str) -> None:
        key = f"{owner.__name__}.{name}"

        def fake(*args: Any, **kwargs: Any) -> Any:
            widget = args[0] if args and isinstance(args[0], QDialog) else None
            title = widget.windowTitle() if widget is not None else ""
            title = title or next((a for a in args[1:] if isinstance(a, str)), "")
            self.asked.append(Asked(key, {"title": title}))
            raise self._unexpected(f"{key}({title!r}), which no classmethod stands in front of")

        self._monkeypatch.setattr(owner, name, fake)
