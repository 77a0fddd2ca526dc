"""Two windows like Presenter's, built in plain PySide6 with none of the app's code.

`bench/startup.py` times this beside the app and the bare-window floor, to show what Qt
itself costs for windows with this much on them: a 64-point countdown and other large
labels, a style sheet, an agenda table sized to its contents, Markdown notes, a check-in box
and list, a menu bar of 30 actions with keys, and a second, audience window. It quits after
both windows are first painted, as `main.py --quit-when-ready` does. Not a product file.
"""

import sys

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QApplication,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

STYLE = """
QMainWindow, QWidget#Audience { background: #14181d; }
QLabel { color: #e8eaed; }
QLabel#Countdown { font-size: 64pt; font-weight: bold; }
QLabel#Title { font-size: 30pt; font-weight: bold; }
QLabel#Big { font-size: 48pt; font-weight: bold; }
QLabel#Medium { font-size: 20pt; }
QTableView { background: #1a1f25; color: #e8eaed; font-size: 12pt; }
QTextBrowser { background: #1a1f25; color: #e8eaed; font-size: 14pt; }
"""
NOTES = "# Notes\n\n- [ ] The app is installed\n- [ ] Usernames ready\n\nSay **who** you are."


class FirstPaints(QObject):
    def __init__(self, windows: list[QWidget]) -> None:
        super().__init__()
        self.waiting = set(windows)
        for window in windows:
            window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and watched in self.waiting:
            self.waiting.discard(watched)
            if not self.waiting:
                QTimer.singleShot(0, QApplication.quit)
        return False


def label(text: str, name: str = "") -> QLabel:
    made = QLabel(text)
    made.setObjectName(name)
    made.setWordWrap(True)
    return made


def presenter_window() -> QMainWindow:
    window = QMainWindow()
    central = QWidget()
    layout = QVBoxLayout(central)
    layout.addWidget(label("Now · 2 of 9 · talk", "Medium"))
    layout.addWidget(label("What to tweet", "Title"))
    layout.addWidget(label("4:59", "Countdown"))
    layout.addWidget(label("12:07 · 53 min left · on time", "Medium"))
    agenda = QStandardItemModel(9, 4)
    for row in range(9):
        for column, text in enumerate(("12:00", f"Agenda item {row + 1}", "5", "")):
            agenda.setItem(row, column, QStandardItem(text))
    table = QTableView()
    table.setModel(agenda)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.setWordWrap(True)
    notes = QTextBrowser()
    notes.setMarkdown(NOTES)
    side = QWidget()
    side_layout = QVBoxLayout(side)
    for point in ("Next: Who to follow", "Colleagues", "Professional bodies"):
        side_layout.addWidget(label(point))
    side_layout.addWidget(QLineEdit())
    side_layout.addWidget(QTableView())
    splitter = QSplitter(Qt.Orientation.Horizontal)
    for part in (table, notes, side):
        splitter.addWidget(part)
    layout.addWidget(splitter, 1)
    window.setCentralWidget(central)
    for group in range(5):
        menu = window.menuBar().addMenu(f"&Menu {group + 1}")
        for number in range(6):
            action = QAction(f"Action {group * 6 + number + 1}", window)
            action.setShortcut(QKeySequence(f"Ctrl+Shift+{chr(ord('A') + group * 6 + number)}"))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            menu.addAction(action)
    window.resize(1280, 800)
    return window


def audience_window() -> QWidget:
    window = QWidget(None, Qt.WindowType.Window)
    window.setObjectName("Audience")
    layout = QVBoxLayout(window)
    layout.addWidget(label("Twitter hour", "Big"))
    layout.addWidget(label("Starts in 3:12", "Big"))
    for check in ("App installed", "Username ready", "Library · 5 checked in so far"):
        layout.addWidget(label(check, "Medium"))
    window.resize(960, 540)
    return window


app = QApplication(sys.argv)
app.setStyleSheet(STYLE)
windows = [presenter_window(), audience_window()]
watcher = FirstPaints(windows)
for shown in windows:
    shown.show()
sys.exit(app.exec())
