"""A client's chart (name, notes, scores) is written only to the session file the user saves
and the handout they export: never to settings, caches, data folders, logs or temp files."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from bodymap.artwork import Artwork
from bodymap.chart.fhir import read_session, save_session
from bodymap.chart.model import Kind, MarkedArea, SessionChart
from bodymap.content.model import ContentLibrary
from bodymap.fileio import atomic_write_bytes
from bodymap.handout.chart_page import compose_chart_handout
from bodymap.handout.cli import handout_main
from bodymap.handout.compose import HandoutRequest
from bodymap.handout.pdf import render_composed
from bodymap.qtshared.diagram import BodyDiagram
from tests.handout.test_privacy import leaks, written

NAME = "Philippa Quarrington-Vasquez"
NOTE = "Zygomatic tenderness noted; ice twice daily"
AREA_NOTE = "Quarrington flare after tennis"


@pytest.mark.usefixtures("qapp")
def test_the_chart_is_written_only_where_the_user_saves_or_exports(
    artwork: Artwork,
    shipped_library: ContentLibrary,
    tmp_path: Path,
    fresh_settings: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    out = tmp_path / "out"
    out.mkdir()
    session, api_pdf, cli_pdf = out / "session.json", out / "api.pdf", out / "cli.pdf"
    chart = SessionChart(
        dt.date(2026, 11, 26),
        NAME,
        NOTE,
        (MarkedArea("calf", "left", 7, Kind.CRAMP, note=AREA_NOTE), MarkedArea("neck", None, 3)),
    )

    # The Python API: save, open, compose and export.
    save_session(session, chart, artwork)
    assert read_session(session, artwork) == chart
    request = HandoutRequest(page_ids=())
    data, _ = render_composed(compose_chart_handout(chart, request, shipped_library), BodyDiagram())
    atomic_write_bytes(api_pdf, data)
    # The command line, with the same file.
    assert handout_main(["--chart", str(session), "-o", str(cli_pdf)]) == 0

    for path in (api_pdf, cli_pdf):
        text = " ".join(" ".join(p.extract_text() for p in PdfReader(path).pages).split())
        assert NAME in text and "Zygomatic" in text, path  # it could be found if it leaked
    assert NAME in session.read_text("utf-8")

    folders = [fresh_settings, tmp_path]
    folders += [Path(os.environ[key]) for key in ("XDG_CACHE_HOME", "XDG_DATA_HOME")]
    files = list(written(*folders, skip={session, api_pdf, cli_pdf}))
    assert files, "the caches were written somewhere this test looks"
    assert [leak for path in files for leak in leaks(path)] == []


def test_a_session_charted_in_the_window_is_written_only_where_the_user_saves_it(
    qtbot: QtBot,
    shipped_library: ContentLibrary,
    tmp_path: Path,
    fresh_settings: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The window, used as a therapist does: the client's name, notes, scores and areas reach
    the session file and the exported handout, and nothing else: not the settings, caches, the
    log folder, temp files, nor the window title."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

    from bodymap.qtshared.settings import open_settings
    from bodymap.ui.handout_dialogs import ExportHandoutDialog, SavedMessage
    from bodymap.ui.main_window import MainWindow

    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    out = tmp_path / "out"
    out.mkdir()
    session_file, handout_file = out / "visit.json", out / "visit.pdf"
    monkeypatch.setattr(QMessageBox, "question", lambda *_a: QMessageBox.StandardButton.Discard)
    monkeypatch.setattr(ExportHandoutDialog, "exec", lambda self: QDialog.DialogCode.Accepted.value)
    monkeypatch.setattr(SavedMessage, "open", lambda self: None)

    window = MainWindow(shipped_library, BodyDiagram(), open_settings())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.start("calf")
    titles: list[str] = []
    window.windowTitleChanged.connect(titles.append)
    window.chart_mode.chart_action.trigger()
    session = window.chart_mode.session
    panel = session.panel
    panel.client.setText(NAME)
    panel.client.editingFinished.emit()
    for region, side, key in (("calf", "left", Qt.Key.Key_7), ("neck", None, Qt.Key.Key_3)):
        button = window.body_map.button_for(region, side=side)
        assert button is not None
        button.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.keyClick(button, key)
    panel.area_note.setText(AREA_NOTE)
    panel.area_note.editingFinished.emit()
    panel.note.setPlainText(NOTE)
    panel.note.editingFinished.emit()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(session_file), ""))
    assert session.save()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(handout_file), ""))
    assert session.export_handout() == handout_file
    window.chart_mode.new_action.trigger()
    window.close()

    assert NAME in session_file.read_text("utf-8") and "Quarrington" in session_file.read_text()
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(handout_file).pages).split())
    assert NAME in text and "Zygomatic" in text and "7 out of 10" in text
    assert titles and not [t for t in titles if "Quarrington" in t or "Philippa" in t]
    folders = [fresh_settings, tmp_path]
    folders += [Path(os.environ[key]) for key in ("XDG_CACHE_HOME", "XDG_DATA_HOME")]
    files = list(written(*folders, skip={session_file, handout_file}))
    assert any(path.suffix == ".ini" for path in files), "the settings were written"
    assert [leak for path in files for leak in leaks(path)] == []
    settings = "".join(p.read_text("utf-8", "replace") for p in files if p.suffix == ".ini")
    assert "visit" not in settings  # no recent sessions, no session folder
