"""A session's history: its runs across dates and venues, attendance and readiness rates,
the items that ran over on average, suggestions applied to the session file in one click,
and outcomes noted later ("now tweeting actively")."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from presenter.attendance.history import (
    SessionHistory,
    Suggestion,
    apply_suggestion,
    format_overrun,
    format_rate,
    record_outcome,
    session_history,
)
from presenter.ui.shared.tables import fill, read_only_table


def history_summary(history: SessionHistory) -> str:
    """'Twitter hour: 5 runs, 4.0 people on average · App installed 55% · ...'."""
    count = len(history.runs)
    if not count:
        return f"{history.title}: no runs yet"
    parts = [
        f"{history.title}: {count} run{'s' if count != 1 else ''}, "
        f"{history.average_attendance or 0:.1f} people on average"
    ]
    parts += [f"{c} {format_rate(history.ready_rate(c))}" for c in history.readiness]
    venues = history.by_venue()
    lines = [" · ".join(parts)]
    if len(venues) > 1:
        lines += [venue.text() for venue in venues]
    if note := history.other_lengths():
        lines.append(note)
    return "\n".join(lines)


def _table(headings: list[str], name: str) -> QTableWidget:
    table = read_only_table(headings, name, name.removeprefix("History"))
    table.horizontalHeader().setStretchLastSection(True)
    return table


class HistoryView(QDialog):
    """The record of every run of a session; re-read from the attendance file on `refresh`."""

    session_file_changed = Signal(Path)

    def __init__(
        self,
        store,
        title: str,
        *,
        session=None,
        session_path: Path | None = None,
        wall: Callable[[], datetime] = datetime.now,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("HistoryView")
        self.store = store
        self.title = title
        self.session = session
        self.session_path = session_path
        self.wall = wall
        self.summary = QLabel(objectName="HistorySummary")
        self.summary.setWordWrap(True)
        self.runs = _table([], "HistoryRuns")
        self.items = _table(["Item", "Planned", "Over in", "Over on average"], "HistoryItems")
        self.suggestions_box = QVBoxLayout()
        self.outcome_run = QComboBox(objectName="OutcomeRun")
        self.outcome_text = QLineEdit(objectName="OutcomeText")
        self.outcome_text.setPlaceholderText("an outcome noted later, e.g. now tweeting actively")
        self.outcome_run.setAccessibleName("Run the outcome belongs to")
        self.outcome_text.setAccessibleName("Outcome")
        note = QPushButton("&Note outcome")
        note.clicked.connect(self.note_outcome)
        self.outcome_text.returnPressed.connect(self.note_outcome)
        self.message = QLabel(objectName="HistoryMessage")
        outcome_row = QHBoxLayout()
        outcome_row.addWidget(self.outcome_run)
        outcome_row.addWidget(self.outcome_text, 1)
        outcome_row.addWidget(note)
        close = QPushButton("&Close")
        close.clicked.connect(self.accept)
        bottom = QHBoxLayout()
        bottom.addWidget(self.message, 1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(QLabel("Runs"))
        layout.addWidget(self.runs, 2)
        layout.addWidget(QLabel("Items: how often each ran over (a minute or more)"))
        layout.addWidget(self.items, 2)
        layout.addLayout(self.suggestions_box)
        layout.addLayout(outcome_row)
        layout.addLayout(bottom)
        self.setWindowTitle(f"History – {title}")
        self.resize(900, 640)
        self.apply_buttons: list[QPushButton] = []
        self.refresh()

    def refresh(self) -> None:
        self.history = history = session_history(self.store, self.title, self.session)
        self.summary.setText(history_summary(history))
        checks = list(history.readiness)
        headings = ["Date", "Venue", "Came", *checks, "Overrun", "Rating", "Outcomes"]
        self.runs.setColumnCount(len(headings))
        self.runs.setHorizontalHeaderLabels(headings)
        fill(
            self.runs,
            [
                [
                    r.run.date.isoformat(),
                    r.run.venue or "–",
                    str(r.checked_in),
                    *[format_rate(r.ready_rate(c)) for c in checks],
                    format_overrun(r.overrun_seconds) + ("" if r.finished else " (not finished)"),
                    "–" if r.rating is None else f"{r.rating:.1f}",
                    "; ".join(o.text for o in r.outcomes),
                ]
                for r in reversed(history.runs)  # newest first
            ],
        )
        fill(
            self.items,
            [
                [
                    item.title,
                    f"{item.planned_minutes:g} min",
                    f"{item.runs_over} of {item.runs_timed} runs",
                    f"{item.average_over_minutes:.1f} min" if item.runs_over else "–",
                ]
                for item in history.items
            ],
        )
        self._show_suggestions(list(history.suggestions))
        self.outcome_run.clear()
        for record in reversed(history.runs):
            where = f" · {record.run.venue}" if record.run.venue else ""
            self.outcome_run.addItem(f"{record.run.date.isoformat()}{where}", record.run.id)

    def _show_suggestions(self, suggestions: list[Suggestion]) -> None:
        while self.suggestions_box.count():
            widget = self.suggestions_box.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        self.apply_buttons = []
        for suggestion in suggestions:
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            line.addWidget(QLabel(suggestion.text()), 1)
            button = QPushButton(f"Plan {suggestion.minutes} minutes")
            button.setEnabled(self.session_path is not None)
            if self.session_path is None:
                button.setToolTip("Open the session from its own file to change its minutes")
            button.clicked.connect(lambda _checked=False, s=suggestion: self.apply(s))
            line.addWidget(button)
            self.apply_buttons.append(button)
            self.suggestions_box.addWidget(row)

    def apply(self, suggestion: Suggestion) -> bool:
        """Write the suggested minutes into the session file (the running plan is kept)."""
        if self.session_path is None:
            return False
        try:
            apply_suggestion(self.session_path, suggestion)
        except (ValueError, OSError) as exc:
            self.message.setText(f"Not changed: {exc}")
            return False
        from presenter.agenda.reader import load_session

        self.session, _warnings = load_session(self.session_path)
        self.message.setText(
            f"{suggestion.title} is now {suggestion.minutes} minutes in {self.session_path.name}"
        )
        self.session_file_changed.emit(self.session_path)
        self.refresh()
        return True

    def note_outcome(self) -> None:
        run_id = self.outcome_run.currentData()
        text = self.outcome_text.text()
        if run_id is None or not text.strip():
            self.message.setText("Choose a run and type what happened")
            return
        now = self.wall()
        record_outcome(self.store, run_id, text, on=now.date(), at=now)
        self.outcome_text.clear()
        self.message.setText("Outcome noted")
        self.refresh()
