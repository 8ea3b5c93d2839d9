"""Chart mode in the window, as a therapist uses it: marking by mouse and keyboard, scores by
digits and the spin box, what the map paints and says, undo and redo, new client, files,
comparison and the chart handout."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible, QColor
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from bodymap.artwork import Artwork
from bodymap.chart.colours import score_colour
from bodymap.chart.fhir import save_session
from bodymap.chart.model import Kind, MarkedArea, SessionChart
from bodymap.content.loader import load_library
from bodymap.qtshared.diagram import BodyDiagram
from bodymap.ui.body_map import RegionButton
from bodymap.ui.chart_session import DEFAULT_SCORE, ChartSession
from bodymap.ui.main_window import MainWindow
from tests.ui.conftest import WindowFactory, click_map, interior_point

Buttons = QMessageBox.StandardButton


@pytest.fixture
def artwork(diagram: BodyDiagram) -> Artwork:
    return diagram.artwork


@pytest.fixture(autouse=True)
def never_wait_on_a_question(monkeypatch: pytest.MonkeyPatch) -> None:
    """An unsaved chart asks before the window closes: answer Discard unless a test says."""
    answer(monkeypatch, Buttons.Discard)


def chart_on(window: MainWindow) -> ChartSession:
    window.chart_mode.chart_action.trigger()
    assert window.chart_mode.chart_action.isChecked()
    return window.chart_mode.session


def side(window: MainWindow, region: str, which: str | None = None) -> RegionButton:
    button = window.body_map.button_for(region, side=which)
    assert button is not None
    return button


def click(qtbot: QtBot, window: MainWindow, button: RegionButton) -> None:
    click_map(qtbot, window.body_map, interior_point(window.body_map, button))


def list_texts(session: ChartSession) -> list[str]:
    areas = session.panel.areas
    return [areas.item(i).text() for i in range(areas.count())]


def accessible_name(button: RegionButton) -> str:
    interface = QAccessible.queryAccessibleInterface(button)
    assert interface is not None
    return interface.text(QAccessible.Text.Name)


def accessible_description(button: RegionButton) -> str:
    interface = QAccessible.queryAccessibleInterface(button)
    assert interface is not None
    return interface.text(QAccessible.Text.Description)


def answer(monkeypatch: pytest.MonkeyPatch, button: QMessageBox.StandardButton) -> list[str]:
    """Make the Save/Discard/Cancel question answer ``button``; the texts asked are kept."""
    asked: list[str] = []

    def question(_parent: object, _title: str, text: str, *_args: object) -> object:
        asked.append(text)
        return button

    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _p, title, text, *_a: shown.append(f"{title}\n{text}")
    )
    return shown


def save_to(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(path), ""))


def open_from(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (str(path), ""))


# -- marking -----------------------------------------------------------------------------------


def test_a_click_in_chart_mode_marks_the_side_and_opens_its_page(
    qtbot: QtBot, window: MainWindow
) -> None:
    session = chart_on(window)
    assert session.panel.isVisible()
    assert session.panel.empty.isVisible()  # says how to mark
    click(qtbot, window, side(window, "calf", "left"))
    assert [(a.key, a.score) for a in session.chart.areas] == [(("calf", "left"), DEFAULT_SCORE)]
    assert list_texts(session) == [f"Left calf: {DEFAULT_SCORE}"]
    assert session.panel.details.full_title() == "Left calf"
    assert window.navigator.current == "calf" and window.navigator.side == "left"
    # Clicking it again chooses it; it is not marked twice, nor unmarked.
    click(qtbot, window, side(window, "neck"))
    click(qtbot, window, side(window, "calf", "left"))
    assert len(session.chart.areas) == 2
    assert session.current == ("calf", "left")


def test_outside_chart_mode_a_click_only_opens_the_page(qtbot: QtBot, window: MainWindow) -> None:
    session = chart_on(window)
    window.chart_mode.chart_action.trigger()  # off again
    assert not session.panel.isVisible()
    click(qtbot, window, side(window, "calf", "right"))
    assert session.chart.areas == ()
    assert window.navigator.current == "calf"


def test_the_keyboard_marks_and_scores_with_digits(qtbot: QtBot, window: MainWindow) -> None:
    session = chart_on(window)
    calf = side(window, "calf", "right")
    calf.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(calf, Qt.Key.Key_Return)
    assert session.chart.area(("calf", "right")) is not None
    qtbot.keyClick(calf, Qt.Key.Key_7)
    assert session.chart.area(("calf", "right")).score == 7  # type: ignore[union-attr]
    qtbot.keyClick(calf, Qt.Key.Key_1)
    qtbot.keyClick(calf, Qt.Key.Key_0)
    assert session.chart.area(("calf", "right")).score == 10  # type: ignore[union-attr]
    assert session.panel.score.value() == 10
    # A digit on an unmarked area marks it with that score.
    neck = side(window, "neck")
    neck.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(neck, Qt.Key.Key_3)
    assert session.chart.area(("neck", None)).score == 3  # type: ignore[union-attr]
    assert window.navigator.current == "neck"  # and opens its page, as a click does
    # Delete removes the focused area.
    qtbot.keyClick(neck, Qt.Key.Key_Delete)
    assert [area.key for area in session.chart.areas] == [("calf", "right")]
    # So does Delete in the panel's list, for the area chosen there.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    areas = session.panel.areas
    areas.setFocus(Qt.FocusReason.TabFocusReason)
    areas.setCurrentRow(0)
    qtbot.keyClick(areas, Qt.Key.Key_Delete)
    assert session.chart.areas == ()


def test_the_spin_box_and_the_lists_edit_the_chosen_area(qtbot: QtBot, window: MainWindow) -> None:
    session = chart_on(window)
    click(qtbot, window, side(window, "thigh", "left"))
    panel = session.panel
    panel.score.setFocus()
    qtbot.keyClick(panel.score, Qt.Key.Key_Up)
    qtbot.keyClick(panel.score, Qt.Key.Key_Up)
    assert session.chart.areas[0].score == DEFAULT_SCORE + 2
    panel.kind.setCurrentIndex(panel.kind.findData(Kind.SPASM))
    panel.kind.activated.emit(panel.kind.currentIndex())
    panel.area_note.setText("after running")
    panel.area_note.editingFinished.emit()
    area = session.chart.areas[0]
    assert (area.kind, area.note) == (Kind.SPASM, "after running")
    assert list_texts(session) == [f"Left thigh: {DEFAULT_SCORE + 2} · spasm"]
    # Two clicks of the spin box were one step: one undo takes both back.
    session.stack.undo()  # the note
    session.stack.undo()  # the kind
    session.stack.undo()  # both score steps
    assert session.chart.areas[0].score == DEFAULT_SCORE


def test_marked_areas_are_painted_in_their_colour_with_the_score(
    qtbot: QtBot, window: MainWindow
) -> None:
    session = chart_on(window)
    body_map = window.body_map
    calf = side(window, "calf", "left")
    click(qtbot, window, calf)
    calf.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(calf, Qt.Key.Key_8)
    assert session.chart.areas[0].score == 8
    outline = body_map.shape_on_screen(calf)
    box = outline.boundingRect()
    # Well inside the outline, below the badge in the middle.
    point = QPoint(round(box.center().x()), round(box.bottom() - box.height() * 0.2))
    while not outline.contains(point.toPointF()):
        point.setY(point.y() - 1)
    image = body_map.grab().toImage()
    ratio = image.devicePixelRatio()
    pixel = image.pixelColor(round(point.x() * ratio), round(point.y() * ratio))
    expected = QColor(score_colour(8))
    assert max(abs(pixel.red() - expected.red()), abs(pixel.green() - expected.green())) < 12
    assert abs(pixel.blue() - expected.blue()) < 12
    # The badge at the centre: white with dark digits on it.
    centre = box.center()
    colours = {
        image.pixelColor(
            round((centre.x() + dx) * ratio), round((centre.y() + dy) * ratio)
        ).lightness()
        for dx in range(-4, 5)
        for dy in range(-5, 6)
    }
    assert max(colours) > 240 and min(colours) < 80
    # Another score repaints another colour.
    qtbot.keyClick(calf, Qt.Key.Key_2)
    image = body_map.grab().toImage()
    pixel = image.pixelColor(round(point.x() * ratio), round(point.y() * ratio))
    assert pixel.name() != expected.name()
    assert abs(pixel.red() - QColor(score_colour(2)).red()) < 12


def test_screen_readers_hear_the_side_the_kind_and_the_score(
    qtbot: QtBot, window: MainWindow
) -> None:
    session = chart_on(window)
    calf = side(window, "calf", "left")
    assert accessible_name(calf) == "Left calf"
    calf.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(calf, Qt.Key.Key_7)
    assert accessible_name(calf) == "Left calf, 7 out of 10"
    panel = session.panel
    panel.kind.setCurrentIndex(panel.kind.findData(Kind.CRAMP))
    panel.kind.activated.emit(panel.kind.currentIndex())
    assert accessible_name(calf) == "Left calf, cramp, 7 out of 10"
    # Both outlines of the left calf say so, the right one does not.
    for button in window.body_map.buttons:
        if button.region_id == "calf":
            words = accessible_name(button)
            assert (words.endswith("cramp, 7 out of 10")) == (button.side == "left"), words
    # The description says what the keys do in chart mode.
    assert (
        accessible_description(calf) == "Back view. Type a digit for its score; Delete unmarks it."
    )
    right = side(window, "calf", "right")
    assert accessible_description(right).endswith(
        "Press Enter to mark it, or type a digit for its score."
    )
    window.chart_mode.chart_action.trigger()  # off: the map is a plain map again
    assert accessible_name(calf) == "Left calf"
    assert "Enter or Space to open" in accessible_description(right)


# -- undo and redo -----------------------------------------------------------------------------


def test_undo_and_redo_walk_every_edit_with_the_keys(qtbot: QtBot, window: MainWindow) -> None:
    session = chart_on(window)
    window.activateWindow()
    qtbot.waitActive(window)
    for region, which in (("calf", "left"), ("foot", "right"), ("neck", None)):
        click(qtbot, window, side(window, region, which))
    neck = side(window, "neck")
    neck.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(neck, Qt.Key.Key_9)
    assert window.chart_mode.undo_action.text() == "&Undo Score neck 9"
    ctrl = Qt.KeyboardModifier.ControlModifier
    qtbot.keyClick(neck, Qt.Key.Key_Z, ctrl)
    assert session.chart.area(("neck", None)).score == DEFAULT_SCORE  # type: ignore[union-attr]
    qtbot.keyClick(neck, Qt.Key.Key_Z, ctrl)
    assert session.chart.area(("neck", None)) is None
    qtbot.keyClick(neck, Qt.Key.Key_Z, ctrl | Qt.KeyboardModifier.ShiftModifier)
    assert session.chart.area(("neck", None)) is not None
    assert [a.key for a in session.chart.areas] == [
        ("calf", "left"),
        ("foot", "right"),
        ("neck", None),
    ]
    assert window.chart_mode.redo_action.isEnabled()


def test_in_the_handout_basket_ctrl_z_undoes_the_basket_not_the_chart(
    qtbot: QtBot, make_window: WindowFactory
) -> None:
    window = make_window(start="calf")
    window.handout.add_current()
    window.basket_dock.show()
    basket = window.handout.basket_widget
    window.handout.basket.clear()
    session = chart_on(window)
    neck = side(window, "neck")
    neck.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(neck, Qt.Key.Key_4)
    ctrl = Qt.KeyboardModifier.ControlModifier
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    basket.list.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(basket.list, Qt.Key.Key_Z, ctrl)
    assert window.handout.basket.page_ids == ("calf",)  # the basket's clear undone
    assert [area.key for area in session.chart.areas] == [("neck", None)]
    neck.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(neck, Qt.Key.Key_Z, ctrl)
    assert session.chart.areas == ()
    assert window.handout.basket.page_ids == ("calf",)


# -- new client, files, title ------------------------------------------------------------------


def test_new_client_asks_before_losing_an_unsaved_chart(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    session = chart_on(window)
    click(qtbot, window, side(window, "calf", "left"))
    assert window.isWindowModified()
    asked = answer(monkeypatch, Buttons.Cancel)
    window.chart_mode.new_action.trigger()
    assert len(asked) == 1 and session.chart.areas  # cancelled: all still there
    answer(monkeypatch, Buttons.Discard)
    window.chart_mode.new_action.trigger()
    assert session.chart.areas == () and not window.isWindowModified()
    assert not window.chart_mode.undo_action.isEnabled()  # a new client's own history
    # Save: the chart goes to the file first, then the chart is cleared.
    click(qtbot, window, side(window, "neck"))
    answer(monkeypatch, Buttons.Save)
    save_to(monkeypatch, tmp_path / "before-new")
    window.chart_mode.new_action.trigger()
    assert (tmp_path / "before-new.json").exists()
    assert session.chart.areas == ()
    # Nothing unsaved: no question at all.
    asked = answer(monkeypatch, Buttons.Cancel)
    window.chart_mode.new_action.trigger()
    assert asked == []


def test_closing_with_an_unsaved_chart_asks(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    chart_on(window)
    click(qtbot, window, side(window, "calf", "left"))
    asked = answer(monkeypatch, Buttons.Cancel)
    assert not window.close()
    assert window.isVisible() and len(asked) == 1
    answer(monkeypatch, Buttons.Discard)
    assert window.close()


def test_save_and_open_give_back_the_same_chart_and_the_title_names_the_file_only(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    session = chart_on(window)
    panel = session.panel
    panel.client.setText("Ada Quillfeather")
    panel.client.editingFinished.emit()
    for region, which in (("calf", "left"), ("shoulder", "right"), ("back", None)):
        click(qtbot, window, side(window, region, which))
    panel.note.setPlainText("Heat at home")
    panel.note.editingFinished.emit()
    assert "Untitled session" in window.windowTitle()
    save_to(monkeypatch, tmp_path / "visit")  # ".json" is added
    window.chart_mode.save_action.trigger()
    saved = tmp_path / "visit.json"
    assert json.loads(saved.read_text("utf-8"))["resourceType"] == "QuestionnaireResponse"
    assert not window.isWindowModified()
    assert window.windowTitle().startswith("visit.json")
    chart = session.chart
    answer(monkeypatch, Buttons.Discard)
    window.chart_mode.new_action.trigger()
    open_from(monkeypatch, saved)
    window.chart_mode.open_action.trigger()
    assert session.chart == chart
    assert panel.client.text() == "Ada Quillfeather"
    assert panel.note.toPlainText() == "Heat at home"
    assert len(list_texts(session)) == 3
    assert "Quillfeather" not in window.windowTitle() and "Ada" not in window.windowTitle()


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ('{"resourceType": "QuestionnaireResponse", ', "damaged"),
        ('{"resourceType": "Patient"}', "not a BodyMap session"),
        (None, "newer BodyMap"),
    ],
)
def test_a_bad_session_file_is_refused_and_changes_nothing(  # noqa: PLR0917 - fixtures
    qtbot: QtBot,
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    artwork: Artwork,
    content: str | None,
    reason: str,
) -> None:
    session = chart_on(window)
    click(qtbot, window, side(window, "calf", "left"))
    save_to(monkeypatch, tmp_path / "today.json")
    window.chart_mode.save_action.trigger()
    bad = tmp_path / "bad-visit.json"
    if content is None:
        save_session(bad, SessionChart(dt.date(2026, 1, 5)), artwork)
        data = json.loads(bad.read_text("utf-8"))
        url, _, version = data["questionnaire"].partition("|")
        data["questionnaire"] = f"{url}|{int(version) + 1}"
        bad.write_text(json.dumps(data), "utf-8")
    else:
        bad.write_text(content, "utf-8")
    before = (session.chart, window.windowTitle(), list_texts(session))
    shown = warnings(monkeypatch)
    open_from(monkeypatch, bad)
    window.chart_mode.open_action.trigger()
    window.chart_mode.compare_action.trigger()
    assert len(shown) == 2
    assert all("bad-visit.json" in text and reason in text for text in shown), shown
    assert (session.chart, window.windowTitle(), list_texts(session)) == before
    assert session.earlier is None and session.path == tmp_path / "today.json"


def test_compare_shows_each_change_in_the_panel_on_the_map_and_to_screen_readers(
    qtbot: QtBot,
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    artwork: Artwork,
) -> None:
    earlier = tmp_path / "last-week.json"
    save_session(
        earlier,
        SessionChart(
            dt.date(2026, 11, 19),
            areas=(MarkedArea("calf", "left", 7, Kind.CRAMP), MarkedArea("neck", None, 4)),
        ),
        artwork,
    )
    session = chart_on(window)
    calf = side(window, "calf", "left")
    calf.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(calf, Qt.Key.Key_4)
    foot = side(window, "foot", "right")
    foot.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(foot, Qt.Key.Key_2)
    open_from(monkeypatch, earlier)
    window.chart_mode.compare_action.trigger()
    texts = list_texts(session)
    assert texts[0] == "Left calf: 7 \u2192 4"
    assert texts[1] == "Right foot: 2 (new)"
    assert texts[2] == "Neck: resolved (was 4)"
    session.panel.areas.setCurrentRow(0)  # the calf, chosen in the list
    assert session.panel.comparison.text() == "Compared with the session of 19 November 2026"
    assert session.panel.change.text() == "Since last time: 7 \u2192 4"
    assert session.marks.badges[("calf", "left")] == "7\u21924"
    assert accessible_name(calf) == "Left calf, 4 out of 10, was 7"
    window.chart_mode.clear_compare_action.trigger()
    assert list_texts(session) == ["Left calf: 4", "Right foot: 2"]
    assert session.marks.badges == {}


def test_the_chart_handout_is_exported_with_the_scores_and_the_comparison(
    qtbot: QtBot,
    window: MainWindow,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    artwork: Artwork,
) -> None:
    session = chart_on(window)
    for key, digit in ((("calf", "left"), Qt.Key.Key_7), (("neck", None), Qt.Key.Key_3)):
        button = side(window, *key)
        button.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.keyClick(button, digit)
    earlier = tmp_path / "earlier.json"
    save_session(
        earlier, SessionChart(dt.date(2026, 11, 1), areas=(MarkedArea("calf", "left", 9),)), artwork
    )
    open_from(monkeypatch, earlier)
    window.chart_mode.compare_action.trigger()
    from bodymap.ui.handout_dialogs import ExportHandoutDialog, SavedMessage

    monkeypatch.setattr(ExportHandoutDialog, "exec", lambda self: QDialog.DialogCode.Accepted.value)
    monkeypatch.setattr(SavedMessage, "open", lambda self: None)
    suggested: list[str] = []

    def where(_parent: object, _caption: str, name: str, _filter: str) -> tuple[str, str]:
        suggested.append(Path(name).name)
        return str(tmp_path / "chart-handout.pdf"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", where)
    saved = session.export_handout()
    assert saved == tmp_path / "chart-handout.pdf"
    assert suggested == ["session-chart-handout.pdf"]
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(saved).pages).split())
    assert "Your session chart" in text
    assert "Left calf: 7 out of 10" in text and "Neck: 3 out of 10" in text
    assert "9 \u2192 7" in text


def test_the_chart_handout_needs_a_marked_area(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = chart_on(window)
    shown = warnings(monkeypatch)
    assert session.export_handout() is None
    assert shown and "Mark at least one area" in shown[0]


def test_a_marked_region_whose_page_breaks_a_safety_rule_refuses_the_chart_handout(
    qtbot: QtBot,
    make_window: WindowFactory,
    content_copy: Path,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    calf = content_copy / "regions" / "calf.yaml"
    data = yaml.safe_load(calf.read_text(encoding="utf-8"))
    data["warning"] = {"heading": "Tight calves", "text": "A gentle massage may help."}
    calf.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    window = make_window(load_library(content_copy))
    session = chart_on(window)
    click(qtbot, window, side(window, "calf", "left"))
    shown = warnings(monkeypatch)
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_a: pytest.fail("asked where to save")
    )
    assert session.export_handout() is None
    assert session.preview_handout() is None
    assert len(shown) == 2 and all("The Calf page cannot be printed" in t for t in shown)
    assert list(tmp_path.glob("*.pdf")) == []


def test_the_chart_handout_follows_the_language_chosen_in_export(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    session = chart_on(window)
    button = side(window, "calf", "left")
    button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(button, Qt.Key.Key_7)
    from bodymap.ui.handout_dialogs import ExportHandoutDialog, SavedMessage

    def choose_spanish(self: ExportHandoutDialog) -> int:
        combo = self.options.language
        combo.setCurrentIndex(combo.findData("es"))
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(ExportHandoutDialog, "exec", choose_spanish)
    monkeypatch.setattr(SavedMessage, "open", lambda self: None)
    target = tmp_path / "chart-handout.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_: (str(target), ""))
    assert session.export_handout() == target
    pages = [" ".join(p.extract_text().split()) for p in PdfReader(target).pages]
    assert pages[0].startswith("Su ficha de la sesión")
    assert "Pantorrilla (lado izquierdo): 7 de 10" in pages[0]
    assert "out of 10" not in pages[0] and "Your session" not in pages[0]
    assert pages[1].startswith("Pantorrilla")
