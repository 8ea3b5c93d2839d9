"""The window as a person uses it all day: appearance, text size, narrow windows, keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from bodymap.settings import NORMAL_TEXT_SIZE, TEXT_SIZES
from bodymap.ui.body_map import RegionButton
from bodymap.ui.main_window import MainWindow
from bodymap.ui.theme import DARK, LIGHT
from tests.ui.conftest import WindowFactory


def _background(widget: QWidget) -> QColor:
    image = widget.grab().toImage()
    colour: QColor = image.pixelColor(image.width() - 3, image.height() - 3)
    return colour


def test_switching_appearance_recolours_the_topics_list_at_once(window: MainWindow) -> None:
    viewport = window.topics.viewport()
    assert _background(viewport) == QColor(LIGHT.page_background)
    window.set_appearance("dark")
    assert _background(viewport) == QColor(DARK.page_background)
    window.set_appearance("light")
    assert _background(viewport) == QColor(LIGHT.page_background)


def _press(qtbot: QtBot, window: MainWindow, key: Qt.Key) -> None:
    qtbot.keyClick(window.page_view, key, Qt.KeyboardModifier.ControlModifier)


def test_text_size_has_a_floor_a_ceiling_and_ctrl_0_and_the_lists_follow(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page_size = window.page_view.document().defaultFont().pointSizeF()
    list_size = window.topics.font().pointSizeF()
    for _ in range(len(TEXT_SIZES) + 2):
        _press(qtbot, window, Qt.Key.Key_Plus)
    assert window.settings.text_size == TEXT_SIZES[-1]  # the ceiling
    assert not window.zoom_in_action.isEnabled()
    scale = TEXT_SIZES[-1] / NORMAL_TEXT_SIZE
    assert window.page_view.document().defaultFont().pointSizeF() == page_size * scale
    assert window.topics.font().pointSizeF() == list_size * scale
    assert window.search.field.font().pointSizeF() == list_size * scale
    assert window.basket_dock.font().pointSizeF() == list_size * scale
    window.search.focus()
    qtbot.keyClicks(window.search.field, "cramp")
    assert window.search.view.font().pointSizeF() == list_size * scale
    window.search.cancel()
    for _ in range(len(TEXT_SIZES) * 2):
        _press(qtbot, window, Qt.Key.Key_Minus)
    assert window.settings.text_size == TEXT_SIZES[0]  # the floor
    assert window.page_view.document().defaultFont().pointSizeF() > 6
    _press(qtbot, window, Qt.Key.Key_0)
    assert window.settings.text_size == NORMAL_TEXT_SIZE
    assert window.page_view.document().defaultFont().pointSizeF() == page_size


def test_text_size_is_remembered_between_runs(qtbot: QtBot, make_window: WindowFactory) -> None:
    first = make_window()
    first.step_text_size(2)
    chosen = first.settings.text_size
    assert chosen > NORMAL_TEXT_SIZE
    first.close()
    second = make_window(start="calf")
    assert second.settings.text_size == chosen
    first_size = first.page_view.document().defaultFont().pointSizeF()
    assert second.page_view.document().defaultFont().pointSizeF() == first_size


def test_ctrl_f_reaches_the_search_field_in_a_640_px_window(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    for width in (640, 500, 420):
        window.resize(width, 450)
        qtbot.waitUntil(lambda: window.width() <= max(width, window.minimumWidth()))  # noqa: B023
        qtbot.keyClick(window.page_view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        field = window.search.field
        assert field.isVisible() and field.hasFocus()
        assert window.rect().contains(field.mapTo(window, field.rect().bottomRight()))
        qtbot.keyClicks(field, "calf")
        assert field.text() == "calf"  # the typed words are not lost
        window.search.cancel()
        window.page_view.setFocus()


def test_the_handout_panel_never_squeezes_the_page_to_a_sliver(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.basket_dock.show()
    window.navigator.open("chest")
    for size in (100, 200):
        window.set_text_size(size)
        window.resize(500, 450)
        qtbot.wait(20)
        page = window.page_view
        characters = page.width() / page.fontMetrics().averageCharWidth()
        assert characters >= 20 * size / 100  # at least 20 characters of its own text


def _lines_starting_mid_word(window: MainWindow) -> list[str]:
    document = window.page_view.document()
    broken = []
    block = document.begin()
    while block.isValid():
        layout = block.layout()
        text = block.text()
        for number in range(1, layout.lineCount()):
            start = layout.lineAt(number).textStart()
            if 0 < start < len(text) and text[start - 1].isalnum() and text[start].isalnum():
                broken.append(text)
        block = block.next()
    return broken


def test_headings_never_break_inside_a_word_in_a_narrow_window_at_large_sizes(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.set_text_size(TEXT_SIZES[-1])
    window.resize(640, 600)
    for page_id in ("chest", "stomach", "home"):
        window.navigator.open(page_id)
        qtbot.wait(20)
        window.page_view.document().adjustSize()
        assert _lines_starting_mid_word(window) == [], page_id


def _active(qtbot: QtBot, window: MainWindow) -> None:
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)


def test_the_first_tab_reaches_the_map_as_the_home_page_says(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window()
    _active(qtbot, window)
    assert "Press Tab to move into the map" in window.page_view.toPlainText()
    focused = window.focusWidget()
    assert focused is window.page_view
    qtbot.keyClick(focused, Qt.Key.Key_Tab)
    assert window.body_map.focused_button() is not None


def _focus_on_the_neck(qtbot: QtBot, window: MainWindow) -> RegionButton:
    _active(qtbot, window)
    neck = window.body_map.button_for("neck", "front")
    assert neck is not None
    neck.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(neck.hasFocus)
    return neck


def test_the_focus_ring_follows_the_selection_after_ctrl_number(
    qtbot: QtBot, window: MainWindow
) -> None:
    neck = _focus_on_the_neck(qtbot, window)
    number = window.library.region_order.index("stomach") + 1
    qtbot.keyClick(neck, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
    assert window.navigator.current == "stomach"
    focused = window.body_map.focused_button()
    assert focused is not None and focused.region_id == "stomach"


def test_the_focus_ring_follows_the_selection_after_a_search(
    qtbot: QtBot, window: MainWindow
) -> None:
    neck = _focus_on_the_neck(qtbot, window)
    qtbot.keyClick(neck, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    field = window.search.field
    assert field.hasFocus()
    qtbot.keyClicks(field, "charley horse")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.navigator.current == "calf"
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    focused = window.body_map.focused_button()
    assert focused is not None and focused.region_id == "calf"
