"""Edit → Edit This Page, and the clinic folder chosen in Preferences."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from bodymap.content.loader import LibraryLoader
from bodymap.paths import clinic_content_dir, content_dir
from bodymap.ui.preferences import PreferencesDialog

from .conftest import WindowFactory


def test_edit_this_page_copies_the_shipped_page_and_opens_the_copy(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    clinic = clinic_content_dir()
    loader = LibraryLoader(clinic, shipped=content_dir())
    window = make_window(loader.load(), "neck", loader)
    opened: list[Path] = []

    def opener(path: Path) -> bool:
        opened.append(path)
        return True

    window.page_editor.opener = opener
    action = window.page_editor.action
    edit_menu = window.menuBar().actions()[1].menu()
    assert isinstance(edit_menu, QMenu) and action in edit_menu.actions()
    assert action.isEnabled()
    action.trigger()
    copy = clinic / "regions" / "neck.yaml"
    assert opened == [copy]
    assert copy.read_bytes() == (content_dir() / "regions" / "neck.yaml").read_bytes()
    page = window.library.get("neck")
    assert page is not None and page.path == copy  # the window follows the clinic's copy now
    # An edit saved in the editor shows up live.
    qtbot.waitUntil(lambda: str(copy) in window.watcher.watched())
    copy.write_text(
        copy.read_text(encoding="utf-8").replace("title: Neck", "title: Neck and shoulders"),
        encoding="utf-8",
    )
    qtbot.waitUntil(lambda: window.windowTitle().startswith("Neck and shoulders —"))
    # A second time, the clinic's copy is opened as it is, never copied over.
    action.trigger()
    assert opened == [copy, copy] and "Neck and shoulders" in copy.read_text(encoding="utf-8")
    assert (content_dir() / "regions" / "neck.yaml").read_text().count("title: Neck\n") == 1


def test_with_no_program_for_yaml_the_path_is_shown(
    make_window: WindowFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    loader = LibraryLoader(clinic_content_dir(), shipped=content_dir())
    window = make_window(loader.load(), "foot", loader)
    window.page_editor.opener = lambda path: False
    shown: list[str] = []

    def show(box: QMessageBox) -> int:
        shown.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", show)
    window.page_editor.action.trigger()
    assert len(shown) == 1 and str(clinic_content_dir() / "regions" / "foot.yaml") in shown[0]


def test_choosing_a_clinic_folder_in_preferences_shows_its_pages(
    make_window: WindowFactory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loader = LibraryLoader(clinic_content_dir(), shipped=content_dir())
    window = make_window(loader.load(), "calf", loader)
    chosen = tmp_path / "shared pages"
    (chosen / "regions").mkdir(parents=True)
    text = (content_dir() / "regions" / "calf.yaml").read_text(encoding="utf-8")
    (chosen / "regions" / "calf.yaml").write_text(text.replace("title: Calf", "title: Our calf"))

    def accept_with_folder(dialog: PreferencesDialog) -> int:
        dialog.content_folder.path.setText(str(chosen))
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        return int(dialog.result())

    monkeypatch.setattr(PreferencesDialog, "exec", accept_with_folder)
    window.show_preferences()
    assert window.settings.clinic_content_folder == str(chosen)
    assert window.library.root == chosen
    assert window.windowTitle().startswith("Our calf —")
