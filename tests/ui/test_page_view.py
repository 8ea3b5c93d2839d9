"""The page pane: changing pages shows the new text without the scroll bar flickering."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from pytestqt.qtbot import QtBot

from bodymap.content.model import ContentLibrary
from bodymap.ui.page_view import PageView
from bodymap.ui.theme import LIGHT


class ShownAndHidden(QObject):
    """Records the Show and Hide events one widget gets."""

    def __init__(self) -> None:
        super().__init__()
        self.events: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Show, QEvent.Type.Hide):
            self.events.append(event.type().name)
        return False


def show(qtbot: QtBot, view: PageView, library: ContentLibrary, page_id: str) -> None:
    page = library.get(page_id)
    assert page is not None
    view.show_page(page, library, "112")
    qtbot.wait(1)
    assert view.documentTitle() == page.title


def test_long_pages_follow_each_other_with_the_scroll_bar_kept(
    qtbot: QtBot, shipped_library: ContentLibrary
) -> None:
    view = PageView(LIGHT)
    qtbot.addWidget(view)
    view.resize(500, 600)
    view.show()
    qtbot.waitExposed(view)
    show(qtbot, view, shipped_library, "calf")
    bar = view.verticalScrollBar()
    assert bar.isVisible()
    watcher = ShownAndHidden()
    bar.installEventFilter(watcher)
    for page_id in ("back", "neck", "hydration", "calf"):
        show(qtbot, view, shipped_library, page_id)
    # Each page change used to hide the bar (setHtml empties the document first) and show it
    # again: the page was laid out twice, once at each width, and the bar flickered.
    assert watcher.events == []
    assert bar.isVisible() and bar.maximum() > 0


def test_the_scroll_bar_still_goes_when_a_page_fits(
    qtbot: QtBot, shipped_library: ContentLibrary
) -> None:
    view = PageView(LIGHT)
    qtbot.addWidget(view)
    view.resize(1400, 3000)
    view.show()
    qtbot.waitExposed(view)
    show(qtbot, view, shipped_library, "swedish-massage")
    assert view.document().size().height() < view.viewport().height()
    assert not view.verticalScrollBar().isVisible()
    view.resize(500, 600)
    show(qtbot, view, shipped_library, "calf")
    assert view.verticalScrollBar().isVisible()
