"""What the check-in panel asks beyond a name: the readiness ticks, always shown, and the
other details (role, ward, contact, consent) behind "More details", for when there is time."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLineEdit, QToolButton, QWidget

from presenter.attendance.model import AttendeeDetails


def readiness_ticks(readiness: tuple[str, ...]) -> tuple[list[QCheckBox], QHBoxLayout]:
    """One tick a readiness check ("App installed", "Username ready"), in a row."""
    boxes = [QCheckBox(check) for check in readiness]
    row = QHBoxLayout()
    for box in boxes:
        row.addWidget(box)
    row.addStretch(1)
    return boxes, row


def more_button(shown_by: Callable[[], QWidget]) -> QToolButton:
    """The "More details" arrow that shows and hides the widget `shown_by()` gives (made the
    first time it is asked for: most check-ins need only a name)."""
    button = QToolButton()
    button.setText("More details")
    button.setCheckable(True)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    button.setArrowType(Qt.ArrowType.RightArrow)
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a click keeps the typing going

    def show(shown: bool) -> None:
        shown_by().setVisible(shown)
        button.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)

    button.toggled.connect(show)
    return button


class DetailsForm(QWidget):
    """The details beyond a name, for when there is time: role, ward, contact, consent."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.role_edit = QLineEdit()
        self.department_edit = QLineEdit()
        self.email_edit = QLineEdit()
        self.handle_edit = QLineEdit()
        self.handle_edit.setPlaceholderText("@handle")
        self.staff_edit = QLineEdit()
        self.note_edit = QLineEdit()
        self.consent_box = QCheckBox("Happy to be contacted after the session")
        from PySide6.QtWidgets import QFormLayout  # loaded with the form, not with the window

        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow("Role", self.role_edit)
        form.addRow("Department or ward", self.department_edit)
        form.addRow("Email", self.email_edit)
        form.addRow("Social handle", self.handle_edit)
        form.addRow("Staff number", self.staff_edit)
        form.addRow("Note", self.note_edit)
        form.addRow("", self.consent_box)
        # Keyed by the field names InvalidDetails reports.
        self.fields = {
            "role": self.role_edit,
            "department": self.department_edit,
            "email": self.email_edit,
            "social_handle": self.handle_edit,
            "staff_number": self.staff_edit,
            "note": self.note_edit,
        }

    def tab_chain(self) -> list[QWidget]:
        return [*self.fields.values(), self.consent_box]

    def details(self, name: str, ready: frozenset[str]) -> AttendeeDetails:
        return AttendeeDetails(
            name=name,
            role=self.role_edit.text(),
            department=self.department_edit.text(),
            email=self.email_edit.text(),
            staff_number=self.staff_edit.text(),
            handle=self.handle_edit.text(),
            consent=self.consent_box.isChecked(),
            note=self.note_edit.text(),
            ready=ready,
        )

    def clear(self) -> None:
        for edit in self.fields.values():
            edit.clear()
        self.consent_box.setChecked(False)
