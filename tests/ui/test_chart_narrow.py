"""Chart mode in a 640 x 480 window: the panel scrolls and shares the width, so the window
keeps its size, the map and the panel stay whole and every page's title fits its column."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, QPointF, QRect, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from bodymap.content.loader import load_library
from bodymap.paths import content_dir
from bodymap.ui import i18n
from bodymap.ui.main_window import MainWindow
from tests.ui.conftest import WindowFactory
from tests.ui.test_chart_mode import answer
from tests.ui.test_i18n import spanish_window


@pytest.fixture(autouse=True)
def english_after(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    answer(monkeypatch, QMessageBox.StandardButton.Discard)  # an unsaved chart on closing
    yield
    if QCoreApplication.instance() is not None:
        i18n.set_language("en")


def on_window(window: MainWindow, widget: QWidget) -> QRect:
    """Where ``widget`` is, in the window's coordinates."""
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def title_overflow(window: MainWindow) -> float:
    """How far (px) the page's title runs past the page's column; 0 when it fits."""
    document = window.page_view.document()
    layout = document.firstBlock().layout()
    widest = max(layout.lineAt(i).naturalTextWidth() for i in range(layout.lineCount()))
    room = window.page_view.viewport().width() - 2 * document.documentMargin()
    return max(0.0, widest - room)


def test_a_640_px_window_in_chart_mode_keeps_the_map_panel_and_titles_whole(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window(load_library(content_dir()), start="calf")
    window.resize(640, 480)
    window.chart_mode.chart_action.trigger()
    session = window.chart_mode.session
    session.type_score("calf", "left", 7)
    session.pick_area("calf", "left")  # the area's editor shows: the panel at its tallest
    for language in ("en", "es"):
        if language == "es":
            spanish_window(window)
        qtbot.wait(50)
        assert window.size().toTuple() == (640, 480), language
        inside = window.rect()
        dock = session.dock
        assert dock is not None and dock.isVisible() and not dock.isFloating()
        panel = session.panel
        for widget in (window.body_map, window.page_view, dock):
            assert inside.contains(on_window(window, widget)), (language, widget)
        minimum = window.body_map.minimumSizeHint()
        assert window.body_map.width() >= minimum.width()
        assert window.body_map.height() >= minimum.height()
        # The panel is never cut at the side: as wide as its own minimum, or wider.
        assert panel.width() >= panel.minimumSizeHint().width(), language
        assert dock.width() <= 640 * 0.36, language
        for page_id in ("calf", "shoulder", "stomach", "thigh", "chest", "neck"):
            window.navigator.open(page_id)
            qtbot.wait(10)
            assert title_overflow(window) == 0, (language, page_id)


def test_the_wheel_scrolls_a_narrow_panel_and_leaves_the_score_alone(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window(load_library(content_dir()), start="calf")
    window.resize(640, 480)
    window.chart_mode.chart_action.trigger()
    session = window.chart_mode.session
    session.type_score("calf", "left", 7)
    session.pick_area("calf", "left")
    qtbot.wait(50)
    dock = session.dock
    assert dock is not None
    bar = dock.scroll_area.verticalScrollBar()
    assert bar.maximum() > 0  # the panel is taller than the window: it scrolls
    score = session.panel.score
    score.setFocus()
    centre = QPointF(score.rect().center())
    wheel = QWheelEvent(
        centre,
        QPointF(score.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, -120),  # one notch down
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(score, wheel)
    assert score.value() == 7
    assert session.chart.areas[0].score == 7
    assert bar.value() > 0


def test_a_window_made_wide_again_gives_the_panel_its_width_back(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window(load_library(content_dir()), start="calf")
    window.resize(1200, 800)
    window.chart_mode.chart_action.trigger()
    qtbot.wait(50)
    dock = window.chart_mode.session.dock
    assert dock is not None
    wide = dock.width()
    window.resize(640, 480)
    qtbot.wait(50)
    assert dock.width() < wide
    window.resize(1200, 800)
    qtbot.wait(50)
    assert dock.width() == wide
