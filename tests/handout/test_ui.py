"""Handouts in the window: actions, the basket, print preview, export and the clinic's details."""

from __future__ import annotations

import errno
import gc
import weakref
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QModelIndex, QStandardPaths, Qt, QUrl
from PySide6.QtGui import QAction, QColor, QDesktopServices, QImage, QKeySequence
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QMenu,
    QMessageBox,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from bodymap import fileio
from bodymap.content.model import ContentLibrary
from bodymap.handout.compose import HandoutRequest
from bodymap.qtshared.diagram import BodyDiagram
from bodymap.qtshared.settings import open_settings
from bodymap.settings import ClinicDetails
from bodymap.ui.clinic_preferences import ClinicPreferencesWidget
from bodymap.ui.handout import HandoutController, printable_ids
from bodymap.ui.handout_dialogs import ExportHandoutDialog
from bodymap.ui.handout_options import CHOICE_ROLE
from bodymap.ui.library_model import LibraryModel


class OpenPage:
    """Stands in for the navigator: which page the window shows."""

    def __init__(self, page_id: str | None = "calf") -> None:
        self.page_id = page_id

    def __call__(self) -> str | None:
        return self.page_id


@pytest.fixture(scope="module")
def diagram(qapp: object) -> BodyDiagram:
    return BodyDiagram()


Factory = Callable[[], tuple[HandoutController, OpenPage]]


@pytest.fixture
def make_controller(qtbot: QtBot, shipped_library: ContentLibrary, diagram: BodyDiagram) -> Factory:
    def make() -> tuple[HandoutController, OpenPage]:
        window = QWidget()
        qtbot.addWidget(window)
        page = OpenPage()
        controller = HandoutController(
            window, LibraryModel(shipped_library), diagram, open_settings(), page
        )
        qtbot.addWidget(controller.basket_widget)
        return controller, page

    return make


@pytest.fixture
def controller(make_controller: Factory) -> HandoutController:
    return make_controller()[0]


class Warnings:
    """Records QMessageBox.warning calls instead of showing a modal box."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.shown: list[tuple[str, str]] = []
        monkeypatch.setattr(QMessageBox, "warning", self.warning)

    def warning(self, parent: QWidget, title: str, text: str, *args: object) -> int:
        self.shown.append((title, text))
        return int(QMessageBox.StandardButton.Ok.value)


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> Warnings:
    return Warnings(monkeypatch)


Choose = Callable[[ExportHandoutDialog], None]


def export_with(monkeypatch: pytest.MonkeyPatch, choose: Choose | None = None) -> None:
    """Answer the Export dialog: make ``choose``'s choices in it, then press Export…."""

    def run(dialog: ExportHandoutDialog) -> int:
        if choose is not None:
            choose(dialog)
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(ExportHandoutDialog, "exec", run)


def save_as(monkeypatch: pytest.MonkeyPatch, answer: str) -> list[str]:
    """Answer the Export dialog with its defaults and the save dialog with ``answer``; returns
    the suggested paths the save dialog was shown."""
    suggested: list[str] = []
    export_with(monkeypatch)

    def ask(parent: QWidget, caption: str, directory: str, filter: str) -> tuple[str, str]:
        suggested.append(directory)
        return answer, filter

    monkeypatch.setattr(QFileDialog, "getSaveFileName", ask)
    return suggested


# -- actions -------------------------------------------------------------------------------


def test_actions_follow_the_open_page(make_controller: Factory) -> None:
    controller, page = make_controller()
    assert controller.print_action.isEnabled() and controller.export_action.isEnabled()
    page.page_id = "home"  # the app's own help page is not a handout
    controller.refresh()
    assert not controller.print_action.isEnabled()
    assert not controller.preview_action.isEnabled()
    assert not controller.add_to_basket_action.isEnabled()
    page.page_id = "hydration"
    controller.refresh()
    assert controller.export_action.isEnabled()


def test_shortcuts(controller: HandoutController) -> None:
    assert QKeySequence("Ctrl+P") in controller.print_action.shortcuts()
    assert QKeySequence("Ctrl+Shift+E") in controller.export_action.shortcuts()


# -- the basket ----------------------------------------------------------------------------


def test_add_reorder_remove_and_clear(qtbot: QtBot, make_controller: Factory) -> None:
    controller, page = make_controller()
    widget = controller.basket_widget
    for page_id in ("calf", "back", "neck"):
        page.page_id = page_id
        controller.refresh()
        controller.add_to_basket_action.trigger()
    assert widget.titles() == ["Calf", "Back", "Neck"]
    assert not controller.add_to_basket_action.isEnabled()  # neck is already in it
    assert controller.print_basket_action.isEnabled()

    widget.list.setCurrentRow(2)
    qtbot.mouseClick(widget.up_button, Qt.MouseButton.LeftButton)
    assert widget.titles() == ["Calf", "Neck", "Back"]
    assert widget.list.currentRow() == 1
    qtbot.mouseClick(widget.down_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(widget.down_button, Qt.MouseButton.LeftButton)  # already last
    assert widget.titles() == ["Calf", "Back", "Neck"]
    assert not widget.down_button.isEnabled()

    widget.list.setCurrentRow(0)
    qtbot.mouseClick(widget.remove_button, Qt.MouseButton.LeftButton)
    assert widget.titles() == ["Back", "Neck"]
    assert controller.basket.page_ids == ("back", "neck")
    qtbot.mouseClick(widget.clear_button, Qt.MouseButton.LeftButton)
    assert widget.titles() == []
    assert widget.empty.isVisibleTo(widget)
    assert not controller.print_basket_action.isEnabled()
    assert not controller.export_basket_action.isEnabled()


def test_the_basket_by_keyboard(qtbot: QtBot, controller: HandoutController) -> None:
    for page_id in ("calf", "back", "neck"):
        controller.basket.add(page_id)
    widget = controller.basket_widget
    widget.show()
    qtbot.waitExposed(widget)
    widget.list.setFocus()
    widget.list.setCurrentRow(2)
    qtbot.keyClick(widget.list, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert widget.titles() == ["Calf", "Neck", "Back"]
    qtbot.keyClick(widget.list, Qt.Key.Key_Delete)
    assert widget.titles() == ["Calf", "Back"]
    for button in widget.findChildren(QPushButton):
        assert button.accessibleName()
        assert button.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert widget.list.accessibleName()


def test_the_basket_survives_a_restart(
    qtbot: QtBot, make_controller: Factory, shipped_library: ContentLibrary
) -> None:
    controller, _ = make_controller()
    controller.basket.add("foot")
    controller.basket.add("stretching")
    controller.basket.move(1, -1)
    assert open_settings().basket == ["stretching", "foot"]
    again, _ = make_controller()
    assert again.basket_widget.titles() == ["Stretching", "Foot"]
    again.basket.remove(0)
    assert open_settings().basket == ["foot"]  # one item reads back as a list
    again.basket.clear()
    assert open_settings().basket == []


def test_the_basket_keeps_the_side_picked(make_controller: Factory, tmp_path: Path) -> None:
    controller, _ = make_controller()
    side: list[str | None] = ["left"]
    controller.current_side = lambda: side[0]
    controller.add_current()
    assert not controller.add_to_basket_action.isEnabled()  # the left calf is in already
    side[0] = "right"
    controller.refresh()
    assert controller.add_to_basket_action.isEnabled()  # the right calf is not
    controller.add_current()
    side[0] = None
    controller.refresh()
    controller.add_current()  # the whole calf: a third entry
    controller.add_current()  # but only once
    widget = controller.basket_widget
    assert widget.titles() == ["Left calf", "Right calf", "Calf"]
    assert open_settings().basket == ["calf:left", "calf:right", "calf"]

    widget.list.setCurrentRow(2)
    widget.move_up()
    assert widget.titles() == ["Left calf", "Calf", "Right calf"]
    widget.remove_selected()  # the whole calf, now second
    assert widget.titles() == ["Left calf", "Right calf"]
    controller.basket.undo_stack.undo()
    controller.basket.undo_stack.undo()
    assert widget.titles() == ["Left calf", "Right calf", "Calf"]
    # A drag gives back the rows' entries in their new order.
    widget.list.model().moveRow(QModelIndex(), 0, QModelIndex(), 3)
    assert widget.titles() == ["Right calf", "Calf", "Left calf"]
    assert controller.basket.sides == ("right", None, "left")

    again, _ = make_controller()  # a restart keeps the sides
    assert again.basket_widget.titles() == ["Right calf", "Calf", "Left calf"]

    path = controller.save(controller.basket_request(), tmp_path / "basket")
    assert path is not None
    reader = PdfReader(path)
    firsts = [page.extract_text().split("\n")[0].replace("\t", " ") for page in reader.pages]
    titles = [line for line in firsts if not line.endswith("(CONTINUED)")]
    assert titles == ["Right calf", "Calf", "Left calf"]
    assert reader.metadata is not None
    assert reader.metadata.title == "Handout: Right calf, Calf and Left calf"


def test_a_basket_saved_before_sides_still_loads(make_controller: Factory) -> None:
    store = open_settings()
    store.basket = ["calf", "back", "calf:left", "calf:sideways"]
    store.sync()
    controller, _ = make_controller()
    assert controller.basket.entries == ("calf", "back", "calf:left")
    assert controller.basket_widget.titles() == ["Calf", "Back", "Left calf"]


def test_pages_that_no_longer_exist_drop_out_of_the_basket(make_controller: Factory) -> None:
    store = open_settings()
    store.basket = ["calf", "knee", "calf", "back"]
    store.sync()
    controller, _ = make_controller()
    assert controller.basket.page_ids == ("calf", "back")


# -- preview, print and export ---------------------------------------------------------


def test_the_print_preview_opens_with_every_page(
    qtbot: QtBot, controller: HandoutController
) -> None:
    controller.basket.add("calf")
    controller.basket.add("back")
    controller.preview_basket_action.trigger()
    dialog = controller.preview_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    preview = dialog.findChild(QPrintPreviewWidget)
    assert preview is not None
    qtbot.waitUntil(lambda: preview.pageCount() >= 4)  # calf and back, clear print
    assert dialog.windowTitle() == "Print Preview"
    preview.setLandscapeOrientation()
    qtbot.waitUntil(lambda: preview.orientation().name == "Landscape")
    assert preview.pageCount() >= 2
    dialog.close()


def test_the_preview_keeps_its_printer_until_it_closes(
    qtbot: QtBot, controller: HandoutController
) -> None:
    """The dialog only borrows the printer; freed early, the next repaint crashed the app."""
    dialog = controller.preview_pages(["calf"])
    assert dialog is not None
    qtbot.waitExposed(dialog)
    printer = controller.preview_printer
    assert printer is not None
    kept = weakref.ref(printer)
    del printer
    gc.collect()
    preview = dialog.findChild(QPrintPreviewWidget)
    assert preview is not None
    preview.setLandscapeOrientation()  # paints again, on the same printer
    qtbot.waitUntil(lambda: preview.orientation().name == "Landscape")
    assert kept() is not None
    dialog.close()
    qtbot.waitUntil(lambda: controller.preview_dialog is None)
    gc.collect()
    assert controller.preview_printer is None and kept() is None


def test_print_sends_the_open_page_to_the_printer(
    controller: HandoutController, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "printed.pdf"
    made = controller.make_printer

    def printer_to_file(request: HandoutRequest) -> QPrinter:
        printer = made(request)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        return printer

    monkeypatch.setattr(controller, "make_printer", printer_to_file)
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QDialog.DialogCode.Accepted.value)
    controller.print_action.trigger()
    reader = PdfReader(target)
    assert len(reader.pages) >= 2
    assert "".join(reader.pages[0].extract_text().split()).startswith("Calf")


def test_cancelling_the_print_dialog_prints_nothing(
    controller: HandoutController, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QDialog.DialogCode.Rejected.value)
    assert controller.print_pages(["calf"]) is False


def test_export_suggests_a_sensible_name_and_adds_pdf(
    controller: HandoutController,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    warnings: Warnings,
) -> None:
    suggested = save_as(monkeypatch, str(tmp_path / "for Mrs Jones"))
    controller.export_action.trigger()
    assert Path(suggested[0]).name == "calf-spasms-handout.pdf"
    saved = tmp_path / "for Mrs Jones.pdf"
    assert PdfReader(saved).metadata.title == "Calf: muscle spasms and cramps"  # type: ignore[union-attr]
    assert warnings.shown == []
    controller.basket.add("calf")
    controller.basket.add("back")
    controller.export_basket_action.trigger()
    assert Path(suggested[1]) == tmp_path / "handout-calf-back.pdf"  # remembers the folder


def test_export_to_a_missing_folder_says_so(
    controller: HandoutController,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    warnings: Warnings,
) -> None:
    target = tmp_path / "gone" / "calf.pdf"
    save_as(monkeypatch, str(target))
    controller.export_current()
    ((title, text),) = warnings.shown
    assert title == "Could not save the handout"
    assert str(target) in text and f"The folder {target.parent} does not exist." in text
    assert not target.parent.exists()


def test_export_on_a_full_disk_keeps_the_old_file(
    controller: HandoutController,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    warnings: Warnings,
) -> None:
    target = tmp_path / "calf.pdf"
    target.write_bytes(b"yesterday's handout")
    save_as(monkeypatch, str(target))

    def full(fd: int, data: bytes) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(fileio.os, "write", full)
    controller.export_current()
    monkeypatch.setattr(fileio.os, "write", fileio.os.write)
    ((_, text),) = warnings.shown
    assert str(target) in text and "The disk is full" in text
    assert target.read_bytes() == b"yesterday's handout"
    assert [p.name for p in tmp_path.iterdir()] == ["calf.pdf"]


def test_cancelled_export_writes_nothing(
    controller: HandoutController, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    save_as(monkeypatch, "")
    assert controller.export_current() is None
    assert list(tmp_path.iterdir()) == []


def test_export_to_a_given_path_asks_nothing(
    controller: HandoutController,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    warnings: Warnings,
) -> None:
    def no_dialog(*args: object) -> tuple[str, str]:
        raise AssertionError("the save dialog was opened")

    monkeypatch.setattr(QFileDialog, "getSaveFileName", no_dialog)
    saved = controller.export_to(["calf", "back"], tmp_path / "for Mrs Jones")
    assert saved == tmp_path / "for Mrs Jones.pdf"
    reader = PdfReader(saved)
    texts = ["".join(page.extract_text().split()) for page in reader.pages]
    assert texts[0].startswith("Calf") and any(text.startswith("Back") for text in texts)
    assert warnings.shown == []
    assert controller.settings.last_folder == str(tmp_path)
    assert controller.export_to(["calf"], tmp_path / "gone" / "calf.pdf") is None
    ((title, _),) = warnings.shown
    assert title == "Could not save the handout"


def test_a_missing_logo_is_explained_not_a_crash(
    controller: HandoutController,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    warnings: Warnings,
) -> None:
    missing = tmp_path / "logo.png"
    controller.settings.clinic = ClinicDetails(name="Harbourside", logo_path=str(missing))
    save_as(monkeypatch, str(tmp_path / "calf.pdf"))
    controller.export_current()
    ((title, text),) = warnings.shown
    assert title == "Clinic logo not used"
    assert f"The logo file {missing} does not exist." in text
    assert (tmp_path / "calf.pdf").exists()


# -- preferences -----------------------------------------------------------------------------


def test_clinic_preferences_load_and_save(qtbot: QtBot, tmp_path: Path) -> None:
    logo = tmp_path / "logo.png"
    image = QImage(400, 200, QImage.Format.Format_RGB32)
    image.fill(QColor("teal"))
    assert image.save(str(logo))
    settings = open_settings()
    form = ClinicPreferencesWidget(settings)
    qtbot.addWidget(form)
    assert form.paper.currentText() == f"This computer's default ({settings.system_paper_size})"
    form.name.setText("Harbourside Massage")
    form.address.setPlainText("12 Quay Street\nPortsmouth")
    form.phone.setText("023 9200 1234")
    form.website.setText("harbourside.example")
    form.logo.setText(str(logo))
    form.footer_note.setText("Open Monday to Saturday")
    form.paper.setCurrentIndex(form.paper.findData("Letter"))
    assert form.is_valid()
    form.save()
    again = open_settings()
    assert again.clinic == ClinicDetails(
        "Harbourside Massage",
        "12 Quay Street\nPortsmouth",
        "023 9200 1234",
        "harbourside.example",
        str(logo),
        "Open Monday to Saturday",
    )
    assert again.paper_size == "Letter"
    reloaded = ClinicPreferencesWidget(again)
    qtbot.addWidget(reloaded)
    assert reloaded.address.toPlainText() == "12 Quay Street\nPortsmouth"
    assert reloaded.paper.currentText() == "Letter"


def test_an_unreadable_logo_is_flagged_in_preferences(qtbot: QtBot, tmp_path: Path) -> None:
    form = ClinicPreferencesWidget(open_settings())
    qtbot.addWidget(form)
    form.show()
    not_image = tmp_path / "logo.png"
    not_image.write_text("this is not a picture", encoding="utf-8")
    with qtbot.waitSignal(form.validityChanged) as signal:
        form.logo.setText(str(tmp_path / "missing.png"))
    assert signal.args == [False]
    assert form.logo_error.isVisible()
    assert form.logo_error.text().startswith(
        f"The logo file {tmp_path / 'missing.png'} does not exist."
    )
    form.logo.setText(str(not_image))
    assert "is a text file, not a picture" in form.logo_error.text()
    assert not form.is_valid()
    form.logo.clear()
    assert not form.logo_error.isVisible()
    assert form.is_valid()


def test_the_window_offers_exactly_the_pages_a_handout_can_hold(
    shipped_library: ContentLibrary,
) -> None:
    from bodymap.handout.compose import handout_page_ids

    assert printable_ids(shipped_library) == set(handout_page_ids(shipped_library))
    assert "home" not in printable_ids(shipped_library)


# -- made for this client, in the preview and the export dialog ------------------------------


def test_the_preview_opens_at_a_readable_fit(qtbot: QtBot, controller: HandoutController) -> None:
    dialog = controller.preview_pages(["calf"])
    assert dialog is not None
    dialog.resize(1280, 800)  # a common laptop screen, less its panel and title bars
    qtbot.waitExposed(dialog)
    preview = dialog.preview
    qtbot.waitUntil(lambda: preview.pageCount() >= 2)
    assert preview.zoomMode() == QPrintPreviewWidget.ZoomMode.FitToWidth
    readable = preview.zoomFactor()
    assert readable >= 0.9  # 12 pt body text at 14 screen pixels or more
    preview.fitInView()  # the whole page, as QPrintPreviewDialog opened it (41% zoom)
    assert readable > preview.zoomFactor() * 1.3
    assert dialog.page_label.text().strip() == f"Page 1 of {preview.pageCount()}"
    dialog.close()


def test_choices_in_the_preview_change_the_pages_and_what_prints(
    qtbot: QtBot, controller: HandoutController, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = controller.preview_pages(["neck"])
    assert dialog is not None
    qtbot.waitExposed(dialog)
    preview = dialog.preview
    qtbot.waitUntil(lambda: preview.pageCount() >= 1)
    clear_pages = preview.pageCount()
    options = dialog.options
    options.size_choice.setCurrentIndex(options.size_choice.findData("large"))
    options.client.setText("Ana Silva")
    options.note.setPlainText("See you Tuesday.")
    qtbot.waitUntil(lambda: preview.pageCount() > clear_pages)  # large print takes more

    target = tmp_path / "printed.pdf"
    printer = controller.preview_printer
    assert printer is not None
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QDialog.DialogCode.Accepted.value)
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    first = "".join(PdfReader(target).pages[0].extract_text().split())
    assert "For:AnaSilva" in first and "SeeyouTuesday." in first
    dialog.close()


def test_a_note_too_long_stops_print_and_export_until_shortened(
    qtbot: QtBot, controller: HandoutController
) -> None:
    dialog = controller.preview_pages(["neck"])
    assert dialog is not None
    dialog.options.note.setPlainText("word " * 150)
    assert not dialog.print_button.isEnabled() and not dialog.export_button.isEnabled()
    assert "too long" in dialog.options.note_count.text()
    dialog.options.note.setPlainText("Short.")
    assert dialog.print_button.isEnabled()
    dialog.close()


class Opened:
    """Records the addresses QDesktopServices was asked to open."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.urls: list[QUrl] = []
        monkeypatch.setattr(QDesktopServices, "openUrl", self.open)

    def open(self, url: QUrl) -> bool:
        self.urls.append(url)
        return True


def test_export_for_a_client_then_open_it_or_show_its_folder(
    qtbot: QtBot,
    controller: HandoutController,
    shipped_library: ContentLibrary,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calf = shipped_library.region("calf")
    assert calf is not None

    def choose(dialog: ExportHandoutDialog) -> None:
        options = dialog.options
        options.size_choice.setCurrentIndex(options.size_choice.findData("large"))
        options.client.setText("Ana Silva")
        technique = next(
            item for item in options.choice_items() if item.data(0, CHOICE_ROLE)[1] == "techniques"
        )
        technique.setCheckState(0, Qt.CheckState.Unchecked)

    export_with(monkeypatch, choose)
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *args: (str(tmp_path / "ana.pdf"), "")
    )
    opened = Opened(monkeypatch)
    assert controller.export_pages(["calf"]) == tmp_path / "ana.pdf"
    text = "".join("".join(p.extract_text().split()) for p in PdfReader(tmp_path / "ana.pdf").pages)
    assert "For:AnaSilva" in text
    assert "".join(calf.techniques[0].text.split()) not in text
    assert "".join(calf.techniques[1].text.split()) in text
    assert "".join(calf.red_flags.emergency[0].split()[:4]) in text

    message = controller.saved_message
    assert message is not None
    qtbot.waitExposed(message)
    assert "ana.pdf" in message.text() and str(tmp_path) in message.informativeText()
    qtbot.mouseClick(message.open_button, Qt.MouseButton.LeftButton)
    assert opened.urls[-1] == QUrl.fromLocalFile(str(tmp_path / "ana.pdf"))
    controller.show_saved(tmp_path / "ana.pdf")
    assert controller.saved_message is not None
    qtbot.mouseClick(controller.saved_message.folder_button, Qt.MouseButton.LeftButton)
    assert opened.urls[-1] == QUrl.fromLocalFile(str(tmp_path))


def test_the_first_export_suggests_the_documents_folder(
    controller: HandoutController, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    documents = Path(
        QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    )
    documents.mkdir(parents=True, exist_ok=True)
    monkeypatch.chdir(tmp_path)  # the program's folder is never offered
    suggested = save_as(monkeypatch, "")
    controller.export_current()
    assert Path(suggested[0]).parent == documents
    assert Path(suggested[0]).parent != tmp_path


def test_the_default_print_size_comes_from_preferences(
    controller: HandoutController,
) -> None:
    from bodymap.settings import PrintSize

    controller.settings.print_size = PrintSize.LARGE
    dialog = ExportHandoutDialog(controller.request(["calf"]), controller.library)
    assert dialog.request().print_size is PrintSize.LARGE
    assert dialog.options.size_choice.currentText() == "Large print (16 pt)"
    dialog.deleteLater()


# -- handling the basket ------------------------------------------------------------------------


def test_clear_can_be_undone_by_button_and_by_ctrl_z(
    qtbot: QtBot, controller: HandoutController
) -> None:
    for page_id in ("calf", "back", "neck"):
        controller.basket.add(page_id)
    widget = controller.basket_widget
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.mouseClick(widget.clear_button, Qt.MouseButton.LeftButton)
    assert widget.titles() == []
    assert widget.undo_button.isEnabled() and widget.undo_button.text() == "&Undo Clear Handout"
    qtbot.mouseClick(widget.undo_button, Qt.MouseButton.LeftButton)
    assert widget.titles() == ["Calf", "Back", "Neck"]
    assert open_settings().basket == ["calf", "back", "neck"]


def test_ctrl_z_in_the_basket_undoes_clear_in_the_window(
    qtbot: QtBot, shipped_library: ContentLibrary, diagram: BodyDiagram
) -> None:
    from bodymap.ui.main_window import MainWindow

    store = open_settings()
    store.basket = ["calf", "back"]
    store.sync()
    window = MainWindow(shipped_library, diagram, open_settings())
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    widget = window.handout.basket_widget
    assert widget.isVisible()
    qtbot.mouseClick(widget.clear_button, Qt.MouseButton.LeftButton)
    assert widget.titles() == []
    # Ctrl+Z while the focus is in the basket (not in the search box, whose own undo it is).
    undo = widget.undo_action
    assert QKeySequence("Ctrl+Z") in undo.shortcuts() and undo in widget.actions()
    assert undo.shortcutContext() == Qt.ShortcutContext.WidgetWithChildrenShortcut
    undo.trigger()
    assert widget.titles() == ["Calf", "Back"]
    assert open_settings().basket == ["calf", "back"]


def test_pages_can_be_dragged_into_a_new_order(qtbot: QtBot, controller: HandoutController) -> None:
    for page_id in ("calf", "back", "neck"):
        controller.basket.add(page_id)
    widget = controller.basket_widget
    assert widget.list.dragDropMode() == QAbstractItemView.DragDropMode.InternalMove
    # What a drop of the last row above the first does to the list's model:
    assert widget.list.model().moveRow(QModelIndex(), 2, QModelIndex(), 0)
    assert controller.basket.page_ids == ("neck", "calf", "back")
    assert widget.titles() == ["Neck", "Calf", "Back"]
    assert open_settings().basket == ["neck", "calf", "back"]
    widget.undo_action.trigger()
    assert controller.basket.page_ids == ("calf", "back", "neck")


def test_enter_presses_the_focused_button(qtbot: QtBot, controller: HandoutController) -> None:
    controller.basket.add("calf")
    widget = controller.basket_widget
    widget.show()
    qtbot.waitExposed(widget)
    widget.clear_button.setFocus()
    qtbot.keyClick(widget.clear_button, Qt.Key.Key_Return)
    assert not controller.basket.page_ids
    widget.undo_button.setFocus()
    qtbot.keyClick(widget.undo_button, Qt.Key.Key_Enter)
    assert controller.basket.page_ids == ("calf",)


def test_the_basket_is_printed_previewed_and_exported_from_the_file_menu(
    qtbot: QtBot, shipped_library: ContentLibrary, diagram: BodyDiagram
) -> None:
    from bodymap.ui.main_window import MainWindow

    window = MainWindow(shipped_library, diagram, open_settings())
    qtbot.addWidget(window)
    file_menu = window.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu)
    shortcuts = {
        action.text().replace("&", ""): action.shortcut().toString()
        for action in file_menu.actions()
    }
    assert shortcuts["Print Handout…"] == "Ctrl+Shift+P"
    assert shortcuts["Preview Handout…"] == "Ctrl+Shift+V"
    assert shortcuts["Export Handout as PDF…"] == "Ctrl+Shift+X"
    every = [s for action in window.findChildren(QAction) for s in action.shortcuts()]
    for key in ("Ctrl+Shift+P", "Ctrl+Shift+V", "Ctrl+Shift+X"):
        assert every.count(QKeySequence(key)) == 1, key


# -- preferences: print size and the logo ---------------------------------------------------


def test_preferences_keep_the_print_size(qtbot: QtBot) -> None:
    from bodymap.settings import PrintSize

    form = ClinicPreferencesWidget(open_settings())
    qtbot.addWidget(form)
    assert form.print_size.currentData() == "clear"
    form.print_size.setCurrentIndex(form.print_size.findData("large"))
    form.save()
    assert open_settings().print_size is PrintSize.LARGE


def test_preferences_preview_the_logo_upright_and_in_proportion(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from tests.handout.test_logo import phone_photo, picture

    form = ClinicPreferencesWidget(open_settings())
    qtbot.addWidget(form)
    form.show()
    form.logo.setText(str(picture(tmp_path / "banner.png", 2000, 100)))
    shown = form.logo_preview.pixmap()
    assert form.logo_preview.isVisible() and not shown.isNull()
    assert shown.width() == pytest.approx(shown.height() * 20, rel=0.1)
    assert "PNG picture, 2000 x 100 pixels" in form.logo_about.text()
    form.logo.setText(str(phone_photo(tmp_path)))
    shown = form.logo_preview.pixmap()
    assert shown.height() > shown.width()  # upright, as the phone showed it
    assert "turned upright" in form.logo_about.text()


def test_a_logo_problem_is_shown_in_full(qtbot: QtBot, tmp_path: Path) -> None:
    from bodymap.ui.preferences import PreferencesDialog

    dialog = PreferencesDialog(open_settings())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    pdf = tmp_path / "a rather long folder name for the clinic logo" / "logo.pdf"
    pdf.parent.mkdir()
    pdf.write_bytes(b"%PDF-1.7 not a picture")
    dialog.clinic.logo.setText(str(pdf))
    label = dialog.clinic.logo_error
    qtbot.waitUntil(lambda: label.height() >= label.heightForWidth(label.width()))
    assert "is a PDF document, not a picture" in label.text()
    lines = label.heightForWidth(label.width()) / label.fontMetrics().lineSpacing()
    assert lines >= 2  # a long message wraps...
    assert label.height() >= label.heightForWidth(label.width())  # ...and every line shows
    assert not dialog.clinic.logo_preview.isVisible()


def test_the_printed_diagram_says_which_side_is_which(
    controller: HandoutController, tmp_path: Path
) -> None:
    path = controller.save(
        HandoutRequest(page_ids=("calf",), page_sides=("left",)), tmp_path / "left-calf"
    )
    assert path is not None
    text = " ".join(PdfReader(path).pages[0].extract_text().split())
    assert "On the front view, your left side is on the right." in text
    assert "Shaded area: left calf" in text
