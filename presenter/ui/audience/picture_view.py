"""An item's pictures in the space they are given: one as large as fits, several in a grid.

The grid is the one of all the row-by-column shapes that shows the pictures largest (the
sum of their drawn areas): two wide pictures in a wide space go one above the other, two
tall ones side by side, four of a kind two by two. Each keeps its own shape in its cell.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtWidgets import QSizePolicy, QWidget

from presenter.agenda.model import Picture, Session
from presenter.ui.shared.pictures import PictureView, fitted

GAP = 16  # pixels between pictures in a grid
UNKNOWN_SHAPE = QSize(4, 3)  # a file that cannot be read takes a 4:3 cell for its alt text


def best_grid(shapes: list[QSize], space: QSize, gap: int = GAP) -> tuple[int, int]:
    """(rows, columns) that draw `shapes` in `space` largest, in reading order."""
    count = len(shapes)
    best, best_area = (1, max(1, count)), -1
    for columns in range(1, count + 1):
        rows = math.ceil(count / columns)
        cell = QSize(
            (space.width() - gap * (columns - 1)) // columns,
            (space.height() - gap * (rows - 1)) // rows,
        )
        area = 0
        for shape in shapes:
            drawn = fitted(shape, cell)
            area += drawn.width() * drawn.height()
        if area > best_area:
            best, best_area = (rows, columns), area
    return best


class PicturesView(QWidget):
    """Every picture of an item (or the session's own), laid out to fill this widget."""

    def __init__(
        self, parent: QWidget | None = None, *, name: str = "Pictures", to_the_left: bool = False
    ) -> None:
        """`to_the_left`: each picture at the left of its space (thumbnails under text),
        not centred in it."""
        super().__init__(parent)
        self.setObjectName(name)
        self.to_the_left = to_the_left
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.views: list[PictureView] = []
        self._shown: tuple[tuple[str, str], ...] = ()
        self._placed_for: tuple | None = None

    def sizeHint(self) -> QSize:
        return QSize(320, 180)

    def minimumSizeHint(self) -> QSize:
        return QSize(32, 32)

    def show_pictures(self, session: Session, pictures: tuple[Picture, ...]) -> None:
        """Show these pictures of `session` (whose folder their paths start from)."""
        shown = tuple((session.picture_file(p), p.alt) for p in pictures)
        if shown == self._shown:
            return  # a clock tick: nothing to lay out or decode again
        self._shown = shown
        while len(self.views) < len(shown):
            view = PictureView(self, name=f"{self.objectName()}Picture")
            if self.to_the_left:
                view.alignment = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
            self.views.append(view)
        for view, (path, alt) in zip(self.views, shown, strict=False):
            view.show_picture(path, alt)
        for index, view in enumerate(self.views):
            view.setVisible(index < len(shown))
        self._placed_for = None
        self._place()

    def count(self) -> int:
        return len(self._shown)

    def shown_views(self) -> list[PictureView]:
        return self.views[: len(self._shown)]

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._place()

    def _place(self) -> None:
        views = self.shown_views()
        space = self.size()
        if not views or (space, len(views)) == self._placed_for:
            return
        self._placed_for = (space, len(views))
        shapes = [view.natural_size() or UNKNOWN_SHAPE for view in views]
        rows, columns = best_grid(shapes, space)
        width = (space.width() - GAP * (columns - 1)) // columns
        height = (space.height() - GAP * (rows - 1)) // rows
        for index, view in enumerate(views):
            row, column = divmod(index, columns)
            left = column * (width + GAP)
            if row == rows - 1 and not self.to_the_left:  # a last row not full is centred
                in_row = len(views) - row * columns
                left += (columns - in_row) * (width + GAP) // 2
            view.setGeometry(QRect(left, row * (height + GAP), width, height))
