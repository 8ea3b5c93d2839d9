"""Handouts in the window: print, preview and export the open page, and the handout basket.

``HandoutController`` owns the actions (File → Print…, Print Preview…, Export PDF…, Add to
handout) and the basket; the main window only puts them in its menus and a dock. The basket
is a small model (``HandoutBasket``) kept in QSettings, shown by ``BasketWidget``. The clinic's
details for the handout header are edited in ``ClinicPreferencesWidget``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QLocale, QObject, QSettings, QStandardPaths, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from bodymap.content.model import ContentLibrary
from bodymap.fileio import WriteError
from bodymap.handout.compose import (
    PAPER_SIZES,
    ClinicDetails,
    HandoutRequest,
    default_file_name,
    default_paper_size,
    handout_page_ids,
    normalise_paper_size,
)
from bodymap.ui.diagram import BodyDiagram

if TYPE_CHECKING:
    # Printing and the PDF typesetter load on first use, so they never delay the first frame.
    from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

PAGE_ID_ROLE = Qt.ItemDataRole.UserRole
LOGO_FILTER = "Images (*.png *.jpg *.jpeg *.svg *.gif *.bmp *.webp);;All files (*)"


class SettingsLike(Protocol):
    """What the controller needs from AppSettings."""

    @property
    def store(self) -> QSettings: ...

    @property
    def emergency_number(self) -> str: ...


def system_paper_size() -> str:
    """Letter in the US, Canada, Mexico, the Philippines and a few more; A4 elsewhere."""
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
        return ClinicDetails(**{name: self._text(name) for name in self.FIELDS})

    @clinic.setter
    def clinic(self, details: ClinicDetails) -> None:
        for name in self.FIELDS:
            self.store.setValue(f"handout/{name}", getattr(details, name).strip())

    @property
    def paper_size_choice(self) -> str:
        """ "A4" or "Letter" when chosen in Preferences, else "" (follow the computer)."""
        return normalise_paper_size(self._text("paper_size")) or ""

    @paper_size_choice.setter
    def paper_size_choice(self, value: str) -> None:
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


class _BasketList(QListWidget):
    """In the list, Delete removes and Ctrl+Up / Ctrl+Down reorder, like the buttons."""

    removeRequested = Signal()
    moveRequested = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        control = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        if event.key() == Qt.Key.Key_Delete and not control:
            self.removeRequested.emit()
        elif control and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.moveRequested.emit(-1 if event.key() == Qt.Key.Key_Up else 1)
        else:
            super().keyPressEvent(event)


class BasketWidget(QWidget):
    """The basket's list, with buttons to reorder, remove, print and export it."""

    def __init__(
        self,
        basket: HandoutBasket,
        library: ContentLibrary,
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
        self.setAccessibleName("Handout basket")
        self.list = _BasketList()
        self.list.setObjectName("handout-basket-list")
        self.list.setAccessibleName("Pages in the handout, in print order")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.empty = QLabel("No pages yet. Open a page and choose File → Add to Handout.")
        self.empty.setWordWrap(True)
        label = QLabel("Pages in this hand&out:")
        label.setBuddy(self.list)

        self.up_button = self._button("Move &up", "Move the selected page up", self.move_up)
        self.down_button = self._button("Move &down", "Move the selected page down", self.move_down)
        self.remove_button = self._button(
            "&Remove", "Remove the selected page from the handout", self.remove_selected
        )
        self.clear_button = self._button("C&lear", "Remove every page", self.basket.clear)
        self.print_button = self._action_button(print_action)
        self.preview_button = self._action_button(preview_action)
        self.export_button = self._action_button(export_action)

        edit = QGridLayout()
        edit.addWidget(self.up_button, 0, 0)
        edit.addWidget(self.down_button, 0, 1)
        edit.addWidget(self.remove_button, 1, 0)
        edit.addWidget(self.clear_button, 1, 1)
        output = QVBoxLayout()
        for button in (self.print_button, self.preview_button, self.export_button):
            output.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addLayout(edit)
        layout.addLayout(output)

        self.list.removeRequested.connect(self.remove_selected)
        self.list.moveRequested.connect(self._move)
        self.list.currentRowChanged.connect(self._update_buttons)
        self.basket.changed.connect(self._reload)
        self._reload()

    def _button(self, text: str, tip: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tip)
        button.setAccessibleName(text.replace("&", ""))
        button.clicked.connect(slot)
        return button

    def _action_button(self, action: QAction) -> QPushButton:
        button = QPushButton(action.text())
        button.setAccessibleName(action.text().replace("&", "").rstrip("…"))
        button.setToolTip(action.toolTip())
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
        for page_id in self.basket.page_ids:
            page = self.library.get(page_id)
            item = QListWidgetItem(page.title if page is not None else page_id)
            item.setData(PAGE_ID_ROLE, page_id)
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

    @Slot()
    def remove_selected(self) -> None:
        row = self.list.currentRow()
        self.basket.remove(row)
        self._reload(select=row)


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
        self.valid_ids = handout_page_ids(library)
        self.preview_dialog: QPrintPreviewDialog | None = None
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
        self.basket_widget = BasketWidget(
            self.basket,
            library,
            print_action=self.print_basket_action,
            preview_action=self.preview_basket_action,
            export_action=self.export_basket_action,
        )
        self.basket.changed.connect(self.refresh)
        self.refresh()

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
            QMessageBox.warning(
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
        dialog.open()
        return dialog

    @Slot()
    def _forget_preview(self) -> None:
        self.preview_dialog = None

    def export_pages(self, page_ids: Sequence[str]) -> Path | None:
        """Ask where, then save; errors are shown naming the file and the reason."""
        from bodymap.handout.pdf import write_pdf  # noqa: PLC0415

        request = self.request(page_ids)
        name = default_file_name(request.page_ids, self.library)
        path_text, _ = QFileDialog.getSaveFileName(
            self.window,
            "Export Handout as PDF",
            str(self._export_folder() / name),
            "PDF files (*.pdf)",
        )
        if not path_text:
            return None
        path = Path(path_text)
        if path.suffix.casefold() != ".pdf":
            path = path.with_name(path.name + ".pdf")
        self._check_logo(request)
        try:
            write_pdf(path, request, self.library, self.diagram)
        except WriteError as error:
            QMessageBox.warning(
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
            QMessageBox.warning(
                self.window,
                "Clinic logo not used",
                f"{error}\n\nThe handout will be made without the logo. You can choose "
                "another one in Edit → Preferences.",
            )


class ClinicPreferencesWidget(QWidget):
    """The clinic's details for handouts, for the Preferences dialog (``load`` / ``save``)."""

    validityChanged = Signal(bool)

    def __init__(self, settings: ClinicSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setObjectName("clinic-preferences")
        self.name = self._line("Clinic name", "clinic-name")
        self.address = QPlainTextEdit()
        self.address.setObjectName("clinic-address")
        self.address.setAccessibleName("Clinic address")
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.phone = self._line("Clinic phone number", "clinic-phone")
        self.website = self._line("Clinic website", "clinic-website")
        self.logo = self._line("Logo image file", "clinic-logo")
        self.logo.setPlaceholderText("No logo")
        self.logo.textChanged.connect(self._check)
        browse = QPushButton("&Browse…")
        browse.setAccessibleName("Choose a logo image")
        browse.clicked.connect(self.browse_logo)
        clear = QPushButton("No logo")
        clear.setAccessibleName("Use no logo")
        clear.clicked.connect(self.logo.clear)
        logo_row = QHBoxLayout()
        logo_row.setContentsMargins(0, 0, 0, 0)
        logo_row.addWidget(self.logo, 1)
        logo_row.addWidget(browse)
        logo_row.addWidget(clear)
        self.logo_error = QLabel()
        self.logo_error.setObjectName("clinic-logo-error")
        self.logo_error.setWordWrap(True)
        self.logo_error.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.logo_error.hide()
        self.paper = QComboBox()
        self.paper.setObjectName("handout-paper-size")
        self.paper.setAccessibleName("Default paper size")
        self.paper.addItem(f"This computer's default ({system_paper_size()})", "")
        for size in PAPER_SIZES:
            self.paper.addItem(size, size)
        self.footer_note = self._line("Footer note", "clinic-footer-note")
        self.footer_note.setMaxLength(160)
        self.footer_note.setPlaceholderText("For example: Questions? Call us Monday to Friday.")

        form = QFormLayout(self)
        form.addRow("Clinic &name:", self.name)
        form.addRow("&Address:", self.address)
        form.addRow("P&hone:", self.phone)
        form.addRow("&Website:", self.website)
        logo_label = QLabel("&Logo:")
        logo_label.setBuddy(self.logo)
        form.addRow(logo_label, logo_row)
        form.addRow("", self.logo_error)
        form.addRow("Paper si&ze:", self.paper)
        form.addRow("&Footer note:", self.footer_note)
        self.load()

    def _line(self, accessible: str, name: str) -> QLineEdit:
        line = QLineEdit()
        line.setObjectName(name)
        line.setAccessibleName(accessible)
        return line

    def load(self) -> None:
        clinic = self.settings.clinic
        self.name.setText(clinic.name)
        self.address.setPlainText(clinic.address)
        self.phone.setText(clinic.phone)
        self.website.setText(clinic.website)
        self.logo.setText(clinic.logo_path)
        self.footer_note.setText(clinic.footer_note)
        index = self.paper.findData(self.settings.paper_size_choice)
        self.paper.setCurrentIndex(max(index, 0))
        self._check()

    def save(self) -> None:
        self.settings.clinic = self.details()
        self.settings.paper_size_choice = str(self.paper.currentData() or "")
        self.settings.sync()

    def details(self) -> ClinicDetails:
        return ClinicDetails(
            name=self.name.text().strip(),
            address=self.address.toPlainText().strip(),
            phone=self.phone.text().strip(),
            website=self.website.text().strip(),
            logo_path=self.logo.text().strip(),
            footer_note=self.footer_note.text().strip(),
        )

    def logo_problem(self) -> str | None:
        path = self.logo.text().strip()
        if not path:
            return None
        from bodymap.handout.paint import LogoError, load_logo  # noqa: PLC0415

        try:
            load_logo(path)
        except LogoError as error:
            return str(error)
        return None

    def is_valid(self) -> bool:
        return self.logo_problem() is None

    @Slot()
    def _check(self) -> None:
        problem = self.logo_problem()
        self.logo_error.setText(problem or "")
        self.logo_error.setVisible(problem is not None)
        self.validityChanged.emit(problem is None)

    @Slot()
    def browse_logo(self) -> None:
        start = self.logo.text().strip() or str(Path.home())
        path, _ = QFileDialog.getOpenFileName(self, "Choose the clinic logo", start, LOGO_FILTER)
        if path:
            self.logo.setText(path)
