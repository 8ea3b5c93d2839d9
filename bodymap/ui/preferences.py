"""Preferences: settings a clinic sets once (for now, the local emergency number)."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from bodymap.settings import Settings
from bodymap.ui.clinic_preferences import ClinicPreferencesWidget
from bodymap.ui.content_folder import ContentFolderChooser

EMERGENCY_NUMBER = re.compile(r"^[0-9][0-9 ]{1,9}$")


class PreferencesDialog(QDialog):
    """Edit → Preferences: the emergency number and the clinic's details for handouts."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle("Preferences")
        default = settings.default_emergency_number
        self.emergency = QLineEdit(settings.emergency_number_override)
        self.emergency.setObjectName("emergency-number")
        self.emergency.setPlaceholderText(default)
        self.emergency.setMaxLength(10)
        self.emergency.setAccessibleName("Emergency number")
        self.emergency.textChanged.connect(self._validate)
        hint = QLabel(
            f"Shown wherever a page says to call emergency services. Leave it empty to use "
            f"the number for this computer's country ({default})."
        )
        hint.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("preferences-error")
        self.error.setTextFormat(Qt.TextFormat.PlainText)  # it repeats what was typed
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        form.addRow("&Emergency number:", self.emergency)
        form.addRow("", hint)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.clinic = ClinicPreferencesWidget(settings)
        self.clinic.validityChanged.connect(self._validate)
        group = QGroupBox("Clinic details on printed handouts")
        QVBoxLayout(group).addWidget(self.clinic)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(group)
        self.content_folder = ContentFolderChooser(settings)
        pages = QGroupBox("The clinic's own pages")
        QVBoxLayout(pages).addWidget(self.content_folder)
        layout.addWidget(pages)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        # The dialog grows with what it shows (a wrapped message about a logo), so no line of
        # it is ever cut off, however many groups sit above it.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        self.setMinimumWidth(460)

    @Slot()
    def _validate(self) -> bool:
        text = self.emergency.text().strip()
        number_ok = not text or bool(EMERGENCY_NUMBER.match(text))
        valid = number_ok and self.clinic.is_valid()
        self.error.setText(
            ""
            if number_ok
            else f"'{text}' is not a phone number: use digits only, like 911 or 112."
        )
        self.error.setVisible(not number_ok)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(valid)
        return valid

    def accept(self) -> None:
        if not self._validate():
            return
        self.settings.emergency_number_override = self.emergency.text().strip()
        self.clinic.save()
        self.content_folder.save()
        self.settings.sync()
        super().accept()
