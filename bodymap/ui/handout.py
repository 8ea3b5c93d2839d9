"""Handouts in the window: print, preview and export the open page, and the handout basket.

``HandoutController`` owns the actions (File → Print…, Print Preview…, Export PDF…, Add to
handout) and the basket; the main window only puts them in its menus and a dock. The basket
is a small model (``handout_basket.HandoutBasket``) kept in the settings, shown by
``basket.BasketWidget``. The clinic's details for the handout header are edited in
``clinic_preferences``; the request printed is made by ``bodymap.handout.request``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, Qt, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QWidget

from bodymap.content.model import HOME_ID, ContentLibrary
from bodymap.fileio import WriteError
from bodymap.qtshared.diagram import BodyDiagram
from bodymap.settings import Settings
from bodymap.ui.handout_basket import HandoutBasket
from bodymap.ui.i18n import QT_TRANSLATE_NOOP, current_language, live
from bodymap.ui.library_model import LibraryModel

if TYPE_CHECKING:
    # The composer, printing, the PDF typesetter and the basket's widgets load on first use,
    # so they never delay the first frame.
    from PySide6.QtPrintSupport import QPrinter

    from bodymap.handout.compose import Handout, HandoutRequest
    from bodymap.ui.basket import BasketWidget
    from bodymap.ui.handout_dialogs import (
        ExportHandoutDialog,
        HandoutPreviewDialog,
        SavedMessage,
    )


def warn(parent: QWidget, title: str, text: str) -> None:
    """A warning box (its class loads the first time something goes wrong)."""
    from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415

    QMessageBox.warning(parent, title, text)


@dataclass(frozen=True)
class HandoutSource:
    """A handout made otherwise than from pages alone (a session chart's): ``compose`` turns
    the request as the client's choices left it into the handout; ``file_name`` is the name
    Export suggests. The dialogs, refusals and saving are the same as for any handout."""

    compose: Callable[[HandoutRequest], Handout]
    file_name: str


def printable_ids(library: ContentLibrary) -> frozenset[str]:
    """The pages a handout can be made of: every page but Home.

    The same pages as ``compose.handout_page_ids`` (a test keeps them equal), without
    loading the composer to open the window.
    """
    return frozenset(page_id for page_id in library.page_ids() if page_id != HOME_ID)


class HandoutController(QObject):
    """Print, preview and export handouts of the open page or of the basket.

    Follows the content: after a reload it offers the pages there are now, and pages that
    have gone leave the basket.
    """

    def __init__(
        self,
        window: QWidget,
        library: LibraryModel,
        diagram: BodyDiagram,
        settings: Settings,
        current_page: Callable[[], str | None],
        *,
        current_side: Callable[[], str | None] | None = None,
    ) -> None:
        """``current_page`` and ``current_side`` say what is open (the side picked of a
        paired region, printed as "Left calf" with only that side shaded)."""
        super().__init__(window)
        self.window = window
        self.model = library
        self.diagram = diagram
        self.settings = settings
        self.current_page = current_page
        self.current_side = current_side or (lambda: None)
        self.valid_ids = printable_ids(library.library)
        self.preview_dialog: HandoutPreviewDialog | None = None
        self.preview_printer: QPrinter | None = None
        self.export_dialog: ExportHandoutDialog | None = None
        self.saved_message: SavedMessage | None = None
        key = QKeySequence
        self._texts: dict[QAction, str] = {}
        self._translations: dict[tuple[str, int, Path], ContentLibrary] = {}
        self.print_action = self._action(
            QT_TRANSLATE_NOOP("HandoutController", "&Print…"),
            self.print_current,
            [key(key.StandardKey.Print), key("Ctrl+P")],
        )
        self.preview_action = self._action(
            QT_TRANSLATE_NOOP("HandoutController", "Print Pre&view…"), self.preview_current
        )
        self.export_action = self._action(
            QT_TRANSLATE_NOOP("HandoutController", "&Export PDF…"),
            self.export_current,
            [key("Ctrl+Shift+E")],
        )
        self.add_to_basket_action = self._action(
            QT_TRANSLATE_NOOP("HandoutController", "&Add to Handout"), self.add_current
        )
        self.print_basket_action = self._action(
            QT_TRANSLATE_NOOP("HandoutController", "Print Hando&ut…"),
            self.print_basket,
            [key("Ctrl+Shift+P")],
        )
        self.preview_basket_action = self._action(
            QT_TRANSLATE_NOOP("HandoutController", "Previe&w Handout…"),
            self.preview_basket,
            [key("Ctrl+Shift+V")],
        )
        self.export_basket_action = self._action(
            QT_TRANSLATE_NOOP("HandoutController", "Export Handout as P&DF…"),
            self.export_basket,
            [key("Ctrl+Shift+X")],
        )
        window.addActions(
            [
                self.print_action,
                self.export_action,
                self.print_basket_action,
                self.preview_basket_action,
                self.export_basket_action,
            ]
        )

        self.basket = HandoutBasket(settings, self.valid_ids, self)
        self._basket_widget: BasketWidget | None = None
        self.basket.changed.connect(self.refresh)
        library.reloaded.connect(self.content_changed)
        live(self, self._retranslate)

    def _retranslate(self) -> None:
        for action, source in self._texts.items():
            action.setText(QCoreApplication.translate("HandoutController", source))
        self.add_to_basket_action.setToolTip(self.tr("Add this page to the handout basket"))
        for action, tip in (
            (self.print_basket_action, self.tr("Print the pages in the handout basket")),
            (self.preview_basket_action, self.tr("Preview the pages in the handout basket")),
            (
                self.export_basket_action,
                self.tr("Save the pages in the handout basket as one PDF"),
            ),
        ):
            action.setToolTip(tip)
        self.refresh()  # the tooltips that say why an action is off

    @property
    def library(self) -> ContentLibrary:
        """The content handouts are made from."""
        return self.model.library

    @property
    def basket_widget(self) -> BasketWidget:
        """The basket's list and buttons, made the first time they are shown."""
        if self._basket_widget is None:
            from bodymap.ui.basket import BasketWidget  # noqa: PLC0415

            self._basket_widget = BasketWidget(
                self.basket,
                self.model,
                print_action=self.print_basket_action,
                preview_action=self.preview_basket_action,
                export_action=self.export_basket_action,
            )
        return self._basket_widget

    def _action(
        self, text: str, slot: Callable[[], None], shortcuts: list[QKeySequence] | None = None
    ) -> QAction:
        action = QAction(self)
        self._texts[action] = text  # set in the interface's language by _retranslate
        unique: list[QKeySequence] = []
        for shortcut in shortcuts or []:
            if not shortcut.isEmpty() and shortcut not in unique:
                unique.append(shortcut)
        action.setShortcuts(unique)
        action.triggered.connect(slot)
        return action

    # -- state -----------------------------------------------------------------------------

    @Slot()
    def content_changed(self) -> None:
        """The library was reloaded: offer the pages it has now."""
        self.valid_ids = printable_ids(self.model.library)
        self.basket.set_valid(self.valid_ids)
        self.refresh()

    def printable_page(self) -> str | None:
        """The open page when it can go on a handout (Home cannot)."""
        page_id = self.current_page()
        return page_id if page_id in self.valid_ids else None

    @Slot()
    @Slot(str)
    def refresh(self, _page_id: str = "") -> None:
        """Enable what makes sense for the open page and the basket (connect to pageChanged).

        A page that breaks a safety rule cannot be printed, previewed or exported (the page
        pane says why); the actions say so in their tooltips.
        """
        page_id = self.printable_page()
        unsafe = page_id is not None and bool(self.library.blocking_problems(page_id))
        for action in (self.print_action, self.preview_action, self.export_action):
            action.setEnabled(page_id is not None and not unsafe)
            action.setToolTip(
                self.tr(
                    "This page breaks a safety rule: it cannot be printed until its file is fixed"
                )
                if unsafe
                else action.text().replace("&", "").removesuffix("…")
            )
        self.add_to_basket_action.setEnabled(
            page_id is not None and not self.basket.has(page_id, self.current_side())
        )
        has_basket = bool(self.basket.page_ids)
        for action in (
            self.print_basket_action,
            self.preview_basket_action,
            self.export_basket_action,
        ):
            action.setEnabled(has_basket)

    def translations(self, request: HandoutRequest) -> dict[str, ContentLibrary]:
        """The pages in each of ``request``'s languages other than the window's, read from
        the files when first asked for (again after the content changes)."""
        from bodymap.content.loader import load_library  # noqa: PLC0415 - a handout's own

        found: dict[str, ContentLibrary] = {}
        for language in request.languages:
            if language == self.library.language:
                continue
            key = (language, self.model.revision, self.library.root)
            if key not in self._translations:
                self._translations[key] = load_library(
                    self.library.root, shipped=self.library.shipped, language=language
                )
            found[language] = self._translations[key]
        return found

    def request(
        self,
        page_ids: Sequence[str],
        sides: Sequence[tuple[str, str]] = (),
        page_sides: Sequence[str | None] = (),
    ) -> HandoutRequest:
        """These pages with the clinic's current details, paper size and emergency number;
        ``sides`` as ``HandoutRequest.sides``, ``page_sides`` as ``HandoutRequest.page_sides``."""
        from bodymap.handout.request import handout_request  # noqa: PLC0415 - first use only

        request = handout_request(page_ids, self.settings, sides=sides, page_sides=page_sides)
        # In the interface's language unless the person picks another (print preview, export).
        return dataclasses.replace(request, languages=(current_language(),))

    def _current_sides(self, page_id: str) -> tuple[tuple[str, str], ...]:
        side = self.current_side()
        return ((page_id, side),) if side is not None else ()

    # -- the open page ---------------------------------------------------------------------

    @Slot()
    def print_current(self) -> None:
        if (page_id := self.printable_page()) is not None:
            self.print_pages([page_id], self._current_sides(page_id))

    @Slot()
    def preview_current(self) -> None:
        if (page_id := self.printable_page()) is not None:
            self.preview_pages([page_id], self._current_sides(page_id))

    @Slot()
    def export_current(self) -> None:
        if (page_id := self.printable_page()) is not None:
            self.export_pages([page_id], self._current_sides(page_id))

    @Slot()
    def add_current(self) -> None:
        if (page_id := self.printable_page()) is not None:
            self.basket.add(page_id, self.current_side())
        self.refresh()

    # -- the basket ------------------------------------------------------------------------

    def basket_request(self) -> HandoutRequest:
        """The basket's pages, each with its side ("Left calf"), as a request."""
        return self.request(self.basket.page_ids, page_sides=self.basket.sides)

    @Slot()
    def print_basket(self) -> None:
        if self.basket.page_ids:
            self.print_request(self.basket_request())

    @Slot()
    def preview_basket(self) -> None:
        if self.basket.page_ids:
            self.preview_request(self.basket_request())

    @Slot()
    def export_basket(self) -> None:
        if self.basket.page_ids:
            self.export_pages_request(self.basket_request())

    # -- doing it --------------------------------------------------------------------------

    def make_printer(self, request: HandoutRequest) -> QPrinter:
        """A high-resolution printer set to the request's paper, named after its pages."""
        from PySide6.QtPrintSupport import QPrinter  # noqa: PLC0415 - see TYPE_CHECKING above

        from bodymap.handout.compose import default_file_name  # noqa: PLC0415
        from bodymap.handout.pdf import page_size_for  # noqa: PLC0415

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(page_size_for(request.paper_size))
        printer.setDocName(default_file_name(request.page_ids, self.library).removesuffix(".pdf"))
        printer.setCreator("BodyMap")
        return printer

    def refused(self, page_ids: Sequence[str]) -> bool:
        """Say so and return True when a page breaks a safety rule: nothing is printed,
        previewed or exported then (the same refusal as the command line's)."""
        from bodymap.handout.compose import UnsafePageError, unsafe_pages  # noqa: PLC0415

        unsafe = unsafe_pages(page_ids, self.library)
        if unsafe:
            warn(
                self.window,
                self.tr("This handout cannot be printed"),
                self.tr(
                    "{problem}\n\nAsk the person who edits your pages to fix it; the yellow bar "
                    "lists every problem."
                ).format(problem=UnsafePageError(unsafe, self.library.root)),
            )
        return bool(unsafe)

    def print_pages(self, page_ids: Sequence[str], sides: Sequence[tuple[str, str]] = ()) -> bool:
        """The system print dialog, then print; False when cancelled or refused."""
        return self.print_request(self.request(page_ids, sides))

    def print_request(
        self,
        request: HandoutRequest,
        printer: QPrinter | None = None,
        source: HandoutSource | None = None,
    ) -> bool:
        """Ask the printer and copies (system dialog), then print ``request`` (made by
        ``source`` when given); False when cancelled or when printing failed (said in a
        message)."""
        from PySide6.QtPrintSupport import QPrintDialog  # noqa: PLC0415

        from bodymap.handout.pdf import paint_composed  # noqa: PLC0415

        if self.refused(request.page_ids):
            return False
        self._check_logo(request)
        printer = printer or self.make_printer(request)
        dialog = QPrintDialog(printer, self.window)
        dialog.setWindowTitle(self.tr("Print Handout"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        try:
            paint_composed(printer, self._compose(request, source), self.diagram)
        except OSError as error:
            warn(
                self.window,
                self.tr("Could not print the handout"),
                (
                    self.tr("The handout could not be sent to {printer}.\n\n{reason}").format(
                        printer=printer.printerName(), reason=error
                    )
                    if printer.printerName()
                    else self.tr(
                        "The handout could not be sent to the printer.\n\n{reason}"
                    ).format(reason=error)
                ),
            )
            return False
        return True

    def preview_pages(
        self, page_ids: Sequence[str], sides: Sequence[tuple[str, str]] = ()
    ) -> HandoutPreviewDialog | None:
        """The preview at a readable fit, with the client's choices beside it; Print and Export
        in it print or save what it shows."""
        return self.preview_request(self.request(page_ids, sides))

    def preview_request(
        self, request: HandoutRequest, source: HandoutSource | None = None
    ) -> HandoutPreviewDialog | None:
        """The preview of ``request`` (see ``preview_pages``; made by ``source`` when given);
        None when refused."""
        from bodymap.handout.pdf import paint_composed  # noqa: PLC0415
        from bodymap.ui.handout_dialogs import HandoutPreviewDialog  # noqa: PLC0415

        if self.refused(request.page_ids):
            return None
        self._check_logo(request)
        printer = self.make_printer(request)

        def paint(target: QPrinter, chosen: HandoutRequest) -> None:
            paint_composed(target, self._compose(chosen, source), self.diagram)

        dialog = HandoutPreviewDialog(printer, request, self.library, paint, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.printRequested.connect(lambda chosen: self.print_request(chosen, printer, source))
        dialog.exportRequested.connect(lambda chosen: self.export_request(chosen, source))
        dialog.destroyed.connect(self._forget_preview)
        self.preview_dialog = dialog
        self.preview_printer = printer  # the dialog only borrows it: keep it while it is open
        dialog.open()
        return dialog

    @Slot()
    def _forget_preview(self) -> None:
        self.preview_dialog = None
        self.preview_printer = None

    def export_pages(
        self, page_ids: Sequence[str], sides: Sequence[tuple[str, str]] = ()
    ) -> Path | None:
        """The Export dialog (print size, client, what to include), then where to save."""
        return self.export_pages_request(self.request(page_ids, sides))

    def export_pages_request(
        self, request: HandoutRequest, source: HandoutSource | None = None
    ) -> Path | None:
        """The Export dialog for ``request`` (see ``export_pages``; made by ``source`` when
        given); None when cancelled."""
        from bodymap.ui.handout_dialogs import ExportHandoutDialog  # noqa: PLC0415

        if self.refused(request.page_ids):
            return None
        dialog = ExportHandoutDialog(request, self.library, self.window)
        self.export_dialog = dialog
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return self.export_request(dialog.request(), source)
        finally:
            self.export_dialog = None
            dialog.deleteLater()

    def export_request(
        self, request: HandoutRequest, source: HandoutSource | None = None
    ) -> Path | None:
        """Ask where (the last folder, else Documents), save, and say where it went."""
        from PySide6.QtWidgets import QFileDialog  # noqa: PLC0415

        from bodymap.handout.compose import default_file_name  # noqa: PLC0415

        name = (
            source.file_name
            if source is not None
            else default_file_name(request.page_ids, self.library)
        )
        path_text, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Export Handout as PDF"),
            str(self._export_folder() / name),
            self.tr("PDF files (*.pdf)"),
        )
        if not path_text:
            return None
        saved = self.save(request, Path(path_text), source)
        if saved is not None:
            self.show_saved(saved)
        return saved

    def export_to(
        self, page_ids: Sequence[str], path: Path, sides: Sequence[tuple[str, str]] = ()
    ) -> Path | None:
        """Save as ``path`` (".pdf" added) without asking: the soak, and scripts."""
        return self.save(self.request(page_ids, sides), path)

    def save(
        self, request: HandoutRequest, path: Path, source: HandoutSource | None = None
    ) -> Path | None:
        """Write the PDF (".pdf" added; made by ``source`` when given); errors are shown
        naming the file and the reason."""
        from bodymap.fileio import atomic_write_bytes  # noqa: PLC0415 - first use only
        from bodymap.handout.pdf import render_composed  # noqa: PLC0415

        if path.suffix.casefold() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        if self.refused(request.page_ids):
            return None
        self._check_logo(request)
        try:
            data, _ = render_composed(self._compose(request, source), self.diagram)
            atomic_write_bytes(path, data)
        except WriteError as error:
            warn(
                self.window,
                self.tr("Could not save the handout"),
                self.tr("The handout could not be saved as {path}.\n\n{reason}").format(
                    path=error.path, reason=error.reason
                ),
            )
            return None
        self.settings.last_folder = str(path.parent)
        self.settings.sync()
        return path

    def _compose(self, request: HandoutRequest, source: HandoutSource | None) -> Handout:
        """The handout ``source`` makes of ``request``, else its pages as they are."""
        if source is not None:
            return source.compose(request)
        from bodymap.handout.compose import compose_handout  # noqa: PLC0415

        return compose_handout(request, self.library, self.translations(request))

    def show_saved(self, path: Path) -> None:
        """ "Saved as …" with Open and Show in Folder (not modal: work goes on)."""
        from bodymap.ui.handout_dialogs import SavedMessage  # noqa: PLC0415

        message = SavedMessage(path, self.window)
        message.destroyed.connect(self._forget_saved)
        self.saved_message = message
        message.open()

    @Slot()
    def _forget_saved(self) -> None:
        self.saved_message = None

    def _export_folder(self) -> Path:
        remembered = Path(self.settings.last_folder) if self.settings.last_folder else None
        if remembered is not None and remembered.is_dir():
            return remembered
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        return Path(documents) if documents else Path.home()

    def _check_logo(self, request: HandoutRequest) -> None:
        """Say so once, in words, when the logo cannot be used; the handout goes on without it."""
        logo = request.clinic.logo_path.strip()
        if not logo:
            return
        from bodymap.handout.logo import LogoError, load_logo  # noqa: PLC0415

        try:
            load_logo(logo)
        except LogoError as error:
            warn(
                self.window,
                self.tr("Clinic logo not used"),
                self.tr(
                    "{problem}\n\nThe handout will be made without the logo. You can choose "
                    "another one in Edit → Preferences."
                ).format(problem=error),
            )
