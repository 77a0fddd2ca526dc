"""The room's screen: an arrival screen before the start, then the current item's title and points.

An item's pictures sit beside its points (below them in a window taller than wide), or alone
and large under the title when it has no points; the arrival screen shows the session's own
picture beside its text. Black and white screens cover everything; the countdown shows only
when the facilitator turns it on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QBoxLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from presenter.agenda.model import AgendaItem, Session
from presenter.timing import RunState, RunView, WarningLevel
from presenter.timing.display import countdown_text, until_start_text
from presenter.ui.audience.points_view import PointsView, bullets_html
from presenter.ui.shared.theme import set_style_state

if TYPE_CHECKING:  # made, and imported, only for a session with pictures
    from presenter.ui.audience.picture_view import PicturesView

ARRIVAL, ITEM, FINISHED, BLANK = range(4)

# Font sizes (points) at 1280×720; the window scales them to its own size, so the text fills a
# projector as well as half of a shared laptop screen.
FONT_POINTS = {
    "QLabel#ArrivalTitle": 54,
    "QLabel#ArrivalSubtitle": 26,
    "QLabel#ArrivalStarts": 44,
    "QLabel#ArrivalReadiness": 26,
    "QLabel#ArrivalWhere": 18,
    "#AudiencePoints QLabel#PointsTitle": 46,
    "#AudiencePoints QLabel#Points": 30,
    "QLabel#AudienceCountdown": 32,
    "QLabel#FinishedText": 48,
    "#AudiencePicturesPicture, #ArrivalPicturesPicture": 26,  # alt text of a missing file
}
BASE_SIZE = (1280, 720)


def scaled_font_rules(width: int, height: int) -> str:
    """Style rules with each font size scaled to the window (never below a third of the base)."""
    scale = max(1 / 3, min(width / BASE_SIZE[0], height / BASE_SIZE[1]))
    return "\n".join(
        f"{selector} {{ font-size: {max(8, round(points * scale))}pt; }}"
        for selector, points in FONT_POINTS.items()
    )


def readiness_html(readiness: tuple[str, ...]) -> str:
    if not readiness:
        return ""
    return f"<p>Before we start, please have:</p>{bullets_html(readiness)}"


class ArrivalPage(QWidget):
    """Title, "starts in 3:12", and what attendees should have ready."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(objectName="ArrivalTitle", wordWrap=True)
        self.subtitle = QLabel(objectName="ArrivalSubtitle", wordWrap=True)
        self.starts = QLabel(objectName="ArrivalStarts")
        self.readiness = QLabel(objectName="ArrivalReadiness", wordWrap=True)
        self.readiness.setTextFormat(Qt.TextFormat.RichText)
        self.where = QLabel(objectName="ArrivalWhere", wordWrap=True)
        self.arrived = QLabel(objectName="ArrivalWhere")
        self.picture: PicturesView | None = None  # made for a session with a picture
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(80, 60, 80, 60)
        self.row.setSpacing(48)
        layout = QVBoxLayout()
        for label in (
            self.title,
            self.subtitle,
            self.starts,
            self.readiness,
            self.where,
            self.arrived,
        ):
            layout.addWidget(label)
        layout.addStretch(1)
        self.row.addLayout(layout, 3)

    def show_view(
        self,
        session: Session,
        view: RunView,
        arrived: int | None = None,
        run_place: tuple[str, tuple[str, ...]] | None = None,
    ) -> None:
        """`run_place` is the run's venue and facilitators, shown instead of the session's."""
        self.title.setText(session.title)
        self.arrived.setVisible(bool(arrived))
        self.arrived.setText(f"{arrived} checked in so far" if arrived else "")
        self.subtitle.setText(session.subtitle)
        self.subtitle.setVisible(bool(session.subtitle))
        if view.until_start > 0:
            self.starts.setText(f"Starts in {until_start_text(view)}")
        else:
            self.starts.setText("Starting shortly")
        self.readiness.setText(readiness_html(session.readiness))
        venue, facilitators = session.venue, session.facilitators
        if run_place is not None:
            venue = run_place[0] or venue
            facilitators = run_place[1] or facilitators
        people = ", ".join(facilitators)
        where = " · ".join(part for part in (venue, people) if part)
        self.where.setText(where)
        self._show_picture(session)

    def _show_picture(self, session: Session) -> None:
        """The session's own picture (a logo or poster), beside the text."""
        if session.picture is not None and self.picture is None:
            from presenter.ui.audience.picture_view import PicturesView

            self.picture = PicturesView(name="ArrivalPictures")
            self.row.addWidget(self.picture, 2)
        if self.picture is not None:
            shown = (session.picture,) if session.picture is not None else ()
            self.picture.show_pictures(session, shown)
            self.picture.setVisible(bool(shown))


class ItemPage(QWidget):
    """The current item's title and points, with its countdown if the facilitator shows it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.points = PointsView(name="AudiencePoints")
        self.countdown = QLabel(objectName="AudienceCountdown")
        self.countdown.setAccessibleName("Time left in this item")
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.pictures: PicturesView | None = None  # made for the first item with pictures
        self.body = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self.body.setSpacing(40)
        self.body.addWidget(self.points, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(80, 60, 80, 60)
        layout.addWidget(self.countdown)
        layout.addLayout(self.body, 1)
        self._with_points = True
        self._arranged: tuple | None = None

    def show_view(self, session: Session, view: RunView, countdown_shown: bool) -> None:
        item = session.items[view.current_index]
        self.points.show_item(item)
        self._show_pictures(session, item)
        self.countdown.setVisible(countdown_shown)
        # The room's countdown changes with the presenter's when the item's time is up.
        times_up = view.warning in (WarningLevel.DUE, WarningLevel.OVER)
        text = countdown_text(view)
        self.countdown.setText(f"Time's up · {text}" if times_up else text)
        set_style_state(self.countdown, "warning", WarningLevel(view.warning).name.lower())

    def _show_pictures(self, session: Session, item: AgendaItem) -> None:
        if item.pictures and self.pictures is None:
            from presenter.ui.audience.picture_view import PicturesView

            self.pictures = PicturesView(name="AudiencePictures")
            self.body.addWidget(self.pictures, 1)
        if self.pictures is not None:
            self.pictures.show_pictures(session, item.pictures)
            self.pictures.setVisible(bool(item.pictures))
        self._with_points = bool(item.points)
        self._arrange()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._arrange()

    def _arrange(self) -> None:
        """Pictures beside the points (below them when the window is taller than wide);
        with no points, the title on top and the pictures large under it."""
        if self.pictures is None or self.pictures.isHidden():
            arranged = (QBoxLayout.Direction.LeftToRight, 1, 0)
        elif self._with_points:
            wide = self.width() >= self.height()
            direction = (
                QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
            )
            arranged = (direction, 1, 1)
        else:
            arranged = (QBoxLayout.Direction.TopToBottom, 0, 1)
        if arranged == self._arranged:
            return  # a clock tick changes nothing here
        self._arranged = arranged
        direction, points, pictures = arranged
        self.body.setDirection(direction)
        self.body.setStretchFactor(self.points, points)
        if self.pictures is not None:
            self.body.setStretchFactor(self.pictures, pictures)


class AudienceWindow(QWidget):
    """A top-level window for the projector; the presenter's keys work here too."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("AudienceWindow")
        self.setWindowTitle("Audience screen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.countdown_shown = False
        self.arrived: int | None = None  # people checked in, shown on the arrival screen
        self.run_place: tuple[str, tuple[str, ...]] | None = None  # the run's venue and people
        self.blank = ""  # "", "black" or "white"
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # The window takes the size it is given and its fonts follow (`scaled_font_rules`):
        # a minimum from the text at projector size would keep it too wide for half a laptop.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        # The pages go into a stack already in the window, so that Qt styles each once.
        self.pages = QStackedWidget()
        layout.addWidget(self.pages)
        self.arrival = ArrivalPage()
        self.item = ItemPage()
        self.finished = QLabel("Thank you for coming", objectName="FinishedText")
        self.finished.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.finished.setWordWrap(True)
        self.blank_page = QWidget(objectName="BlankPage")
        for page in (self.arrival, self.item, self.finished, self.blank_page):
            self.pages.addWidget(page)
        self._base_style = ""
        self._scaled_rules: str | None = None  # the font rules in use
        self.resize(960, 540)

    def set_base_style(self, style: str) -> None:
        self._base_style = style
        self._scaled_rules = None
        self._scale_fonts()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._scale_fonts()

    def _scale_fonts(self) -> None:
        """Restyled only when the font sizes change: a new style sheet makes Qt style every widget
        in the window again, and a few pixels more or less (a window manager's frame) often
        give the same sizes."""
        rules = scaled_font_rules(self.width(), self.height())
        if rules != self._scaled_rules:
            self._scaled_rules = rules
            self.setStyleSheet(self._base_style + "\n" + rules)

    def set_blank(self, blank: str) -> None:
        """ "black", "white" or "" (show the content again)."""
        self.blank = blank
        set_style_state(self, "blank", blank or "none")
        set_style_state(self.blank_page, "blank", blank or "none")

    def show_view(self, session: Session, view: RunView) -> None:
        if self.blank:
            self.pages.setCurrentIndex(BLANK)
        elif view.state is RunState.BEFORE_START:
            self.arrival.show_view(session, view, self.arrived, self.run_place)
            self.pages.setCurrentIndex(ARRIVAL)
        elif view.state is RunState.FINISHED or not session.items:
            self.finished.setText(f"Thank you for coming\n\n{session.title}")
            self.pages.setCurrentIndex(FINISHED)
        else:
            self.item.show_view(session, view, self.countdown_shown)
            self.pages.setCurrentIndex(ITEM)

    def page_name(self) -> str:
        return ("arrival", "item", "finished", "blank")[self.pages.currentIndex()]
