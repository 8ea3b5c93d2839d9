"""The content the window shows, as something views can watch (napari's model/view split).

``LibraryModel`` holds the one ``ContentLibrary`` and reloads it in place. Every view that
shows content (the map's titles, the topics list, the Go menu, search, the navigator and page
pane, the problems bar, the handout basket and actions) takes the model in its constructor and
connects to ``reloaded`` itself; the main window only assembles them. A view nobody has opened
yet (the search results, the basket's list, Preferences) does not exist, so a reload never
makes it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot

from bodymap.content.model import ContentLibrary
from bodymap.content.outline import fill_values, filled

if TYPE_CHECKING:
    from bodymap.content.loader import LibraryLoader


def _same_content(fresh: ContentLibrary, shown: ContentLibrary) -> bool:
    """Whether a fresh load shows exactly what is on screen (unchanged pages are the same
    objects, so this compares little more than the page ids)."""
    return (
        fresh.root == shown.root
        and fresh.shipped == shown.shipped
        and fresh.region_order == shown.region_order
        and fresh.problems == shown.problems
        and fresh.pages == shown.pages
        and fresh.language == shown.language
    )


class LibraryModel(QObject):
    """The shown content library; emits ``reloaded`` after it has been read again."""

    reloaded = Signal()
    valuesChanged = Signal()
    """The placeholder values changed (the emergency number or same-day route in Preferences)."""

    def __init__(
        self,
        library: ContentLibrary,
        loader: LibraryLoader | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.library = library
        self.loader = loader  # the one that loaded ``library``, so a reload re-reads only edits
        self.revision = 0
        self.values: dict[str, str] = fill_values("", "")
        self.region_titles = self._region_titles()

    def set_values(self, emergency_number: str, same_day: str) -> None:
        """The clinic's values for the content's placeholders (``outline.fill_values``)."""
        values = fill_values(emergency_number, same_day)
        if values != self.values:
            self.values = values
            self.region_titles = self._region_titles()
            self.valuesChanged.emit()

    def shown(self, text: str) -> str:
        """Content text as a person reads it: ``{emergency}`` and ``{same_day}`` filled."""
        return filled(text, self.values)

    def _region_titles(self) -> dict[str, str]:
        return {page.id: self.shown(page.title) for page in self.library.regions}

    @Slot()
    def reload(self) -> None:
        """Read the content folder again and tell every view (when anything changed).

        The YAML reader is loaded with the first reload: the window may well have opened from
        the content cache without it.
        """
        if self.loader is None:
            from bodymap.content.loader import LibraryLoader  # noqa: PLC0415 - first reload

            self.loader = LibraryLoader(
                self.library.root, shipped=self.library.shipped, language=self.library.language
            )
        fresh = self.loader.load(previous=self.library)
        if _same_content(fresh, self.library):
            return  # a touch, a swap file, a checkout back and forth: nothing to show anew
        self.library.take(fresh)
        self.revision += 1
        # Worked out once here for the map and the search results alike.
        self.region_titles = self._region_titles()
        self.reloaded.emit()

    def use_language(self, language: str) -> None:
        """Show the pages in ``language`` from now on (those not written in it in English,
        with a note), as the interface switches language or Preferences choose."""
        from bodymap.content.loader import LibraryLoader  # noqa: PLC0415

        if language == self.library.language:
            return
        self.loader = LibraryLoader(
            self.library.root, shipped=self.library.shipped, language=language
        )
        self.reload()

    def use_clinic_folder(self, folder: Path) -> None:
        """Show ``folder``'s pages over the shipped ones from now on (Preferences)."""
        from bodymap.content.loader import LibraryLoader  # noqa: PLC0415

        shipped = self.library.shipped or self.library.root
        self.loader = LibraryLoader(folder, shipped=shipped, language=self.library.language)
        self.reload()
