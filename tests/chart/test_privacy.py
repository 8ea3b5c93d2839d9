"""A client's chart (name, notes, scores) is written only to the session file the user saves
and the handout they export: never to settings, caches, data folders, logs or temp files."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

import pytest
from pypdf import PdfReader

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
