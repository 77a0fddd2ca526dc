"""The keys, listed over the presenter window (F1 or ?); any key or click closes it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget
from shiboken6 import isValid

from presenter.ui.audience.points_view import escape
from presenter.ui.shared.actions import ActionRegistry


def help_html(registry: ActionRegistry) -> str:
    """Each group a table of what it does and its keys, the groups in two columns."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for group, text, keys in registry.help_rows():
        groups.setdefault(group, []).append((text, keys))
    blocks = []
    for group, rows in groups.items():
        cells = "".join(
            f"<tr><td>{escape(text)}</td><td>&nbsp;&nbsp;<b>{escape(keys)}</b></td></tr>"
            for text, keys in rows
        )
        blocks.append((len(rows) + 2, f"<h3>{escape(group)}</h3><table>{cells}</table>"))
    half = sum(size for size, _ in blocks) / 2
    left, right, filled = [], [], 0
    for size, block in blocks:
        (left if filled < half else right).append(block)
        filled += size
    return (
        "<table width='100%'><tr>"
        f"<td valign='top' width='50%'>{''.join(left)}</td>"
        f"<td valign='top' width='50%'>{''.join(right)}</td>"
        "</tr></table>"
        "<p>Escape never ends the session. Page Down and Page Up move the session even while "
        "a name is being typed. Press any key to close this list.</p>"
    )


class HelpOverlay(QWidget):
    """A dark panel covering its parent window, listing every key from the action registry."""

    def __init__(self, registry: ActionRegistry, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("HelpOverlay")
        self.setAccessibleName("Keys and help")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        # The list is written when first shown: the window comes up without laying it out.
        self.registry = registry
        self.text = QLabel(objectName="HelpText", wordWrap=True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 32, 48, 32)
        layout.addWidget(self.text, 0, Qt.AlignmentFlag.AlignTop)
        self._focus_before: QWidget | None = None
        self.hide()

    def toggle(self) -> None:
        if self.isVisible():
            self.dismiss()
        else:
            self._focus_before = QApplication.focusWidget()
            if not self.text.text():
                self.text.setText(help_html(self.registry))
            self.setGeometry(self.parentWidget().rect())
            self.raise_()
            self.show()
            self.setFocus()

    def dismiss(self) -> None:
        """Hide, giving the keys back to where they were (the run, or the name being typed)."""
        back, self._focus_before = self._focus_before, None
        if back is None or back is self or not isValid(back) or not back.isVisible():
            back = self.window()
        back.setFocus(Qt.FocusReason.OtherFocusReason)  # before hiding: Qt would pick the next
        self.hide()

    def fit_parent(self) -> None:
        """Cover the parent window again (called when the window is resized)."""
        self.setGeometry(self.parentWidget().rect())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self.dismiss()
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.dismiss()
        event.accept()
