"""The interface in Spanish: translators, a switch without a restart, nothing left in English,
dates and numbers in the locale's way, handouts in a language of their own, a mirrored window
around a map that does not mirror."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QCoreApplication, QDate, QLocale, QObject, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from bodymap.content.model import ContentLibrary
from bodymap.qtshared.languages import interface_language, page_language, system_language
from bodymap.qtshared.settings import open_settings
from bodymap.settings import SETTINGS, PrintSize
from bodymap.ui import i18n
from bodymap.ui.dialogs import AboutDialog
from bodymap.ui.handout_dialogs import ExportHandoutDialog, HandoutPreviewDialog
from bodymap.ui.handout_options import HandoutOptionsPanel
from bodymap.ui.main_window import MainWindow
from bodymap.ui.preferences import PreferencesDialog
from bodymap.ui.settings_recovery import SETTING_LABELS
from tests.ui.conftest import WindowFactory, click_map, interior_point

SAME_IN_BOTH = {
    "BodyMap": "the app's name",
    "English": "a language is named in its own language",
    "Español": "a language is named in its own language",
    "A4": "the paper's name is the same in Spanish",
}
"""Words that may read the same in English and Spanish, and why; the test fails on any
other visible text that did not change."""


pytestmark = pytest.mark.usefixtures("english_after")  # leave the application in English


def spanish_window(window: MainWindow) -> None:
    window.settings.language_choice = "es"
    window.apply_language()


def visible_texts(root: QWidget) -> dict[str, str]:
    """Every text a person can see or hear in ``root``: labels, buttons, fields' placeholders,
    group titles, menus and actions with their tooltips, accessible names and descriptions;
    keyed by where it is, so the same place can be compared in two languages."""
    found: dict[str, str] = {}

    def add(where: str, text: str) -> None:
        text = text.replace("&", "").strip()
        if text:
            found[where] = text

    widgets = [root, *root.findChildren(QWidget)]
    for index, widget in enumerate(widgets):
        place = f"{type(widget).__name__}#{widget.objectName() or index}"
        if isinstance(widget, (QLabel, QAbstractButton)):
            add(f"{place}.text", widget.text())
        if isinstance(widget, (QLineEdit, QPlainTextEdit)):
            add(f"{place}.placeholder", widget.placeholderText())
        if isinstance(widget, QGroupBox):
            add(f"{place}.title", widget.title())
        if isinstance(widget, QComboBox):
            for row in range(widget.count()):
                add(f"{place}.item{row}", widget.itemText(row))
        if widget.isWindow():
            add(f"{place}.windowTitle", widget.windowTitle())
        add(f"{place}.toolTip", widget.toolTip())
        add(f"{place}.accessibleName", widget.accessibleName())
        add(f"{place}.accessibleDescription", widget.accessibleDescription())
    for index, action in enumerate(root.findChildren(QAction)):
        add(f"action{index}.text", action.text())
        add(f"action{index}.toolTip", action.toolTip())
    return found


def untranslated(english: dict[str, str], spanish: dict[str, str]) -> list[str]:
    """The places whose text reads the same in Spanish, but for SAME_IN_BOTH and data (a
    number such as the emergency number, a folder's path, the app's name and version)."""
    return [
        f"{where}: {text!r}"
        for where, text in english.items()
        if spanish.get(where) == text
        and text not in SAME_IN_BOTH
        and not text.startswith(("/", "BodyMap "))
        and any(letter.isalpha() for letter in text)
    ]


def test_the_computer_decides_the_language_unless_one_is_chosen() -> None:
    assert system_language({"LANG": "es_MX.UTF-8"}) == "es"
    assert system_language({"LANG": "en_US.UTF-8", "LC_ALL": "es_ES.UTF-8"}) == "es"
    assert system_language({"LANG": "de_DE.UTF-8", "LANGUAGE": "fr:es:en"}) == "es"
    assert system_language({"LANG": "C"}) == "en"
    assert system_language({"LANG": "de_DE.UTF-8"}) == "en"  # not translated: English
    assert interface_language("", {"LANG": "es_ES.UTF-8"}) == "es"
    assert interface_language("en", {"LANG": "es_ES.UTF-8"}) == "en"
    settings = open_settings()
    settings.language_choice = "es"
    assert page_language(settings, {"LANG": "en_US"}) == "es"  # pages follow the interface
    settings.page_language_choice = "en"
    assert page_language(settings, {"LANG": "en_US"}) == "en"  # unless chosen


def test_english_needs_no_translator(qtbot: QtBot) -> None:
    i18n.set_language("en")
    assert i18n.current_language() == "en"
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"
    assert i18n.set_language("es")
    assert QCoreApplication.translate("MainWindow", "&File") == "&Archivo"
    # Qt's own words (the standard buttons of a message box, the print and file dialogs).
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancelar"
    assert not i18n.set_language("xx")  # no such translation: English
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


def test_every_setting_label_is_marked_for_translation() -> None:
    assert sorted(SETTING_LABELS) == sorted(setting.label for setting in SETTINGS)


def test_switching_keeps_the_page_side_basket_search_and_window(
    qtbot: QtBot, make_window: WindowFactory, own_library: ContentLibrary
) -> None:
    window = make_window(own_library, start="calf:left")
    window.handout.add_current()
    window.search.field.setText("charley")
    window.resize(1000, 700)
    geometry = window.geometry()
    menus = [m for a in window.menuBar().actions() if isinstance(m := a.menu(), QMenu)]
    assert [menu.title() for menu in menus] == [
        "&File",
        "&Edit",
        "&Go",
        "&View",
        "&Help",
    ]
    assert window.windowTitle() == "Left calf — BodyMap"

    spanish_window(window)
    assert [menu.title() for menu in menus] == [
        "&Archivo",
        "&Editar",
        "&Ir",
        "&Ver",
        "Ay&uda",
    ]
    assert window.windowTitle() == "Pantorrilla (lado izquierdo) — BodyMap"
    assert window.page_view.toPlainText().startswith("Pantorrilla (lado izquierdo)")
    assert (window.navigator.current, window.navigator.side) == ("calf", "left")
    assert list(window.handout.basket.entries) == ["calf:left"]
    assert window.search.field.text() == "charley"
    assert window.search.field.placeholderText().startswith("Buscar")
    assert window.geometry() == geometry
    assert window.back_action.text() == "&Atrás"
    assert window.handout.print_action.text() == "&Imprimir…"
    assert window.body_map.accessibleName() == "Mapa del cuerpo"
    calf = window.body_map.button_for("calf", "back", "left")
    assert calf is not None and calf.accessibleName() == "Pantorrilla (lado izquierdo)"
    assert window.go_menus.regions_menu.title() == "&Zonas del cuerpo"

    window.settings.language_choice = "en"
    window.apply_language()
    assert menus[0].title() == "&File"
    assert window.windowTitle() == "Left calf — BodyMap"
    assert (window.navigator.current, window.navigator.side) == ("calf", "left")
    assert window.search.field.text() == "charley"
    assert list(window.handout.basket.entries) == ["calf:left"]
    assert window.back_action.text() == "&Back"


def test_undo_history_survives_a_switch(
    qtbot: QtBot, make_window: WindowFactory, own_library: ContentLibrary
) -> None:
    window = make_window(own_library, start="calf")
    window.handout.add_current()
    window.basket_dock.show()
    basket = window.handout.basket
    basket.clear()
    assert list(basket.entries) == []
    spanish_window(window)
    assert basket.undo_stack.canUndo()
    basket.undo_stack.undo()
    assert list(basket.entries) == ["calf"]


def test_nothing_in_the_window_is_left_in_english(
    qtbot: QtBot, make_window: WindowFactory, own_library: ContentLibrary
) -> None:
    window = make_window(own_library, start="calf")
    window.handout.add_current()
    window.basket_dock.show()
    # The Go menu's regions and topics are page titles: the pages' language, tested apart.
    skip = {id(a) for m in (window.regions_menu, window.topics_menu) for a in m.actions()}

    def texts() -> dict[str, str]:
        found = visible_texts(window)
        for index, action in enumerate(window.findChildren(QAction)):
            if id(action) in skip:
                found.pop(f"action{index}.text", None)
                found.pop(f"action{index}.toolTip", None)
        # The page itself and the topics list are content (the pages' language).
        return {
            where: text
            for where, text in found.items()
            if not where.startswith(("PageView", "TopicsList", "QListView"))
            and "#region-button" not in where
        }

    english = texts()
    spanish_window(window)
    spanish = texts()
    assert len(english) > 60
    assert untranslated(english, spanish) == [], "\n".join(untranslated(english, spanish))


def _crash_dialog(window: MainWindow) -> QWidget:
    from pathlib import Path

    from bodymap.ui.crash import CrashDialog

    dialog = CrashDialog("Traceback", "details", Path("/tmp/bodymap.log"), window)
    dialog.count_repeat()
    dialog.count_repeat()
    dialog.copy_details()
    return dialog


def _settings_notice(window: MainWindow) -> QWidget:
    """The notice after a damaged settings file, as the window shows it once."""
    from bodymap.qtshared.settings import open_store
    from bodymap.ui.settings_recovery import check_settings, tell_once

    path = open_store().fileName()
    with open(path, "wb") as damaged:
        damaged.write(b"\0\0 not settings")
    notice = check_settings()
    assert notice is not None
    return tell_once(window, notice)


@pytest.mark.parametrize(
    "make_dialog",
    [
        lambda window: PreferencesDialog(window.settings, window),
        lambda window: AboutDialog(window.library, window),
        lambda window: ExportHandoutDialog(
            window.handout.request(["calf"]), window.library, window
        ),
        lambda window: HandoutPreviewDialog(
            window.handout.make_printer(window.handout.request(["calf"])),
            window.handout.request(["calf"]),
            window.library,
            lambda printer, request: None,
            window,
        ),
        _crash_dialog,
        _settings_notice,
    ],
    ids=["preferences", "about", "export", "preview", "crash", "settings-notice"],
)
def test_no_dialog_is_left_in_english(
    qtbot: QtBot, make_window: WindowFactory, own_library: ContentLibrary, make_dialog: object
) -> None:
    assert callable(make_dialog)
    window = make_window(own_library, start="calf")
    english_dialog = make_dialog(window)
    qtbot.addWidget(english_dialog)
    english = visible_texts(english_dialog)
    spanish_window(window)
    spanish_dialog = make_dialog(window)
    qtbot.addWidget(spanish_dialog)
    spanish = visible_texts(spanish_dialog)
    # Page titles and the handout's items come from the pages (their own language).
    content = {page.title for page in own_library.pages.values()}
    english = {
        where: text
        for where, text in english.items()
        if text not in content and not where.startswith("QTreeWidget")
    }
    assert len(english) >= 3
    assert untranslated(english, spanish) == [], "\n".join(untranslated(english, spanish))


def test_mnemonics_do_not_clash_in_spanish(
    qtbot: QtBot, make_window: WindowFactory, own_library: ContentLibrary
) -> None:
    """Alt and a letter reaches one item in each Spanish menu, as it does in English."""
    window = make_window(own_library, start="calf")
    spanish_window(window)

    def letters(texts: list[str]) -> list[str]:
        return [t[t.index("&") + 1].casefold() for t in texts if "&" in t.replace("&&", "")]

    menus = [window.menuBar(), *window.findChildren(QMenu)]
    for menu in menus:
        found = letters([action.text() for action in menu.actions()])
        assert len(found) == len(set(found)), [action.text() for action in menu.actions()]


def test_dates_and_numbers_follow_the_locale(
    qtbot: QtBot, make_window: WindowFactory, own_library: ContentLibrary
) -> None:
    window = make_window(own_library, start="calf")
    spanish_window(window)
    panel = HandoutOptionsPanel(own_library, ["calf"], window.settings.print_size, language="es")
    qtbot.addWidget(panel)
    panel.date.setDate(QDate(2026, 11, 29))
    assert panel.date.text() == "29 de noviembre de 2026"
    assert QLocale().toString(3.5) == "3,5"  # a decimal comma
    about = AboutDialog(window.library, window)
    qtbot.addWidget(about)
    body = about.findChild(QLabel, "about-body")
    assert body is not None
    reviewed = own_library.reviewed
    assert reviewed is not None
    month = QLocale("es").monthName(reviewed.month)
    assert f"Contenido revisado: {reviewed.day} de {month} de {reviewed.year}" in body.text()
    i18n.set_language("en")
    panel = HandoutOptionsPanel(own_library, ["calf"], window.settings.print_size)
    qtbot.addWidget(panel)
    panel.date.setDate(QDate(2026, 11, 29))
    assert panel.date.text() == "29 November 2026"


def test_paper_follows_the_country_and_is_named_in_the_language(
    qtbot: QtBot, make_window: WindowFactory, own_library: ContentLibrary
) -> None:
    from bodymap.settings import default_paper_size

    assert default_paper_size("MX") == "Letter"
    assert default_paper_size("ES") == "A4"
    window = make_window(own_library, start="calf")
    spanish_window(window)
    dialog = PreferencesDialog(window.settings, window)
    qtbot.addWidget(dialog)
    paper = dialog.clinic.paper
    assert [paper.itemText(row) for row in range(1, paper.count())] == ["A4", "Carta"]


def test_a_spanish_handout_from_an_english_window(
    qtbot: QtBot, make_window: WindowFactory, own_library: ContentLibrary, tmp_path: object
) -> None:
    from pathlib import Path

    from pypdf import PdfReader

    assert isinstance(tmp_path, Path)
    window = make_window(own_library, start="calf")
    dialog = ExportHandoutDialog(window.handout.request(["calf"]), window.library, window)
    qtbot.addWidget(dialog)
    language = dialog.options.language
    assert language.currentData() == "en"  # the interface's language by default
    language.setCurrentIndex(language.findData("es"))
    saved = window.handout.save(dialog.request(), tmp_path / "calf.pdf")
    assert saved is not None
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(saved).pages)
    assert "Pantorrilla" in text and "Llame al" in text
    assert "Likely causes" not in text
    assert window.menuBar().actions()[0].text() == "&File"  # the window stays English


def test_the_handout_language_defaults_to_the_interface_language(
    qtbot: QtBot, make_window: WindowFactory, own_library: ContentLibrary
) -> None:
    window = make_window(own_library, start="calf")
    spanish_window(window)
    request = window.handout.request(["calf"])
    assert request.languages == ("es",)
    dialog = ExportHandoutDialog(request, window.library, window)
    qtbot.addWidget(dialog)
    assert dialog.options.language.currentData() == "es"
    assert dialog.request().languages == ("es",)


def test_right_to_left_mirrors_the_window_but_not_the_map(
    qtbot: QtBot, make_window: WindowFactory, own_library: ContentLibrary
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window = make_window(own_library, start="calf")
    window.resize(1100, 760)
    qtbot.wait(10)
    body_map = window.body_map
    left_calf = body_map.button_for("calf", "back", "left")
    assert left_calf is not None
    ltr_spot = left_calf.geometry()
    ltr_map_x = body_map.mapTo(window, QPoint(0, 0)).x()
    ltr_picture = body_map.grab().toImage()
    app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    try:
        qtbot.waitUntil(lambda: body_map.mapTo(window, QPoint(0, 0)).x() != ltr_map_x)
        # The window mirrors: the map moves to the right-hand side of the window.
        assert body_map.mapTo(window, QPoint(0, 0)).x() > window.width() // 3
        # The figure does not: the client's left calf is where it was drawn on the map.
        assert body_map.layoutDirection() == Qt.LayoutDirection.LeftToRight
        assert left_calf.geometry() == ltr_spot
        # Nor its words: "◂ Right … Left ▸" under the front view, drawn the same, pixel for pixel.
        assert body_map.grab().toImage() == ltr_picture
        click_map(qtbot, body_map, interior_point(body_map, left_calf))
        assert (window.navigator.current, window.navigator.side) == ("calf", "left")
    finally:
        app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def test_live_texts_die_with_their_widget(qtbot: QtBot) -> None:
    from shiboken6 import delete

    calls: list[str] = []
    widget = QWidget()
    helper = QObject(widget)  # a plain object: its texts follow the widget it belongs to
    i18n.live(helper, lambda: calls.append("helper"))
    assert calls == ["helper"]
    i18n.set_language("es")
    assert calls == ["helper", "helper"]
    delete(widget)
    i18n.set_language("en")
    assert calls == ["helper", "helper"]


def test_a_menu_opened_after_a_switch_is_in_the_new_language(
    qtbot: QtBot, make_window: WindowFactory, own_library: ContentLibrary
) -> None:
    window = make_window(own_library, start="calf")
    spanish_window(window)
    view = next(
        action.menu()
        for action in window.menuBar().actions()
        if action.menu() is not None and action.text() == "&Ver"
    )
    assert isinstance(view, QMenu)
    texts = [action.text() for action in view.actions() if action.text()]
    assert "&Recargar contenido" in texts and "Texto más &grande" in texts
    appearance = next(m for a in view.actions() if isinstance(m := a.menu(), QMenu))
    assert [a.text() for a in appearance.actions()] == ["&Sistema", "&Claro", "&Oscuro"]


def test_the_date_printed_is_spanish_in_a_spanish_handout() -> None:
    from bodymap.handout.compose import written_date

    assert written_date(dt.date(2026, 11, 29), "es") == "29 de noviembre de 2026"


def test_the_handout_choices_are_named_in_the_interface_language(
    qtbot: QtBot, own_library: ContentLibrary
) -> None:
    from bodymap.handout.compose import CHOOSABLE
    from bodymap.ui.handout_options import GROUP_HEADINGS

    assert GROUP_HEADINGS == CHOOSABLE  # every list a therapist may shorten is marked
    i18n.set_language("es")
    panel = HandoutOptionsPanel(own_library, ["calf"], PrintSize.CLEAR)
    qtbot.addWidget(panel)
    top = panel.items.topLevelItem(0)
    assert top is not None
    headings = [item.text(0) for row in range(top.childCount()) if (item := top.child(row))]
    assert "Prevención" in headings and "Prevention" not in headings


def test_qts_own_dialogs_are_in_spanish(qtbot: QtBot) -> None:
    """The file dialog, the print dialog and a message box's buttons: Qt's own words, from
    Qt's translation and, where it has none, from BodyMap's (``ui/qt_words.py``)."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from bodymap.ui.qt_words import qt_words

    def dialogs() -> list[QWidget]:
        files = QFileDialog()
        files.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        files.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        printing = QPrintDialog(QPrinter())
        buttons = QMessageBox.StandardButton
        box = QMessageBox(QMessageBox.Icon.Warning, "", "", buttons.Ok | buttons.Cancel)
        made: list[QWidget] = [files, printing, box]
        for widget in made:
            qtbot.addWidget(widget)
        return made

    english = [visible_texts(dialog) for dialog in dialogs()]
    english_words = qt_words()
    i18n.set_language("es")
    spanish = [visible_texts(dialog) for dialog in dialogs()]
    assert [a for a, b in zip(english_words, qt_words(), strict=True) if a == b] == []
    same = [
        text
        for before, after in zip(english, spanish, strict=True)
        for text in untranslated(before, after)
    ]
    # "Color" is the same word in Spanish; "..." is a button that picks a file.
    assert [text for text in same if not text.endswith(("'Color'", "'...'"))] == []
    assert "Cancelar" in spanish[2].values()


def test_spanish_pages_name_the_same_day_help_in_spanish(
    qtbot: QtBot, make_window: WindowFactory, own_library: ContentLibrary
) -> None:
    """The country's same-day route is English words: a Spanish page uses its own."""
    window = make_window(own_library, start="calf")
    spanish_window(window)
    text = window.page_view.toPlainText()
    assert "Contacte con su médico o un centro de urgencias" in text
    assert "urgent care" not in text
