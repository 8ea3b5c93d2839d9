"""Fixtures for window tests: a real main window on the shipped content, offscreen."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, QPointF, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from bodymap.content.loader import LibraryLoader, load_library
from bodymap.content.model import ContentLibrary
from bodymap.paths import content_dir
from bodymap.qtshared.diagram import BodyDiagram
from bodymap.qtshared.settings import open_settings
from bodymap.ui import i18n
from bodymap.ui.body_map import BodyMapWidget, RegionButton
from bodymap.ui.main_window import MainWindow
from bodymap.ui.theme import LIGHT, apply_theme


@pytest.fixture(scope="session")
def diagram() -> BodyDiagram:
    return BodyDiagram()


WindowFactory = Callable[..., MainWindow]


@pytest.fixture
def make_window(
    qtbot: QtBot, diagram: BodyDiagram, shipped_library: ContentLibrary
) -> WindowFactory:
    def make(
        library: ContentLibrary | None = None,
        start: str | None = None,
        loader: LibraryLoader | None = None,
    ) -> MainWindow:
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        assert isinstance(app, QApplication)
        apply_theme(app, LIGHT)
        window = MainWindow(library or shipped_library, diagram, open_settings(), loader=loader)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.start(start)
        return window

    return make


@pytest.fixture
def window(make_window: WindowFactory) -> MainWindow:
    return make_window()


def interior_point(body_map: BodyMapWidget, button: RegionButton, margin: float = 4) -> QPoint:
    """A point well inside the region's drawn outline (not just inside its bounding box)."""
    while margin >= 1:
        found = _interior_points(body_map, button, margin)
        if found:
            return found[len(found) // 2]
        margin /= 2
    raise AssertionError(f"no interior point for {button.shape.element_id}")


def _interior_points(body_map: BodyMapWidget, button: RegionButton, margin: float) -> list[QPoint]:
    outline = body_map.shape_on_screen(button)
    box = outline.boundingRect()
    candidates = []
    y = box.top()
    while y < box.bottom():
        x = box.left()
        while x < box.right():
            around = [
                QPointF(x + dx, y + dy)
                for dx in (-margin, 0, margin)
                for dy in (-margin, 0, margin)
            ]
            if all(outline.contains(p) for p in around):
                candidates.append(QPoint(round(x), round(y)))
            x += 2
        y += 2
    return candidates


def outside_point(body_map: BodyMapWidget, button: RegionButton, gap: float = 3) -> QPoint:
    """A point just outside the region's outline, found by walking right from inside it."""
    outline = body_map.shape_on_screen(button)
    start = interior_point(body_map, button)
    x = float(start.x())
    while outline.contains(QPointF(x, start.y())):
        x += 0.5
    point = QPoint(round(x + gap), start.y())
    assert not outline.contains(QPointF(point))
    return point


def widget_at(body_map: BodyMapWidget, point: QPoint) -> QWidget:
    """The widget Qt delivers a click at ``point`` to (masks respected), as the event loop does."""
    return body_map.childAt(point) or body_map


def click_map(qtbot: QtBot, body_map: BodyMapWidget, point: QPoint) -> None:
    target = widget_at(body_map, point)
    qtbot.mouseClick(target, Qt.MouseButton.LeftButton, pos=target.mapFrom(body_map, point))


def hover_map(qtbot: QtBot, body_map: BodyMapWidget, point: QPoint) -> None:
    target = widget_at(body_map, point)
    qtbot.mouseMove(target, target.mapFrom(body_map, point))


def as_shown(text: str) -> str:
    """A tooltip or label text as Qt draws it: rich text when ``Qt.mightBeRichText`` says so
    (as QToolTip and QLabel's AutoText do), else the characters themselves."""
    from PySide6 import QtGui

    if not QtGui.Qt.mightBeRichText(text):
        return text
    document = QtGui.QTextDocument()
    document.setHtml(text)
    return document.toPlainText()


@pytest.fixture
def own_library() -> ContentLibrary:
    """A library of its own: a language switch reloads it in place (the session's is shared)."""
    return load_library(content_dir())


@pytest.fixture
def english_after() -> Iterator[None]:
    """The test leaves the application in English, as the others expect it (for tests that
    switch the interface's language: ``pytestmark = pytest.mark.usefixtures(...)``)."""
    yield
    if QCoreApplication.instance() is not None:
        i18n.set_language("en")
