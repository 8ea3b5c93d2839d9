"""Go → Body regions (Ctrl+1 … Ctrl+N, head to toe) and Go → Topics, following the content.

The regions come from the library in the artwork's head-to-toe order, so a new region gets
its menu item and shortcut with no change here. The topics menu is made when first opened, and
is at most a screenful: a clinic folder of thousands of topics would make start-up wait for
the menu, and the menu taller than any screen.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from bodymap.ui.i18n import live
from bodymap.ui.library_model import LibraryModel
from bodymap.ui.literal import menu_text

MENU_TOPICS = 40


class GoMenus(QObject):
    """Fills the Body regions and Topics submenus of ``go_menu``; asks for pages to be opened.

    The Ctrl+number shortcuts are added to ``window`` so they work wherever the focus is.
    """

    pageRequested = Signal(str)
    topicsListWanted = Signal()
    regionUnavailable = Signal(str, str)
    """A region whose page is missing or broken was asked for: its id, and why."""

    def __init__(self, library: LibraryModel, go_menu: QMenu, window: QWidget) -> None:
        super().__init__(window)
        self.library = library
        self.window = window
        self.regions_menu = go_menu.addMenu("")
        self.topics_menu = go_menu.addMenu("")
        live(self, self._retranslate)
        self.topics_menu.aboutToShow.connect(self._fill_topics_menu)
        library.reloaded.connect(self._on_reloaded)
        library.valuesChanged.connect(self._on_reloaded)

    def _retranslate(self) -> None:
        self.regions_menu.setTitle(self.tr("&Body regions"))
        self.topics_menu.setTitle(self.tr("&Topics"))
        self._fill_regions_menu()
        self.topics_menu.clear()  # filled again when next opened

    @Slot()
    def _on_reloaded(self) -> None:
        self._fill_regions_menu()
        self.topics_menu.clear()  # filled again when next opened

    def _fill_regions_menu(self) -> None:
        """One item per region the artwork draws, head to toe, so Ctrl+2 is always the same
        region; one whose page is missing or broken says why instead of opening another."""
        for action in self.regions_menu.actions():
            self.window.removeAction(action)  # drops the Ctrl+number shortcut with it
        self.regions_menu.clear()
        library = self.library.library
        region_ids = library.region_order or tuple(page.id for page in library.regions)
        for number, region_id in enumerate(region_ids, start=1):
            page = library.region(region_id)
            why = library.region_problem_text(region_id) if page is None else None
            if page is None and why is None:
                continue
            title = self.library.shown(page.title) if page is not None else region_id.title()
            text = (
                menu_text(title)
                if page is not None
                else self.tr("{region} (not available)").format(region=menu_text(title))
            )
            action = QAction(text, self.regions_menu)  # deleted with the next clear()
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            if why is None:
                action.triggered.connect(self._opener(region_id))
            else:
                action.setStatusTip(why)
                action.triggered.connect(self._explainer(region_id, why))
            self.window.addAction(action)
            self.regions_menu.addAction(action)

    def _explainer(self, region_id: str, why: str) -> Callable[[], None]:
        def explain() -> None:
            self.regionUnavailable.emit(region_id, why)

        return explain

    @Slot()
    def _fill_topics_menu(self) -> None:
        if self.topics_menu.isEmpty():
            headings = self.library.library.topic_headings()
            for heading in headings[:MENU_TOPICS]:
                self.topics_menu.addAction(
                    menu_text(self.library.shown(heading.title)), self._opener(heading.id)
                )
            if len(headings) > MENU_TOPICS:
                self.topics_menu.addSeparator()
                more = self.topics_menu.addAction(
                    self.tr("All %n topics in the list…", "", len(headings))
                )
                more.triggered.connect(self.topicsListWanted)

    def _opener(self, page_id: str) -> Callable[[], None]:
        def open_page() -> None:
            self.pageRequested.emit(page_id)

        return open_page
