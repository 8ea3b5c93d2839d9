"""The window, the handout commands and ``check`` apply one set of rules and agree.

A clinic owner edits the calf page: the clot warning becomes "a gentle massage may help" and
a red flag says "call 911". ``check`` rejects both; the window must mark the page with the
rules in plain words, and nothing may print or export it (window or command line) until the
file is fixed. Completeness problems (a topic with one source) show in the window too, but
do not block printing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from pytestqt.qtbot import QtBot

from bodymap.cli import main
from bodymap.content.loader import load_library
from bodymap.content.report import check_content
from bodymap.handout.compose import HandoutRequest, UnsafePageError, compose_handout
from bodymap.qtshared.diagram import BodyDiagram
from bodymap.qtshared.settings import open_settings
from bodymap.ui.main_window import MainWindow


def edit(path: Path, change: dict[str, object]) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data.update(change)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


@pytest.fixture
def unsafe_calf(content_copy: Path) -> Path:
    """The calf page with its clot warning softened and a fixed emergency number typed in."""
    calf = content_copy / "regions" / "calf.yaml"
    data = yaml.safe_load(calf.read_text(encoding="utf-8"))
    data["warning"] = {"heading": "Tight calves", "text": "A gentle massage may help."}
    data["red_flags"]["emergency"].append("Sudden weakness in one leg: call 911.")
    calf.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return content_copy


def safety_messages(root: Path) -> list[str]:
    return [p.describe(root) for p in check_content(root).problems if p.blocks_output]


def test_check_rejects_the_unsafe_edit(unsafe_calf: Path) -> None:
    found = "\n".join(safety_messages(unsafe_calf))
    assert "regions/calf.yaml" in found
    assert "blood clot" in found and "fixed emergency number" in found


def test_the_window_marks_the_page_with_the_same_rules(qtbot: QtBot, unsafe_calf: Path) -> None:
    library = load_library(unsafe_calf)
    window = MainWindow(library, BodyDiagram(), open_settings())
    qtbot.addWidget(window)
    window.show()
    window.start("calf")
    shown = window.page_view.toPlainText()
    assert "This page breaks a safety rule" in shown
    assert "cannot be printed or exported until its file is fixed" in shown
    for message in safety_messages(unsafe_calf):  # every rule check names, in plain words
        assert message in shown
    bar = window.problems_bar.summary.text()
    assert "1 page breaks a safety rule and cannot be printed until fixed" in bar
    window.start("foot")
    assert "breaks a safety rule" not in window.page_view.toPlainText()


def test_no_handout_is_made_of_an_unsafe_page(unsafe_calf: Path) -> None:
    library = load_library(unsafe_calf)
    with pytest.raises(UnsafePageError) as refused:
        compose_handout(HandoutRequest(("foot", "calf")), library)
    assert "The Calf page cannot be printed or exported until its file is fixed" in str(
        refused.value
    )
    assert compose_handout(HandoutRequest(("foot",)), library).pages  # the others still print


def test_the_handout_command_refuses_and_writes_nothing(
    unsafe_calf: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "out.pdf"
    status = main(["handout", "calf", "--output", str(target), "--content-dir", str(unsafe_calf)])
    assert status == 1
    assert not target.exists() and list(tmp_path.glob("*.pdf")) == []
    err = capsys.readouterr().err
    assert "The Calf page cannot be printed or exported until its file is fixed" in err
    assert "regions/calf.yaml" in err and "Traceback" not in err


def test_completeness_shows_in_the_window_but_does_not_block(
    qtbot: QtBot, content_copy: Path
) -> None:
    hydration = content_copy / "topics" / "hydration.yaml"
    data = yaml.safe_load(hydration.read_text(encoding="utf-8"))
    edit(hydration, {"sources": data["sources"][:1]})
    library = load_library(content_copy)
    window = MainWindow(library, BodyDiagram(), open_settings())
    qtbot.addWidget(window)
    window.show()
    window.start("hydration")
    assert window.problems_bar.isVisible()
    assert "needs at least 2 sources" in window.problems_bar.summary.text()
    assert "breaks a safety rule" not in window.page_view.toPlainText()
    assert compose_handout(HandoutRequest(("hydration",)), library).pages
    check = [p.describe(content_copy) for p in check_content(content_copy).problems]
    assert any("topics/hydration.yaml" in line and "2 sources" in line for line in check)


def test_the_window_will_not_print_preview_or_export_an_unsafe_page(
    qtbot: QtBot, unsafe_calf: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QMessageBox

    said: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: said.append(text))
    library = load_library(unsafe_calf)
    window = MainWindow(library, BodyDiagram(), open_settings())
    qtbot.addWidget(window)
    window.show()
    window.start("calf")
    handout = window.handout
    for action in (handout.print_action, handout.preview_action, handout.export_action):
        assert not action.isEnabled()
        assert "safety rule" in action.toolTip()
    # Put in the basket before the edit, or asked for some other way: still refused.
    assert handout.preview_pages(["foot", "calf"]) is None
    assert handout.export_to(["calf"], tmp_path / "calf.pdf") is None
    assert not handout.print_pages(["calf"])
    assert list(tmp_path.glob("*.pdf")) == []
    assert len(said) == 3
    assert all("The Calf page cannot be printed or exported" in text for text in said)
    window.start("foot")
    assert handout.print_action.isEnabled() and handout.export_action.isEnabled()
