"""The handout basket's pages, kept in the settings so a restart keeps them.

Apart from the controller (``ui/handout.py``) and the basket's list (``ui/basket.py``), which
both use it: the list is made only when the basket is first shown.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from bodymap.settings import Settings


class _Change(QUndoCommand):
    """One change to the basket's pages (clear, remove, move, drag), as before and after."""

    def __init__(self, basket: HandoutBasket, text: str, after: list[str]) -> None:
        super().__init__(text)
        self.basket = basket
        self.before = list(basket.page_ids)
        self.after = after

    def redo(self) -> None:
        self.basket._set(self.after)

    def undo(self) -> None:
        self.basket._set(self.before)


class HandoutBasket(QObject):
    """Pages collected for one handout, in order; saved on every change so a restart keeps it.

    Clearing, removing and reordering can be undone (``undo_stack``: Ctrl+Z in the basket).
    """

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
        self.undo_stack = QUndoStack(self)

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
            self.undo_stack.clear()  # the pages that went cannot come back
            self._save()
        else:
            self.changed.emit()

    def add(self, page_id: str) -> bool:
        """Add a page at the end; False when it is already in or cannot be printed."""
        if page_id not in self.valid or page_id in self._ids:
            return False
        self.undo_stack.push(_Change(self, "Add Page", [*self._ids, page_id]))
        return True

    def remove(self, row: int) -> None:
        """Take out the page at ``row`` (nothing happens for a row that is not there)."""
        if 0 <= row < len(self._ids):
            after = self._ids[:row] + self._ids[row + 1 :]
            self.undo_stack.push(_Change(self, "Remove Page", after))

    def move(self, row: int, step: int) -> int:
        """Move the page at ``row`` up (-1) or down (+1); returns where it is now."""
        target = row + step
        if not (0 <= row < len(self._ids) and 0 <= target < len(self._ids)):
            return row
        after = list(self._ids)
        after[row], after[target] = after[target], after[row]
        self.undo_stack.push(_Change(self, "Move Page", after))
        return target

    def reorder(self, page_ids: list[str]) -> None:
        """The same pages in a new order (dragged in the list); anything else is ignored."""
        if sorted(page_ids) == sorted(self._ids) and page_ids != self._ids:
            self.undo_stack.push(_Change(self, "Move Page", list(page_ids)))

    def clear(self) -> None:
        """Empty the basket (Undo puts the pages back)."""
        if self._ids:
            self.undo_stack.push(_Change(self, "Clear Handout", []))

    def _set(self, page_ids: list[str]) -> None:
        self._ids = [page_id for page_id in page_ids if page_id in self.valid]
        self._save()

    def _save(self) -> None:
        self.settings.basket = self._ids
        self.settings.sync()
        self.changed.emit()
