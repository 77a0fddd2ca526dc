"""The facilitator's notes for the current item: Markdown, large, zoomable, with tickable checklists.

Ticks are kept per item for the whole run, so going back to an item shows what was done.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QTextBrowser, QWidget

from presenter.ui.shared.settings import MAX_NOTES_POINT_SIZE, MIN_NOTES_POINT_SIZE

NO_NOTES = "*No notes for this item.*"


def _markers():
    """The kinds of checklist marker. PySide6 builds the Python face of Qt's text-format
    classes, all their enums, when one is first named; notes without ticks to restore never
    need them, so the window comes up without them."""
    from PySide6.QtGui import QTextBlockFormat

    return QTextBlockFormat.MarkerType


class NotesView(QTextBrowser):
    """Read-only notes; a click on a checklist line ticks or unticks it."""

    point_size_changed = Signal(int)
    ticked = Signal(int, int, bool)  # item index, checklist line, ticked

    def __init__(self, point_size: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("Notes")
        self.setAccessibleName("Speaker notes")
        self.setOpenLinks(False)
        self.setFocusPolicy(
            Qt.FocusPolicy.NoFocus
        )  # the arrow keys belong to the run, not the notes
        self._item_index: int | None = None
        self._shown: tuple[int | None, str] | None = None
        self._ticks: dict[int, list[bool]] = {}
        self.set_point_size(point_size)

    def point_size(self) -> int:
        return self.font().pointSize()

    def set_point_size(self, size: int) -> None:
        size = min(MAX_NOTES_POINT_SIZE, max(MIN_NOTES_POINT_SIZE, int(size)))
        font = self.font()
        if font.pointSize() == size:
            return
        font.setPointSize(size)
        self.setFont(font)  # the text view gives it to its document too
        self.point_size_changed.emit(size)

    def bigger(self) -> None:
        self.set_point_size(self.point_size() + 2)

    def smaller(self) -> None:
        self.set_point_size(self.point_size() - 2)

    def show_notes(self, item_index: int | None, notes: str) -> None:
        """Show an item's notes, restoring its ticks; does nothing if they are already shown."""
        if (item_index, notes) == self._shown:
            return
        self._shown = (item_index, notes)
        self._item_index = item_index
        # GitHub's Markdown (checklists included), shown from the first line with the cursor
        # there: a resize scrolls to the cursor, and the notes should stay at their first line
        # when the window or the splitter changes size.
        self.setMarkdown(notes or NO_NOTES)
        ticks = self._ticks.get(item_index, []) if item_index is not None else []
        if ticks:
            for line, block in enumerate(self._checklist_blocks()):
                if line < len(ticks):
                    self._set_marker(block, ticks[line])

    def forget_ticks(self) -> None:
        """A new run or a new session: every checklist starts unticked."""
        self._ticks.clear()
        self._item_index = None
        self._shown = None

    def checklist(self) -> list[tuple[str, bool]]:
        """The shown checklist lines and whether each is ticked."""
        checked = _markers().Checked
        return [
            (block.text(), block.blockFormat().marker() == checked)
            for block in self._checklist_blocks()
        ]

    def toggle_line(self, line: int) -> None:
        blocks = self._checklist_blocks()
        if 0 <= line < len(blocks):
            self._toggle(blocks[line])

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        block = self.cursorForPosition(event.position().toPoint()).block()
        if block.blockFormat().marker() != _markers().NoMarker:
            self._toggle(block)
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def _checklist_blocks(self):
        no_marker = _markers().NoMarker
        blocks = []
        block = self.document().begin()
        while block.isValid():
            if block.blockFormat().marker() != no_marker:
                blocks.append(block)
            block = block.next()
        return blocks

    def _toggle(self, block) -> None:
        checked = _markers().Checked
        ticked = block.blockFormat().marker() != checked
        self._set_marker(block, ticked)
        if self._item_index is not None:
            lines = self._checklist_blocks()
            self._ticks[self._item_index] = [b.blockFormat().marker() == checked for b in lines]
            self.ticked.emit(self._item_index, lines.index(block), ticked)

    @staticmethod
    def _set_marker(block, ticked: bool) -> None:
        from PySide6.QtGui import QTextCursor

        marker = _markers()
        cursor = QTextCursor(block)
        block_format = block.blockFormat()
        block_format.setMarker(marker.Checked if ticked else marker.Unchecked)
        cursor.setBlockFormat(block_format)
