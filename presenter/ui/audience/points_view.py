"""An item's title and the points the audience sees, as large wrapped text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from presenter.agenda.model import AgendaItem
from presenter.agenda.tables import table_points
from presenter.ui.shared.theme import set_style_state


def escape(text: str) -> str:
    """`text` as it reads, inside rich text: the characters Qt would take for markup replaced.
    (Not the standard library's `html.escape`: importing `html` builds a table of two thousand
    named characters, which the windows never use, at every start.)"""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def bullets_html(lines: tuple[str, ...], style: str = "") -> str:
    """Lines as an HTML bullet list, or "" for none; each line escaped, so `<` in a line shows
    as `<`, and a line break in one kept."""
    if not lines:
        return ""
    rows = "".join(f"<li>{escape(line).replace(chr(10), '<br>')}</li>" for line in lines)
    return f"<ul style='{style}'>{rows}</ul>" if style else f"<ul>{rows}</ul>"


def points_html(points: tuple[str, ...], levels: tuple[int, ...] = ()) -> str:
    """An item's points as the audience sees them, a nested point in a list of its own
    under the point before it (so it is indented and takes that level's bullet)."""
    if not any(levels):
        return bullets_html(points, "margin-left: 0px")
    parts = ["<ul style='margin-left: 0px'>"]
    depth = 0
    for point, level in zip(points, levels, strict=True):
        parts.append("<ul>" * max(0, level - depth) + "</ul>" * max(0, depth - level))
        depth = level
        parts.append(f"<li>{escape(point).replace(chr(10), '<br>')}</li>")
    parts.append("</ul>" * (depth + 1))
    return "".join(parts)


class PointsView(QWidget):
    """A caption ("Next"), an item title and its bullet points."""

    def __init__(self, caption: str = "", parent: QWidget | None = None, *, name: str = "") -> None:
        super().__init__(parent)
        self.setObjectName(name or "PointsView")
        self.caption = QLabel(caption, objectName="PointsCaption")
        self.title = QLabel(objectName="PointsTitle", wordWrap=True)
        self.points = QLabel(objectName="Points", wordWrap=True)
        self.points.setTextFormat(Qt.TextFormat.RichText)
        self.points.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if caption:
            layout.addWidget(self.caption)
        else:
            self.caption.hide()
        layout.addWidget(self.title)
        layout.addWidget(self.points, 1)

    def set_compact(self, compact: bool) -> None:
        """Smaller type for a small window (the style sheet's `[compact="true"]` sizes)."""
        for label in (self.caption, self.title, self.points):
            set_style_state(label, "compact", str(compact).lower())

    def show_item(self, item: AgendaItem | None, empty_text: str = "") -> None:
        if item is None or item.hidden:  # a hidden item is never on a screen the room sees
            self.title.setText(empty_text)
            self.points.setText("")
            return
        self.title.setText(item.title)
        rows = table_points(item.table)
        levels = item.levels + (0,) * len(rows) if item.levels else ()
        self.points.setText(points_html(item.points + rows, levels))

    def show_text(self, title: str, points: tuple[str, ...] = ()) -> None:
        self.title.setText(title)
        self.points.setText(points_html(points))
