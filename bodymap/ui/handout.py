"""Handouts in the window: print, preview and export the open page, and the handout basket.

``HandoutController`` owns the actions (File → Print…, Print Preview…, Export PDF…, Add to
handout) and the basket; the main window only puts them in its menus and a dock. The basket
is a small model (``HandoutBasket``) kept in QSettings, shown by ``basket.BasketWidget``. The
clinic's details for the handout header are edited in ``clinic_preferences``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QLocale, QObject, QSettings, QStandardPaths, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QWidget

from bodymap.content.model import HOME_ID, ContentLibrary
from bodymap.fileio import WriteError
from bodymap.ui.diagram import BodyDiagram

if TYPE_CHECKING:
    # The composer, printing, the PDF typesetter and the basket's widgets load on first use,
    # so they never delay the first frame.
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

    from bodymap.handout.compose import ClinicDetails, HandoutRequest
    from bodymap.ui.basket import BasketWidget

PAGE_ID_ROLE = Qt.ItemDataRole.UserRole


class SettingsLike(Protocol):
    """What the controller needs from AppSettings."""

    @property
    def store(self) -> QSettings: ...

    @property
    def emergency_number(self) -> str: ...


def system_paper_size() -> str:
    """Letter in the US, Canada, Mexico, the Philippines and a few more; A4 elsewhere."""
    from bodymap.handout.compose import default_paper_size  # noqa: PLC0415

    return default_paper_size(QLocale.territoryToCode(QLocale.system().territory()))


class ClinicSettings:
    """The clinic's handout details and the basket, kept in QSettings under ``handout/``."""

    FIELDS = ("name", "address", "phone", "website", "logo_path", "footer_note")

    def __init__(self, store: QSettings) -> None:
        self.store = store

    def _text(self, key: str) -> str:
        value = self.store.value(f"handout/{key}", "")
        return value if isinstance(value, str) else ""

    @property
    def clinic(self) -> ClinicDetails:
        from bodymap.handout.compose import ClinicDetails  # noqa: PLC0415

        return ClinicDetails(**{name: self._text(name) for name in self.FIELDS})

    @clinic.setter
    def clinic(self, details: ClinicDetails) -> None:
        for name in self.FIELDS:
            self.store.setValue(f"handout/{name}", getattr(details, name).strip())

    @property
    def paper_size_choice(self) -> str:
        """ "A4" or "Letter" when chosen in Preferences, else "" (follow the computer)."""
        from bodymap.handout.compose import normalise_paper_size  # noqa: PLC0415

        return normalise_paper_size(self._text("paper_size")) or ""

    @paper_size_choice.setter
    def paper_size_choice(self, value: str) -> None:
        from bodymap.handout.compose import normalise_paper_size  # noqa: PLC0415

        self.store.setValue("handout/paper_size", normalise_paper_size(value) or "")

    @property
    def paper_size(self) -> str:
        return self.paper_size_choice or system_paper_size()

    @property
    def basket(self) -> list[str]:
        value = self.store.value("handout/basket", [])
        if isinstance(value, str):  # an INI file gives back a one-item list as a string
            value = [value] if value else []
        return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []

    @basket.setter
    def basket(self, page_ids: Sequence[str]) -> None:
        self.store.setValue("handout/basket", list(page_ids))

    @property
    def last_folder(self) -> str:
        return self._text("last_folder")

    @last_folder.setter
    def last_folder(self, folder: str) -> None:
        self.store.setValue("handout/last_folder", folder)

    def sync(self) -> None:
        self.store.sync()


def handout_request(
    page_ids: Iterable[str],
    settings: ClinicSettings,
    emergency_number: str,
    paper_size: str | None = None,
) -> HandoutRequest:
    """The request for these pages with the clinic's current details (shared with the CLI)."""
    from bodymap.handout.compose import HandoutRequest  # noqa: PLC0415

    return HandoutRequest(
        page_ids=tuple(page_ids),
        clinic=settings.clinic,
        paper_size=paper_size or settings.paper_size,
        emergency_number=emergency_number,
        printed=dt.date.today(),
    )


class HandoutBasket(QObject):
    """Pages collected for one handout, in order; saved on every change so a restart keeps it."""

    changed = Signal()

    def __init__(
        self, settings: ClinicSettings, valid_ids: Iterable[str], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.valid = set(valid_ids)
        seen: list[str] = []
        for page_id in settings.basket:
            if page_id in self.valid and page_id not in seen:
                seen.append(page_id)
        self._ids = seen

    @property
    def page_ids(self) -> tuple[str, ...]:
        return tuple(self._ids)

    def set_valid(self, valid_ids: Iterable[str]) -> None:
        """The content changed: pages that are gone leave the basket."""
        self.valid = set(valid_ids)
        kept = [page_id for page_id in self._ids if page_id in self.valid]
        if kept != self._ids:
            self._ids = kept
            self._save()
        else:
            self.changed.emit()

    def add(self, page_id: str) -> bool:
        if page_id not in self.valid or page_id in self._ids:
            return False
        self._ids.append(page_id)
        self._save()
        return True

    def remove(self, row: int) -> None:
        if 0 <= row < len(self._ids):
            del self._ids[row]
            self._save()

    def move(self, row: int, step: int) -> int:
        """Move the page at ``row`` up (-1) or down (+1); returns where it is now."""
        target = row + step
        if not (0 <= row < len(self._ids) and 0 <= target < len(self._ids)):
            return row
        self._ids[row], self._ids[target] = self._ids[target], self._ids[row]
        self._save()
        return target

    def clear(self) -> None:
        if self._ids:
            self._ids.clear()
            self._save()

    def _save(self) -> None:
        self.settings.basket = self._ids
        self.settings.sync()
        self.changed.emit()


def warn(parent: QWidget, title: str, text: str) -> None:
    """A warning box (its class loads the first time something goes wrong)."""
    from PySide6.QtWidgets import QMessageBox  # noqa: PLC0415

    QMessageBox.warning(parent, title, text)


def printable_ids(library: ContentLibrary) -> frozenset[str]:
    """The pages a handout can be made of: every page but Home.

    The same pages as ``compose.handout_page_ids`` (a test keeps them equal), without
    loading the composer to open the window.
    """
    return frozenset(page_id for page_id in library.page_ids() if page_id != HOME_ID)


class HandoutController(QObject):
    """Print, preview and export handouts of the open page or of the basket."""

    def __init__(
        self,
        window: QWidget,
        library: ContentLibrary,
        diagram: BodyDiagram,
        settings: SettingsLike,
        current_page: Callable[[], str | None],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.library = library
        self.diagram = diagram
        self.settings = settings
        self.clinic_settings = ClinicSettings(settings.store)
        self.current_page = current_page
        self.valid_ids = printable_ids(library)
        self.preview_dialog: QPrintPreviewDialog | None = None
        self.preview_printer: QPrinter | None = None
        key = QKeySequence

        self.print_action = self._action(
            "&Print…", self.print_current, [key(key.StandardKey.Print), key("Ctrl+P")]
        )
        self.preview_action = self._action("Print Pre&view…", self.preview_current)
        self.export_action = self._action(
            "&Export PDF…", self.export_current, [key("Ctrl+Shift+E")]
        )
        self.add_to_basket_action = self._action("&Add to Handout", self.add_current)
        self.add_to_basket_action.setToolTip("Add this page to the handout basket")
        self.print_basket_action = self._action("Print Handout…", self.print_basket)
        self.preview_basket_action = self._action("Preview Handout…", self.preview_basket)
        self.export_basket_action = self._action("Export Handout as PDF…", self.export_basket)
        window.addActions([self.print_action, self.export_action])

        self.basket = HandoutBasket(self.clinic_settings, self.valid_ids, self)
        self._basket_widget: BasketWidget | None = None
        self.basket.changed.connect(self.refresh)
        self.refresh()

    @property
    def basket_widget(self) -> BasketWidget:
        """The basket's list and buttons, made the first time they are shown."""
        if self._basket_widget is None:
            from bodymap.ui.basket import BasketWidget  # noqa: PLC0415

            self._basket_widget = BasketWidget(
                self.basket,
                self.library,
                print_action=self.print_basket_action,
                preview_action=self.preview_basket_action,
                export_action=self.export_basket_action,
            )
        return self._basket_widget

    def _action(
        self, text: str, slot: Callable[[], None], shortcuts: list[QKeySequence] | None = None
    ) -> QAction:
        action = QAction(text, self)
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
        self.valid_ids = printable_ids(self.library)
        self.basket.set_valid(self.valid_ids)
        self.refresh()

    def printable_page(self) -> str | None:
        page_id = self.current_page()
        return page_id if page_id in self.valid_ids else None

    @Slot()
    @Slot(str)
    def refresh(self, _page_id: str = "") -> None:
        """Enable what makes sense for the open page and the basket (connect to pageChanged)."""
        has_page = self.printable_page() is not None
        for action in (self.print_action, self.preview_action, self.export_action):
            action.setEnabled(has_page)
        page_id = self.printable_page()
        self.add_to_basket_action.setEnabled(
            page_id is not None and page_id not in self.basket.page_ids
        )
        has_basket = bool(self.basket.page_ids)
        for action in (
            self.print_basket_action,
            self.preview_basket_action,
            self.export_basket_action,
        ):
            action.setEnabled(has_basket)

    def request(self, page_ids: Sequence[str]) -> HandoutRequest:
        return handout_request(page_ids, self.clinic_settings, self.settings.emergency_number)

    # -- the open page ---------------------------------------------------------------------

    @Slot()
    def print_current(self) -> None:
        if (page_id := self.printable_page()) is not None:
            self.print_pages([page_id])

    @Slot()
    def preview_current(self) -> None:
        if (page_id := self.printable_page()) is not None:
            self.preview_pages([page_id])

    @Slot()
    def export_current(self) -> None:
        if (page_id := self.printable_page()) is not None:
            self.export_pages([page_id])

    @Slot()
    def add_current(self) -> None:
        if (page_id := self.printable_page()) is not None:
            self.basket.add(page_id)
        self.refresh()

    # -- the basket ------------------------------------------------------------------------

    @Slot()
    def print_basket(self) -> None:
        if self.basket.page_ids:
            self.print_pages(self.basket.page_ids)

    @Slot()
    def preview_basket(self) -> None:
        if self.basket.page_ids:
            self.preview_pages(self.basket.page_ids)

    @Slot()
    def export_basket(self) -> None:
        if self.basket.page_ids:
            self.export_pages(self.basket.page_ids)

    # -- doing it --------------------------------------------------------------------------

    def make_printer(self, request: HandoutRequest) -> QPrinter:
        from PySide6.QtPrintSupport import QPrinter  # noqa: PLC0415 - see TYPE_CHECKING above

        from bodymap.handout.compose import default_file_name  # noqa: PLC0415
        from bodymap.handout.pdf import page_size_for  # noqa: PLC0415

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageSize(page_size_for(request.paper_size))
        printer.setDocName(default_file_name(request.page_ids, self.library).removesuffix(".pdf"))
        printer.setCreator("BodyMap")
        return printer

    def print_pages(self, page_ids: Sequence[str]) -> bool:
        """The system print dialog, then print; False when cancelled."""
        from PySide6.QtPrintSupport import QPrintDialog  # noqa: PLC0415

        from bodymap.handout.pdf import paint_handout  # noqa: PLC0415

        request = self.request(page_ids)
        self._check_logo(request)
        printer = self.make_printer(request)
        dialog = QPrintDialog(printer, self.window)
        dialog.setWindowTitle("Print Handout")
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        try:
            paint_handout(printer, request, self.library, self.diagram)
        except OSError as error:
            warn(
                self.window,
                "Could not print the handout",
                f"The handout could not be sent to {printer.printerName() or 'the printer'}."
                f"\n\n{error}",
            )
            return False
        return True

    def preview_pages(self, page_ids: Sequence[str]) -> QPrintPreviewDialog:
        """A preview with zoom, paging and portrait/landscape; printing from it prints this."""
        from PySide6.QtPrintSupport import QPrintPreviewDialog  # noqa: PLC0415

        from bodymap.handout.pdf import paint_handout  # noqa: PLC0415

        request = self.request(page_ids)
        self._check_logo(request)
        printer = self.make_printer(request)
        dialog = QPrintPreviewDialog(printer, self.window)
        dialog.setWindowTitle("Print Preview")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        def paint(target: QPrinter) -> None:
            paint_handout(target, request, self.library, self.diagram)

        dialog.paintRequested.connect(paint)
        dialog.destroyed.connect(self._forget_preview)
        self.preview_dialog = dialog
        self.preview_printer = printer  # the dialog only borrows it: keep it while it is open
        dialog.open()
        return dialog

    @Slot()
    def _forget_preview(self) -> None:
        self.preview_dialog = None
        self.preview_printer = None

    def export_pages(self, page_ids: Sequence[str]) -> Path | None:
        """Ask where, then save; errors are shown naming the file and the reason."""
        from PySide6.QtWidgets import QFileDialog  # noqa: PLC0415

        from bodymap.handout.compose import default_file_name  # noqa: PLC0415

        name = default_file_name(page_ids, self.library)
        path_text, _ = QFileDialog.getSaveFileName(
            self.window,
            "Export Handout as PDF",
            str(self._export_folder() / name),
            "PDF files (*.pdf)",
        )
        if not path_text:
            return None
        return self.export_to(page_ids, Path(path_text))

    def export_to(self, page_ids: Sequence[str], path: Path) -> Path | None:
        """Save as ``path`` (".pdf" added) without asking: Export after its dialog, and the soak."""
        from bodymap.handout.pdf import write_pdf  # noqa: PLC0415 - first use only

        request = self.request(page_ids)
        if path.suffix.casefold() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        self._check_logo(request)
        try:
            write_pdf(path, request, self.library, self.diagram)
        except WriteError as error:
            warn(
                self.window,
                "Could not save the handout",
                f"The handout could not be saved as {error.path}.\n\n{error.reason}",
            )
            return None
        self.clinic_settings.last_folder = str(path.parent)
        self.clinic_settings.sync()
        return path

    def _export_folder(self) -> Path:
        remembered = (
            Path(self.clinic_settings.last_folder) if self.clinic_settings.last_folder else None
        )
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
        from bodymap.handout.paint import LogoError, load_logo  # noqa: PLC0415

        try:
            load_logo(logo)
        except LogoError as error:
            warn(
                self.window,
                "Clinic logo not used",
                f"{error}\n\nThe handout will be made without the logo. You can choose "
                "another one in Edit → Preferences.",
            )
