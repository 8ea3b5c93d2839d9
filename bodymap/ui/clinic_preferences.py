"""The clinic's details for printed handouts, as a part of the Preferences dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from bodymap.handout.logo import LogoError, load_logo
from bodymap.settings import PAPER_SIZES, ClinicDetails, Settings

LOGO_FILTER = "Images (*.png *.jpg *.jpeg *.svg *.gif *.bmp *.webp);;All files (*)"


class ClinicPreferencesWidget(QWidget):
    """The clinic's details for handouts, for the Preferences dialog (``load`` / ``save``)."""

    validityChanged = Signal(bool)

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setObjectName("clinic-preferences")
        self.name = self._line("Clinic name", "clinic-name")
        self.address = QPlainTextEdit()
        self.address.setObjectName("clinic-address")
        self.address.setAccessibleName("Clinic address")
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.phone = self._line("Clinic phone number", "clinic-phone")
        self.website = self._line("Clinic website", "clinic-website")
        self.logo = self._line("Logo image file", "clinic-logo")
        self.logo.setPlaceholderText("No logo")
        self.logo.textChanged.connect(self._check)
        browse = QPushButton("&Browse…")
        browse.setAccessibleName("Choose a logo image")
        browse.clicked.connect(self.browse_logo)
        clear = QPushButton("No logo")
        clear.setAccessibleName("Use no logo")
        clear.clicked.connect(self.logo.clear)
        logo_row = QHBoxLayout()
        logo_row.setContentsMargins(0, 0, 0, 0)
        logo_row.addWidget(self.logo, 1)
        logo_row.addWidget(browse)
        logo_row.addWidget(clear)
        self.logo_error = QLabel()
        self.logo_error.setObjectName("clinic-logo-error")
        self.logo_error.setWordWrap(True)
        self.logo_error.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.logo_error.hide()
        self.paper = QComboBox()
        self.paper.setObjectName("handout-paper-size")
        self.paper.setAccessibleName("Default paper size")
        self.paper.addItem(f"This computer's default ({settings.system_paper_size})", "")
        for size in PAPER_SIZES:
            self.paper.addItem(size, size)
        self.footer_note = self._line("Footer note", "clinic-footer-note")
        self.footer_note.setMaxLength(160)
        self.footer_note.setPlaceholderText("For example: Questions? Call us Monday to Friday.")

        form = QFormLayout(self)
        form.addRow("Clinic &name:", self.name)
        form.addRow("&Address:", self.address)
        form.addRow("P&hone:", self.phone)
        form.addRow("&Website:", self.website)
        logo_label = QLabel("&Logo:")
        logo_label.setBuddy(self.logo)
        form.addRow(logo_label, logo_row)
        form.addRow("", self.logo_error)
        form.addRow("Paper si&ze:", self.paper)
        form.addRow("&Footer note:", self.footer_note)
        self.load()

    def _line(self, accessible: str, name: str) -> QLineEdit:
        line = QLineEdit()
        line.setObjectName(name)
        line.setAccessibleName(accessible)
        return line

    def load(self) -> None:
        clinic = self.settings.clinic
        self.name.setText(clinic.name)
        self.address.setPlainText(clinic.address)
        self.phone.setText(clinic.phone)
        self.website.setText(clinic.website)
        self.logo.setText(clinic.logo_path)
        self.footer_note.setText(clinic.footer_note)
        index = self.paper.findData(self.settings.paper_size_choice)
        self.paper.setCurrentIndex(max(index, 0))
        self._check()

    def save(self) -> None:
        self.settings.clinic = self.details()
        self.settings.paper_size_choice = str(self.paper.currentData() or "")
        self.settings.sync()

    def details(self) -> ClinicDetails:
        return ClinicDetails(
            name=self.name.text().strip(),
            address=self.address.toPlainText().strip(),
            phone=self.phone.text().strip(),
            website=self.website.text().strip(),
            logo_path=self.logo.text().strip(),
            footer_note=self.footer_note.text().strip(),
        )

    def logo_problem(self) -> str | None:
        path = self.logo.text().strip()
        if not path:
            return None
        try:
            load_logo(path)
        except LogoError as error:
            return str(error)
        return None

    def is_valid(self) -> bool:
        return self.logo_problem() is None

    @Slot()
    def _check(self) -> None:
        problem = self.logo_problem()
        self.logo_error.setText(problem or "")
        self.logo_error.setVisible(problem is not None)
        self.validityChanged.emit(problem is None)

    @Slot()
    def browse_logo(self) -> None:
        start = self.logo.text().strip() or str(Path.home())
        path, _ = QFileDialog.getOpenFileName(self, "Choose the clinic logo", start, LOGO_FILTER)
        if path:
            self.logo.setText(path)
