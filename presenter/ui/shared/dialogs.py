"""Small dialogs, each behind a classmethod that returns the answer so tests can patch one method."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QMessageBox,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from presenter.agenda.model import Session


class ConfirmDialog:
    """A yes/no question; the default button is the safe one (No)."""

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, text: str, yes_text: str = "Yes") -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
        yes = box.addButton(yes_text, QMessageBox.ButtonRole.AcceptRole)
        no = box.addButton("Cancel", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(no)
        box.exec()
        return box.clickedButton() is yes


class ProblemsDialog:
    """A file that could not be read: the format's own messages, one per line."""

    @classmethod
    def show_problems(cls, parent: QWidget | None, title: str, lines: list[str]) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, lines[0] if lines else title, parent=parent
        )
        if len(lines) > 1:
            box.setDetailedText("\n".join(lines))
            box.findChild(QTextEdit).setAccessibleName("Every problem")
            box.setInformativeText(f"{len(lines)} problems; see the details.")
        box.exec()


class SaveChangesDialog:
    """Unsaved changes: returns "save", "discard" or "cancel"."""

    @classmethod
    def ask(cls, parent: QWidget | None, name: str) -> str:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            "Unsaved changes",
            f"Save the changes to {name}?",
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            parent,
        )
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            return "save"
        if answer == QMessageBox.StandardButton.Discard:
            return "discard"
        return "cancel"


class JumpDialog(QDialog):
    """Pick an agenda item by arrow keys or typing its first letters, then Enter."""

    def __init__(self, session: Session, current: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Jump to an item")
        self.items = QListWidget()
        self.items.addItems([f"{i + 1}. {item.title}" for i, item in enumerate(session.items)])
        self.items.setCurrentRow(current)
        self.items.setAccessibleName("Agenda items")
        self.items.itemActivated.connect(self.accept)
        # Every title whole, no sideways scroll bar (within the screen, where it wraps instead).
        self.items.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.items.setWordWrap(True)
        screen = (parent.screen() if parent is not None else self.screen()).availableGeometry()
        widest = self.items.sizeHintForColumn(0) + 2 * self.items.frameWidth() + 24
        self.items.setMinimumWidth(min(widest, screen.width() * 3 // 4))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Jump to:"))
        layout.addWidget(self.items)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, parent: QWidget | None, session: Session, current: int) -> tuple[int, bool]:
        dialog = cls(session, current, parent)
        ok = dialog.exec() == QDialog.DialogCode.Accepted
        return dialog.items.currentRow(), ok and dialog.items.currentRow() >= 0
