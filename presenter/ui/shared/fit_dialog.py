""" "Fit to a shorter slot…": asks for the minutes and shows, as they change, what the fit
drops and shortens (or by how much it cannot fit), before anything changes.

Used by the run window's Session menu and by the agenda editor; the fitting itself is
`presenter.timing.fit`.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from presenter.agenda.model import Session
from presenter.agenda.timetable import MAX_MINUTES
from presenter.timing.fit import Fit, fit_session

WARD_MINUTES = 15  # what a ward can usually spare: the first length offered


class FitDialog(QDialog):
    """The slot's minutes, and the fit's report below them, live."""

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FitDialog")
        self.setWindowTitle("Fit to a shorter slot")
        self.session = session
        self.minutes = QSpinBox(minimum=1, maximum=MAX_MINUTES, suffix=" min")
        self.minutes.setAccessibleName("Minutes in the slot")
        self.minutes.setValue(min(WARD_MINUTES, session.length))
        self.report = QLabel(objectName="FitReport", wordWrap=True)
        self.report.setAccessibleName("What the fit changes")
        self.report.setMinimumWidth(420)
        buttons = QDialogButtonBox()
        self.fit_button = buttons.addButton("Fit", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.fit_button.setDefault(True)
        form = QFormLayout()
        form.addRow("Minutes in the slot", self.minutes)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.report)
        layout.addWidget(buttons)
        self.minutes.valueChanged.connect(self.show_fit)
        self.show_fit()

    def fit(self) -> Fit:
        return fit_session(self.session, self.minutes.value())

    def show_fit(self) -> None:
        """The report for the minutes now in the box; Fit only when it fits."""
        fit = self.fit()
        text = fit.headline()
        self.report.setText("\n".join([text[:1].upper() + text[1:], *fit.lines()]))
        self.fit_button.setEnabled(fit.fits)

    @classmethod
    def ask(cls, parent: QWidget | None, session: Session) -> Fit | None:
        """The fit the facilitator chose, or None when cancelled."""
        dialog = cls(session, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.fit()
