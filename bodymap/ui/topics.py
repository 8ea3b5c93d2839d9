"""The general topics list: every topic page by title, asking to open the one picked.

A small model over the pages' headings rather than a list item per topic: the view asks only
for the rows on screen, so a clinic folder of thousands of topics costs nothing to show and
the window opens as fast as with a handful.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtWidgets import QAbstractItemView, QListView, QWidget

from bodymap.content.model import PageHeading
from bodymap.ui.i18n import live
from bodymap.ui.library_model import LibraryModel
from bodymap.ui.literal import tooltip_text
from bodymap.ui.roles import PAGE_ID_ROLE

AnyIndex = QModelIndex | QPersistentModelIndex


class TopicsModel(QAbstractListModel):
    """One row per topic: its title, its summary as the tooltip, its id under PAGE_ID_ROLE.

    Titles and summaries are shown with their placeholders filled by ``shown`` (the library
    model's values), the tooltip as literal text.
    """

    def __init__(
        self,
        headings: Sequence[PageHeading],
        parent: QObject | None = None,
        shown: Callable[[str], str] = str,
    ) -> None:
        super().__init__(parent)
        self.shown = shown
        self.headings: list[PageHeading] = []
        self._rows: dict[str, int] = {}
        self.set_headings(headings)

    def set_headings(self, headings: Sequence[PageHeading]) -> None:
        """Show a new set of topics (the content was reloaded)."""
        self.beginResetModel()
        self.headings = list(headings)
        self._rows = {heading.id: row for row, heading in enumerate(self.headings)}
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headings)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.headings):
            return None
        heading = self.headings[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.shown(heading.title)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip_text(self.shown(heading.summary))
        if role == PAGE_ID_ROLE:
            return heading.id
        return None

    def index_of(self, page_id: str) -> QModelIndex:
        """The row showing this page, or an invalid index when it is not a topic here."""
        row = self._rows.get(page_id)
        return self.index(row, 0) if row is not None else QModelIndex()


class TopicsList(QListView):
    """The list under the map; a click or Enter on a topic asks for its page."""

    pageRequested = Signal(str)

    def __init__(self, library: LibraryModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.setObjectName("topics-list")
        # Styled before it has rows: a style sheet set later lays every row out again (2,700
        # rows of a big folder: ~2 ms of start-up).
        self.setStyleSheet("QListView::item { padding: 3px 4px; }")
        live(self, lambda: self.setAccessibleName(self.tr("General topics")))
        self.topics = TopicsModel(library.library.topic_headings(), self, library.shown)
        self.setModel(self.topics)
        self.setUniformItemSizes(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.activated.connect(self._open)
        self.clicked.connect(self._open)
        library.reloaded.connect(self._on_reloaded)
        library.valuesChanged.connect(self._on_reloaded)

    @Slot()
    def _on_reloaded(self) -> None:
        self.topics.set_headings(self.library.library.topic_headings())

    def page_id_at(self, row: int) -> str | None:
        value = self.topics.index(row, 0).data(PAGE_ID_ROLE)
        return str(value) if value is not None else None

    def current_page_id(self) -> str | None:
        return self.page_id_at(self.currentIndex().row()) if self.currentIndex().isValid() else None

    def show_open_page(self, page_id: str) -> None:
        """Select the open page when it is a topic; otherwise select nothing."""
        index = self.topics.index_of(page_id)
        if index.isValid():
            self.setCurrentIndex(index)
            self.scrollTo(index)
        else:
            self.clearSelection()

    @Slot(QModelIndex)
    def _open(self, index: QModelIndex) -> None:
        page_id = index.data(PAGE_ID_ROLE)
        if page_id:
            self.pageRequested.emit(str(page_id))
