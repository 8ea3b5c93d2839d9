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

if TYPE_CHECKING:
    from bodymap.content.loader import LibraryLoader


class LibraryModel(QObject):
    """The shown content library; emits ``reloaded`` after it has been read again."""

    reloaded = Signal()

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
        self.region_titles = self._region_titles()

    def _region_titles(self) -> dict[str, str]:
        return {page.id: page.title for page in self.library.regions}

    @Slot()
    def reload(self) -> None:
        """Read the content folder again and tell every view.

        The YAML reader is loaded with the first reload: the window may well have opened from
        the content cache without it.
        """
        if self.loader is None:
            from bodymap.content.loader import LibraryLoader  # noqa: PLC0415 - first reload

            self.loader = LibraryLoader(self.library.root, shipped=self.library.shipped)
        self.library.take(self.loader.load(previous=self.library))
        self.revision += 1
        # Worked out once here for the map and the search results alike.
        self.region_titles = self._region_titles()
        self.reloaded.emit()

    def use_clinic_folder(self, folder: Path) -> None:
        """Show ``folder``'s pages over the shipped ones from now on (Preferences)."""
        from bodymap.content.loader import LibraryLoader  # noqa: PLC0415

        shipped = self.library.shipped or self.library.root
        self.loader = LibraryLoader(folder, shipped=shipped)
        self.reload()
