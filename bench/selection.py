"""Region selection: a real mouse click on a region to its page shown and the highlight painted.

The window is the real one (``bodymap.ui.app.build_window``) on the shipped content. Each
sample is one ``QTest.mouseClick`` inside a region's drawn outline, then the event loop runs
until both the page pane and the body map have finished a paint event, which is when the
person sees the new page and the highlight; the sample ends when the later of the two paints
is done (work Qt does afterwards, such as laying out the rest of a long page, is not counted).
Clicks go round every region button on both views (whose page the folder has), so each click
opens a different page, 40 ms after the last one (quicker than any person clicks). The first
round is a warm-up (each page's first decoding), then ``rounds`` more are measured.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, QPoint, Qt
from PySide6.QtGui import QPaintEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from bodymap.content.model import ContentLibrary
from bodymap.ui.app import build_window
from bodymap.ui.body_map import RegionButton

PAINT_TIMEOUT_S = 5.0
CLICK_GAP_MS = 40


class PaintClock:
    """Notes when each watched widget last finished a paint event.

    It wraps the widgets' own ``paintEvent`` (on these instances only), so the moment noted
    is when the drawing is done, not when the event arrives.
    """

    def __init__(self, widgets: list[QWidget]) -> None:
        self.finished: dict[int, float] = {}
        self.count = len(widgets)
        for widget in widgets:
            self._wrap(widget)

    def _wrap(self, widget: QWidget) -> None:
        original = widget.paintEvent
        key = id(widget)

        def paintEvent(event: QPaintEvent) -> None:
            original(event)
            self.finished[key] = time.perf_counter()

        widget.paintEvent = paintEvent  # type: ignore[method-assign]

    def reset(self) -> None:
        self.finished.clear()

    def all_painted(self) -> bool:
        return len(self.finished) == self.count


def inside(button: RegionButton) -> QPoint:
    """A point well inside the region's clickable shape (its mask), in the button's coordinates."""
    mask = button.mask()
    box = mask.boundingRect()
    for margin in (4, 2, 1, 0):
        candidates = [
            QPoint(x, y)
            for y in range(box.top(), box.bottom() + 1)
            for x in range(box.left(), box.right() + 1)
            if all(
                mask.contains(QPoint(x + dx, y + dy))
                for dx in (-margin, 0, margin)
                for dy in (-margin, 0, margin)
            )
        ]
        if candidates:
            return candidates[len(candidates) // 2]
    raise RuntimeError(f"no point inside {button.objectName()}")


def click_order(buttons: list[RegionButton]) -> list[RegionButton]:
    """Every button, never the same region and side twice in a row (the picked side clicked
    again would open the whole region instead)."""
    order: list[RegionButton] = []
    for button in buttons:
        if not order or (order[-1].region_id, order[-1].side) != (button.region_id, button.side):
            order.append(button)
    if len(order) > 1 and (order[0].region_id, order[0].side) == (
        order[-1].region_id,
        order[-1].side,
    ):
        order.pop()
    return order


def measure_selection(library: ContentLibrary, rounds: int) -> list[float]:
    """Milliseconds from each click to both paints done."""
    window = build_window(library)
    window.show()
    QTest.qWaitForWindowExposed(window)
    watcher = PaintClock([window.page_view, window.body_map])
    pages = library.pages  # an older folder may lack a region's page: its outline is not clicked
    order = click_order([b for b in window.body_map.buttons if b.region_id in pages])
    points = {button: inside(button) for button in order}
    samples: list[float] = []
    for number in range(rounds + 1):
        for button in order:
            elapsed = _click(button, points[button], watcher)
            if (window.navigator.current, window.navigator.side) != (
                button.region_id,
                button.side,
            ):
                raise RuntimeError(f"clicking {button.objectName()} did not open its page")
            if number > 0:
                samples.append(elapsed)
    window.close()
    return samples


def _click(button: RegionButton, point: QPoint, watcher: PaintClock) -> float:
    # A person's clicks are at least this far apart: Qt finishes the last page's layout in
    # the meantime, as it does between real clicks, instead of inside the next sample.
    QTest.qWait(CLICK_GAP_MS)
    watcher.reset()
    start = time.perf_counter()
    QTest.mouseClick(button, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    while not watcher.all_painted():
        QCoreApplication.processEvents()
        if time.perf_counter() - start > PAINT_TIMEOUT_S:
            raise RuntimeError("the page and the map were not repainted after a click")
    return (max(watcher.finished.values()) - start) * 1000
