"""The facilitator's window: what is on now, time left, pace, notes, what comes next, the agenda."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QRect, QSize, Qt
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

from presenter.agenda.model import Session
from presenter.timing import RunState, RunView
from presenter.ui.audience.room_preview import ItemPreview, RoomPreview
from presenter.ui.run.agenda_model import STATUS, TITLE, RunAgendaModel
from presenter.ui.run.countdown import ItemCountdown
from presenter.ui.run.help_overlay import HelpOverlay
from presenter.ui.run.notes_view import NotesView
from presenter.ui.run.slot_clock import SlotClock
from presenter.ui.shared.actions import ActionRegistry
from presenter.ui.shared.theme import set_style_state

# Narrower than this (half a 1366-pixel laptop is 683), the agenda moves under "Next"; lower than
# COMPACT_HEIGHT (a 768-pixel screen less its bars) the large figures are set smaller.
NARROW_WIDTH = 1100
COMPACT_HEIGHT = 900
MIN_TITLE_WIDTH = 120  # the agenda's title column shows at least this much, elided
MAX_TITLE_WIDTH = 420  # and is given no more than this to show a long title whole

MENUS = (
    ("&Run", "Run"),
    ("&Audience screen", "Audience screen"),
    ("&View", "View"),
    ("&Attendance", "Attendance"),
    ("&Session", "Session"),
)


def _place(splitter: QSplitter, index: int, widget: QWidget) -> None:
    """Put `widget` at `index` in `splitter`, unless it is there already (moving a widget
    makes Qt re-style it and everything in it)."""
    if splitter.indexOf(widget) != index:
        splitter.insertWidget(index, widget)


def _scrolled(widget: QWidget, splitter: QSplitter) -> QScrollArea:
    """Long points scroll instead of squeezing the notes: `widget` in a scroll area at the
    end of `splitter` (put there before it is filled, so that Qt styles the points once)."""
    area = QScrollArea(objectName="PointsScroll")
    splitter.addWidget(area)
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return area


class PresenterWindow(QMainWindow):
    """Shows a `RunView`; every change comes from the registry's actions via the controller."""

    def __init__(
        self,
        session: Session,
        registry: ActionRegistry,
        notes_point_size: int,
        parent=None,
        size: QSize | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("PresenterWindow")
        self.setWindowTitle(session.title)  # the system adds " — Presenter"
        self.session = session
        self.registry = registry
        self.countdown = ItemCountdown()
        self.slot_clock = SlotClock()
        self.agenda_model = RunAgendaModel(session, self)
        self.current_points = RoomPreview("The room sees", name="CurrentPoints")
        self.notes = NotesView(notes_point_size)
        self.next_points = ItemPreview("Next", name="NextPoints")
        # Sized, and its panels styled for that size, before anything measures them: a
        # restyle after that would make Qt style them twice.
        self.resize(size or QSize(1280, 800))
        self._set_compact(self.size())
        self.check_in_panel: QWidget | None = None
        self.close_guard = None  # a callable returning False to keep the window open
        self.narrow: bool | None = None  # the arrangement in use; None until first laid out
        # Built from the window down: a panel put into a part already in the window is
        # styled once, where one built apart is styled again each time its part is added.
        central = QWidget(objectName="PresenterCentral")
        self.setCentralWidget(central)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addWidget(self.countdown)
        layout.addWidget(self.slot_clock)
        self._build_columns(layout)
        self._build_menus()
        self.addActions(registry.actions())  # keys work even with the menu bar hidden
        self.help = HelpOverlay(registry, self)
        self.arrange()

    def _agenda_table(self, column: QSplitter) -> QTableView:
        """The agenda, made in the column it starts in (styled once, for the window's size)."""
        agenda = QTableView(column, objectName="Agenda")
        set_style_state(agenda, "compact", str(self.compact).lower())
        agenda.setAccessibleName("Agenda")
        agenda.setModel(self.agenda_model)
        agenda.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        agenda.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        agenda.verticalHeader().hide()
        # Every column in view, titles elided (full in the tooltip) rather than a scroll bar.
        agenda.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        agenda.setTextElideMode(Qt.TextElideMode.ElideRight)
        agenda.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        agenda.horizontalHeader().setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        agenda.horizontalHeader().setMinimumSectionSize(MIN_TITLE_WIDTH // 4)
        return agenda

    def _build_columns(self, layout: QVBoxLayout) -> None:
        """The agenda, the room's points over the notes, and what comes next, side by side
        (the agenda where `arrange` will want it for the window's size)."""
        self.columns = QSplitter(Qt.Orientation.Horizontal)
        self.columns.installEventFilter(self)
        layout.addWidget(self.columns, 1)
        self.left = QSplitter(Qt.Orientation.Vertical)
        self.middle = QSplitter(Qt.Orientation.Vertical)
        self.side = QSplitter(Qt.Orientation.Vertical)
        for index, (column, stretch) in enumerate(
            ((self.left, 3), (self.middle, 5), (self.side, 3))
        ):
            column.setChildrenCollapsible(False)
            self.columns.addWidget(column)
            self.columns.setStretchFactor(index, stretch)  # the notes' column grows most
            self.columns.setCollapsible(index, False)
        _scrolled(self.current_points, self.middle)
        notes_box = QWidget()
        self.middle.addWidget(notes_box)
        self.middle.setStretchFactor(1, 1)
        notes_layout = QVBoxLayout(notes_box)
        notes_layout.setContentsMargins(0, 0, 0, 0)
        self.notes_caption = QLabel(
            "Notes (Ctrl+Plus / Ctrl+Minus to zoom)", objectName="PointsCaption"
        )
        self.notes_caption.setToolTip("Ctrl+Plus and Ctrl+Minus make the notes bigger or smaller")
        set_style_state(self.notes_caption, "compact", str(self.compact).lower())
        notes_layout.addWidget(self.notes_caption)
        notes_layout.addWidget(self.notes, 1)
        self.next_box = _scrolled(self.next_points, self.side)
        self.agenda = self._agenda_table(self.side if self.width() < NARROW_WIDTH else self.left)

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
        self.side.setStretchFactor(self.side.indexOf(panel), 1)
        self.narrow = None  # share the side column out again, with the panel in it
        if self.isVisible():  # otherwise when it is shown or placed, for the size it gets
            self.arrange()

    # -- layout -------------------------------------------------------------------------

    def arrange(self, size: QSize | None = None) -> None:
        """Lay the window out for its size: three columns when wide, two when narrow.

        Wide (a laptop or monitor to itself): the agenda with "Next" under it | what the room
        sees over the notes | check-in ("Next" takes its place without check-in). Narrow
        (half a laptop, beside the audience window): "Next", the agenda and check-in share
        the right-hand column, so the notes keep the most room. Below `COMPACT_HEIGHT` or
        `NARROW_WIDTH` the big figures and captions are set smaller, so nothing is cut off.
        `size` lays it out ahead for a size it is about to be given (its minimum depends on it)."""
        self._arrange(size or self.size())
        if size is not None:  # the minimum asked for next is the new layout's, not a cached one
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            self.centralWidget().layout().invalidate()
            self.centralWidget().updateGeometry()
            self.layout().invalidate()

    def _set_compact(self, size: QSize) -> None:
        narrow = size.width() < NARROW_WIDTH
        compact = narrow or size.height() < COMPACT_HEIGHT
        for widget in (self.countdown, self.slot_clock, self.current_points, self.next_points):
            widget.set_compact(compact)
        self.compact = compact
        for widget in (getattr(self, "notes_caption", None), getattr(self, "agenda", None)):
            if widget is not None:  # these are made after the first call
                set_style_state(widget, "compact", str(compact).lower())

    def _arrange(self, size: QSize) -> None:
        width = size.width()
        narrow = width < NARROW_WIDTH
        self._set_compact(size)
        self.notes_caption.setText("Notes" if narrow else "Notes (Ctrl+Plus / Ctrl+Minus to zoom)")
        self.agenda.verticalHeader().setDefaultSectionSize(self.agenda.fontMetrics().height() + 8)
        if narrow == self.narrow:
            return
        self.narrow = narrow
        # Half a laptop: the status marks go (the row on now is still bold, and done rows
        # have their actual time) and long titles are elided; wide, they wrap instead.
        self.agenda.setColumnHidden(STATUS, narrow)
        self.agenda.setWordWrap(not narrow)
        rows = QHeaderView.ResizeMode.Fixed if narrow else QHeaderView.ResizeMode.ResizeToContents
        self.agenda.verticalHeader().setSectionResizeMode(rows)
        next_box = self.next_box
        if narrow:
            _place(self.side, 0, next_box)
            _place(self.side, 1, self.agenda)
            self.left.hide()
            self.columns.setSizes([0, width // 2, width - width // 2])
        else:
            _place(self.left, 0, self.agenda)
            if self.check_in_panel is not None:
                _place(self.left, 1, next_box)
            self.left.show()
            agenda = min(self.agenda_width(), width * 3 // 10)
            side = max(width * 3 // 11, 330)
            self.columns.setSizes([agenda, width - agenda - side, side])
        self._share_columns()

    def _share_columns(self) -> None:
        """Heights within the columns: the agenda its rows, "Next" a little, check-in the rest.

        (A splitter scales the sizes it is given to its height, so they are made to add up.)"""
        height = self.columns.height() - self.columns.handleWidth()
        agenda = self.agenda_height()
        if self.narrow:
            sizes = [max(80, height // 8), min(agenda, height // 3)]  # about five agenda rows
            if self.check_in_panel is not None:
                sizes.append(max(0, height - sum(sizes)))
            self.side.setSizes(sizes)
        else:
            shown = min(agenda, height * 2 // 3)
            self.left.setSizes([shown, height - shown][: self.left.count()])
            self.side.setSizes([height] * self.side.count())
        room = self.current_points.sizeHint().height() + 8
        room = min(room, height // 6 if self.narrow else height // 4)
        self.middle.setSizes([room, height - room])

    def eventFilter(self, watched, event) -> bool:
        """The columns' heights are shared again whenever the window's size changes them."""
        if watched is self.columns and event.type() == QEvent.Type.Resize:
            self._share_columns()
        return super().eventFilter(watched, event)

    def agenda_width(self) -> int:
        """The width that shows every column and the longest title whole (up to a limit)."""
        header = self.agenda.horizontalHeader()
        fixed = sum(
            max(header.sectionSizeHint(c), self.agenda.sizeHintForColumn(c))
            for c in range(self.agenda_model.columnCount())
            if c != TITLE and not self.agenda.isColumnHidden(c)
        )
        title = min(max(self.agenda.sizeHintForColumn(TITLE), MIN_TITLE_WIDTH), MAX_TITLE_WIDTH)
        return fixed + title + self.agenda.verticalScrollBar().sizeHint().width() + 8

    def agenda_height(self) -> int:
        """The height that shows every agenda row without scrolling (wide, a title wraps in
        its column: its lines are counted at the width the column will have)."""
        metrics = self.agenda.fontMetrics()
        count = self.agenda_model.rowCount()
        row = min(
            (self.agenda.rowHeight(r) for r in range(count)),
            default=self.agenda.verticalHeader().defaultSectionSize(),
        )  # a one-line row, as the style draws it
        row = max(row, self.agenda.verticalHeader().defaultSectionSize())
        if self.narrow:
            rows = row * count
        else:
            header = self.agenda.horizontalHeader()
            others = sum(header.sectionSize(c) for c in range(header.count()) if c != TITLE)
            width = max(MIN_TITLE_WIDTH, self.left.width() - others - 24)
            rows = 0
            for r in range(count):
                text = self.agenda_model.index(r, TITLE).data() or ""
                lines = metrics.boundingRect(
                    QRect(0, 0, width, 10000), Qt.TextFlag.TextWordWrap, text
                ).height() // max(1, metrics.lineSpacing())
                rows += row + (max(1, lines) - 1) * metrics.lineSpacing()
        return rows + self.agenda.horizontalHeader().sizeHint().height() + 4

    def show_banner(self, banner: QWidget) -> None:
        """A notice across the top of the window (above the countdown), until it is closed."""
        self.centralWidget().layout().insertWidget(0, banner)

    def set_session(self, session: Session) -> None:
        self.session = session
        self.setWindowTitle(session.title)  # the system adds " — Presenter"
        self.agenda_model.set_session(session)
        self._share_columns()  # the new agenda's rows
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
            self.current_points.show_item(items[current], session=session)
            self.notes.show_notes(current, items[current].notes)
        if upcoming is not None and upcoming < len(items):
            self.next_points.show_item(items[upcoming], session=session)
        elif view.state is RunState.FINISHED:
            self.next_points.show_item(None, "Nothing next: the session has ended")
        else:
            self.next_points.show_item(None, "Nothing next: this is the last item")
        self.agenda.scrollTo(
            self.agenda_model.index(self.agenda_model.row_of(max(0, view.current_index)), 0)
        )

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.arrange()
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
            self.help.dismiss()
        elif self.isFullScreen():
            self.showNormal()
