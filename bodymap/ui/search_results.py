"""The search results list that drops down under the search field: model, drawing, popup.

Loaded with the first search (see ``SearchPanel.popup``): none of it is on screen before, and
the item view, the delegate and the style they draw with would otherwise slow the start.
"""

from __future__ import annotations

from collections.abc import Mapping
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from bodymap.ui.i18n import live
from bodymap.ui.roles import MARKUP_ROLE, PAGE_ID_ROLE, SUGGESTION_ROLE

if TYPE_CHECKING:
    from bodymap.content.search import SearchResponse, SearchResult

AnyIndex = QModelIndex | QPersistentModelIndex


class SearchResultsModel(QAbstractListModel):
    """Results, or, when there are none, a plain message and "did you mean" suggestions."""

    def __init__(
        self,
        region_titles: dict[str, str],
        parent: QObject | None = None,
        values: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.region_titles = region_titles
        self.values: Mapping[str, str] = values or {}
        """The placeholders' values (``outline.fill_values``), filled into titles and snippets."""
        self.results: list[SearchResult] = []
        self.message: str | None = None
        self.suggestions: list[str] = []

    def set_response(self, response: SearchResponse | None) -> None:
        self.beginResetModel()
        self.results = [r.filled(self.values) for r in response.results] if response else []
        self.suggestions = list(response.suggestions) if response and not self.results else []
        self.message = None
        if response is not None and not self.results:
            self.message = self.tr("No results for “{query}”.").format(
                query=response.query.strip()[:60]
            )
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
            hint = " " + (
                self.tr("Did you mean:") if self.suggestions else self.tr("Try other words.")
            )
            shown = role in (Qt.ItemDataRole.DisplayRole, MARKUP_ROLE)
            return f"{self.message} {hint}" if shown else None
        suggestion = self.suggestions[row - (1 if self.message else 0)]
        values: dict[int, object] = {
            Qt.ItemDataRole.DisplayRole: self.tr("Search for {words}").format(words=suggestion),
            MARKUP_ROLE: "&nbsp;&nbsp;"
            + escape(self.tr("Search for {words}")).format(words=f"<b>{escape(suggestion)}</b>"),
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
    region_words = QCoreApplication.translate("SearchResultsModel", "{region} region")
    where = (
        f"&nbsp;&nbsp;<small>{escape(region_words.format(region=region))}</small>" if region else ""
    )
    return f"<b>{escape(result.title)}</b>{where}<br><small>{snippet}</small>"


class ResultDelegate(QStyledItemDelegate):
    """Draws a result as title, region and a snippet with the matched words in bold."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._sizes: dict[tuple[str, int, float], QSize] = {}

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
        key = (str(index.data(MARKUP_ROLE) or ""), self._width(option), option.font.pointSizeF())
        size = self._sizes.get(key)
        if size is None:
            if len(self._sizes) > 1000:
                self._sizes.clear()
            document = self._document(option, index)
            size = QSize(int(document.idealWidth()), int(document.size().height()))
            self._sizes[key] = size
        return size


class ResultsPopup(QFrame):
    """The frame under the field holding the results list; it never takes the focus."""

    def __init__(
        self,
        window: QWidget,
        region_titles: dict[str, str],
        values: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(window)
        self.setObjectName("search-results")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.model = SearchResultsModel(region_titles, self, values)
        self.view = QListView(self)
        self.view.setObjectName("search-results-list")
        live(self, lambda: self.view.setAccessibleName(self.tr("Search results")))
        self.view.setModel(self.model)
        self.view.setItemDelegate(ResultDelegate(self.view))
        self.view.setUniformItemSizes(False)
        self.view.setWordWrap(True)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.view.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(1, 1, 1, 1)
        layout.addWidget(self.view)
        self.hide()
