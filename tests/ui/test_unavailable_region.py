"""A region drawn in the artwork whose page is missing or broken: shown as unavailable, says
why, and never shifts the Ctrl+number shortcuts or opens another page."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from bodymap import cli_common
from bodymap.cli import main
from bodymap.content.loader import load_library
from tests.ui.conftest import WindowFactory, as_shown, click_map, interior_point


def _break(content: Path, region: str) -> None:
    path = content / "regions" / f"{region}.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("title:", "titel:", 1), encoding="utf-8")


def test_a_broken_region_is_drawn_as_unavailable_and_says_why(
    qtbot: QtBot, make_window: WindowFactory, content_copy: Path
) -> None:
    _break(content_copy, "neck")
    window = make_window(load_library(content_copy), start="calf")
    body_map = window.body_map
    shown = {(b.region_id, b.shape.view) for b in body_map.shown_buttons}
    assert ("neck", "front") in shown and ("neck", "back") in shown
    button = next(b for b in body_map.shown_buttons if b.region_id == "neck")
    assert button.isVisible()
    assert button.unavailable is not None and "neck.yaml" in button.unavailable
    assert "not available" in as_shown(button.toolTip())
    assert "neck.yaml" in button.accessibleDescription()
    with qtbot.waitSignal(body_map.regionUnavailable):
        click_map(qtbot, body_map, interior_point(body_map, button))
    assert window.navigator.current == "calf"  # nothing else opened
    assert "neck.yaml" in window.statusBar().currentMessage()


def test_ctrl_numbers_stay_on_their_regions_when_one_is_broken(
    qtbot: QtBot, make_window: WindowFactory, content_copy: Path
) -> None:
    _break(content_copy, "neck")  # the first region, head to toe
    window = make_window(load_library(content_copy), start="calf")
    order = window.library.region_order
    assert order[0] == "neck"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.page_view, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.navigator.current == order[1]  # chest, as always; not the third region
    qtbot.keyClick(window.page_view, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.navigator.current == order[1]
    assert "neck" in window.statusBar().currentMessage()
    texts = [a.text() for a in window.regions_menu.actions()]
    assert texts[0].endswith("(not available)")


def test_region_option_with_a_broken_page_names_the_problem(
    content_copy: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The copy stands in for the shipped pages (a clinic folder's broken page would fall back
    # to the shipped one, which is fine).
    monkeypatch.setattr(cli_common, "content_dir", lambda: content_copy)
    _break(content_copy, "back")
    assert main(["--region", "back", "--content-dir", str(content_copy)]) == 1
    err = capsys.readouterr().err
    assert "unknown region" not in err
    assert "the back page has a problem: regions/back.yaml:" in err
