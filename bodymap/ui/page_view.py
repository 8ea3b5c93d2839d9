"""The page pane: shows one page as read-only rich text that a screen reader can read."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QColor, QImage, QPainter, QTextDocument
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QTextBrowser, QWidget

from bodymap.content.model import ContentLibrary, Page
from bodymap.content.render import WARNING_ICON, RenderOptions, page_id_from_link, render_page
from bodymap.paths import resource
from bodymap.ui.theme import Theme

ICON_PIXELS = 96


def warning_icon() -> QImage:
    """The warning triangle, drawn from SVG at a size that stays crisp on high-DPI screens."""
    image = QImage(ICON_PIXELS, ICON_PIXELS, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(0, 0, 0, 0))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(resource("warning.svg"))).render(painter, QRectF(image.rect()))
    painter.end()
    return image


class PageView(QTextBrowser):
    """Read-only page text. Only ``page:`` links do anything; nothing is ever loaded."""

    pageRequested = Signal(str)

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme = theme
        self._icon = warning_icon()
        self.page_id: str | None = None
        self.setObjectName("page-view")
        self.setAccessibleName("Page")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.anchorClicked.connect(self._on_anchor_clicked)
        self.document().setDocumentMargin(18)
        self._apply_theme()

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self._apply_theme()

    def _apply_theme(self) -> None:
        colors = self.theme.page
        font = self.font()
        font.setPointSizeF(max(font.pointSizeF() * 1.2, 11.0))
        self.document().setDefaultFont(font)
        self.document().setDefaultStyleSheet(
            f"a {{ color: {colors.link}; text-decoration: underline; }}"
            "h1 { font-size: xx-large; margin-bottom: 4px; }"
            "h2 { font-size: x-large; margin-top: 18px; margin-bottom: 6px; }"
            "h3 { font-size: large; margin-top: 10px; margin-bottom: 4px; }"
            "li { margin-bottom: 4px; }"
        )

    def show_page(self, page: Page, library: ContentLibrary, emergency_number: str) -> None:
        """Show ``page`` from the top; the same page shown again (a reload) keeps its place."""
        same_page = page.id == self.page_id
        scrolled = self.verticalScrollBar().value() if same_page else 0
        options = RenderOptions(colors=self.theme.page, emergency_number=emergency_number)
        # setHtml empties the document first: the scroll bar went, the page was laid out at the
        # wider width, the bar came back and it was all laid out again (and the bar flickered).
        # Holding the bar while the text changes lays each page out once; a page that fits
        # still loses it when the policy goes back.
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.setHtml(render_page(page, library, options))
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.page_id = page.id
        self.document().setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, page.title)
        self.verticalScrollBar().setValue(scrolled)
        self.horizontalScrollBar().setValue(0)

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        """Serve the warning icon; refuse everything else (files, web addresses, anything)."""
        if QUrl(name).toString() == WARNING_ICON:
            return self._icon
        return None

    @Slot(QUrl)
    def _on_anchor_clicked(self, url: QUrl) -> None:
        page_id = page_id_from_link(url.toString())
        if page_id is not None:
            self.pageRequested.emit(page_id)
