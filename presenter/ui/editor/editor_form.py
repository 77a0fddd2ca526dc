"""The fields of one agenda item and of the session, as a form beside the editor's table."""

from __future__ import annotations

from PySide6.QtCore import QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from presenter.agenda.model import AgendaItem, Kind, Session, tidy_levels
from presenter.ui.editor.picture_field import PictureField


def split_list(text: str, separator: str = ",") -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(separator) if part.strip())


def same_notes(typed: str, stored: str) -> bool:
    """True when the typed notes are what the item keeps (it trims line ends and blank edges)."""
    lines = [line.rstrip() for line in typed.split("\n")]
    return "\n".join(lines).strip("\n") == stored


def outline(text: str) -> dict:
    """Points typed one a line, two spaces in front for each level deeper, as the item's
    points and levels (edited together, so they always match)."""
    lines = [line for line in text.split("\n") if line.strip()]
    levels = [(len(line) - len(line.lstrip(" "))) // 2 for line in lines]
    nested = tidy_levels(levels)
    return {
        "points": tuple(line.strip() for line in lines),
        "levels": nested if any(nested) else (),
    }


def outline_text(item: AgendaItem) -> str:
    return "\n".join("  " * item.level(i) + p for i, p in enumerate(item.points))


def same_title(typed: str, stored: str) -> bool:
    return " ".join(typed.split()) == stored


class ItemForm(QGroupBox):
    """Every field of an agenda item; `edited(field, value)` as the facilitator types."""

    edited = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Agenda item", parent)
        self.title = QLineEdit()
        self.minutes = QSpinBox(minimum=1, maximum=240, suffix=" min")
        self.kind = QComboBox()
        self.kind.addItems([k.value for k in Kind])
        self.fixed = QCheckBox("Fixed: rebalancing never changes it")
        self.optional = QCheckBox("Optional: dropped first when fitted into a shorter slot")
        self.hidden = QCheckBox("Hidden: not shown or timed, kept in the deck")
        self.min_minutes = QSpinBox(minimum=0, maximum=240, suffix=" min")
        self.min_minutes.setSpecialValueText("no minimum")
        self.points = QPlainTextEdit()
        self.points.setPlaceholderText(
            "One point per line: what the room sees; two spaces in front nest it"
        )
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText("Notes for you, in Markdown; - [ ] makes a checklist line")
        self.pictures = PictureField()
        layout = QFormLayout(self)
        layout.addRow("&Title", self.title)
        layout.addRow("&Minutes", self.minutes)
        layout.addRow("&Kind", self.kind)
        layout.addRow("", self.fixed)
        layout.addRow("", self.optional)
        layout.addRow("", self.hidden)
        layout.addRow("Shortest", self.min_minutes)
        layout.addRow("&Points", self.points)
        layout.addRow("&Notes", self.notes)
        layout.addRow("Pictures", self.pictures)
        self.title.textEdited.connect(lambda text: self.edited.emit("title", text))
        self.minutes.valueChanged.connect(lambda value: self.edited.emit("minutes", value))
        self.kind.currentTextChanged.connect(lambda text: self.edited.emit("kind", Kind(text)))
        self.fixed.toggled.connect(lambda on: self.edited.emit("fixed", on))
        self.optional.toggled.connect(lambda on: self.edited.emit("optional", on))
        self.hidden.toggled.connect(lambda on: self.edited.emit("hidden", on))
        self.min_minutes.valueChanged.connect(
            lambda value: self.edited.emit("min_minutes", value or None)
        )
        self.points.textChanged.connect(
            lambda: self.edited.emit("points", outline(self.points.toPlainText()))
        )
        self.notes.textChanged.connect(lambda: self.edited.emit("notes", self.notes.toPlainText()))
        self.pictures.edited.connect(lambda pictures: self.edited.emit("pictures", pictures))
        self.setEnabled(False)

    def load(self, item: AgendaItem | None) -> None:
        """Show an item's fields without reporting them as edits."""
        widgets = (self.title, self.minutes, self.kind, self.fixed, self.hidden, self.min_minutes)
        for widget in (*widgets, self.points, self.notes):
            widget.blockSignals(True)
        self.setEnabled(item is not None)
        item = item or AgendaItem("", 1)
        # Only replace text that differs in substance, so the cursor stays where the typing is.
        if not same_title(self.title.text(), item.title):
            self.title.setText(item.title)
        self.minutes.setValue(item.minutes)
        self.kind.setCurrentText(item.kind.value)
        self.fixed.setChecked(item.fixed)
        self.optional.blockSignals(True)
        self.optional.setChecked(item.optional)
        self.optional.blockSignals(False)
        self.hidden.setChecked(item.hidden)
        self.min_minutes.setValue(item.min_minutes or 0)
        if outline(self.points.toPlainText()) != {"points": item.points, "levels": item.levels}:
            self.points.setPlainText(outline_text(item))
        if not same_notes(self.notes.toPlainText(), item.notes):
            self.notes.setPlainText(item.notes)
        self.pictures.load(item.pictures)
        for widget in (*widgets, self.points, self.notes):
            widget.blockSignals(False)


class SessionForm(QGroupBox):
    """The session's title, people, place and slot."""

    edited = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Session", parent)
        self.title = QLineEdit()
        self.subtitle = QLineEdit()
        self.facilitators = QLineEdit(placeholderText="Names, separated by commas")
        self.venue = QLineEdit()
        self.start = QTimeEdit(displayFormat="HH:mm")
        self.length = QSpinBox(minimum=5, maximum=480, suffix=" min")
        self.readiness = QLineEdit(placeholderText="e.g. App installed, Username ready")
        layout = QFormLayout(self)
        layout.addRow("Session title", self.title)
        layout.addRow("Subtitle", self.subtitle)
        layout.addRow("Facilitators", self.facilitators)
        layout.addRow("Venue", self.venue)
        layout.addRow("Slot start", self.start)
        layout.addRow("Slot length", self.length)
        layout.addRow("Ready before", self.readiness)
        self.title.textEdited.connect(lambda text: self.edited.emit("title", text))
        self.subtitle.textEdited.connect(lambda text: self.edited.emit("subtitle", text))
        self.facilitators.textEdited.connect(
            lambda text: self.edited.emit("facilitators", split_list(text))
        )
        self.venue.textEdited.connect(lambda text: self.edited.emit("venue", text))
        self.start.timeChanged.connect(lambda t: self.edited.emit("start", t.toPython()))
        self.length.valueChanged.connect(lambda value: self.edited.emit("length", value))
        self.readiness.textEdited.connect(
            lambda text: self.edited.emit("readiness", split_list(text))
        )

    def load(self, session: Session) -> None:
        fields = (
            self.title,
            self.subtitle,
            self.facilitators,
            self.venue,
            self.start,
            self.length,
            self.readiness,
        )
        for widget in fields:
            widget.blockSignals(True)
        self._set_text(self.title, session.title)
        self._set_text(self.subtitle, session.subtitle)
        if split_list(self.facilitators.text()) != session.facilitators:
            self.facilitators.setText(", ".join(session.facilitators))
        self._set_text(self.venue, session.venue)
        self.start.setTime(QTime(session.start.hour, session.start.minute))
        self.length.setValue(session.length)
        if split_list(self.readiness.text()) != session.readiness:
            self.readiness.setText(", ".join(session.readiness))
        for widget in fields:
            widget.blockSignals(False)

    @staticmethod
    def _set_text(edit: QLineEdit, text: str) -> None:
        if not same_title(edit.text(), text):
            edit.setText(text)


class EditorSide(QWidget):
    """The two forms stacked: session on top, the selected item below."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session_form = SessionForm()
        self.item_form = ItemForm()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.session_form)
        layout.addWidget(self.item_form, 1)
