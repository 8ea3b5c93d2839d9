"""Clinic text is shown as the clinic wrote it, with its placeholders filled, everywhere:
menus, buttons, tooltips, the window title, the topics list and the search results."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from bodymap.content.loader import load_library
from bodymap.content.outline import DEFAULT_SAME_DAY
from bodymap.ui.roles import MARKUP_ROLE
from tests.ui.conftest import WindowFactory, as_shown

AMPERSAND_TITLE = "Heat & cold for sore muscles"
MARKUP_SUMMARY = "Use <b>warmth</b> first; call {emergency} if it is severe."


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _library(content_copy: Path):  # type: ignore[no-untyped-def]
    topic = content_copy / "topics" / "heat-and-cold.yaml"
    _edit(topic, "title: Heat and cold for sore muscles", f'title: "{AMPERSAND_TITLE}"')
    _edit(
        topic,
        "summary: >\n  Warmth can help tight muscles relax and ease stiffness. Cold can ease pain "
        "and swelling\n  in the first days after an injury.",
        f'summary: "{MARKUP_SUMMARY}"',
    )
    _edit(content_copy / "regions" / "calf.yaml", "title: Calf", "title: Calf & shin [*]")
    return load_library(content_copy)


def _menu_shows(text: str) -> str:
    """What a menu item or button shows: "&&" is one "&", a lone "&" marks the next letter."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def test_ampersands_show_in_the_go_menus_and_on_the_map(
    make_window: WindowFactory, content_copy: Path
) -> None:
    window = make_window(_library(content_copy))
    window.topics_menu.aboutToShow.emit()
    topics = [_menu_shows(a.text()) for a in window.topics_menu.actions()]
    assert AMPERSAND_TITLE in topics  # not "Heat _cold..." with C as a shortcut
    regions = [_menu_shows(a.text()) for a in window.regions_menu.actions()]
    assert "Calf & shin [*]" in regions
    button = window.body_map.button_for("calf", "back")
    assert button is not None
    assert _menu_shows(button.text()) == "Left calf & shin [*]"  # the side: the person's left
    assert button.accessibleName() == "Left calf & shin [*]"
    assert as_shown(button.toolTip()) == "Left calf & shin [*]"


def test_the_window_title_keeps_a_literal_modified_marker(
    make_window: WindowFactory, content_copy: Path
) -> None:
    window = make_window(_library(content_copy), start="calf")
    handle = window.windowHandle()
    assert handle is not None
    assert handle.title().startswith("Calf & shin [*] — ")  # what the title bar shows


def test_markup_in_a_summary_shows_as_written_with_placeholders_filled(
    make_window: WindowFactory, content_copy: Path
) -> None:
    window = make_window(_library(content_copy))
    window.settings.emergency_number_override = "999"
    window.model.set_values(window.settings.emergency_number, window.settings.same_day)
    model = window.topics.topics
    row = next(r for r, h in enumerate(model.headings) if h.id == "heat-and-cold")
    index = model.index(row, 0)
    assert index.data(Qt.ItemDataRole.DisplayRole) == AMPERSAND_TITLE
    shown = as_shown(index.data(Qt.ItemDataRole.ToolTipRole))
    assert shown == "Use <b>warmth</b> first; call 999 if it is severe."


def test_search_results_fill_placeholders_with_the_preference(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    window.settings.emergency_number_override = "999"
    window.model.set_values(window.settings.emergency_number, window.settings.same_day)
    window.search.focus()
    qtbot.keyClicks(window.search.field, "call emergency")
    model = window.search.model
    assert model.rowCount() > 0
    texts = [str(model.index(r).data(Qt.ItemDataRole.DisplayRole)) for r in range(model.rowCount())]
    markups = [str(model.index(r).data(MARKUP_ROLE)) for r in range(model.rowCount())]
    assert not any("{emergency}" in t or "{same_day}" in t for t in texts + markups)
    assert any("999" in t for t in texts)
    # Changing the number in Preferences changes the results on screen at once.
    window.settings.emergency_number_override = "000"
    window.model.set_values(window.settings.emergency_number, window.settings.same_day)
    texts = [str(model.index(r).data(Qt.ItemDataRole.DisplayRole)) for r in range(model.rowCount())]
    assert any("000" in t for t in texts) and not any("999" in t for t in texts)


def test_same_day_placeholder_is_filled_on_the_page_and_in_search(
    qtbot: QtBot, make_window: WindowFactory, content_copy: Path
) -> None:
    _edit(
        content_copy / "regions" / "calf.yaml",
        "  today:\n",
        '  today:\n    - "A hot, swollen calf: contact {same_day} about it."\n',
    )
    window = make_window(load_library(content_copy), start="calf")
    same_day = window.settings.same_day or DEFAULT_SAME_DAY
    text = window.page_view.toPlainText()
    assert "{same_day}" not in text and "{emergency}" not in text
    assert f"contact {same_day} about it" in text
    window.search.focus()
    qtbot.keyClicks(window.search.field, "hot swollen calf")
    model = window.search.model
    texts = [str(model.index(r).data(Qt.ItemDataRole.DisplayRole)) for r in range(model.rowCount())]
    assert not any("{same_day}" in t for t in texts)


def test_a_typed_value_with_markup_shows_as_typed_in_preferences(qtbot: QtBot) -> None:
    from bodymap.qtshared.settings import open_settings
    from bodymap.ui.preferences import PreferencesDialog

    dialog = PreferencesDialog(open_settings())
    qtbot.addWidget(dialog)
    dialog.emergency.setText("<b>9</b>")
    assert dialog.error.textFormat() == Qt.TextFormat.PlainText
    assert "<b>9</b>" in dialog.error.text()
    assert QApplication.instance() is not None
