"""A region is data: drawing it in the artwork and writing its page is all it takes.

A test-only copy of the artwork gains a knee outline and the content folder a knee page; with
no change to the code the knee is on the map, in the Go menu, found by search, printed on a
handout and read by ``check``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from bodymap import paths
from bodymap.cli import main
from bodymap.content.loader import load_library
from bodymap.content.search import SearchIndex
from bodymap.handout.pdf import write_pdf
from bodymap.handout.request import handout_request
from bodymap.qtshared.diagram import BodyDiagram
from bodymap.qtshared.settings import open_settings
from bodymap.ui.main_window import MainWindow

ANCHOR = '<path id="region-foot-front-right"'
KNEE = '<path id="region-knee-front" d="M128 560 L152 560 L152 592 L128 592 Z"/>\n    '


@pytest.fixture
def with_knee(tmp_path: Path, content_copy: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Resources whose artwork draws a knee, and a content folder with a knee page."""
    resources = tmp_path / "resources"
    shutil.copytree(paths.resources_dir(), resources)
    svg = resources / "body.svg"
    text = svg.read_text(encoding="utf-8")
    assert ANCHOR in text
    svg.write_text(text.replace(ANCHOR, KNEE + ANCHOR, 1))
    monkeypatch.setattr(paths, "resources_dir", lambda: resources)
    calf = (content_copy / "regions" / "calf.yaml").read_text(encoding="utf-8")
    knee = calf.replace("id: calf", "id: knee", 1).replace("title: Calf", "title: Knee", 1)
    (content_copy / "regions" / "knee.yaml").write_text(knee, encoding="utf-8")
    return content_copy


def test_a_new_region_needs_no_code(
    qtbot: QtBot, with_knee: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    library = load_library(with_knee)
    assert [p for p in library.problems if "knee" in str(p.path)] == []
    ids = [page.id for page in library.regions]
    assert ids.index("stomach") < ids.index("knee") < ids.index("calf")  # head to toe

    diagram = BodyDiagram()
    window = MainWindow(library, diagram, open_settings())
    qtbot.addWidget(window)
    window.show()
    window.start(None)
    titles = [action.text() for action in window.regions_menu.actions()]
    assert "Knee" in titles
    knee_button = window.body_map.button_for("knee", "front")
    assert knee_button is not None and knee_button.accessibleName() == "Knee"
    knee_button.click()
    assert window.navigator.current == "knee"
    assert window.windowTitle().startswith("Knee")

    index = SearchIndex.open(library)
    assert index.search("knee").results[0].id == "knee"

    target = with_knee.parent / "knee.pdf"
    request = handout_request(["knee"], open_settings())
    write_pdf(target, request, library, diagram)
    assert "Knee" in "".join(page.extract_text() for page in PdfReader(target).pages)

    assert main(["check", "--grades", str(with_knee)]) == 0
    graded = [line.split() for line in capsys.readouterr().out.splitlines()]
    assert any(words[-1:] == ["knee"] for words in graded)  # read, checked and graded
