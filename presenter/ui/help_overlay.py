"""The keys, listed over the presenter window (F1 or ?); any key or click closes it."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from presenter.ui.actions import ActionRegistry


def help_html(registry: ActionRegistry) -> str:
    """One table per group: what it does, and its keys."""
    parts = []
    group = None
    for row_group, text, keys in registry.help_rows():
        if row_group != group:
            if group is not None:
                parts.append("</table>")
            parts.append(f"<h3>{escape(row_group)}</h3><table cellspacing='4'>")
            group = row_group
        parts.append(f"<tr><td width='60%'>{escape(text)}</td><td><b>{escape(keys)}</b></td></tr>")
    parts.append("</table><p>Escape never ends the session. Press any key to close this list.</p>")
    return "".join(parts)


class HelpOverlay(QWidget):
    """A dark panel covering its parent window, listing every key from the action registry."""

    def __init__(self, registry: ActionRegistry, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("HelpOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.text = QLabel(help_html(registry), objectName="HelpText", wordWrap=True)
        self.text.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 32, 48, 32)
        layout.addWidget(self.text, 0, Qt.AlignmentFlag.AlignTop)
        self.hide()

    def toggle(self) -> None:
        if self.isVisible():
            self.hide()
        else:
            self.setGeometry(self.parentWidget().rect())
            self.raise_()
            self.show()
            self.setFocus()

    def fit_parent(self) -> None:
        """Cover the parent window again (called when the window is resized)."""
        self.setGeometry(self.parentWidget().rect())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        self.hide()
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.hide()
        event.accept()
