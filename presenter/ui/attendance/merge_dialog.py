"""The question asked when someone typed at check-in matches a person already on the list."""

from __future__ import annotations

import enum

from PySide6.QtWidgets import QMessageBox, QWidget

from presenter.attendance.model import Attendee, AttendeeDetails


class MergeChoice(enum.Enum):
    """What to do when the person typed is already on the list."""

    MERGE = "merge"
    ADD = "add"
    CANCEL = "cancel"


class MergeDialog:
    """Asks whether a typed person who matches someone already there is the same person."""

    @classmethod
    def ask(
        cls, parent: QWidget | None, existing: Attendee, typed: AttendeeDetails, reason: str
    ) -> MergeChoice:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle("Already checked in?")
        when = f" at {existing.checked_in_at:%H:%M}" if existing.checked_in_at else ""
        box.setText(
            f"{' '.join(existing.name.split())} has the same {reason} and is already on the "
            f"list{when}. Is this the same person?"
        )
        merge = box.addButton(
            "Same person: update their details", QMessageBox.ButtonRole.AcceptRole
        )
        add = box.addButton("A different person: add them", QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(merge)
        box.exec()
        clicked = box.clickedButton()
        if clicked is merge:
            return MergeChoice.MERGE
        if clicked is add:
            return MergeChoice.ADD
        return MergeChoice.CANCEL
