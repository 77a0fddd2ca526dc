"""The slot clock: time of day, time left to the slot end, forecast finish, and pace."""

from __future__ import annotations

import math

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QWidget

from presenter.timing import RunState, RunView
from presenter.timing.format import format_ahead_behind, format_duration
from presenter.ui.countdown import set_style_state


class SlotClock(QWidget):
    """Four figures in a row, each a caption over its value, readable from across a table.

    The figures share the width and their words wrap, so the row fits half a laptop screen
    when the windows share one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SlotClock")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        grid = QGridLayout(self)
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(0)
        _, self.time_of_day = self._figure(grid, 0, "Time")
        _, self.slot_left = self._figure(grid, 1, "Left in slot")
        self.finish_caption, self.finish = self._figure(grid, 2, "Forecast finish")
        _, self.pace = self._figure(grid, 3, "Pace")

    @staticmethod
    def _figure(grid: QGridLayout, column: int, caption: str) -> tuple[QLabel, QLabel]:
        value = QLabel(objectName="SlotValue", wordWrap=True)
        label = QLabel(caption, objectName="SlotCaption", wordWrap=True)
        label.setBuddy(value)
        grid.addWidget(label, 0, column, Qt.AlignmentFlag.AlignBottom)
        grid.addWidget(value, 1, column, Qt.AlignmentFlag.AlignTop)
        grid.setColumnStretch(column, 1)
        return label, value

    def show_view(self, view: RunView) -> None:
        self.time_of_day.setText(view.now.strftime("%H:%M"))
        if view.slot_remaining >= 0:
            self.slot_left.setText(format_duration(math.ceil(view.slot_remaining)))
        else:
            self.slot_left.setText("+" + format_duration(math.floor(-view.slot_remaining)))
        self.finish.setText(f"{view.forecast_finish:%H:%M}")
        self.finish_caption.setText(f"Forecast finish (slot ends {view.slot_end:%H:%M})")
        if view.state is RunState.FINISHED:  # no pace to keep once the session has ended
            self.finish_caption.setText(f"Ended at (slot ends {view.slot_end:%H:%M})")
            self.pace.setText("Session ended")
            pace = "none"
        elif view.state is RunState.BEFORE_START:
            self.pace.setText("Not started")
            pace = "none"
        else:
            self.pace.setText(format_ahead_behind(view.ahead_behind))
            pace = "ahead" if view.ahead_behind >= 0 else "behind"
            if view.forecast_finish > view.slot_end:
                pace = "late"
        set_style_state(self.pace, "pace", pace)
        set_style_state(self.finish, "pace", pace)
