"""The handout basket's pages, kept in the settings so a restart keeps them.

Each entry is a page with the side picked, as ``content.sides.side_key`` writes it: ``"calf"``
for the whole region, ``"calf:left"`` for the left calf only, so the left and the right calf
can be two entries beside the whole calf. Baskets saved before sides (plain ids) load as
whole-region entries.

Apart from the controller (``ui/handout.py``) and the basket's list (``ui/basket.py``), which
both use it: the list is made only when the basket is first shown.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from bodymap.content.sides import parse_side_key, side_key
from bodymap.settings import Settings
from bodymap.ui.i18n import QT_TRANSLATE_NOOP, live


def _entry(key: str) -> str:
    """``key`` written the one way (an unknown side reads as the whole region)."""
    return side_key(*parse_side_key(key))


class _Change(QUndoCommand):
    """One change to the basket's pages (clear, remove, move, drag), as before and after."""

    def __init__(self, basket: HandoutBasket, source: str, after: list[str]) -> None:
        """``source`` names the change in English, marked with QT_TRANSLATE_NOOP; it is shown
        translated (Undo names it) and translated again after a language switch."""
        super().__init__(QCoreApplication.translate("HandoutBasket", source))
        self.source = source
        self.basket = basket
        self.before = list(basket.entries)
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
        self._ids = self._kept(settings.basket)
        self.undo_stack = QUndoStack(self)
        live(self, self.retranslate)

    def retranslate(self) -> None:
        """Name the changes that can be undone in the interface's language now."""
        for index in range(self.undo_stack.count()):
            change = self.undo_stack.command(index)
            if isinstance(change, _Change):
                change.setText(QCoreApplication.translate("HandoutBasket", change.source))

    def _kept(self, keys: Iterable[str]) -> list[str]:
        """``keys`` as entries, without repeats or pages that cannot be printed."""
        kept: list[str] = []
        for key in map(_entry, keys):
            if parse_side_key(key)[0] in self.valid and key not in kept:
                kept.append(key)
        return kept

    @property
    def entries(self) -> tuple[str, ...]:
        """The entries in print order, as ``side_key`` writes them (``"calf:left"``)."""
        return tuple(self._ids)

    @property
    def page_ids(self) -> tuple[str, ...]:
        """The entries' page ids in print order (an id twice for its left and right side)."""
        return tuple(parse_side_key(key)[0] for key in self._ids)

    @property
    def sides(self) -> tuple[str | None, ...]:
        """The side of each entry in print order, as ``HandoutRequest.page_sides``: ``"left"``,
        ``"right"``, or None for the whole region."""
        return tuple(parse_side_key(key)[1] for key in self._ids)

    def has(self, page_id: str, side: str | None = None) -> bool:
        """Whether that page with that side (None: the whole region) is in the basket."""
        return side_key(page_id, side) in self._ids

    def set_valid(self, valid_ids: Iterable[str]) -> None:
        """The content changed: pages that are gone leave the basket."""
        self.valid = set(valid_ids)
        kept = self._kept(self._ids)
        if kept != self._ids:
            self._ids = kept
            self.undo_stack.clear()  # the pages that went cannot come back
            self._save()
        else:
            self.changed.emit()

    def add(self, page_id: str, side: str | None = None) -> bool:
        """Add a page at the end, with the person's ``side`` picked (``"left"``/``"right"``,
        None for the whole region); False when it is already in or cannot be printed."""
        key = side_key(page_id, side)
        if page_id not in self.valid or key in self._ids:
            return False
        self.undo_stack.push(
            _Change(self, QT_TRANSLATE_NOOP("HandoutBasket", "Add Page"), [*self._ids, key])
        )
        return True

    def remove(self, row: int) -> None:
        """Take out the page at ``row`` (nothing happens for a row that is not there)."""
        if 0 <= row < len(self._ids):
            after = self._ids[:row] + self._ids[row + 1 :]
            self.undo_stack.push(
                _Change(self, QT_TRANSLATE_NOOP("HandoutBasket", "Remove Page"), after)
            )

    def move(self, row: int, step: int) -> int:
        """Move the page at ``row`` up (-1) or down (+1); returns where it is now."""
        target = row + step
        if not (0 <= row < len(self._ids) and 0 <= target < len(self._ids)):
            return row
        after = list(self._ids)
        after[row], after[target] = after[target], after[row]
        self.undo_stack.push(_Change(self, QT_TRANSLATE_NOOP("HandoutBasket", "Move Page"), after))
        return target

    def reorder(self, entries: list[str]) -> None:
        """The same entries (``entries``' form) in a new order (dragged in the list); anything
        else is ignored."""
        if sorted(entries) == sorted(self._ids) and entries != self._ids:
            self.undo_stack.push(
                _Change(self, QT_TRANSLATE_NOOP("HandoutBasket", "Move Page"), list(entries))
            )

    def clear(self) -> None:
        """Empty the basket (Undo puts the pages back)."""
        if self._ids:
            self.undo_stack.push(
                _Change(self, QT_TRANSLATE_NOOP("HandoutBasket", "Clear Handout"), [])
            )

    def _set(self, entries: list[str]) -> None:
        self._ids = self._kept(entries)
        self._save()

    def _save(self) -> None:
        self.settings.basket = self._ids
        self.settings.sync()
        self.changed.emit()
