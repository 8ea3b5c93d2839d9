"""A client's name and the therapist's note go only into the exported file or to the printer:
never the settings, the basket, a cache or the log. Every file the app wrote is searched."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog
from pytestqt.qtbot import QtBot

from bodymap.content.model import ContentLibrary
from bodymap.handout.cli import handout_main
from bodymap.qtshared.diagram import BodyDiagram
from bodymap.qtshared.settings import open_settings
from bodymap.ui.handout_dialogs import ExportHandoutDialog

NAME = "Philippa Quarrington-Vasquez"
NOTE = "Zygomatic tenderness noted; ice twice daily"
SECRETS = (NAME, NOTE, "Quarrington", "Zygomatic")


def written(*folders: Path, skip: set[Path]) -> Iterator[Path]:
    for folder in folders:
        for root, _, names in os.walk(folder):
            for name in names:
                path = Path(root) / name
                if path not in skip:
                    yield path


def leaks(path: Path) -> list[str]:
    data = path.read_bytes()
    found = []
    for secret in SECRETS:
        for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
            if secret.encode(encoding) in data or secret.casefold().encode(encoding) in data:
                found.append(f"{secret!r} ({encoding}) in {path}")
    return found


def test_the_client_is_written_only_where_the_handout_goes(
    qtbot: QtBot,
    shipped_library: ContentLibrary,
    tmp_path: Path,
    fresh_settings: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from bodymap.ui.main_window import MainWindow

    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    out = tmp_path / "out"
    out.mkdir()
    exported, printed, from_cli = out / "for-client.pdf", out / "printed.pdf", out / "cli.pdf"

    window = MainWindow(shipped_library, BodyDiagram(), open_settings())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.start("calf")
    handout = window.handout
    handout.add_current()

    # The preview, with the client's details typed in, printed "to the printer" (a file).
    dialog = handout.preview_pages(["calf"])
    assert dialog is not None
    dialog.options.client.setText(NAME)
    dialog.options.note.setPlainText(NOTE)
    printer = handout.preview_printer
    assert printer is not None
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: QDialog.DialogCode.Accepted.value)
    dialog.print_button.click()
    dialog.close()

    # Export from the Export dialog.
    def choose(export: ExportHandoutDialog) -> int:
        export.options.client.setText(NAME)
        export.options.note.setPlainText(NOTE)
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(ExportHandoutDialog, "exec", choose)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args: (str(exported), ""))
    handout.export_basket()
    assert exported.exists()
    window.close()

    # And the command line.
    assert handout_main(["calf", "-o", str(from_cli), "--client", NAME, "--note", NOTE]) == 0

    for path in (exported, printed, from_cli):
        text = "".join(page.extract_text() for page in PdfReader(path).pages)
        assert NAME in " ".join(text.split()), path  # the test could find it if it leaked

    folders = [fresh_settings, tmp_path]
    folders += [Path(os.environ[key]) for key in ("XDG_CACHE_HOME", "XDG_DATA_HOME")]
    files = list(written(*folders, skip={exported, printed, from_cli}))
    assert any(path.suffix == ".ini" for path in files)  # the settings were written
    assert [leak for path in files for leak in leaks(path)] == []
