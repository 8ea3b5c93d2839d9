"""The page pane: shows one page as read-only rich text that a screen reader can read."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

import msgspec
from PySide6.QtCore import QRectF, Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter, QTextDocument, QTextOption
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QTextBrowser, QWidget

from bodymap.content.model import ContentLibrary, Page
from bodymap.content.outline import page_id_from_link
from bodymap.content.render import WARNING_ICON, RenderOptions, render_page
from bodymap.content.sides import side_title
from bodymap.content.spelling import DEFAULT_SPELLING
from bodymap.paths import resource
from bodymap.ui.i18n import live
from bodymap.ui.library_model import LibraryModel
from bodymap.ui.theme import Theme

ICON_PIXELS = 96
READING_CHARACTERS = 22
"""The page pane is never narrower than this many average characters of its text: a
narrow window or an open handout basket cannot squeeze the page to a sliver."""
DOCUMENT_MARGIN = 18
KEPT_DOCUMENTS = 40  # pages recently shown or about to be; older ones are made again if needed


def warning_icon() -> QImage:
    """The warning triangle, drawn from SVG at a size that stays crisp on high-DPI screens."""
    image = QImage(ICON_PIXELS, ICON_PIXELS, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(0, 0, 0, 0))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(resource("warning.svg"))).render(painter, QRectF(image.rect()))
    painter.end()
    return image


class _PageDocument(msgspec.Struct, frozen=True, eq=False):
    """A page's document and what it was made from; it is reused only for exactly that."""

    page: Page
    emergency_number: str
    same_day: str
    document: QTextDocument


class PageView(QTextBrowser):
    """Read-only page text. Only ``page:`` links do anything; nothing is ever loaded.

    Each page gets its own QTextDocument, kept for the next visit: showing a page swaps
    documents instead of re-parsing HTML into the one on screen, which would lay the whole
    page out (twice, as the scroll bar goes and comes back) before the first line is drawn.
    A swapped-in document lays out what is visible first and the rest when the app is idle.
    """

    pageRequested = Signal(str)

    def __init__(
        self, theme: Theme, library: LibraryModel | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.theme = theme
        self.model = library
        self._icon: QImage | None = None
        self._style_sheet = ""
        self._documents: OrderedDict[tuple[str, str | None], _PageDocument] = OrderedDict()
        # The library (and its revision) the kept documents come from.
        self._made_from: tuple[ContentLibrary, int] | None = None
        self._on_screen: QTextDocument | None = None  # the shown one, when it is one of ours
        self._waiting: list[tuple[Page, ContentLibrary, str, str, str | None]] = []
        self.page_id: str | None = None
        self.side: str | None = None
        self.spelling = DEFAULT_SPELLING
        """English spelling for the clinic's country ("en-US", "en-GB"); set before the first
        page is shown (``spelling.spelling_for_territory``)."""
        self._first_tab: QWidget | None = None
        self.setObjectName("page-view")
        live(self, lambda: self.setAccessibleName(self.tr("Page")))
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._on_anchor_clicked)
        self.document().setDocumentMargin(DOCUMENT_MARGIN)
        self._base_point_size = max(self.font().pointSizeF() * 1.2, 11.0)
        self.text_scale = 1.0
        self._apply_theme()
        self.setWordWrapMode(QTextOption.WrapMode.WordWrap)
        self._fit_minimum_width()

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self._apply_theme()

    def _apply_theme(self) -> None:
        colors = self.theme.page
        font = self.font()
        font.setPointSizeF(self._base_point_size * self.text_scale)
        self._style_sheet = (
            f"a {{ color: {colors.link}; text-decoration: underline; }}"
            "h1 { font-size: xx-large; margin-bottom: 4px; }"
            "h2 { font-size: x-large; margin-top: 18px; margin-bottom: 6px; }"
            "h3 { font-size: large; margin-top: 10px; margin-bottom: 4px; }"
            "li { margin-bottom: 4px; }"
        )
        self.document().setDefaultFont(font)
        self.document().setDefaultStyleSheet(self._style_sheet)
        self.forget_documents()  # they were parsed with the old colours

    def tab_out_first(self, target: QWidget) -> None:
        """The next Tab goes to ``target`` rather than into the page's links (at start the
        page has the focus, and the Home page says Tab moves into the map); a click in the
        page, or that Tab, ends it."""
        self._first_tab = target

    def focusNextPrevChild(self, next: bool) -> bool:
        target, self._first_tab = self._first_tab, None
        if next and target is not None and target.isVisible():
            target.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        return super().focusNextPrevChild(next)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._first_tab = None
        super().mousePressEvent(event)

    def set_text_scale(self, scale: float) -> None:
        """Set the page text at ``scale`` times its usual size (1.0 is about 12 pt)."""
        self.text_scale = scale
        font = self.document().defaultFont()
        font.setPointSizeF(self._base_point_size * scale)
        self.document().setDefaultFont(font)
        self._fit_minimum_width()

    def _fit_minimum_width(self) -> None:
        average = self.fontMetrics().averageCharWidth() * self._base_point_size
        per_character = average / max(self.font().pointSizeF(), 1.0) * self.text_scale
        self.setMinimumWidth(int(per_character * READING_CHARACTERS))

    def show_page(
        self,
        page: Page,
        library: ContentLibrary,
        emergency_number: str,
        same_day: str = "",
        side: str | None = None,
    ) -> None:
        """Show ``page`` from the top; the same page shown again (a reload, or another side
        picked) keeps its place.

        ``emergency_number`` and ``same_day`` fill the content's placeholders (``""`` gives
        the plain-words default of ``outline.fill_values``); ``side`` (``"left"``/``"right"``)
        puts the picked side in the title ("Left calf").
        """
        scrolled = self.verticalScrollBar().value() if page.id == self.page_id else 0
        document = self._document_for(page, library, emergency_number, same_day, side)
        current = self.document()
        if document is not current:
            if document.defaultFont() != current.defaultFont():  # zoomed since it was made
                document.setDefaultFont(current.defaultFont())
            previous = self._on_screen  # None while Qt's own first document is shown
            self.setDocument(document)
            self.setWordWrapMode(QTextOption.WrapMode.WordWrap)  # the view's, per document
            self._on_screen = document
            if previous is not None and not self._keeps(previous):
                previous.deleteLater()
        self.page_id = page.id
        self.side = side
        self.verticalScrollBar().setValue(scrolled)
        self.horizontalScrollBar().setValue(0)

    def prepare_later(
        self,
        pages: Sequence[tuple[Page, str | None]],
        library: ContentLibrary,
        emergency_number: str,
        same_day: str = "",
    ) -> None:
        """Make these pages' documents (each for a side, or None for the whole region) when
        the app is idle, one per turn of the event loop."""
        self._waiting = [(page, library, emergency_number, same_day, side) for page, side in pages]
        QTimer.singleShot(0, self, self._prepare_next)

    @Slot()
    def _prepare_next(self) -> None:
        if self._waiting:
            self._document_for(*self._waiting.pop(0))
        if self._waiting:
            QTimer.singleShot(0, self, self._prepare_next)

    def _document_for(
        self,
        page: Page,
        library: ContentLibrary,
        emergency_number: str,
        same_day: str = "",
        side: str | None = None,
    ) -> QTextDocument:
        # Compared here rather than on the model's ``reloaded``, so the reloaded page is never
        # shown from a kept document, whichever view hears of the reload first.
        revision = self.model.revision if self.model is not None else 0
        made_from = self._made_from
        if made_from is None or made_from[0] is not library or made_from[1] != revision:
            self.forget_documents()
            self._made_from = (library, revision)
        key = (page.id, side)
        kept = self._documents.get(key)
        if (
            kept is not None
            and kept.page is page
            and (kept.emergency_number, kept.same_day) == (emergency_number, same_day)
        ):
            self._documents.move_to_end(key)
            return kept.document
        options = RenderOptions(
            colors=self.theme.page,
            emergency_number=emergency_number,
            same_day=same_day,
            side=side,
            spelling=self.spelling,
        )
        document = QTextDocument(self)  # its images are asked of this view (loadResource)
        document.setDocumentMargin(DOCUMENT_MARGIN)
        document.setDefaultFont(self.document().defaultFont())
        document.setDefaultStyleSheet(self._style_sheet)
        self._wrap_at_words(document)
        document.setHtml(render_page(page, library, options))
        document.setMetaInformation(
            QTextDocument.MetaInformation.DocumentTitle,
            side_title(page.title, side, library.language),
        )
        if kept is not None:
            self._discard(kept.document)
        self._documents[key] = _PageDocument(page, emergency_number, same_day, document)
        while len(self._documents) > KEPT_DOCUMENTS:
            self._discard(self._documents.popitem(last=False)[1].document)
        return document

    @staticmethod
    def _wrap_at_words(document: QTextDocument) -> None:
        """Lines break between words only. QTextEdit's default also breaks inside a word
        that does not fit, which split "Warning" in the boxed heading at large sizes."""
        option = document.defaultTextOption()
        option.setWrapMode(QTextOption.WrapMode.WordWrap)
        document.setDefaultTextOption(option)

    def forget_documents(self) -> None:
        """Drop the kept pages (new colours, or reloaded content whose links may have changed)."""
        for kept in self._documents.values():
            self._discard(kept.document)
        self._documents.clear()

    def _discard(self, document: QTextDocument) -> None:
        if document is not self._on_screen:  # the one on screen goes when it is replaced
            document.deleteLater()

    def _keeps(self, document: QTextDocument) -> bool:
        return any(kept.document is document for kept in self._documents.values())

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        """Serve the warning icon; refuse everything else (files, web addresses, anything)."""
        if QUrl(name).toString() == WARNING_ICON:
            if self._icon is None:
                self._icon = warning_icon()
            return self._icon
        return None

    @Slot(QUrl)
    def _on_anchor_clicked(self, url: QUrl) -> None:
        page_id = page_id_from_link(url.toString())
        if page_id is not None:
            self.pageRequested.emit(page_id)
