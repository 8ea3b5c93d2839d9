"""Handouts in the window: actions, the basket, print preview, export and the clinic's details."""

from __future__ import annotations

import errno
import gc
import weakref
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QKeySequence
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QPushButton, QWidget
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
