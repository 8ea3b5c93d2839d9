"""Left and right: a paired part picked by side, named from the person's side everywhere."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from pytestqt.qtbot import QtBot

from bodymap.content.model import ContentLibrary
from bodymap.content.sides import parse_side_key, side_key, side_title
from bodymap.handout.compose import BlockKind, HandoutRequest, compose_handout
from bodymap.handout.paint import HIGHLIGHT_FILL, paint_region_diagram
from bodymap.qtshared.diagram import BodyDiagram
from bodymap.ui.body_map import BodyMapWidget, sides_on_screen
from bodymap.ui.main_window import MainWindow
from tests.ui.conftest import WindowFactory, click_map, interior_point
from tests.ui.test_search_panel import type_query


def click_side(qtbot: QtBot, window: MainWindow, region: str, view: str, side: str) -> None:
    body_map = window.body_map
    button = body_map.button_for(region, view, side)
    assert button is not None
    click_map(qtbot, body_map, interior_point(body_map, button))


def highlighted(body_map: BodyMapWidget) -> set[tuple[str, str | None]]:
    return {(b.shape.view, b.side) for b in body_map.buttons if body_map.is_highlighted(b)}


def test_side_titles() -> None:
    assert side_title("Calf", "left") == "Left calf"
    assert side_title("Calf & shin", "right") == "Right calf & shin"
    assert side_title("TMJ", "left") == "Left TMJ"
    assert side_title("Neck", None) == "Neck"
    with pytest.raises(ValueError, match="'up'"):
        side_title("Calf", "up")
    assert parse_side_key(side_key("calf", "left")) == ("calf", "left")
    assert parse_side_key(side_key("neck", None)) == ("neck", None)
    assert parse_side_key("calf:sideways") == ("calf", None)


def test_click_a_side_then_again_for_both_sides(qtbot: QtBot, window: MainWindow) -> None:
    body_map = window.body_map
    click_side(qtbot, window, "calf", "back", "left")
    assert window.windowTitle() == "Left calf — BodyMap"
    assert window.page_view.toPlainText().startswith("Left calf")
    assert highlighted(body_map) == {("back", "left")}
    left = body_map.button_for("calf", "back", "left")
    assert left is not None and "Click again for both sides" in left.toolTip()

    click_side(qtbot, window, "calf", "back", "left")  # the picked side again: the whole calf
    assert (window.navigator.current, window.navigator.side) == ("calf", None)
    assert window.windowTitle() == "Calf — BodyMap"
    assert window.page_view.toPlainText().startswith("Calf")
    assert highlighted(body_map) == {("back", "left"), ("back", "right")}
    assert "Click again" not in left.toolTip()

    click_side(qtbot, window, "foot", "front", "right")  # the viewer's left on the front view
    assert window.windowTitle() == "Right foot — BodyMap"
    assert highlighted(body_map) == {("front", "right"), ("back", "right")}  # both views


def test_back_and_forward_keep_the_side(qtbot: QtBot, window: MainWindow) -> None:
    click_side(qtbot, window, "thigh", "front", "left")
    click_side(qtbot, window, "thigh", "back", "right")
    window.navigator.open("neck")
    window.back_action.trigger()
    assert window.windowTitle() == "Right thigh — BodyMap"
    window.back_action.trigger()
    assert window.windowTitle() == "Left thigh — BodyMap"
    assert window.body_map.selected_side == "left"
    window.forward_action.trigger()
    assert (window.navigator.current, window.navigator.side) == ("thigh", "right")


def test_go_menu_and_ctrl_number_open_the_whole_region(qtbot: QtBot, window: MainWindow) -> None:
    click_side(qtbot, window, "shoulder", "front", "left")
    window.navigator.open("neck")
    (shoulder,) = [a for a in window.regions_menu.actions() if a.text() == "Shoulder"]
    shoulder.trigger()
    assert (window.navigator.current, window.navigator.side) == ("shoulder", None)
    assert highlighted(window.body_map) == {
        ("front", "left"),
        ("front", "right"),
        ("back", "left"),
        ("back", "right"),
    }


def test_a_side_of_an_unpaired_region_is_ignored(window: MainWindow) -> None:
    assert window.navigator.open("neck", "left")
    assert (window.navigator.current, window.navigator.side) == ("neck", None)
    assert window.windowTitle() == "Neck — BodyMap"


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("left calf", "Left calf"),
        ("right thigh", "Right thigh"),
        ("my left shoulder", "Left shoulder"),
        ("hand", "Hand"),
    ],
)
def test_search_with_a_side_word_opens_that_side(
    qtbot: QtBot, window: MainWindow, query: str, title: str
) -> None:
    type_query(qtbot, window, query)
    qtbot.keyClick(window.search.field, Qt.Key.Key_Return)
    assert window.windowTitle() == f"{title} — BodyMap"
    assert window.page_view.toPlainText().startswith(title)


def test_the_last_page_keeps_its_side(qtbot: QtBot, make_window: WindowFactory) -> None:
    first = make_window()
    click_side(qtbot, first, "hand", "back", "right")
    first.close()
    second = make_window()
    assert (second.navigator.current, second.navigator.side) == ("hand", "right")
    assert second.windowTitle() == "Right hand — BodyMap"


def test_views_say_where_the_clients_left_is(diagram: BodyDiagram) -> None:
    """The person's left is on the viewer's right on the front view, on the left on the back."""
    assert sides_on_screen(diagram.shapes, "front") == ("right", "left")
    assert sides_on_screen(diagram.shapes, "back") == ("left", "right")


def test_handout_of_a_side_names_it_and_shades_only_it(
    shipped_library: ContentLibrary, diagram: BodyDiagram
) -> None:
    request = HandoutRequest(page_ids=("calf",), sides=(("calf", "left"),))
    handout = compose_handout(request, shipped_library)
    (page,) = handout.pages
    assert handout.title.startswith("Left calf")
    assert page.title == "Left calf"
    assert page.blocks[0].kind is BlockKind.TITLE and page.blocks[0].text == "Left calf"
    (figure,) = [b for b in page.blocks if b.kind is BlockKind.DIAGRAM]
    assert (figure.region_id, figure.side) == ("calf", "left")

    def shaded(side: str | None) -> dict[str | None, bool]:
        image = QImage(640, 800, QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        transform = paint_region_diagram(
            painter, diagram, "calf", QRectF(0, 0, 640, 800), 2.0, side=side
        )
        painter.end()
        found = {}
        for shape in diagram.shapes:
            if shape.region_id == "calf":
                centre = transform.map(shape.path.boundingRect().center())
                pixel = image.pixelColor(QPointF(centre).toPoint())
                found[shape.outline.side] = _near(pixel, HIGHLIGHT_FILL)
        return found

    assert shaded("left") == {"left": True, "right": False}
    assert shaded(None) == {"left": True, "right": True}


def _near(pixel: QColor, colour: QColor) -> bool:
    """The highlight's fill or its darker hatching, not the figure's skin."""
    return abs(pixel.hue() - colour.hue()) < 20 and pixel.saturation() > 40
