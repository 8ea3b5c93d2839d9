"""The one owner of "what is open": every way of opening a page goes through here.

A click on the map, a link, a topic in the list, Back/Forward and ``--region`` all call
``Navigator.open``; the map highlight, the page pane and the window title only listen to
``pageChanged``, so they can never disagree. After a content reload it shows the open page
afresh (or Home when that page has gone).

What is open is a selection: a page and, for a paired part of the body (the foot, the calf),
the person's side that was picked (``"left"``, ``"right"``), or None for the whole region.
History and the settings' last page keep the side.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal, Slot

from bodymap.content.model import HOME_ID, ContentLibrary, Page
from bodymap.ui.library_model import LibraryModel

HISTORY_LIMIT = 200
Selection = tuple[str, str | None]
"""A page id and the side picked (``"left"``/``"right"``), or None for the whole region."""


class Navigator(QObject):
    """Which page is open, and the Back/Forward history."""

    pageChanged = Signal(str)
    """The selection changed (another page, or another side of the same one): the page id;
    listeners read ``side`` for the side."""
    historyChanged = Signal()

    def __init__(
        self,
        model: LibraryModel,
        parent: QObject | None = None,
        sides: Callable[[str], tuple[str, ...]] | None = None,
    ) -> None:
        """``sides`` says which sides a region is drawn for (``Artwork.sides``); without it
        no side is ever kept."""
        super().__init__(parent)
        self.model = model
        self._sides = sides
        self.current: str | None = None
        self.side: str | None = None
        """The side of the open region that was picked, or None for the whole region."""
        self._back: list[Selection] = []
        self._forward: list[Selection] = []
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

    @property
    def selection(self) -> Selection | None:
        """The open page and side, or None before anything is open."""
        return (self.current, self.side) if self.current is not None else None

    def sides_of(self, page_id: str) -> tuple[str, ...]:
        """The sides the page's region is drawn for: ``("left", "right")`` or ``()``."""
        page = self.library.get(page_id)
        if page is None or page.region_id is None or self._sides is None:
            return ()
        try:
            return self._sides(page.region_id)
        except KeyError:  # a page whose region the artwork does not draw
            return ()

    @Slot(str)
    @Slot(str, str)
    def open(self, page_id: str, side: str | None = None) -> bool:
        """Open a page (with ``side`` of a paired region chosen; None or "" for the whole
        region), remembering the current selection for Back. Unknown ids change nothing;
        a side the region is not drawn with is ignored."""
        if self.library.get(page_id) is None:
            return False
        chosen = side if side and side in self.sides_of(page_id) else None
        if (page_id, chosen) == self.selection:
            return True
        if self.selection is not None:
            self._back.append(self.selection)
            del self._back[:-HISTORY_LIMIT]
        self._forward.clear()
        self._show(page_id, chosen)
        return True

    @Slot()
    def back(self) -> None:
        if self._back and self.selection is not None:
            self._forward.append(self.selection)
            self._show(*self._back.pop())

    @Slot()
    def forward(self) -> None:
        if self._forward and self.selection is not None:
            self._back.append(self.selection)
            self._show(*self._forward.pop())

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
        self._back = [p for p in self._back if self.library.get(p[0]) is not None]
        self._forward = [p for p in self._forward if self.library.get(p[0]) is not None]
        vanished, stand_in = self._vanished
        if vanished is not None and self.current == stand_in and self.library.get(vanished):
            # The page came back (an editor or git deleted and wrote it again, a folder was
            # replaced) and the person has not moved on: show it again in place of Home.
            self._vanished = (None, None)
            self._show(vanished, None)
        elif self.current is not None and self.library.get(self.current) is not None:
            self._show(self.current, self.side)
        else:
            gone = self.current
            self.current, self.side = None, None
            self.home()
            self._vanished = (gone, self.current)
            self.historyChanged.emit()

    def _first_page(self) -> str | None:
        return next(iter(self.library.pages), None)

    def _show(self, page_id: str, side: str | None) -> None:
        self.current = page_id
        self.side = side if side in self.sides_of(page_id) else None
        self.pageChanged.emit(page_id)
        self.historyChanged.emit()
