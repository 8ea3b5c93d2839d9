"""The search field in the toolbar and the results list that drops down under it."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QRectF,
    QSize,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QKeyEvent, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    # The index (SQLite, rapidfuzz) loads with the first search, never before the first frame.
    from bodymap.content.search import SearchIndex, SearchResponse, SearchResult

PAGE_ID_ROLE = Qt.ItemDataRole.UserRole
SUGGESTION_ROLE = Qt.ItemDataRole.UserRole + 1
MARKUP_ROLE = Qt.ItemDataRole.UserRole + 2
VISIBLE_ROWS = 7
RESULT_LIMIT = 8
AnyIndex = QModelIndex | QPersistentModelIndex


class SearchResultsModel(QAbstractListModel):
    """Results, or, when there are none, a plain message and "did you mean" suggestions."""

    def __init__(self, region_titles: dict[str, str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.region_titles = region_titles
        self.results: list[SearchResult] = []
        self.message: str | None = None
        self.suggestions: list[str] = []

    def set_response(self, response: SearchResponse | None) -> None:
        self.beginResetModel()
        self.results = list(response.results) if response else []
        self.suggestions = list(response.suggestions) if response and not self.results else []
        self.message = None
        if response is not None and not self.results:
            self.message = f"No results for “{response.query.strip()[:60]}”."
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid():
            return 0
        if self.results:
            return len(self.results)
        return (1 if self.message else 0) + len(self.suggestions)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        row = index.row()
        if self.results:
            return self._result_data(self.results[row], role)
        if self.message and row == 0:
            hint = " Did you mean:" if self.suggestions else " Try other words."
            shown = role in (Qt.ItemDataRole.DisplayRole, MARKUP_ROLE)
            return self.message + hint if shown else None
        suggestion = self.suggestions[row - (1 if self.message else 0)]
        values: dict[int, object] = {
            Qt.ItemDataRole.DisplayRole: f"Search for {suggestion}",
            MARKUP_ROLE: f"&nbsp;&nbsp;Search for <b>{escape(suggestion)}</b>",
            SUGGESTION_ROLE: suggestion,
        }
        return values.get(role)

    def _result_data(self, result: SearchResult, role: int) -> object:
        region = self.region_titles.get(result.region or "", "")
        if role == Qt.ItemDataRole.DisplayRole:
            where = f" ({region})" if region else ""
            snippet = "".join(text for text, _ in result.snippet_parts())
            return f"{result.title}{where}. {snippet}"
        if role == PAGE_ID_ROLE:
            return result.id
        if role == MARKUP_ROLE:
            return _result_markup(result, region)
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if not self.results and self.message and index.row() == 0:
            return Qt.ItemFlag.ItemIsEnabled  # the message itself cannot be chosen
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def _result_markup(result: SearchResult, region: str) -> str:
    snippet = "".join(
        f"<b><u>{escape(text)}</u></b>" if highlighted else escape(text)
        for text, highlighted in result.snippet_parts()
    )
    where = f"&nbsp;&nbsp;<small>{escape(region)} region</small>" if region else ""
    return f"<b>{escape(result.title)}</b>{where}<br><small>{snippet}</small>"


class ResultDelegate(QStyledItemDelegate):
    """Draws a result as title, region and a snippet with the matched words in bold."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sizes: dict[tuple[str, int], QSize] = {}

    def _document(self, option: QStyleOptionViewItem, index: AnyIndex) -> QTextDocument:
        document = QTextDocument()
        document.setDocumentMargin(6)
        document.setDefaultFont(option.font)
        document.setHtml(str(index.data(MARKUP_ROLE) or ""))
        document.setTextWidth(self._width(option))
        return document

    def _width(self, option: QStyleOptionViewItem) -> int:
        """The row's width; when Qt only asks for a size hint, the list's own width."""
        width = option.rect.width()
        view = self.parent()
        if width <= 0 and isinstance(view, QListView):
            width = view.viewport().width()
        return max(width, 200)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        self.initStyleOption(option, index)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        document = self._document(option, index)
        option.text = ""
        style = option.widget.style() if option.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        context = QAbstractTextDocumentLayout.PaintContext()
        group = QPalette.ColorGroup.Active
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(group, role))
        painter.save()
        rect = option.rect
        painter.translate(rect.topLeft())
        painter.setClipRect(QRectF(0, 0, rect.width(), rect.height()))
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: AnyIndex) -> QSize:
        """Measured once per text and width: typing re-shows many of the same results."""
        key = (str(index.data(MARKUP_ROLE) or ""), self._width(option))
        size = self._sizes.get(key)
        if size is None:
            if len(self._sizes) > 1000:
                self._sizes.clear()
            document = self._document(option, index)
            size = QSize(int(document.idealWidth()), int(document.size().height()))
            self._sizes[key] = size
        return size


class SearchField(QLineEdit):
    """The toolbar search box; Up/Down/Enter steer the results list without leaving it."""

    navigate = Signal(int)
    chosen = Signal()
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("search-field")
        self.setPlaceholderText("Search, e.g. “charley horse” (Ctrl+F)")
        self.setAccessibleName("Search topics")
        self.setClearButtonEnabled(True)
        self.setMinimumWidth(260)
        self.setMaxLength(500)

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
    """Connects the field, the index and the drop-down list; asks for pages to be opened."""

    pageRequested = Signal(str)

    def __init__(
        self,
        window: QWidget,
        index_factory: Callable[[], SearchIndex],
        region_titles: dict[str, str],
    ) -> None:
        super().__init__(window)
        self.window = window
        self._index_factory = index_factory
        self._index: SearchIndex | None = None
        self._return_focus: QWidget | None = None
        self.field = SearchField()
        self.model = SearchResultsModel(region_titles, self)
        self.popup = QFrame(window)
        self.popup.setObjectName("search-results")
        self.popup.setFrameShape(QFrame.Shape.StyledPanel)
        self.popup.setAutoFillBackground(True)
        self.view = QListView(self.popup)
        self.view.setObjectName("search-results-list")
        self.view.setAccessibleName("Search results")
        self.view.setModel(self.model)
        self.view.setItemDelegate(ResultDelegate(self.view))
        self.view.setUniformItemSizes(False)
        self.view.setWordWrap(True)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.view.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.view.clicked.connect(self._activate)
        layout = QVBoxLayout(self.popup)
        layout.setContentsMargins(1, 1, 1, 1)
        layout.addWidget(self.view)
        self.popup.hide()
        self.field.textChanged.connect(self.run_query)
        self.field.navigate.connect(self._move)
        self.field.chosen.connect(self._choose_current)
        self.field.cancelled.connect(self.cancel)
        window.installEventFilter(self)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)

    @property
    def index(self) -> SearchIndex:
        """Built on first use, so start-up never waits for it."""
        if self._index is None:
            self._index = self._index_factory()
        return self._index

    def focus(self) -> None:
        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()
        if self.field.text().strip():
            self.run_query(self.field.text())

    @Slot(str)
    def run_query(self, text: str) -> None:
        if not text.strip():
            self.model.set_response(None)
            self.popup.hide()
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
        if not self.popup.isVisible():
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
        if not self.popup.isVisible() and self.field.text().strip():
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
            self.popup.hide()
            self.pageRequested.emit(str(page_id))

    @Slot()
    def cancel(self) -> None:
        """Esc: clear the search and go back to where the person was."""
        self.field.clear()
        self.popup.hide()
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
        if host is None or watched is not host or not self.popup.isVisible():
            return False
        if event.type() == QEvent.Type.Resize:
            self._show_popup()
        elif event.type() == QEvent.Type.MouseButtonPress:
            self.popup.hide()
        return False
