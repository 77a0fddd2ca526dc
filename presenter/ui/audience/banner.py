"""A notice across the top of the presenter window, with a button or two; never modal."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class Banner(QFrame):
    """Words, then buttons; each button does its thing and closes the banner."""

    def __init__(
        self,
        name: str,
        text: str,
        buttons: tuple[tuple[str, Callable[[], None] | None], ...] = (),
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setProperty("banner", "true")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.text = QLabel(text, objectName="BannerText", wordWrap=True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 4, 2)  # a notice, not a panel: the run keeps the room
        layout.addWidget(self.text, 1)
        self.buttons: dict[str, QPushButton] = {}
        for label, then in buttons:
            button = QPushButton(label, objectName="BannerButton")
            button.setAccessibleName(label)
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a click must not steal the run keys
            button.clicked.connect(lambda _checked=False, then=then: self._press(then))
            layout.addWidget(button)
            self.buttons[label] = button
        self.setAccessibleName(text)

    def _press(self, then: Callable[[], None] | None) -> None:
        self.hide()
        if then is not None:
            then()
