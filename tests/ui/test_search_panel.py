"""Search in the window, by keyboard and mouse, as a therapist would use it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from bodymap.content.search import SearchIndex
from bodymap.ui.main_window import MainWindow
from bodymap.ui.roles import PAGE_ID_ROLE
from bodymap.ui.search_results import SearchResultsModel
from tests.children import ChildPython
from tests.ui.test_main_window import assert_in_step


def type_query(qtbot: QtBot, window: MainWindow, text: str) -> None:
    qtbot.keyClick(window.page_view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search.field.hasFocus()
    qtbot.keyClicks(window.search.field, text)


def test_typing_shows_results_without_enter(qtbot: QtBot, window: MainWindow) -> None:
    type_query(qtbot, window, "charley horse")
    panel = window.search
    assert panel.popup.isVisible()
    assert panel.model.rowCount() >= 1
    first = panel.model.index(0)
    assert first.data(PAGE_ID_ROLE) == "calf"
    shown = str(first.data())
    assert shown.startswith("Calf (Calf)")
    assert window.navigator.current == "home"  # nothing opens until chosen


def test_results_follow_each_keystroke(qtbot: QtBot, window: MainWindow) -> None:
    type_query(qtbot, window, "tum")
    assert window.search.model.index(0).data(PAGE_ID_ROLE) == "stomach"
    qtbot.keyClicks(window.search.field, "my cramp")
    assert window.search.popup.isVisible()


def test_arrows_and_enter_open_a_result_in_step_with_the_map(
    qtbot: QtBot, window: MainWindow
) -> None:
    type_query(qtbot, window, "cramp")
    panel = window.search
    second = panel.model.index(1).data(PAGE_ID_ROLE)
    qtbot.keyClick(panel.field, Qt.Key.Key_Down)
    assert panel.view.currentIndex().row() == 1
    qtbot.keyClick(panel.field, Qt.Key.Key_Up)
    qtbot.keyClick(panel.field, Qt.Key.Key_Down)
    qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    assert_in_step(window, str(second))
    assert not panel.popup.isVisible()
    window.navigator.back()
    assert_in_step(window, "home")


def test_region_result_highlights_the_map(qtbot: QtBot, window: MainWindow) -> None:
    type_query(qtbot, window, "crick in my neck")
    qtbot.keyClick(window.search.field, Qt.Key.Key_Return)
    assert_in_step(window, "neck")
    assert window.body_map.selected == "neck"


def test_mouse_click_opens_a_result(qtbot: QtBot, window: MainWindow) -> None:
    type_query(qtbot, window, "potasium")
    view = window.search.view
    rect = view.visualRect(window.search.model.index(0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert_in_step(window, "electrolytes")


def test_escape_clears_and_returns_focus(qtbot: QtBot, window: MainWindow) -> None:
    window.topics.setFocus()
    qtbot.waitUntil(window.topics.hasFocus)
    type_query(qtbot, window, "belly")
    qtbot.keyClick(window.search.field, Qt.Key.Key_Escape)
    assert window.search.field.text() == ""
    assert not window.search.popup.isVisible()
    assert window.topics.hasFocus()


def test_no_results_says_so_and_suggests(qtbot: QtBot, window: MainWindow) -> None:
    type_query(qtbot, window, "clafx")
    model = window.search.model
    if model.results:  # close enough to match outright is also fine for a person
        assert model.results[0].id == "calf"
        return
    assert str(model.index(0).data()).startswith("No results for “clafx”.")
    assert "Did you mean" in str(model.index(0).data())
    qtbot.keyClick(window.search.field, Qt.Key.Key_Down)
    qtbot.keyClick(window.search.field, Qt.Key.Key_Return)
    assert window.search.field.text() in model.suggestions or window.search.field.text()
    assert window.search.model.results


def test_nonsense_typed_in_the_window_is_harmless(qtbot: QtBot, window: MainWindow) -> None:
    type_query(qtbot, window, '"NEAR( OR * ^:-')
    window.search.field.insert("😀🦵\x00")  # QTest cannot type characters beyond the BMP
    assert window.search.popup.isVisible()
    window.search.field.setText("x" * 500)
    window.search.field.setText("")
    assert not window.search.popup.isVisible()


def test_results_model_is_a_well_behaved_qt_model(
    qtmodeltester: ModelTester, window: MainWindow
) -> None:
    index: SearchIndex = window.search.index
    model = SearchResultsModel({"calf": "Calf"})
    model.set_response(index.search("calf"))
    qtmodeltester.check(model)
    model.set_response(index.search("qqqqzzzz"))
    qtmodeltester.check(model)
    model.set_response(None)
    qtmodeltester.check(model)


def test_results_model_survives_many_reads_from_qt(child_python: ChildPython) -> None:
    """Qt reads every role of every row on each paint; thousands of reads must be harmless.

    PySide6 6.12.0 aborted the process here (a None reference-count bug), so this runs in a
    subprocess and pyproject.toml excludes that version.
    """
    code = (
        "from PySide6.QtCore import Qt\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from bodymap.ui.search_results import SearchResultsModel\n"
        "from bodymap.content.search import SearchResponse\n"
        "app = QApplication([])\n"
        "model = SearchResultsModel({})\n"
        "model.set_response(SearchResponse('zz', [], ['calf']))\n"
        "for _ in range(20000):\n"
        "    model.index(0).data(Qt.ItemDataRole.DecorationRole)\n"
        "print('ok')\n"
    )
    result = child_python.run("-c", code)
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.strip() == "ok"
