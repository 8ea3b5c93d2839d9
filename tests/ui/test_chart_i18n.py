"""Chart mode in Spanish: a language switch with a chart open re-words its menus, panel, map
marks and undo steps, and keeps the chart, its undo history and its comparison."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtGui import QAccessible, QAction
from PySide6.QtWidgets import QListWidget, QMenu, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from bodymap.artwork import Artwork
from bodymap.chart.fhir import save_session
from bodymap.chart.model import (
    EDIT_ACTIONS,
    AreaKey,
    ChartError,
    Frequency,
    Kind,
    MarkedArea,
    SessionChart,
    change_area_note,
    change_client_name,
    change_score,
    change_session_note,
    check_chart,
    mark_area,
    remove_area,
)
from bodymap.content.model import ContentLibrary
from bodymap.qtshared.diagram import BodyDiagram
from bodymap.ui import i18n
from bodymap.ui.body_map import RegionButton
from bodymap.ui.chart_session import ChartSession
from bodymap.ui.chart_words import (
    EDIT_WORDS,
    ERROR_WORDS,
    FREQUENCY_WORDS,
    KIND_WORDS,
    error_text,
)
from bodymap.ui.main_window import MainWindow
from tests.ui.conftest import WindowFactory
from tests.ui.test_chart_mode import answer
from tests.ui.test_i18n import spanish_window, untranslated, visible_texts

pytestmark = pytest.mark.usefixtures("english_after")  # leave the application in English


@pytest.fixture(autouse=True)
def never_wait_on_a_question(monkeypatch: pytest.MonkeyPatch) -> None:
    """An unsaved chart asks before the window closes: answer Discard."""
    answer(monkeypatch, QMessageBox.StandardButton.Discard)


def english_window(window: MainWindow) -> None:
    window.settings.language_choice = "en"
    window.apply_language()


def charted(window: MainWindow) -> ChartSession:
    """Chart mode on, the left calf marked 7 with cramps several times a week, the neck 4 then 6."""
    window.chart_mode.chart_action.trigger()
    session = window.chart_mode.session
    session.type_score("calf", "left", 7)
    panel = session.panel
    panel.kind.activated.emit(panel.kind.findData(Kind.CRAMP))
    panel.frequency.activated.emit(panel.frequency.findData(Frequency.SEVERAL_A_WEEK))
    session.type_score("neck", None, 4)  # marks it with 4
    session.type_score("neck", None, 6)
    session.pick_area("calf", "left")
    return session


def calf(window: MainWindow) -> RegionButton:
    button = window.body_map.button_for("calf", side="left")
    assert button is not None
    return button


def spoken_name(widget: QWidget) -> str:
    """The name a screen reader reads for ``widget``."""
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None
    return interface.text(QAccessible.Text.Name)


def list_texts(areas: QListWidget) -> list[str]:
    return [areas.item(row).text() for row in range(areas.count())]


def history(session: ChartSession) -> list[str]:
    return [session.stack.text(index) for index in range(session.stack.count())]


def test_every_kind_frequency_and_edit_has_words() -> None:
    assert set(KIND_WORDS) == set(Kind)
    assert set(FREQUENCY_WORDS) == set(Frequency)
    assert set(EDIT_WORDS) == set(EDIT_ACTIONS)


def test_a_switch_rewords_the_chart_and_keeps_it(
    qtbot: QtBot, make_window: WindowFactory, own_library: ContentLibrary
) -> None:
    window = make_window(own_library, start="calf")
    session = charted(window)
    panel = session.panel
    mode = window.chart_mode
    chart, index = session.chart, session.stack.index()
    assert spoken_name(calf(window)) == "Left calf, cramp, 7 out of 10"
    assert mode.undo_action.text() == "&Undo Score neck 6"
    assert list_texts(panel.areas) == ["Left calf: 7 · cramp", "Neck: 6"]
    english_history = history(session)
    assert english_history[:2] == ["Mark left calf", "Set kind of left calf"]

    spanish_window(window)
    assert mode.chart_action.text() == "&Ficha de la sesión"
    assert mode.new_action.text() == "&Nuevo cliente"
    assert mode.export_action.text() == "&Exportar folleto de la ficha como PDF…"
    handout_menu = mode.handout_menu
    assert handout_menu is not None and handout_menu.title() == "Folleto de la &ficha"
    assert mode.undo_action.text() == "&Deshacer: puntuar cuello con 6"
    assert session.dock is not None and session.dock.windowTitle() == "Ficha de la sesión"
    assert panel.areas_label.text() == "Zonas &marcadas:"
    assert panel.score.suffix() == " de 10"
    assert panel.kind.currentText() == "Calambre"
    assert panel.frequency.currentText() == "Varias veces por semana"
    assert panel.details.full_title() == "Pantorrilla (lado izquierdo)"
    assert panel.legend.accessibleName() == "Escala de puntuación"
    assert list_texts(panel.areas) == ["Pantorrilla (lado izquierdo): 7 · calambre", "Cuello: 6"]
    assert spoken_name(calf(window)) == "Pantorrilla (lado izquierdo), calambre, 7 de 10"
    assert "Suprimir la desmarca" in calf(window).accessibleDescription()
    assert history(session)[:2] == [
        "marcar pantorrilla (lado izquierdo)",
        "cambiar el tipo de pantorrilla (lado izquierdo)",
    ]
    assert (session.chart, session.stack.index()) == (chart, index)
    assert session.active and mode.chart_action.isChecked()

    session.stack.undo()  # the history still works, in either language
    assert session.chart.area(("neck", None)).score == 4  # type: ignore[union-attr]
    assert mode.redo_action.text() == "&Rehacer: puntuar cuello con 6"
    session.stack.redo()

    english_window(window)
    assert mode.chart_action.text() == "&Chart Session"
    assert panel.areas_label.text() == "Marked &areas:"
    assert panel.kind.currentText() == "Cramp"
    assert spoken_name(calf(window)) == "Left calf, cramp, 7 out of 10"
    assert list_texts(panel.areas) == ["Left calf: 7 · cramp", "Neck: 6"]
    assert mode.undo_action.text() == "&Undo Score neck 6"
    assert history(session) == english_history
    assert (session.chart, session.stack.index()) == (chart, index)


def test_a_comparison_survives_a_switch_and_speaks_spanish(
    qtbot: QtBot,
    make_window: WindowFactory,
    own_library: ContentLibrary,
    tmp_path: Path,
) -> None:
    window = make_window(own_library, start="calf")
    session = charted(window)
    earlier = SessionChart(dt.date(2026, 11, 2), areas=(MarkedArea("calf", "left", 9),))
    path = tmp_path / "earlier.json"
    save_session(path, earlier, session.artwork)
    assert session.compare_with(path)
    spanish_window(window)
    assert session.earlier == earlier
    assert spoken_name(calf(window)) == "Pantorrilla (lado izquierdo), calambre, 7 de 10, antes 9"
    assert session.panel.comparison.text() == "Comparada con la sesión del 2 de noviembre de 2026"
    assert session.panel.change.text() == "Desde la última vez: 9 → 7"


def test_nothing_in_the_chart_is_left_in_english(
    qtbot: QtBot, make_window: WindowFactory, own_library: ContentLibrary
) -> None:
    window = make_window(own_library, start="calf")
    session = charted(window)
    panel = session.panel
    mode = window.chart_mode
    handout_menu = mode.handout_menu
    assert isinstance(handout_menu, QMenu)

    def texts() -> dict[str, str]:
        found = visible_texts(panel)
        assert session.dock is not None
        found["dock.title"] = session.dock.windowTitle()
        found["score.suffix"] = panel.score.suffix()
        found["handout-menu.title"] = handout_menu.title()
        for row, text in enumerate(list_texts(panel.areas)):
            found[f"areas.item{row}"] = text
        for name in dir(mode):
            action = getattr(mode, name)
            if isinstance(action, QAction):
                found[f"{name}.text"] = action.text()
                found[f"{name}.toolTip"] = action.toolTip()
        found["calf.accessibleName"] = spoken_name(calf(window))
        found["calf.accessibleDescription"] = calf(window).accessibleDescription()
        return found

    english = texts()
    spanish_window(window)
    spanish = texts()
    assert len(english) > 40
    assert untranslated(english, spanish) == [], "\n".join(untranslated(english, spanish))


def chart_errors(artwork: Artwork) -> list[ChartError]:
    """One ChartError of every kind the model raises, each from the call that raises it."""
    chart = SessionChart(dt.date(2026, 11, 29), areas=(MarkedArea("calf", "left", 7),))
    calls: list[Callable[[], object]] = [
        lambda: mark_area(chart, MarkedArea("elbow", None, 3), artwork),
        lambda: mark_area(chart, MarkedArea("calf", None, 3), artwork),
        lambda: mark_area(chart, MarkedArea("neck", "left", 3), artwork),
        lambda: change_score(chart, ("calf", "left"), 11),
        lambda: mark_area(chart, MarkedArea("calf", "left", 3), artwork),
        lambda: remove_area(chart, ("foot", "right")),
        lambda: check_chart(dataclasses.replace(chart, areas=chart.areas * 2), artwork),
        lambda: change_client_name(chart, "x" * 81),
        lambda: change_area_note(chart, ("calf", "left"), "x" * 201),
        lambda: change_session_note(chart, "x" * 601),
    ]
    errors = []
    for call in calls:
        with pytest.raises(ChartError) as raised:
            call()
        errors.append(raised.value)
    return errors


def test_every_chart_error_is_said_in_spanish_with_its_values(diagram: BodyDiagram) -> None:
    errors = chart_errors(diagram.artwork)
    assert sorted(error.code for error in errors) == sorted(ERROR_WORDS)
    names = {("calf", "left"): "Pantorrilla (lado izquierdo)", ("calf", None): "Pantorrilla"}
    names |= {("neck", None): "Cuello", ("foot", "right"): "Pie (lado derecho)"}
    i18n.set_language("es")
    said = [error_text(error, names) for error in errors]
    assert said == [
        "«elbow» no es una zona del mapa del cuerpo.",
        "Pantorrilla se marca por lados: elija el izquierdo o el derecho.",
        "Cuello no tiene lado izquierdo ni derecho.",
        "La puntuación debe ser un número entero del 0 al 10, no 11.",
        "Pantorrilla (lado izquierdo) ya está en la ficha.",
        "Pie (lado derecho) no está en la ficha.",
        "Pantorrilla (lado izquierdo) está dos veces en la ficha.",
        "El nombre del cliente tiene más de 80 caracteres.",
        "La nota tiene 201 caracteres; en una zona caben 200 como máximo.",
        "La nota tiene 601 caracteres; en una sesión caben 600 como máximo.",
    ]
    i18n.set_language("en")
    english: dict[AreaKey, str] = {("calf", "left"): "Left calf", ("foot", "right"): "Right foot"}
    assert error_text(errors[4], english) == "The left calf is already marked."
    assert error_text(errors[5], english) == "The right foot is not marked."


def test_a_refused_edit_is_said_in_the_status_bar_in_spanish(
    qtbot: QtBot, make_window: WindowFactory, own_library: ContentLibrary
) -> None:
    window = make_window(own_library, start="calf")
    session = charted(window)
    spanish_window(window)
    session._session_note("x" * 700)
    assert window.statusBar().currentMessage() == (
        "La nota tiene 700 caracteres; en una sesión caben 600 como máximo."
    )
    assert session.chart.note == ""
    session._try(mark_area, MarkedArea("calf", "left", 3), session.artwork)
    assert window.statusBar().currentMessage() == (
        "Pantorrilla (lado izquierdo) ya está en la ficha."
    )
