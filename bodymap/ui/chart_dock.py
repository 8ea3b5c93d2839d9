"""The chart panel's dock: scrolls rather than stretching the window, and shares a narrow one.

A QDockWidget takes its content's minimum size as its own, and a QMainWindow grows to fit
every dock: the chart panel (legend, client, list of areas, the area's editor, the session
note) is taller than a 480 px window, and at its preferred width (~270 px) it left the page
column of a 640 px window too narrow for a title. So the panel sits in a QScrollArea (as Qt
Creator's and Krita's docks do: the window keeps the size the person chose, the panel
scrolls), and while the window is narrow the dock takes at most ``NARROW_SHARE`` of its
width, never less than the panel's own minimum: the page column keeps room for its title
and the map keeps its minimum size. A window made wide again gives a dock narrowed that way
its preferred width back; otherwise a wide window leaves the dock as the person sized it.

While the panel scrolls, a wheel over its spin box or a list box scrolls the panel instead of
changing the score or kind the pointer happens to pass over (the value widgets change by
keyboard, clicks and their arrows as ever); a panel that fits keeps Qt's usual wheel.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDockWidget,
    QFrame,
    QMainWindow,
    QScrollArea,
    QWidget,
)

NARROW_WIDTH = 900
"""Window widths (px) below which the dock is fitted to the window whenever it is resized."""
NARROW_SHARE = 0.30
"""The most of a narrow window's width (a fraction) the docked chart panel takes."""


class ChartDock(QDockWidget):
    """A dock for ``panel`` in ``window``'s right dock area, scrolled and fitted as above."""

    def __init__(self, title: str, panel: QWidget, window: QMainWindow) -> None:
        super().__init__(title, window)
        self.setObjectName("chart-dock")
        self.window_ = window
        scroll = QScrollArea()
        scroll.setObjectName("chart-dock-scroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(panel)
        self.scroll_area = scroll
        self._narrowed = False
        self.setWidget(scroll)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self)
        window.installEventFilter(self)
        panel.installEventFilter(self)  # its minimum grows with longer words (Spanish)
        self._valued = [*panel.findChildren(QAbstractSpinBox), *panel.findChildren(QComboBox)]
        for widget in self._valued:
            widget.installEventFilter(self)

    def _panel(self) -> QWidget:
        panel = self.scroll_area.widget()
        assert panel is not None  # set in __init__, never taken
        return panel

    def panel_width(self) -> int:
        """The width (px) the panel needs: its minimum, plus a vertical scroll bar's room."""
        panel = self._panel()
        bar = self.scroll_area.verticalScrollBar().sizeHint().width()
        return max(panel.minimumWidth(), panel.minimumSizeHint().width()) + bar

    def fitted_width(self, window_width: int) -> int:
        """The dock's width (px) in a window ``window_width`` wide: its preferred width, at
        most NARROW_SHARE of a narrow window, never less than the panel needs."""
        preferred = self._panel().sizeHint().width()
        if window_width < NARROW_WIDTH:
            preferred = min(preferred, int(window_width * NARROW_SHARE))
        return max(preferred, self.panel_width())

    def fit(self) -> None:
        """Give the docked panel its fitted width in the window as it is now."""
        if self.isVisible() and not self.isFloating():
            width = self.fitted_width(self.window_.width())
            self._narrowed = self.window_.width() < NARROW_WIDTH
            self.window_.resizeDocks([self], [width], Qt.Orientation.Horizontal)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        bar = self.scroll_area.verticalScrollBar()
        if event.type() == QEvent.Type.Wheel and watched in self._valued and bar.maximum() > 0:
            QApplication.sendEvent(bar, event)  # scroll the panel, keep the value
            return True
        resized = watched is self.window_ and event.type() == QEvent.Type.Resize
        relaid = watched is self.scroll_area.widget() and event.type() == QEvent.Type.LayoutRequest
        if (resized or relaid) and (self.window_.width() < NARROW_WIDTH or self._narrowed):
            self.fit()
        return super().eventFilter(watched, event)
