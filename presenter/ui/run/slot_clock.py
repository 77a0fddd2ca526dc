"""The slot clock: time of day, time left to the slot end, forecast finish, and pace."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from presenter.timing import RunState, RunView
from presenter.timing.display import finish_caption, pace_state, pace_text, slot_left_text
from presenter.ui.shared.theme import set_style_state


class SlotClock(QWidget):
    """Four figures in a row, each a caption over its value, readable from across a table.

    Each value is one line ("2 min 30 s behind"), the pace given the widest column; in a
    small window the type is smaller and the finish caption shorter, so the row fits half a
    laptop screen when the windows share one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SlotClock")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        grid = QGridLayout(self)
        grid.setContentsMargins(12, 4, 12, 6)
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(0)
        self.compact = False
        self._slot_end = ""
        self._ended = False
        self.labels: list[QLabel] = []
        _, self.time_of_day = self._figure(grid, 0, "Time")
        _, self.slot_left = self._figure(grid, 1, "Left in slot")
        self.finish_caption, self.finish = self._figure(grid, 2, "Forecast finish")
        _, self.pace = self._figure(grid, 3, "Pace", stretch=2)

    def _figure(
        self, grid: QGridLayout, column: int, caption: str, stretch: int = 1
    ) -> tuple[QLabel, QLabel]:
        value = QLabel(objectName="SlotValue")
        value.setAccessibleDescription(caption)  # its name is the value it shows
        label = QLabel(caption, objectName="SlotCaption")
        label.setBuddy(value)
        grid.addWidget(label, 0, column, Qt.AlignmentFlag.AlignBottom)
        grid.addWidget(value, 1, column, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(column, stretch)
        self.labels += [label, value]
        return label, value

    def set_compact(self, compact: bool) -> None:
        """Smaller type for a small window (the style sheet's `[compact="true"]` sizes)."""
        self.compact = compact
        for label in self.labels:
            set_style_state(label, "compact", str(compact).lower())
        self._caption_finish()

    def _caption_finish(self) -> None:
        end = self._slot_end
        self.finish_caption.setText(finish_caption(end, ended=self._ended, compact=self.compact))
        self.finish_caption.setToolTip(f"Forecast finish; the slot ends at {end}" if end else "")

    def show_view(self, view: RunView) -> None:
        self.time_of_day.setText(view.now.strftime("%H:%M"))
        self.slot_left.setText(slot_left_text(view))
        self.finish.setText(f"{view.forecast_finish:%H:%M}")
        self._slot_end = f"{view.slot_end:%H:%M}"
        self._ended = view.state is RunState.FINISHED
        self._caption_finish()
        self.pace.setText(pace_text(view))
        pace = pace_state(view)
        set_style_state(self.pace, "pace", pace)
        set_style_state(self.finish, "pace", pace)
