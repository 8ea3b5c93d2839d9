"""The window as a person uses it all day: appearance, text size, narrow windows, keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from bodymap.settings import NORMAL_TEXT_SIZE, TEXT_SIZES
from bodymap.ui.main_window import MainWindow
from bodymap.ui.theme import DARK, LIGHT
from tests.ui.conftest import WindowFactory


def _background(widget) -> QColor:  # type: ignore[no-untyped-def]
    image = widget.grab().toImage()
    return image.pixelColor(image.width() - 3, image.height() - 3)


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
