"""The facilitator's window: what is on now, time left, pace, notes, what comes next, the agenda."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QMainWindow,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from presenter.agenda import Session
from presenter.timing import RunState, RunView
from presenter.ui.actions import ActionRegistry
from presenter.ui.agenda_model import TITLE, RunAgendaModel
from presenter.ui.countdown import ItemCountdown
from presenter.ui.help_overlay import HelpOverlay
from presenter.ui.notes_view import NotesView
from presenter.ui.points_view import PointsView
from presenter.ui.slot_clock import SlotClock

MENUS = (
    ("&Run", "Run"),
    ("&Audience screen", "Audience screen"),
    ("&View", "View"),
    ("&Attendance", "Attendance"),
    ("&Session", "Session"),
)


def _scrolled(widget: QWidget) -> QScrollArea:
    """Long points scroll instead of squeezing the notes."""
    area = QScrollArea(objectName="PointsScroll")
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return area


class PresenterWindow(QMainWindow):
    """Shows a `RunView`; every change comes from the registry's actions via the controller."""

    def __init__(
        self, session: Session, registry: ActionRegistry, notes_point_size: int, parent=None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("PresenterWindow")
        self.setWindowTitle(session.title)  # the system adds " — Presenter"
        self.session = session
        self.registry = registry
        self.countdown = ItemCountdown()
        self.slot_clock = SlotClock()
        self.agenda_model = RunAgendaModel(session, self)
        self.agenda = QTableView(objectName="Agenda")
        self.agenda.setModel(self.agenda_model)
        self.agenda.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.agenda.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.agenda.verticalHeader().hide()
        self.agenda.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.agenda.horizontalHeader().setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        self.agenda.setWordWrap(True)
        self.current_points = PointsView("The room sees", name="CurrentPoints")
        self.notes = NotesView(notes_point_size)
        self.next_points = PointsView("Next", name="NextPoints")
        self.side = QSplitter(Qt.Orientation.Vertical)
        self.side.addWidget(_scrolled(self.next_points))
        self.check_in_panel: QWidget | None = None
        self.close_guard = None  # a callable returning False to keep the window open

        notes_box = QWidget()
        notes_layout = QVBoxLayout(notes_box)
        notes_layout.setContentsMargins(0, 0, 0, 0)
        notes_caption = QLabel(
            "Notes (Ctrl+Plus / Ctrl+Minus to zoom)", objectName="PointsCaption", wordWrap=True
        )
        notes_layout.addWidget(notes_caption)
        notes_layout.addWidget(self.notes, 1)
        middle = QSplitter(Qt.Orientation.Vertical)
        middle.addWidget(_scrolled(self.current_points))
        middle.addWidget(notes_box)
        middle.setSizes([220, 480])
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.agenda)
        splitter.addWidget(middle)
        splitter.addWidget(self.side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 5)
        splitter.setStretchFactor(2, 3)
        splitter.setSizes([400, 560, 360])

        central = QWidget(objectName="PresenterCentral")
        layout = QVBoxLayout(central)
        layout.addWidget(self.countdown)
        layout.addWidget(self.slot_clock)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)
        self._build_menus()
        self.addActions(registry.actions())  # keys work even with the menu bar hidden
        self.help = HelpOverlay(registry, self)
        self.resize(1280, 800)

    def _build_menus(self) -> None:
        for title, group in MENUS:
            menu = self.menuBar().addMenu(title)
            for spec in self.registry.specs:
                if spec.group == group:
                    menu.addAction(self.registry.action(spec.name))

    def add_check_in_panel(self, panel: QWidget) -> None:
        """The attendance panel sits under "Next", so walk-ins are checked in without a window change."""
        self.check_in_panel = panel
        self.side.addWidget(panel)
        self.side.setSizes([260, 440])

    def set_session(self, session: Session) -> None:
        self.session = session
        self.setWindowTitle(session.title)  # the system adds " — Presenter"
        self.agenda_model.set_session(session)
        self.notes.forget_ticks()

    def show_view(self, view: RunView) -> None:
        session = self.session
        self.countdown.show_view(session, view)
        self.slot_clock.show_view(view)
        self.agenda_model.show_view(view)
        items = session.items
        if not items:
            self.current_points.show_item(None, "This session has no agenda items yet")
            self.notes.show_notes(None, "")
            self.next_points.show_item(None)
            return
        if view.state is RunState.BEFORE_START:
            current, upcoming = None, 0
        elif view.state is RunState.FINISHED:
            current, upcoming = None, None
        else:
            current, upcoming = view.current_index, view.current_index + 1
        if current is None and upcoming == 0:
            # Before the start the room sees the arrival screen; the notes are the first item's.
            self.current_points.show_text(
                "Arrival screen", tuple(f"Have ready: {check}" for check in session.readiness)
            )
            self.notes.show_notes(0, items[0].notes)
        elif current is None:
            self.current_points.show_text("Thank you for coming")
            self.notes.show_notes(None, "")
        else:
            self.current_points.show_item(items[current])
            self.notes.show_notes(current, items[current].notes)
        if upcoming is not None and upcoming < len(items):
            self.next_points.show_item(items[upcoming])
        elif view.state is RunState.FINISHED:
            self.next_points.show_item(None, "Nothing next: the session has ended")
        else:
            self.next_points.show_item(None, "Nothing next: this is the last item")
        self.agenda.scrollTo(self.agenda_model.index(max(0, view.current_index), 0))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.help.fit_parent()

    def closeEvent(self, event) -> None:
        """Closing mid-run asks first (see `close_guard`); Escape never gets here."""
        if self.close_guard is not None and not self.close_guard():
            event.ignore()
            return
        event.accept()

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    def leave_full_screen(self) -> None:
        """Escape: close the help, leave full screen; it never ends or moves the run."""
        if self.help.isVisible():
            self.help.hide()
        elif self.isFullScreen():
            self.showNormal()
