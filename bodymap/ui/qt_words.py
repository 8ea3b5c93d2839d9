"""Qt's own words that Qt's Spanish translation (``qtbase_es.qm``) leaves in English.

Qt asks every installed translator in turn, its own first; for these it has nothing, so the
answer comes from BodyMap's ``.ts``, where ``pyside6-lupdate`` collects them from the calls
below. Each is Qt's source text, context and disambiguation, exactly as Qt's file and print
dialogs ask for it; nothing in the app calls ``qt_words`` (Qt asks for the words itself), the
test does, to see each one translated.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def qt_words() -> list[str]:
    """Each word in the interface's language now (Qt's English when not translated)."""
    translate = QCoreApplication.translate
    return [
        translate("QFileDialog", "&Look in:"),
        translate("QFileDialog", "Files of &type:"),
        translate("QAbstractFileIconProvider", "Folder", "All other platforms"),
        translate("QPrintSettingsOutput", "Double Sided Printing"),
        translate("QPrintSettingsOutput", "Off"),
        translate("QPrintSettingsOutput", "Long side binding"),
        translate("QPrintSettingsOutput", "Short side binding"),
        translate("QPrintSettingsOutput", "Page &Set:"),
        translate("QPrintSettingsOutput", "Pages"),
        translate(
            "QPrintSettingsOutput",
            "Specify pages or ranges separated by commas. Ranges are specified by two numbers "
            "separated by a hyphen. E.g: 3,5-7,9 prints pages 3, 5, 6, 7 and 9.",
        ),
    ]
