"""The one owner of "what is open": every way of opening a page goes through here.

A click on the map, a link, a topic in the list, Back/Forward and ``--region`` all call
``Navigator.open``; the map highlight, the page pane and the window title only listen to
``pageChanged``, so they can never disagree. After a content reload it shows the open page
afresh (or Home when that page has gone).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot

from bodymap.content.model import HOME_ID, ContentLibrary, Page
from bodymap.ui.library_model import LibraryModel

HISTORY_LIMIT = 200


class Navigator(QObject):
    """Which page is open, and the Back/Forward history."""

    pageChanged = Signal(str)
    historyChanged = Signal()

    def __init__(self, model: LibraryModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.model = model
        self.current: str | None = None
        self._back: list[str] = []
        self._forward: list[str] = []
        self._vanished: tuple[str | None, str | None] = (None, None)
        """The open page that disappeared in a reload, and the page shown instead."""
        model.reloaded.connect(self.content_changed)

    @property
    def library(self) -> ContentLibrary:
        """The content pages are opened from."""
        return self.model.library

    @property
    def page(self) -> Page | None:
        return self.library.get(self.current) if self.current else None

    @property
    def selected_region(self) -> str | None:
        page = self.page
        return page.region_id if page is not None else None

    def can_go_back(self) -> bool:
        return bool(self._back)

    def can_go_forward(self) -> bool:
        return bool(self._forward)

    @Slot(str)
    def open(self, page_id: str) -> bool:
        """Open a page, remembering the current one for Back. Unknown ids change nothing."""
        if self.library.get(page_id) is None:
            return False
        if page_id == self.current:
            return True
        if self.current is not None:
            self._back.append(self.current)
            del self._back[:-HISTORY_LIMIT]
        self._forward.clear()
        self._show(page_id)
        return True

    @Slot()
    def back(self) -> None:
        if self._back and self.current is not None:
            self._forward.append(self.current)
            self._show(self._back.pop())

    @Slot()
    def forward(self) -> None:
        if self._forward and self.current is not None:
            self._back.append(self.current)
            self._show(self._forward.pop())

    @Slot()
    def home(self) -> None:
        target = HOME_ID if self.library.get(HOME_ID) else self._first_page()
        if target is not None:
            self.open(target)

    @Slot()
    def content_changed(self) -> None:
        """The library was reloaded: show the open page afresh, or Home if it has gone.

        History keeps only pages that still exist, so Back never leads nowhere.
        """
        self._back = [p for p in self._back if self.library.get(p) is not None]
        self._forward = [p for p in self._forward if self.library.get(p) is not None]
        vanished, stand_in = self._vanished
        if vanished is not None and self.current == stand_in and self.library.get(vanished):
            # The page came back (an editor or git deleted and wrote it again, a folder was
            # replaced) and the person has not moved on: show it again in place of Home.
            self._vanished = (None, None)
            self._show(vanished)
        elif self.current is not None and self.library.get(self.current) is not None:
            self._show(self.current)
        else:
            gone = self.current
            self.current = None
            self.home()
            self._vanished = (gone, self.current)
            self.historyChanged.emit()

    def _first_page(self) -> str | None:
        return next(iter(self.library.pages), None)

    def _show(self, page_id: str) -> None:
        self.current = page_id
        self.pageChanged.emit(page_id)
        self.historyChanged.emit()
