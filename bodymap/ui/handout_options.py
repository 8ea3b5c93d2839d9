"""Made for this client: the print size, whom it is for, the date, a note and what to include.

One panel, shown beside the print preview and in the Export dialog. What is typed here lives
only in the panel and the request it makes: it is never written to the settings, the basket,
a cache or the log (``tests/handout/test_privacy.py`` searches every file the app wrote).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QTreeWidgetItemIterator,
    QVBoxLayout,
    QWidget,
)

from bodymap.content.languages import LANGUAGES
from bodymap.content.model import ContentLibrary
from bodymap.handout.compose import (
    MAX_CLIENT_NAME,
    MAX_NOTE,
    Choice,
    HandoutRequest,
    choosable_items,
)
from bodymap.settings import PrintSize
from bodymap.ui.i18n import QT_TRANSLATE_NOOP

CHOICE_ROLE = Qt.ItemDataRole.UserRole + 40
PRINT_SIZE_LABELS = {
    PrintSize.CLEAR: QT_TRANSLATE_NOOP("HandoutOptionsPanel", "Clear print (12 pt)"),
    PrintSize.LARGE: QT_TRANSLATE_NOOP("HandoutOptionsPanel", "Large print (16 pt)"),
}
"""``PrintSize.label`` (Qt-free, English) marked for translation."""
GROUP_HEADINGS = {
    "techniques": QT_TRANSLATE_NOOP("HandoutOptionsPanel", "What a massage therapist may do"),
    "self_massage.steps": QT_TRANSLATE_NOOP("HandoutOptionsPanel", "Self-massage at home"),
    "prevention": QT_TRANSLATE_NOOP("HandoutOptionsPanel", "Prevention"),
}
"""``compose.CHOOSABLE``'s headings (Qt-free, English) marked for translation."""


def add_print_sizes(combo: QComboBox, chosen: PrintSize) -> None:
    """Fill ``combo`` with the print sizes, ``chosen`` selected (Preferences uses it too)."""
    for size in PrintSize:
        label = QCoreApplication.translate("HandoutOptionsPanel", PRINT_SIZE_LABELS[size])
        combo.addItem(label, size.value)
    combo.setCurrentIndex(max(combo.findData(chosen.value), 0))


class HandoutOptionsPanel(QWidget):
    """The choices for one handout; ``changed`` whenever one of them changes."""

    changed = Signal()

    def __init__(
        self,
        library: ContentLibrary,
        page_ids: Sequence[str],
        print_size: PrintSize,
        parent: QWidget | None = None,
        language: str = "en",
    ) -> None:
        """``language`` is the one chosen at first: the interface's."""
        super().__init__(parent)
        self.setObjectName("handout-options")
        self.language = self._language_choice(language)
        self.size_choice = QComboBox()
        self.size_choice.setObjectName("handout-print-size")
        self.size_choice.setAccessibleName(self.tr("Print size"))
        add_print_sizes(self.size_choice, print_size)
        self.client = QLineEdit()
        self.client.setObjectName("handout-client")
        self.client.setAccessibleName(self.tr("Client's name"))
        self.client.setPlaceholderText(self.tr("Optional: printed as “For: …”"))
        self.client.setMaxLength(MAX_CLIENT_NAME)
        self.date = QDateEdit(QDate.currentDate())
        self.date.setObjectName("handout-date")
        self.date.setAccessibleName(self.tr("Date on the handout"))
        self.date.setCalendarPopup(True)
        # A date format in Qt's pattern language, as this language writes a date.
        self.date.setDisplayFormat(self.tr("d MMMM yyyy"))
        self.note, self.note_count = self._note_widgets()
        self.items = QTreeWidget()
        self.items.setObjectName("handout-items")
        self.items.setAccessibleName(self.tr("What to include"))
        self.items.setHeaderHidden(True)
        self.items.setMinimumHeight(180)
        self._fill_items(library, page_ids)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self._label(self.tr("Lan&guage:"), self.language), self.language)
        form.addRow(self._label(self.tr("Print si&ze:"), self.size_choice), self.size_choice)
        form.addRow(self._label(self.tr("&For:"), self.client), self.client)
        form.addRow(self._label(self.tr("&Date:"), self.date), self.date)
        form.addRow(self._label(self.tr("&Note:"), self.note), self.note)
        form.addRow("", self.note_count)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self._label(self.tr("&Include:"), self.items))
        layout.addWidget(self.items, 1)

        self.size_choice.currentIndexChanged.connect(self.changed)
        self.language.currentIndexChanged.connect(self.changed)
        self.client.textChanged.connect(self.changed)
        self.date.dateChanged.connect(self.changed)
        self.note.textChanged.connect(self._note_changed)
        self.items.itemChanged.connect(self.changed)
        self._note_changed()

    def _note_widgets(self) -> tuple[QPlainTextEdit, QLabel]:
        """The therapist's note and its "120 of 600 characters" count."""
        note = QPlainTextEdit()
        note.setObjectName("handout-note")
        note.setAccessibleName(self.tr("A note from the therapist"))
        note.setPlaceholderText(self.tr("Optional: a few words for this client"))
        note.setTabChangesFocus(True)
        note.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 14)
        count = QLabel()
        count.setObjectName("handout-note-count")
        return note, count

    def _language_choice(self, language: str) -> QComboBox:
        """The handout's language(s): each language pages are written in, and both, the
        client's first; ``language`` chosen."""
        combo = QComboBox()
        combo.setObjectName("handout-language")
        combo.setAccessibleName(self.tr("Language of the handout"))
        for code, name in LANGUAGES.items():
            combo.addItem(name, code)
        combo.addItem(self.tr("Español, then English"), "es,en")
        combo.addItem(self.tr("English, then Español"), "en,es")
        combo.setCurrentIndex(max(combo.findData(language), 0))
        return combo

    def languages(self) -> tuple[str, ...]:
        """The chosen language(s), in print order: ("es",), ("es", "en")."""
        return tuple(str(self.language.currentData()).split(","))

    @staticmethod
    def _label(text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    def _fill_items(self, library: ContentLibrary, page_ids: Sequence[str]) -> None:
        """Each page's choosable lists, every item ticked; red flags shown as always printed."""
        for page_id in page_ids:
            page = library.get(page_id)
            if page is None:
                continue
            groups = choosable_items(page)
            if not groups:
                continue
            top = QTreeWidgetItem(self.items, [page.title])
            top.setFlags(Qt.ItemFlag.ItemIsEnabled)
            always = QTreeWidgetItem(top, [self.tr("Warnings and red flags (always printed)")])
            always.setFlags(Qt.ItemFlag.NoItemFlags)
            always.setCheckState(0, Qt.CheckState.Checked)
            for group in groups:
                words = GROUP_HEADINGS.get(group.field, group.heading)
                heading = QTreeWidgetItem(
                    top, [QCoreApplication.translate("HandoutOptionsPanel", words)]
                )
                heading.setFlags(
                    Qt.ItemFlag.ItemIsEnabled
                    | Qt.ItemFlag.ItemIsUserCheckable
                    | Qt.ItemFlag.ItemIsAutoTristate
                )
                for index, words in group.items:
                    item = QTreeWidgetItem(heading, [_short(words)])
                    item.setToolTip(0, words)
                    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
                    item.setCheckState(0, Qt.CheckState.Checked)
                    item.setData(0, CHOICE_ROLE, (group.page_id, group.field, index))
                heading.setExpanded(False)
            top.setExpanded(True)

    def choice_items(self) -> list[QTreeWidgetItem]:
        """Every item that can be ticked or not, top to bottom."""
        found: list[QTreeWidgetItem] = []
        iterator = QTreeWidgetItemIterator(self.items)
        while (item := iterator.value()) is not None:
            if item.data(0, CHOICE_ROLE) is not None:
                found.append(item)
            iterator += 1
        return found

    def omitted(self) -> frozenset[Choice]:
        """What the therapist unticked."""
        return frozenset(
            item.data(0, CHOICE_ROLE)
            for item in self.choice_items()
            if item.checkState(0) != Qt.CheckState.Checked
        )

    def is_valid(self) -> bool:
        """Whether the note fits (a longer one would be refused, not cut mid-sentence)."""
        return len(self.note.toPlainText().strip()) <= MAX_NOTE

    def print_size(self) -> PrintSize:
        return PrintSize.read(self.size_choice.currentData()) or PrintSize.CLEAR

    def apply(self, request: HandoutRequest) -> HandoutRequest:
        """``request`` made for this client, with these choices."""
        date = self.date.date()
        return dataclasses.replace(
            request,
            print_size=self.print_size(),
            client_name=self.client.text().strip(),
            note=self.note.toPlainText().strip(),
            printed=dt.date(date.year(), date.month(), date.day()),
            omitted=self.omitted(),
            languages=self.languages(),
        )

    @Slot()
    def _note_changed(self) -> None:
        length = len(self.note.toPlainText().strip())
        self.note_count.setText(
            self.tr("{length} of {limit} characters").format(length=length, limit=MAX_NOTE)
            if length <= MAX_NOTE
            else self.tr("{over} characters too long: shorten the note to print it").format(
                over=length - MAX_NOTE
            )
        )
        self.changed.emit()


def _short(words: str, limit: int = 70) -> str:
    """The first words of an item, to tick it by (the whole text is its tooltip)."""
    return words if len(words) <= limit else words[:limit].rsplit(" ", 1)[0] + "…"
