"""The search field in the toolbar and the results list that drops down under it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt, Signal, Slot
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QListView, QWidget

from bodymap.ui.i18n import live
from bodymap.ui.roles import PAGE_ID_ROLE, SUGGESTION_ROLE

if TYPE_CHECKING:
    # The index (SQLite, rapidfuzz) loads with the first search, never before the first frame.
    from bodymap.content.search import SearchIndex
    from bodymap.ui.library_model import LibraryModel
    from bodymap.ui.search_results import ResultsPopup, SearchResultsModel

VISIBLE_ROWS = 7
RESULT_LIMIT = 8


class SearchField(QLineEdit):
    """The toolbar search box; Up/Down/Enter steer the results list without leaving it."""

    navigate = Signal(int)
    chosen = Signal()
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("search-field")
        live(self, self._retranslate)
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(200)
        self.setMaxLength(500)

    def _retranslate(self) -> None:
        self.setPlaceholderText(self.tr("Search, e.g. “charley horse” (Ctrl+F)"))
        self.setAccessibleName(self.tr("Search topics"))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Down:
            self.navigate.emit(1)
        elif key == Qt.Key.Key_Up:
            self.navigate.emit(-1)
        elif key in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            self.navigate.emit(VISIBLE_ROWS if key == Qt.Key.Key_PageDown else -VISIBLE_ROWS)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.chosen.emit()
        elif key == Qt.Key.Key_Escape:
            self.cancelled.emit()
        else:
            super().keyPressEvent(event)


class SearchPanel(QObject):
    """Connects the field, the index and the drop-down list; asks for pages to be opened.

    ``index_factory`` opens the search index over the library's current content; it is called
    with the first search, and again with the first search after a reload.
    """

    pageRequested = Signal(str, str)
    """A result was chosen: its page id, and the side the query named ("left calf": "left";
    "" for none). The navigator ignores a side the page's region is not drawn with."""

    def __init__(
        self,
        window: QWidget,
        library: LibraryModel,
        index_factory: Callable[[], SearchIndex],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.library = library
        self._index_factory = index_factory
        self._index: SearchIndex | None = None
        self._return_focus: QWidget | None = None
        self._popup: ResultsPopup | None = None
        self._font: QFont | None = None
        library.reloaded.connect(self.content_changed)
        library.valuesChanged.connect(self._values_changed)
        self.field = SearchField()
        self.field.textChanged.connect(self.run_query)
        self.field.navigate.connect(self._move)
        self.field.chosen.connect(self._choose_current)
        self.field.cancelled.connect(self.cancel)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)

    @property
    def popup(self) -> ResultsPopup:
        """The results list, made with the first search: nothing of it shows before."""
        if self._popup is None:
            from bodymap.ui.search_results import ResultsPopup  # noqa: PLC0415

            self._popup = ResultsPopup(self.window, self.library.region_titles, self.library.values)
            self._popup.view.clicked.connect(self._activate)
            if self._font is not None:
                self._popup.view.setFont(self._font)
            self.window.installEventFilter(self)  # to follow the window while it shows
        return self._popup

    @property
    def model(self) -> SearchResultsModel:
        return self.popup.model

    @property
    def view(self) -> QListView:
        return self.popup.view

    def _popup_shown(self) -> bool:
        return self._popup is not None and self._popup.isVisible()

    @property
    def index(self) -> SearchIndex:
        """Built on first use, so start-up never waits for it."""
        if self._index is None:
            self._index = self._index_factory()
        return self._index

    @Slot()
    def content_changed(self) -> None:
        """The content was reloaded: the next search opens an index of the new content.

        The results list is only touched when it exists: a reload never makes it.
        """
        if self._index is not None:
            self._index.close()
            self._index = None
        if self._popup is not None:
            self._popup.model.region_titles = self.library.region_titles
            if self._popup.isVisible():
                self.run_query(self.field.text())

    def set_text_font(self, font: QFont) -> None:
        """The font the field and the results list use (View → Larger/Smaller Text)."""
        self._font = font
        self.field.setFont(font)
        if self._popup is not None:
            self._popup.view.setFont(font)
            if self._popup.isVisible():
                self._show_popup()

    @Slot()
    def _values_changed(self) -> None:
        """New placeholder values (Preferences): shown results say them at once."""
        if self._popup is not None:
            self._popup.model.values = self.library.values
            self._popup.model.region_titles = self.library.region_titles
            if self._popup.isVisible():
                self.run_query(self.field.text())

    def focus(self) -> None:
        """Ctrl+F: into the field, wherever it is (its toolbar is shown if it was hidden)."""
        bar = self.field.parentWidget()
        if not self.field.isVisibleTo(self.window) and bar is not None:
            bar.show()
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        if self.field.text().strip():
            self.run_query(self.field.text())

    @Slot(str)
    def run_query(self, text: str) -> None:
        if not text.strip():
            if self._popup is not None:
                self.model.set_response(None)
                self._popup.hide()
            return
        response = self.index.search(text, limit=RESULT_LIMIT)
        self.model.set_response(response)
        if response.results:
            self.view.setCurrentIndex(self.model.index(0))
        self._show_popup()

    def _show_popup(self) -> None:
        field_rect = self.field.rect()
        top_left = self.field.mapTo(self.window, QPoint(0, field_rect.height() + 2))
        width = max(field_rect.width(), 460)
        left = min(top_left.x(), max(0, self.window.width() - width - 4))
        rows = self.model.rowCount()
        hint = sum(self.view.sizeHintForRow(r) for r in range(min(rows, VISIBLE_ROWS)))
        available = max(80, self.window.height() - top_left.y() - 8)
        height = min(hint + 6, available)
        self.popup.setGeometry(left, top_left.y(), min(width, self.window.width() - 8), height)
        self.popup.show()
        self.popup.raise_()

    @Slot(int)
    def _move(self, step: int) -> None:
        if not self._popup_shown():
            if self.field.text().strip():
                self.run_query(self.field.text())
            return
        selectable = Qt.ItemFlag.ItemIsSelectable
        rows = [
            r
            for r in range(self.model.rowCount())
            if self.model.flags(self.model.index(r)) & selectable
        ]
        if not rows:
            return
        current = self.view.currentIndex().row()
        position = rows.index(current) if current in rows else -1
        target = rows[max(0, min(len(rows) - 1, position + step))]
        self.view.setCurrentIndex(self.model.index(target))

    @Slot()
    def _choose_current(self) -> None:
        if not self._popup_shown():
            if not self.field.text().strip():
                return
            self.run_query(self.field.text())
        index = self.view.currentIndex()
        if index.isValid():
            self._activate(index)

    @Slot(QModelIndex)
    def _activate(self, index: QModelIndex) -> None:
        suggestion = index.data(SUGGESTION_ROLE)
        if suggestion:
            self.field.setText(str(suggestion))
            return
        page_id = index.data(PAGE_ID_ROLE)
        if page_id:
            from bodymap.content.search import query_side  # noqa: PLC0415 - loaded by now

            self.popup.hide()
            self.pageRequested.emit(str(page_id), query_side(self.field.text()) or "")

    @Slot()
    def cancel(self) -> None:
        """Esc: clear the search and go back to where the person was."""
        self.field.clear()
        if self._popup is not None:
            self._popup.hide()
        target = self._return_focus
        self._return_focus = None
        if target is not None and target.isVisible():
            target.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.field.clearFocus()

    @Slot(QWidget, QWidget)
    def _on_focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        """Remember where focus came from, so Esc can give it back."""
        if new is self.field and old is not None and old is not self.field:
            self._return_focus = old

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Keep the list under the field when the window resizes; a click elsewhere closes it."""
        host = getattr(self, "window", None)  # absent while Python tears the object down
        if host is None or watched is not host or not self._popup_shown():
            return False
        if event.type() == QEvent.Type.Resize:
            self._show_popup()
        elif event.type() == QEvent.Type.MouseButtonPress:
            self.popup.hide()
        return False
