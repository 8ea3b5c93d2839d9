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

from bodymap.content.outline import DEFAULT_SAME_DAY
from bodymap.settings import Settings
from bodymap.ui.clinic_preferences import ClinicPreferencesWidget
from bodymap.ui.content_folder import ContentFolderChooser

EMERGENCY_NUMBER = re.compile(r"^[0-9][0-9 ]{1,9}$")
MAX_SAME_DAY = 120


def same_day_problem(route: str, emergency_number: str) -> str:
    """Why a same-day route would mislead, or "": it must not be the emergency number
    (New Zealand's emergency number is 111, England's same-day line; research in
    docs/clinical-review.md)."""
    digits = re.findall(r"\d[\d ]*\d|\d", route)
    if any(d.replace(" ", "") == emergency_number.replace(" ", "") for d in digits):
        return (
            f"{emergency_number} is the emergency number here: the same-day help must be "
            "a doctor, a nurse line or a clinic, not emergency services."
        )
    return ""


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
        self.same_day = QLineEdit(settings.same_day_override)
        self.same_day.setObjectName("same-day-route")
        self.same_day.setPlaceholderText(settings.default_same_day or DEFAULT_SAME_DAY)
        self.same_day.setMaxLength(MAX_SAME_DAY)
        self.same_day.setAccessibleName("Same-day help")
        self.same_day.textChanged.connect(self._validate)
        same_day_hint = QLabel(
            'Shown in every "Get medical help today" box, after "Contact". Leave it empty to '
            "use the usual service for this computer's country."
        )
        same_day_hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow("&Emergency number:", self.emergency)
        form.addRow("", hint)
        form.addRow("&Same-day help:", self.same_day)
        form.addRow("", same_day_hint)
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
        problem = (
            ""
            if number_ok
            else f"'{text}' is not a phone number: use digits only, like 911 or 112."
        )
        if not problem:
            problem = same_day_problem(
                self.same_day.text(), text or self.settings.default_emergency_number
            )
        valid = not problem and self.clinic.is_valid()
        self.error.setText(problem)
        self.error.setVisible(bool(problem))
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(valid)
        return valid

    def accept(self) -> None:
        if not self._validate():
            return
        self.settings.emergency_number_override = self.emergency.text().strip()
        self.settings.same_day_override = self.same_day.text().strip()
        self.clinic.save()
        self.content_folder.save()
        self.settings.sync()
        super().accept()
