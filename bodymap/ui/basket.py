"""The handout basket in its dock: the pages in print order, with buttons to reorder them.

Pages can be dragged into a new order; Clear, Remove and moves can be undone (Ctrl+Z in the
basket, or the Undo button); Enter presses the focused button. Made when the dock is first
shown (an empty basket keeps the dock closed at start-up).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from bodymap.content.sides import parse_side_key, side_title
from bodymap.ui.handout_basket import HandoutBasket
from bodymap.ui.i18n import live
from bodymap.ui.library_model import LibraryModel
from bodymap.ui.roles import PAGE_ID_ROLE


class _BasketList(QListWidget):
    """In the list, Delete removes and Ctrl+Up / Ctrl+Down reorder, like the buttons; pages
    can be dragged into a new order (``reordered`` gives the entries, as
    ``HandoutBasket.entries``, after a drop moved one)."""

    removeRequested = Signal()
    moveRequested = Signal(int)
    reordered = Signal(list)

    def __init__(self) -> None:
        super().__init__()
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setDragEnabled(True)
        self.viewport().setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        # A drop moves the row in the model; the list is otherwise only ever rebuilt.
        self.model().rowsMoved.connect(self._moved)

    @Slot()
    def _moved(self) -> None:
        self.reordered.emit(self.entries())

    def entries(self) -> list[str]:
        return [str(self.item(row).data(PAGE_ID_ROLE)) for row in range(self.count())]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        control = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if event.key() == Qt.Key.Key_Delete and not control:
            self.removeRequested.emit()
        elif control and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.moveRequested.emit(-1 if event.key() == Qt.Key.Key_Up else 1)
        else:
            super().keyPressEvent(event)


class BasketWidget(QWidget):
    """The basket's list, with buttons to reorder, remove, print and export it.

    Shows the pages' titles as the content has them now (it follows reloads), with the side
    picked ("Left calf").
    """

    def __init__(
        self,
        basket: HandoutBasket,
        library: LibraryModel,
        *,
        print_action: QAction,
        preview_action: QAction,
        export_action: QAction,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.basket = basket
        self.library = library
        self.setObjectName("handout-basket")
        self.list = _BasketList()
        self.list.setObjectName("handout-basket-list")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.label = QLabel()
        self.label.setBuddy(self.list)

        self.up_button = self._button(self.move_up)
        self.down_button = self._button(self.move_down)
        self.remove_button = self._button(self.remove_selected)
        self.clear_button = self._button(self.basket.clear)
        self.undo_action = basket.undo_stack.createUndoAction(self)
        self.undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.undo_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.addAction(self.undo_action)
        self.undo_button = self._make_undo_button()
        self.undo_button.setObjectName("handout-basket-undo")
        basket.undo_stack.undoTextChanged.connect(self._undo_text)
        self.print_button = self._action_button(print_action)
        self.preview_button = self._action_button(preview_action)
        self.export_button = self._action_button(export_action)

        edit = QGridLayout()
        edit.addWidget(self.up_button, 0, 0)
        edit.addWidget(self.down_button, 0, 1)
        edit.addWidget(self.remove_button, 1, 0)
        edit.addWidget(self.clear_button, 1, 1)
        edit.addWidget(self.undo_button, 2, 0, 1, 2)
        output = QVBoxLayout()
        for button in (self.print_button, self.preview_button, self.export_button):
            output.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addLayout(edit)
        layout.addLayout(output)

        self.list.removeRequested.connect(self.remove_selected)
        self.list.reordered.connect(self._dropped)
        self.list.moveRequested.connect(self._move)
        self.list.currentRowChanged.connect(self._update_buttons)
        self.basket.changed.connect(self._reload)
        library.reloaded.connect(self._reload)
        live(self, self._retranslate)
        self._reload()

    def _retranslate(self) -> None:
        self.setAccessibleName(self.tr("Handout basket"))
        self.list.setAccessibleName(self.tr("Pages in the handout, in print order"))
        self.empty.setText(self.tr("No pages yet. Open a page and choose File → Add to Handout."))
        self.label.setText(self.tr("Pages in this hand&out:"))
        for button, text, tip in (
            (self.up_button, self.tr("Move &up"), self.tr("Move the selected page up")),
            (self.down_button, self.tr("Move &down"), self.tr("Move the selected page down")),
            (
                self.remove_button,
                self.tr("&Remove"),
                self.tr("Remove the selected page from the handout"),
            ),
            (
                self.clear_button,
                self.tr("C&lear"),
                self.tr("Remove every page (Undo puts them back)"),
            ),
        ):
            button.setText(text)
            button.setToolTip(tip)
            button.setAccessibleName(text.replace("&", ""))
        self.basket.retranslate()
        self._undo_text(self.basket.undo_stack.undoText())

    def _make_undo_button(self) -> QPushButton:
        """Undo's button, named by _undo_text ("Undo Clear Handout")."""
        button = QPushButton()
        button.setAutoDefault(True)
        button.clicked.connect(self.undo_action.trigger)
        button.setEnabled(self.undo_action.isEnabled())
        self.undo_action.enabledChanged.connect(button.setEnabled)
        return button

    def _button(self, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton()
        button.setAutoDefault(True)  # Enter presses the focused button, as Space does
        button.clicked.connect(slot)
        return button

    def _action_button(self, action: QAction) -> QPushButton:
        """A button that does what ``action`` does, named as it is (set in _retranslate)."""
        button = QPushButton()
        button.setAutoDefault(True)

        def follow_action() -> None:
            button.setText(action.text())
            button.setAccessibleName(action.text().replace("&", "").rstrip("…"))
            button.setToolTip(action.toolTip())

        follow_action()
        action.changed.connect(follow_action)  # its words change with the language
        button.clicked.connect(action.trigger)
        button.setEnabled(action.isEnabled())
        action.enabledChanged.connect(button.setEnabled)
        return button

    def titles(self) -> list[str]:
        """What the list shows, top to bottom."""
        return [self.list.item(row).text() for row in range(self.list.count())]

    @Slot()
    def _reload(self, select: int | None = None) -> None:
        row = self.list.currentRow() if select is None else select
        blocked = self.list.blockSignals(True)
        self.list.clear()
        library = self.library.library
        for key in self.basket.entries:
            page_id, side = parse_side_key(key)
            page = library.get(page_id)
            title = page.title if page is not None else page_id
            item = QListWidgetItem(side_title(title, side, library.language))
            item.setData(PAGE_ID_ROLE, key)
            self.list.addItem(item)
        self.list.blockSignals(blocked)
        if self.list.count():
            self.list.setCurrentRow(min(max(row, 0), self.list.count() - 1))
        self.empty.setVisible(self.list.count() == 0)
        self._update_buttons()

    @Slot()
    def _update_buttons(self) -> None:
        row = self.list.currentRow()
        count = self.list.count()
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < count - 1)
        self.remove_button.setEnabled(0 <= row < count)
        self.clear_button.setEnabled(count > 0)

    @Slot()
    def move_up(self) -> None:
        self._move(-1)

    @Slot()
    def move_down(self) -> None:
        self._move(1)

    @Slot(int)
    def _move(self, step: int) -> None:
        row = self.list.currentRow()
        target = self.basket.move(row, step)
        self._reload(select=target)
        self.list.setFocus(Qt.FocusReason.OtherFocusReason)

    @Slot(str)
    def _undo_text(self, change: str) -> None:
        """The Undo button names what it undoes ("Undo Clear Handout")."""
        text = self.tr("&Undo {change}").format(change=change) if change else self.tr("&Undo")
        self.undo_button.setText(text)
        if isValid(self.undo_action):  # (the stack outlives the list, and may speak last)
            self.undo_action.setText(text)  # after Qt's own, which it set in one language
            self.undo_action.setToolTip(text.replace("&", ""))
        self.undo_button.setAccessibleName(text.replace("&", ""))

    @Slot(list)
    def _dropped(self, entries: list[str]) -> None:
        moved = self.list.currentItem()
        key = moved.data(PAGE_ID_ROLE) if moved is not None else None
        self.basket.reorder(entries)
        if key in entries:
            self._reload(select=entries.index(key))

    @Slot()
    def remove_selected(self) -> None:
        row = self.list.currentRow()
        self.basket.remove(row)
        self._reload(select=row)
