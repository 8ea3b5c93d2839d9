"""A damaged or unreadable settings file: defaults, a kept copy, and one notice, said once."""

from __future__ import annotations

import os
import random
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from bodymap import APP_NAME, ORG_NAME
from bodymap.content.model import ContentLibrary
from bodymap.qtshared.settings import open_settings, open_store
from bodymap.settings import SETTINGS, ClinicDetails, PrintSize, Settings
from bodymap.ui.app import build_window
from bodymap.ui.settings_recovery import STALE_TEMP_SECONDS, check_settings
from tests.children import ChildPython
from tests.permissions import run_bound

KNOWN_SETTINGS = {setting.key for setting in SETTINGS}
GOOD = b"[handout]\nname=Harbour Massage\nbasket=calf, neck\n\n[view]\nappearance=dark\n"


@pytest.fixture
def settings_file() -> Path:
    path = Path(open_store().fileName())
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def kept_copies(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{path.name}.broken-*"))


def assert_defaults() -> None:
    settings = clinic = open_settings()
    assert settings.appearance == "system"
    assert settings.geometry is None
    assert settings.last_page == ""
    assert clinic.basket == []
    assert clinic.clinic.name == ""


def assert_saves_again() -> None:
    store = open_store()
    settings = Settings(store)
    settings.basket = ["foot"]
    settings.appearance = "light"
    settings.sync()
    assert store.status() == QSettings.Status.NoError
    reread = QSettings(store.fileName(), QSettings.Format.IniFormat)
    assert reread.value("handout/basket") in ("foot", ["foot"])
    assert reread.value("view/appearance") == "light"


DAMAGE = {
    "random bytes": random.Random(6).randbytes(3000),
    "zeros": bytes(800),
    "text that is not settings": b"Dear diary,\nthe computer crashed today.\n",
    "cut off in a section name": GOOD + b"\n[wind",
    "a NUL byte in a good file": GOOD.replace(b"Harbour", b"Har\0bour"),
}


@pytest.mark.parametrize("damage", DAMAGE)
def test_damaged_file_is_kept_aside_and_the_app_starts_with_defaults(
    settings_file: Path, damage: str
) -> None:
    settings_file.write_bytes(DAMAGE[damage])
    notice = check_settings()
    assert notice is not None
    assert "could not read its saved settings (the file is damaged)" in notice.text
    assert notice.kept_copy is not None and str(notice.kept_copy) in notice.text
    assert kept_copies(settings_file) == [notice.kept_copy]
    assert notice.kept_copy.read_bytes() == DAMAGE[damage]  # nothing of it is lost
    assert_defaults()
    assert check_settings() is None  # said once: the next start is quiet
    assert_saves_again()


def test_a_folder_where_the_file_should_be_is_moved_aside_with_its_contents(
    settings_file: Path,
) -> None:
    settings_file.mkdir()
    (settings_file / "note.txt").write_text("someone's note", encoding="utf-8")
    notice = check_settings()
    assert notice is not None
    assert "a folder or another kind of item" in notice.text
    assert notice.kept_copy is not None
    assert (notice.kept_copy / "note.txt").read_text(encoding="utf-8") == "someone's note"
    assert_defaults()
    assert check_settings() is None
    assert_saves_again()


@pytest.fixture
def child_settings_file(child_python: ChildPython) -> Path:
    """Where a child started by ``child_python`` keeps its settings (its own config folder)."""
    path = child_python.config / ORG_NAME / f"{APP_NAME}.ini"
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


DEFAULTS: dict[str, object] = {  # what assert_defaults checks, as the child reports it
    "appearance": "system",
    "geometry": None,
    "last_page": "",
    "basket": [],
    "clinic_name": "",
}


# The next two start the app's part in a child that permissions bind, so they run as root too
# (see tests/permissions.py).


def test_an_unreadable_file_is_moved_aside(
    child_python: ChildPython, child_settings_file: Path
) -> None:
    child_settings_file.write_bytes(GOOD)
    child_settings_file.chmod(0)
    report = run_bound(child_python, "settings", "save")
    assert report["file"] == str(child_settings_file)
    assert report["first"] is not None and "could not be opened" in report["first"]
    assert report["read"] == DEFAULTS
    assert report["second"] is None  # said once
    saved = report["saved"]
    assert saved["status"] == "NoError"
    assert saved["basket"] in ("foot", ["foot"]) and saved["appearance"] == "light"
    (kept,) = kept_copies(child_settings_file)
    kept.chmod(0o600)
    assert kept.read_bytes() == GOOD  # nothing of it is lost


def test_damaged_file_in_a_read_only_folder_is_said_again_next_time(
    child_python: ChildPython, child_settings_file: Path
) -> None:
    child_settings_file.write_bytes(DAMAGE["random bytes"])
    child_settings_file.parent.chmod(0o555)
    try:
        report = run_bound(child_python, "settings")
    finally:
        child_settings_file.parent.chmod(0o755)
    assert report["file"] == str(child_settings_file)
    assert report["first"] is not None and "will not be kept" in report["first"]
    assert report["second"] is not None  # still true, so still said
    assert child_settings_file.read_bytes() == DAMAGE["random bytes"]
    assert kept_copies(child_settings_file) == []


@pytest.mark.qt_log_ignore("QVariant::load: unknown user type")
def test_values_of_the_wrong_kind_are_reset_and_good_ones_kept(settings_file: Path) -> None:
    settings_file.write_bytes(
        b"[window]\ngeometry=@Variant(\\0\\0\\0\\x7f\\0\\0\\0\\x10junk)\nsplitter=some text\n\n"
        b"[handout]\nname=Harbour Massage\nbasket=@Rect(1 2 3 4)\n"
        b"paper_size=A5\n\n[view]\nappearance=purple\n"
    )
    notice = check_settings()
    assert notice is not None
    assert notice.kept_copy is None  # the file was readable; only the bad values went
    for name in ("window size and position", "window layout", "handout basket"):
        assert name in notice.text
    assert "paper size" in notice.text and "appearance" in notice.text
    assert "clinic name" not in notice.text
    settings = clinic = open_settings()
    assert clinic.clinic.name == "Harbour Massage"
    assert settings.geometry is None and settings.splitter is None
    assert clinic.basket == [] and settings.appearance == "system"
    assert not kept_copies(settings_file)
    # Nothing a person may have written is deleted: the lines stay, named until corrected.
    text = settings_file.read_text(encoding="utf-8")
    assert "appearance=purple" in text and "paper_size=A5" in text
    again = check_settings()
    assert again is not None and "appearance= under [view]" in again.text
    settings_file.write_bytes(b"[handout]\nname=Harbour Massage\n\n[view]\nappearance=Dark\n")
    assert check_settings() is None
    assert open_settings().appearance == "dark"


def test_a_hand_written_address_with_a_comma_is_read_as_written(settings_file: Path) -> None:
    """QSettings reads an unquoted comma as a list of texts; it is one address."""
    settings_file.write_bytes(
        b"[handout]\nname=Harbour Massage\naddress=12 High Street, Springfield\nbasket=calf, back\n"
    )
    assert check_settings() is None
    assert "12 High Street, Springfield" in settings_file.read_text(encoding="utf-8")
    settings = open_settings()
    assert settings.clinic.address == "12 High Street, Springfield"
    assert settings.basket == ["calf", "back"]


def test_a_healthy_file_is_left_exactly_as_it_is(settings_file: Path) -> None:
    settings_file.write_bytes(GOOD)
    before = settings_file.stat().st_mtime_ns
    assert check_settings() is None
    assert settings_file.read_bytes() == GOOD
    assert settings_file.stat().st_mtime_ns == before
    assert open_settings().basket == ["calf", "neck"]


def test_first_start_without_a_file_is_quiet(settings_file: Path) -> None:
    assert not settings_file.exists()
    assert check_settings() is None


def test_every_setting_the_app_saves_is_checked_and_passes(settings_file: Path) -> None:
    store = open_store()
    settings = clinic = Settings(store)
    settings.geometry = QByteArray(b"\x01\xd9\xd0\xcb geometry")
    settings.splitter = QByteArray(b"\x00\xff splitter")
    settings.last_page = "calf"
    settings.appearance = "dark"
    settings.emergency_number_override = "000"
    settings.same_day_override = "Harbour Surgery, or NHS 111"
    settings.text_size = 125
    settings.language_choice = "es"
    settings.page_language_choice = "en"
    clinic.clinic = ClinicDetails(
        name="Harbour", address="1 Quay St", phone="555", website="example.org",
        logo_path="/logo.png", footer_note="Thanks",
    )  # fmt: skip
    clinic.paper_size_choice = "Letter"
    clinic.last_folder = "/home/clinic"
    clinic.print_size = PrintSize.LARGE
    clinic.clinic_content_folder = "/srv/clinic pages"
    for basket in ([], ["calf"], ["calf", "foot", "neck"]):
        clinic.basket = basket
        settings.sync()
        assert set(store.allKeys()) <= set(KNOWN_SETTINGS)
        assert check_settings() is None, basket
    assert set(store.allKeys()) == set(KNOWN_SETTINGS)


def test_old_temporary_files_of_a_killed_save_are_cleared(settings_file: Path) -> None:
    settings_file.write_bytes(GOOD)
    old = settings_file.with_name(settings_file.name + ".aB3dE9")
    recent = settings_file.with_name(settings_file.name + ".Zy8xW7")
    kept = settings_file.with_name(settings_file.name + ".broken-20240101-101010")
    for path in (old, recent, kept):
        path.write_bytes(GOOD)
    long_ago = time.time() - STALE_TEMP_SECONDS - 60
    for path in (old, kept):
        os.utime(path, (long_ago, long_ago))
    assert check_settings() is None
    assert not old.exists()
    assert recent.exists()  # may belong to a second copy of the app saving right now
    assert kept.exists()


def notice_boxes() -> list[QMessageBox]:
    return [
        widget
        for widget in QApplication.topLevelWidgets()
        if isinstance(widget, QMessageBox)
        and widget.objectName() == "settings-notice"
        and widget.isVisible()
    ]


def test_the_window_says_it_once_after_it_appears(
    qtbot: QtBot, settings_file: Path, shipped_library: ContentLibrary
) -> None:
    settings_file.write_bytes(DAMAGE["random bytes"])
    window = build_window(shipped_library)
    qtbot.addWidget(window)
    assert len(window.findChildren(QMessageBox, "settings-notice")) == 1  # made with it
    window.show()
    qtbot.waitUntil(lambda: len(notice_boxes()) == 1)
    box = notice_boxes()[0]
    assert box.parent() is window
    assert "started with its usual settings" in box.text()
    assert box.textFormat() == Qt.TextFormat.PlainText
    assert str(kept_copies(settings_file)[0]) in box.text()
    assert window.navigator.current == "home"
    box.accept()
    window.close()

    again = build_window(shipped_library)
    qtbot.addWidget(again)
    # The notice is made with the window (then opened by the event loop): none was made.
    assert again.findChildren(QMessageBox, "settings-notice") == []
    again.show()
    qtbot.waitExposed(again)
    assert notice_boxes() == []
    again.close()
