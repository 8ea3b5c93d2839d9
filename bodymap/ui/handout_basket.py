"""The handout basket's pages, kept in the settings so a restart keeps them.

Apart from the controller (``ui/handout.py``) and the basket's list (``ui/basket.py``), which
both use it: the list is made only when the basket is first shown.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal

from bodymap.settings import Settings


class HandoutBasket(QObject):
    """Pages collected for one handout, in order; saved on every change so a restart keeps it."""

    changed = Signal()

    def __init__(
        self, settings: Settings, valid_ids: Iterable[str], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.valid = set(valid_ids)
        seen: list[str] = []
        for page_id in settings.basket:
            if page_id in self.valid and page_id not in seen:
                seen.append(page_id)
        self._ids = seen

    @property
    def page_ids(self) -> tuple[str, ...]:
        """The pages in print order."""
        return tuple(self._ids)

    def set_valid(self, valid_ids: Iterable[str]) -> None:
        """The content changed: pages that are gone leave the basket."""
        self.valid = set(valid_ids)
        kept = [page_id for page_id in self._ids if page_id in self.valid]
        if kept != self._ids:
            self._ids = kept
            self._save()
        else:
            self.changed.emit()

    def add(self, page_id: str) -> bool:
        """Add a page at the end; False when it is already in or cannot be printed."""
        if page_id not in self.valid or page_id in self._ids:
            return False
        self._ids.append(page_id)
        self._save()
        return True

    def remove(self, row: int) -> None:
        """Take out the page at ``row`` (nothing happens for a row that is not there)."""
        if 0 <= row < len(self._ids):
            del self._ids[row]
            self._save()

    def move(self, row: int, step: int) -> int:
        """Move the page at ``row`` up (-1) or down (+1); returns where it is now."""
        target = row + step
        if not (0 <= row < len(self._ids) and 0 <= target < len(self._ids)):
            return row
        self._ids[row], self._ids[target] = self._ids[target], self._ids[row]
        self._save()
        return target

    def clear(self) -> None:
        """Empty the basket."""
        if self._ids:
            self._ids.clear()
            self._save()

    def _save(self) -> None:
        self.settings.basket = self._ids
        self.settings.sync()
        self.changed.emit()
