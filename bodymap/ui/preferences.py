"""Preferences: settings a clinic sets once (for now, the local emergency number)."""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
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

from bodymap.content.languages import LANGUAGES
from bodymap.content.outline import words_for
from bodymap.settings import INTERFACE_LANGUAGES, Settings
from bodymap.ui.clinic_preferences import ClinicPreferencesWidget
from bodymap.ui.content_folder import ContentFolderChooser
from bodymap.ui.i18n import current_language

EMERGENCY_NUMBER = re.compile(r"^[0-9][0-9 ]{1,9}$")
MAX_SAME_DAY = 120


def same_day_problem(route: str, emergency_number: str) -> str:
    """Why a same-day route would mislead, or "": it must not be the emergency number
    (New Zealand's emergency number is 111, England's same-day line; research in
    docs/clinical-review.md)."""
    digits = re.findall(r"\d[\d ]*\d|\d", route)
    if any(d.replace(" ", "") == emergency_number.replace(" ", "") for d in digits):
        return QCoreApplication.translate(
            "PreferencesDialog",
            "{number} is the emergency number here: the same-day help must be a doctor, a "
            "nurse line or a clinic, not emergency services.",
        ).format(number=emergency_number)
    return ""


def usual_same_day(settings: Settings) -> str:
    """The same-day help used when the clinic sets none: the country's route, written in
    English, or in another interface language that language's usual words."""
    language = current_language()
    if language == "en" and settings.default_same_day:
        return settings.default_same_day
    return words_for(language).default_same_day


class PreferencesDialog(QDialog):
    """Edit → Preferences: the emergency number and the clinic's details for handouts."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Preferences"))
        default = settings.default_emergency_number
        self.emergency = QLineEdit(settings.emergency_number_override)
        self.emergency.setObjectName("emergency-number")
        self.emergency.setPlaceholderText(default)
        self.emergency.setMaxLength(10)
        self.emergency.setAccessibleName(self.tr("Emergency number"))
        self.emergency.textChanged.connect(self._validate)
        hint = QLabel(
            self.tr(
                "Shown wherever a page says to call emergency services. Leave it empty to use "
                "the number for this computer's country ({number})."
            ).format(number=default)
        )
        hint.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("preferences-error")
        self.error.setTextFormat(Qt.TextFormat.PlainText)  # it repeats what was typed
        self.error.setWordWrap(True)
        self.error.hide()
        self.same_day = QLineEdit(settings.same_day_override)
        self.same_day.setObjectName("same-day-route")
        self.same_day.setPlaceholderText(usual_same_day(settings))
        self.same_day.setMaxLength(MAX_SAME_DAY)
        self.same_day.setAccessibleName(self.tr("Same-day help"))
        self.same_day.textChanged.connect(self._validate)
        same_day_hint = QLabel(
            self.tr(
                'Shown in every "Get medical help today" box, after "Contact". Leave it empty '
                "to use the usual service for this computer's country."
            )
        )
        same_day_hint.setWordWrap(True)
        form = QFormLayout()
        self._add_language_rows(form)
        form.addRow(self.tr("&Emergency number:"), self.emergency)
        form.addRow("", hint)
        form.addRow(self.tr("&Same-day help:"), self.same_day)
        form.addRow("", same_day_hint)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.clinic = ClinicPreferencesWidget(settings)
        self.clinic.validityChanged.connect(self._validate)
        group = QGroupBox(self.tr("Clinic details on printed handouts"))
        QVBoxLayout(group).addWidget(self.clinic)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(group)
        self.content_folder = ContentFolderChooser(settings)
        pages = QGroupBox(self.tr("The clinic's own pages"))
        QVBoxLayout(pages).addWidget(self.content_folder)
        layout.addWidget(pages)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        # The dialog grows with what it shows (a wrapped message about a logo), so no line of
        # it is ever cut off, however many groups sit above it.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        self.setMinimumWidth(460)
        # Qt opened it at its minimum height, which squeezed the clinic's fields and cut off
        # the last line of a wrapped hint (longer in Spanish): open it at the size it asks for.
        self.resize(self.sizeHint())

    def _add_language_rows(self, form: QFormLayout) -> None:
        """Language: Automatic (the computer's), or one the interface is translated into,
        each named in its own language; and the pages' language, the interface's by default."""
        from bodymap.qtshared.languages import system_language  # noqa: PLC0415

        self.language = QComboBox()
        self.language.setObjectName("interface-language")
        self.language.setAccessibleName(self.tr("Language"))
        computer = LANGUAGES.get(system_language(), system_language())
        self.language.addItem(
            self.tr("Automatic (this computer's: {language})").format(language=computer), ""
        )
        for code in INTERFACE_LANGUAGES:
            self.language.addItem(LANGUAGES.get(code, code), code)
        self.language.setCurrentIndex(max(0, self.language.findData(self.settings.language_choice)))
        form.addRow(self.tr("Lan&guage:"), self.language)
        self.page_language = QComboBox()
        self.page_language.setObjectName("page-language")
        self.page_language.setAccessibleName(self.tr("Language of the pages"))
        self.page_language.addItem(self.tr("The same as the interface"), "")
        for code, name in LANGUAGES.items():
            self.page_language.addItem(name, code)
        self.page_language.setCurrentIndex(
            max(0, self.page_language.findData(self.settings.page_language_choice))
        )
        form.addRow(self.tr("&Pages in:"), self.page_language)

    @Slot()
    def _validate(self) -> bool:
        text = self.emergency.text().strip()
        number_ok = not text or bool(EMERGENCY_NUMBER.match(text))
        problem = (
            ""
            if number_ok
            else self.tr(
                "'{text}' is not a phone number: use digits only, like 911 or 112."
            ).format(text=text)
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
        self.settings.language_choice = str(self.language.currentData())
        self.settings.page_language_choice = str(self.page_language.currentData())
        self.settings.sync()
        super().accept()
