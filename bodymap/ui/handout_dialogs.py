"""Print Preview and Export for handouts, each with the choices made for one client.

The preview shows the sheets as they print (the same painting goes to the printer) at a
readable zoom, the page fitted to the width of the window; its side panel chooses the print
size, the client, the date, a note and what to include, and the preview follows each change.
Export has the same panel, then asks where to save; afterwards a message says where the file
is, with Open and Show in Folder.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from html import escape
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from bodymap.content.model import ContentLibrary
from bodymap.handout.compose import HandoutRequest
from bodymap.ui.handout_options import HandoutOptionsPanel
from bodymap.ui.i18n import current_language

ZOOM_STEP = 1.25
PREVIEW_DELAY_MS = 300
"""Typing a name or a note repaints the preview once the typing pauses, not at every key."""


class HandoutPreviewDialog(QDialog):
    """Print Preview: the sheets at a readable fit, paging and zoom, and the client's choices.

    ``paint(printer, request)`` paints the handout; ``printRequested`` and ``exportRequested``
    carry the request as chosen, for the controller to print or save.
    """

    printRequested = Signal(object)
    exportRequested = Signal(object)

    def __init__(
        self,
        printer: QPrinter,
        request: HandoutRequest,
        library: ContentLibrary,
        paint: Callable[[QPrinter, HandoutRequest], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Print Preview"))
        self.setObjectName("handout-preview")
        self.base_request = request
        self._paint = paint
        self.options = HandoutOptionsPanel(
            library,
            request.page_ids,
            request.print_size,
            language=",".join(request.languages) or current_language(),
        )
        self.preview = QPrintPreviewWidget(printer, self)
        self.preview.setObjectName("handout-preview-pages")
        self.preview.setAccessibleName(self.tr("Handout pages"))
        self.preview.paintRequested.connect(self._paint_preview)
        self.preview.previewChanged.connect(self._update_pages)
        self.page_label = QLabel()
        self.page_label.setObjectName("handout-preview-page")
        self.toolbar = self._toolbar()

        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self._print)
        self.export_button = QPushButton(self.tr("&Export PDF…"))
        self.export_button.clicked.connect(self._export)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.export_button, self.print_button, close):
            buttons.addWidget(button)

        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.addWidget(QLabel("<b>{}</b>".format(escape(self.tr("Made for this client")))))
        side_layout.addWidget(self.options, 1)
        pages = QWidget()
        pages_layout = QVBoxLayout(pages)
        pages_layout.setContentsMargins(0, 0, 0, 0)
        pages_layout.addWidget(self.toolbar)
        pages_layout.addWidget(self.preview, 1)
        splitter = QSplitter()
        splitter.addWidget(pages)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addLayout(buttons)

        self.repaint_timer = QTimer(self)
        self.repaint_timer.setSingleShot(True)
        self.repaint_timer.setInterval(PREVIEW_DELAY_MS)
        self.repaint_timer.timeout.connect(self.preview.updatePreview)
        self.options.changed.connect(self._options_changed)
        self._size_to_screen()
        self.preview.fitToWidth()  # readable at once: the page as wide as the window

    def request(self) -> HandoutRequest:
        """The request with this client's choices."""
        return self.options.apply(self.base_request)

    def _toolbar(self) -> QToolBar:
        bar = QToolBar()
        bar.setObjectName("handout-preview-toolbar")
        key = QKeySequence
        actions = [
            (self.tr("Fit &Width"), self.preview.fitToWidth, key("Ctrl+0")),
            (self.tr("Whole &Page"), self.preview.fitInView, key("Ctrl+9")),
            (
                self.tr("Zoom &Out"),
                partial(self.preview.zoomOut, ZOOM_STEP),
                key(key.StandardKey.ZoomOut),
            ),
            (
                self.tr("Zoom &In"),
                partial(self.preview.zoomIn, ZOOM_STEP),
                key(key.StandardKey.ZoomIn),
            ),
        ]
        for text, slot, shortcut in actions:
            action = bar.addAction(text)
            action.setShortcut(shortcut)
            action.triggered.connect(slot)
        bar.addSeparator()
        previous = bar.addAction(self.tr("Previous Page"))
        previous.setShortcut(key(key.StandardKey.MoveToPreviousPage))
        previous.triggered.connect(lambda: self._go(-1))
        bar.addWidget(self.page_label)
        following = bar.addAction(self.tr("Next Page"))
        following.setShortcut(key(key.StandardKey.MoveToNextPage))
        following.triggered.connect(lambda: self._go(1))
        return bar

    def _size_to_screen(self) -> None:
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is None:
            return
        self.resize(int(screen.width() * 0.8), int(screen.height() * 0.85))

    def _go(self, step: int) -> None:
        page = min(max(self.preview.currentPage() + step, 1), self.preview.pageCount())
        self.preview.setCurrentPage(page)
        self._update_pages()

    @Slot(QPrinter)
    def _paint_preview(self, printer: QPrinter) -> None:
        self._paint(printer, self.request())

    @Slot()
    def _update_pages(self) -> None:
        self.page_label.setText(
            "  "
            + self.tr("Page {page} of {pages}").format(
                page=self.preview.currentPage(), pages=self.preview.pageCount()
            )
            + "  "
        )

    @Slot()
    def _options_changed(self) -> None:
        valid = self.options.is_valid()
        self.print_button.setEnabled(valid)
        self.export_button.setEnabled(valid)
        if valid:
            self.repaint_timer.start()

    @Slot()
    def _print(self) -> None:
        self.printRequested.emit(self.request())

    @Slot()
    def _export(self) -> None:
        self.exportRequested.emit(self.request())


class ExportHandoutDialog(QDialog):
    """Export Handout as PDF: the client's choices first, then where to save (Export…)."""

    def __init__(
        self, request: HandoutRequest, library: ContentLibrary, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export Handout as PDF"))
        self.setObjectName("handout-export")
        self.base_request = request
        titles = [page.title for i in request.page_ids if (page := library.get(i)) is not None]
        heading = QLabel(f"<b>{escape(', '.join(titles))}</b>")
        heading.setWordWrap(True)
        heading.setTextFormat(Qt.TextFormat.RichText)
        self.options = HandoutOptionsPanel(
            library,
            request.page_ids,
            request.print_size,
            language=",".join(request.languages) or current_language(),
        )
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.export_button = self.buttons.addButton(
            self.tr("&Export…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.export_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.options.changed.connect(lambda: self.export_button.setEnabled(self.options.is_valid()))
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.options, 1)
        layout.addWidget(self.buttons)
        self.resize(520, 560)
        # Typing starts in "For:", and Enter there exports (focus on Cancel made Enter cancel).
        self.options.client.setFocus(Qt.FocusReason.OtherFocusReason)

    def request(self) -> HandoutRequest:
        return self.options.apply(self.base_request)


class SavedMessage(QMessageBox):
    """ "Saved" with the file's name and folder, and buttons to open it or show its folder."""

    def __init__(self, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.setObjectName("handout-saved")
        self.setIcon(QMessageBox.Icon.Information)
        self.setWindowTitle(self.tr("Handout saved"))
        self.setText(self.tr("The handout was saved as {file}.").format(file=path.name))
        self.setInformativeText(self.tr("In the folder {folder}").format(folder=path.parent))
        self.open_button = self.addButton(self.tr("&Open"), QMessageBox.ButtonRole.ActionRole)
        self.folder_button = self.addButton(
            self.tr("Show in &Folder"), QMessageBox.ButtonRole.ActionRole
        )
        self.close_button = self.addButton(QMessageBox.StandardButton.Close)
        self.setDefaultButton(self.close_button)
        self.setEscapeButton(self.close_button)
        self.open_button.clicked.connect(self.open_file)
        self.folder_button.clicked.connect(self.show_folder)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    @Slot()
    def open_file(self) -> None:
        """The PDF in the computer's usual PDF reader."""
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path)))

    @Slot()
    def show_folder(self) -> None:
        """The folder the PDF is in, in the computer's file manager."""
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path.parent)))
