"""The wrap-up after the last item: planned against actual minutes per item as a chart, the
total overrun and pauses, who came and how ready, a quick rating and comment per attendee,
and the report saved as PDF or CSV (the chart and the PDF have their own modules).
"""

from __future__ import annotations

import html
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from presenter.ui.attendance.chart import PlanActualChart
from presenter.ui.attendance.report_pdf import write_report_pdf


class WrapUpView(QDialog):
    """The wrap-up of a run; ratings and comments are saved as they are given."""

    def __init__(self, store, run_id: int, *, wall=datetime.now, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("WrapUpView")
        self.store = store
        self.run_id = run_id
        self.wall = wall
        self.heading = QLabel(objectName="WrapUpHeading")
        self.heading.setWordWrap(True)
        self.timing_line = QLabel(objectName="WrapUpTiming")
        self.attendance_line = QLabel(objectName="WrapUpAttendance")
        self.attendance_line.setWordWrap(True)
        self.chart = PlanActualChart(self)
        self.feedback = QTableWidget(0, 3, self)
        self.feedback.setObjectName("Feedback")
        self.feedback.setAccessibleName("Feedback from each attendee")
        self.feedback.setHorizontalHeaderLabels(["Attendee", "Rating (optional)", "Comment"])
        self.feedback.horizontalHeader().setStretchLastSection(True)
        self.feedback.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents
        )
        self.feedback.verticalHeader().hide()
        self.save_pdf = QPushButton("Save report as &PDF…")
        self.save_csv = QPushButton("Save report as &CSV…")
        close = QPushButton("&Close")
        self.save_pdf.clicked.connect(lambda: self.export(".pdf"))
        self.save_csv.clicked.connect(lambda: self.export(".csv"))
        close.clicked.connect(self.accept)
        self.message = QLabel(objectName="WrapUpMessage")
        buttons = QHBoxLayout()
        buttons.addWidget(self.message, 1)
        for button in (self.save_pdf, self.save_csv, close):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.timing_line)
        layout.addWidget(self.chart, 3)
        layout.addWidget(self.attendance_line)
        layout.addWidget(QLabel("Feedback: a quick rating and comment from each attendee"))
        layout.addWidget(self.feedback, 2)
        layout.addLayout(buttons)
        self.setWindowTitle("Wrap-up")
        self.resize(900, 720)
        self.refresh()
        self._fill_feedback()

    def refresh(self) -> None:
        from presenter.attendance.report import build_report

        self.report = build_report(self.store, self.run_id)
        report = self.report
        self.setWindowTitle(f"Wrap-up – {report.run.title}")
        self.heading.setText(f"<b>{html.escape(report.heading())}</b>")
        self.timing_line.setText(
            f"{report.times_text()} · {report.overrun_text()} · {report.pauses_text()}"
        )
        self.attendance_line.setText(" · ".join(report.attendance_lines()))
        self.chart.show_report(report)

    def _fill_feedback(self) -> None:
        from presenter.attendance.history import feedback_for

        given = {f.attendee_id: f for f in feedback_for(self.store, self.run_id)}
        people = self.store.attendees(self.run_id, checked_in_only=True)
        self.feedback.setRowCount(len(people))
        self.people = people
        for row, person in enumerate(people):
            name = QLabel(person.name)
            rating = QComboBox()
            rating.addItems(["–", "1", "2", "3", "4", "5"])
            comment = QLineEdit()
            comment.setPlaceholderText("optional")
            rating.setAccessibleName(f"Rating from {person.name}")
            comment.setAccessibleName(f"Comment from {person.name}")
            if person.id in given:
                rating.setCurrentIndex(given[person.id].rating or 0)
                comment.setText(given[person.id].comment)
            rating.currentIndexChanged.connect(lambda _i, r=row: self._save_feedback(r))
            comment.editingFinished.connect(lambda r=row: self._save_feedback(r))
            self.feedback.setCellWidget(row, 0, name)
            self.feedback.setCellWidget(row, 1, rating)
            self.feedback.setCellWidget(row, 2, comment)

    def rate(self, row: int, rating: int | None, comment: str = "") -> None:
        """Give one attendee's feedback as if typed in the table."""
        combo: QComboBox = self.feedback.cellWidget(row, 1)
        line: QLineEdit = self.feedback.cellWidget(row, 2)
        line.setText(comment)
        combo.setCurrentIndex(rating or 0)
        self._save_feedback(row)

    def _save_feedback(self, row: int) -> None:
        from presenter.attendance.history import give_feedback

        combo: QComboBox = self.feedback.cellWidget(row, 1)
        line: QLineEdit = self.feedback.cellWidget(row, 2)
        rating = combo.currentIndex() or None
        give_feedback(self.store, self.people[row].id, rating, line.text(), at=self.wall())
        self.refresh()

    def done(self, result: int) -> None:
        """A comment still being typed when the wrap-up closes is kept too."""
        focused = self.focusWidget()
        for row in range(self.feedback.rowCount()):
            if self.feedback.cellWidget(row, 2) is focused:
                self._save_feedback(row)
        super().done(result)

    @classmethod
    def choose_file(cls, parent: QWidget | None, suggested: str, suffix: str) -> Path | None:
        """Where to save the report, or None when the facilitator cancels."""
        from presenter.ui.shared.file_dialogs import FileDialogs

        kind = "PDF files (*.pdf)" if suffix == ".pdf" else "CSV files (*.csv)"
        name, _ = QFileDialog.getSaveFileName(
            parent, "Save the report", FileDialogs.place(suggested), kind
        )
        path = FileDialogs.chosen(name)
        if path is None:
            return None
        return path if path.suffix.lower() == suffix else path.with_suffix(suffix)

    def export(self, suffix: str) -> Path | None:
        from presenter.attendance.report import write_report_csv

        run = self.report.run
        suggested = f"{run.title} {run.date.isoformat()} report{suffix}"
        path = self.choose_file(self, suggested, suffix)
        if path is None:
            return None
        try:
            if suffix == ".pdf":
                write_report_pdf(path, self.report)
            else:
                write_report_csv(path, self.report)
        except OSError as exc:
            self.message.setText(f"Not saved: {exc.strerror or exc}. Choose another folder.")
            return None
        self.message.setText(f"Saved {path.name}")
        from presenter.ui.shared.file_dialogs import ExportedNotice

        ExportedNotice.show_for(self, "The report", path)
        return path

    @classmethod
    def show_for(
        cls, store, run_id: int, parent: QWidget | None = None, *, wall=datetime.now
    ) -> WrapUpView:
        """Open the wrap-up without blocking the window behind it."""
        view = cls(store, run_id, wall=wall, parent=parent)
        view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        view.show()
        return view
