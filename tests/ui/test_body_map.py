"""The body map as a person uses it: mouse inside and just outside outlines, hover, keyboard."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QAccessible, QAccessibleActionInterface
from pytestqt.qtbot import QtBot

from bodymap.artwork import read_artwork
from bodymap.content.model import ContentLibrary
from bodymap.content.sides import side_title
from bodymap.paths import artwork_file, cache_dir, resource
from bodymap.qtshared.diagram import BodyDiagram
from bodymap.ui.body_map import BodyMapWidget
from bodymap.ui.library_model import LibraryModel
from bodymap.ui.main_window import MainWindow
from bodymap.ui.theme import LIGHT
from tests.ui.conftest import (
    as_shown,
    click_map,
    hover_map,
    interior_point,
    outside_point,
    widget_at,
)

SHAPES = [
    # (region, view, the person's side): in keyboard order, view by view, head to toe
    ("neck", "front", None),
    ("shoulder", "front", "right"),
    ("shoulder", "front", "left"),
    ("chest", "front", None),
    ("stomach", "front", None),
    ("hand", "front", "right"),
    ("hand", "front", "left"),
    ("thigh", "front", "right"),
    ("thigh", "front", "left"),
    ("foot", "front", "right"),
    ("foot", "front", "left"),
    ("neck", "back", None),
    ("shoulder", "back", "left"),
    ("shoulder", "back", "right"),
    ("back", "back", None),
    ("hand", "back", "left"),
    ("hand", "back", "right"),
    ("thigh", "back", "left"),
    ("thigh", "back", "right"),
    ("calf", "back", "left"),
    ("calf", "back", "right"),
    ("foot", "back", "left"),
    ("foot", "back", "right"),
]


def test_every_region_is_drawn_on_the_expected_views(window: MainWindow) -> None:
    drawn = [(b.region_id, b.shape.view, b.side) for b in window.body_map.buttons]
    assert drawn == SHAPES
    assert {region for region, _, _ in drawn} == set(read_artwork(artwork_file()).region_ids)


@pytest.mark.parametrize(("region_id", "view", "side"), SHAPES)
def test_click_inside_the_outline_opens_the_region(
    qtbot: QtBot, window: MainWindow, region_id: str, view: str, side: str | None
) -> None:
    """A side's outline opens that side: "Left calf" in the title, the page and the map."""
    body_map = window.body_map
    button = body_map.button_for(region_id, view, side)
    assert button is not None
    with qtbot.waitSignal(body_map.regionActivated) as signal:
        click_map(qtbot, body_map, interior_point(body_map, button))
    assert signal.args == [region_id, side or ""]
    page = window.library.region(region_id)
    assert page is not None
    title = side_title(page.title, side)
    assert (body_map.selected, body_map.selected_side) == (region_id, side)
    assert (window.navigator.current, window.navigator.side) == (region_id, side)
    assert window.windowTitle() == f"{title} — BodyMap"
    assert window.page_view.toPlainText().startswith(title)
    highlighted = {(b.shape.view, b.side) for b in body_map.buttons if body_map.is_highlighted(b)}
    assert highlighted == {(v, s) for r, v, s in SHAPES if r == region_id and s == side}


@pytest.mark.parametrize(("region_id", "view", "side"), SHAPES)
def test_click_just_outside_the_outline_does_not_open_it(
    qtbot: QtBot, window: MainWindow, region_id: str, view: str, side: str | None
) -> None:
    body_map = window.body_map
    button = body_map.button_for(region_id, view, side)
    assert button is not None
    point = outside_point(body_map, button)
    # Inside the bounding box is not enough: the click must follow the drawn outline.
    # Just beside a side's outline may be the other side (the calves are close together):
    # that one opens, never the outline the point is outside of.
    target = widget_at(body_map, point)
    assert target is not button
    click_map(qtbot, body_map, point)
    assert (body_map.selected, body_map.selected_side) != (region_id, side)
    if body_map.selected == region_id:
        assert getattr(target, "side", None) not in (None, side)


def test_click_between_calf_and_foot_selects_neither(qtbot: QtBot, window: MainWindow) -> None:
    body_map = window.body_map
    calf = body_map.button_for("calf", "back")
    foot = body_map.button_for("foot", "back")
    assert calf is not None and foot is not None
    calf_shape = body_map.shape_on_screen(calf)
    foot_shape = body_map.shape_on_screen(foot)
    calf_point = interior_point(body_map, calf)
    # Walk down from inside the calf until leaving it, then stop before reaching the foot.
    x, y = float(calf_point.x()), float(calf_point.y())
    while calf_shape.contains(QPointF(x, y)):
        y += 0.5
    gap_start = y
    while not foot_shape.contains(QPointF(x, y)) and y < body_map.height():
        y += 0.5
    assert y > gap_start + 4, "no visible gap between calf and foot"
    middle = QPoint(round(x), round((gap_start + y) / 2))
    window.navigator.open("hydration")
    click_map(qtbot, body_map, middle)
    assert body_map.selected is None
    assert window.navigator.current == "hydration"


def test_background_click_selects_nothing_and_clears_nothing(
    qtbot: QtBot, window: MainWindow
) -> None:
    body_map = window.body_map
    window.navigator.open("neck")
    click_map(qtbot, body_map, QPoint(3, 3))
    assert body_map.selected == "neck"
    assert window.navigator.current == "neck"


def test_hover_lights_the_region_with_hand_cursor_and_tooltip(
    qtbot: QtBot, window: MainWindow
) -> None:
    body_map = window.body_map
    button = body_map.button_for("stomach", "front")
    assert button is not None
    point = interior_point(body_map, button)
    hover_map(qtbot, body_map, point)
    qtbot.waitUntil(lambda: body_map.hovered == "stomach")
    target = widget_at(body_map, point)
    assert target is button
    assert target.cursor().shape() == Qt.CursorShape.PointingHandCursor
    assert as_shown(target.toolTip()) == "Stomach"
    hover_map(qtbot, body_map, QPoint(3, 3))
    qtbot.waitUntil(lambda: body_map.hovered is None)


def test_foot_on_either_view_selects_the_same_region(qtbot: QtBot, window: MainWindow) -> None:
    body_map = window.body_map
    for view in ("front", "back"):
        window.navigator.open("hydration")
        button = body_map.button_for("foot", view)
        assert button is not None
        click_map(qtbot, body_map, interior_point(body_map, button))
        assert window.navigator.current == "foot"


def test_keyboard_moves_between_regions_and_enter_opens(qtbot: QtBot, window: MainWindow) -> None:
    body_map = window.body_map
    body_map.setFocus(Qt.FocusReason.TabFocusReason)
    first = body_map.buttons[0]  # the front neck
    qtbot.waitUntil(first.hasFocus)
    qtbot.keyClick(first, Qt.Key.Key_Down)
    chest = body_map.button_for("chest", "front")
    assert chest is not None and chest.hasFocus()
    qtbot.keyClick(chest, Qt.Key.Key_Return)
    assert window.navigator.current == "chest"
    qtbot.keyClick(chest, Qt.Key.Key_Tab)
    stomach = body_map.buttons[body_map.buttons.index(chest) + 1]
    assert stomach.region_id == "stomach" and stomach.hasFocus()
    qtbot.keyClick(stomach, Qt.Key.Key_Space)
    assert window.navigator.current == "stomach"
    qtbot.keyClick(stomach, Qt.Key.Key_Up)
    assert chest.hasFocus()


ARROW_MOVES = [
    # (from, key, to) as (region, view, side): the nearest region that way on screen, across
    # the two views; a paired part's sides are separate stops
    (("neck", "front", None), Qt.Key.Key_Down, ("chest", "front", None)),
    (("neck", "front", None), Qt.Key.Key_Right, ("shoulder", "front", "left")),
    (("neck", "front", None), Qt.Key.Key_Up, ("neck", "front", None)),  # nothing there: stays
    (("shoulder", "front", "right"), Qt.Key.Key_Left, ("shoulder", "front", "right")),
    (("shoulder", "front", "right"), Qt.Key.Key_Right, ("shoulder", "front", "left")),
    (("shoulder", "front", "left"), Qt.Key.Key_Right, ("shoulder", "back", "left")),
    (("chest", "front", None), Qt.Key.Key_Down, ("stomach", "front", None)),
    (("stomach", "front", None), Qt.Key.Key_Down, ("thigh", "front", "right")),
    (("stomach", "front", None), Qt.Key.Key_Up, ("chest", "front", None)),
    (("thigh", "front", "right"), Qt.Key.Key_Down, ("foot", "front", "right")),
    (("thigh", "front", "right"), Qt.Key.Key_Right, ("thigh", "front", "left")),
    (("foot", "front", "left"), Qt.Key.Key_Right, ("foot", "back", "left")),
    (("hand", "back", "left"), Qt.Key.Key_Up, ("shoulder", "back", "left")),
    (("thigh", "back", "left"), Qt.Key.Key_Up, ("back", "back", None)),
    (("calf", "back", "left"), Qt.Key.Key_Down, ("foot", "back", "left")),
    (("calf", "back", "left"), Qt.Key.Key_Right, ("calf", "back", "right")),
    (("calf", "back", "left"), Qt.Key.Key_Left, ("foot", "front", "left")),
    (("neck", "back", None), Qt.Key.Key_Down, ("back", "back", None)),
]


@pytest.mark.parametrize(("start", "key", "end"), ARROW_MOVES)
def test_arrow_keys_move_by_direction_on_the_figure(
    qtbot: QtBot,
    window: MainWindow,
    start: tuple[str, str, str | None],
    key: Qt.Key,
    end: tuple[str, str, str | None],
) -> None:
    """Not list order: Right from the front's left shoulder is the back view's left shoulder,
    not the chest."""
    body_map = window.body_map
    window.activateWindow()
    button = body_map.button_for(*start)
    assert button is not None
    button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(button.hasFocus)
    qtbot.keyClick(button, key)
    focused = body_map.focused_button()
    assert focused is not None
    assert (focused.region_id, focused.shape.view, focused.side) == end


def test_map_can_be_reached_by_tab_from_the_window(qtbot: QtBot, window: MainWindow) -> None:
    window.page_view.setFocus()
    seen = set()
    for _ in range(30):
        focused = window.focusWidget()
        if focused in window.body_map.buttons:
            seen.add(focused)
        qtbot.keyClick(focused or window, Qt.Key.Key_Tab)
    assert len(seen) == len(window.body_map.buttons)


def test_every_region_is_an_accessible_button_that_selects(
    qtbot: QtBot, window: MainWindow
) -> None:
    """Each side is a button of its own, named from the person's side ("Left calf")."""
    titles = {page.id: page.title for page in window.library.regions}
    names = []
    for button in window.body_map.buttons:
        interface = QAccessible.queryAccessibleInterface(button)
        assert interface is not None
        assert interface.role() == QAccessible.Role.Button
        names.append(interface.text(QAccessible.Text.Name))
        assert names[-1] == side_title(titles[button.region_id], button.side)
        action = interface.actionInterface()
        assert action is not None
        assert QAccessibleActionInterface.pressAction() in action.actionNames()
        window.navigator.open("hydration")
        action.doAction(QAccessibleActionInterface.pressAction())
        expected = (button.region_id, button.side)

        def selected(expected: tuple[str, str | None] = expected) -> bool:
            return (window.navigator.current, window.navigator.side) == expected

        qtbot.waitUntil(selected)
    assert {"Left calf", "Right calf", "Left shoulder", "Right hand", "Left thigh"} <= set(names)
    assert "Neck" in names and "Calf" not in names


def test_page_text_is_exposed_to_screen_readers(window: MainWindow) -> None:
    window.navigator.open("calf")
    interface = QAccessible.queryAccessibleInterface(window.page_view)
    assert interface is not None
    text = interface.textInterface()
    assert text is not None
    content = text.text(0, text.characterCount())
    assert "Likely causes" in content and "Calf" in content


def test_map_keeps_proportions_when_resized(qtbot: QtBot, window: MainWindow) -> None:
    body_map = window.body_map
    box = body_map.diagram.view_box
    for size in ((900, 600), (2400, 1500), (700, 1300)):
        window.resize(*size)
        qtbot.waitUntil(lambda: window.body_map.buttons[0].mask().boundingRect().width() > 0)
        figure = body_map.diagram.fit(body_map.figure_bounds()).mapRect(box)
        assert figure.width() / figure.height() == pytest.approx(box.width() / box.height(), 1e-6)
        assert body_map.rect().toRectF().contains(figure.adjusted(1, 1, -1, -1))
        button = body_map.button_for("calf", "back")
        assert button is not None
        click_map(qtbot, body_map, interior_point(body_map, button, margin=1))
        assert window.navigator.current == "calf"
        window.navigator.open("hydration")


def outline_points(diagram: BodyDiagram) -> list[tuple[str, str, list[tuple[int, float, float]]]]:
    return [
        (
            shape.region_id,
            shape.view,
            [
                (
                    shape.path.elementAt(i).type.value,
                    shape.path.elementAt(i).x,
                    shape.path.elementAt(i).y,
                )
                for i in range(shape.path.elementCount())
            ],
        )
        for shape in diagram.shapes
    ]


def test_outlines_from_the_cache_are_the_parsed_ones(qapp: object) -> None:
    parsed = BodyDiagram()  # the test's cache folder starts empty: this one parses the SVG
    (cached_file,) = cache_dir().glob("diagram-*.json")
    cached = BodyDiagram()
    assert outline_points(cached) == outline_points(parsed)
    assert len(cached.shapes) == len(SHAPES)
    cache = json.loads(cached_file.read_text(encoding="utf-8"))
    rows = cache["shapes"]
    rows[0][-1] = [[kind, x + 1, y] for kind, x, y in rows[0][-1]]  # the points come last
    cached_file.write_text(json.dumps(cache), encoding="utf-8")
    moved = BodyDiagram().shapes[0].path.boundingRect()  # read from the cache, not the SVG
    assert moved.left() == parsed.shapes[0].path.boundingRect().left() + 1
    cache["artwork"] = cache["artwork"].replace("region-", "regiom-", 1)  # other artwork
    cached_file.write_text(json.dumps(cache), encoding="utf-8")
    assert outline_points(BodyDiagram()) == outline_points(parsed)  # only this artwork's
    cached_file.write_text('{"artwork": "", "shapes": []}', encoding="utf-8")  # useless
    assert outline_points(BodyDiagram()) == outline_points(parsed)
    cached_file.write_text("[]", encoding="utf-8")  # an older format is not trusted
    assert outline_points(BodyDiagram()) == outline_points(parsed)
    cached_file.write_text("{not json", encoding="utf-8")
    assert outline_points(BodyDiagram()) == outline_points(parsed)


def test_a_region_drawn_in_the_artwork_is_on_the_map_with_no_code_change(
    qtbot: QtBot, tmp_path: Path, shipped_library: ContentLibrary
) -> None:
    """A tenth region, drawn in a copy of the artwork, gets its shape, its button and its
    place in the keyboard order; only its page (content) is stood in for here."""
    svg = resource("body.svg").read_text(encoding="utf-8")
    knee = '<path id="region-knee-front" d="M128 560 L152 560 L152 592 L128 592 Z"/>\n    '
    anchor = '<path id="region-foot-front-right"'
    assert anchor in svg
    svg = svg.replace(anchor, knee + anchor, 1)
    artwork = tmp_path / "body.svg"
    artwork.write_text(svg, encoding="utf-8")

    diagram = BodyDiagram(artwork)
    assert "knee" in diagram.region_ids()
    model = LibraryModel(shipped_library)
    model.region_titles = {**model.region_titles, "knee": "Knee"}  # as if it had a page
    body_map = BodyMapWidget(diagram, model, LIGHT)
    qtbot.addWidget(body_map)
    body_map.resize(440, 560)
    body_map.show()
    qtbot.waitExposed(body_map)

    order = [(button.region_id, button.shape.view, button.side) for button in body_map.buttons]
    assert order == [*SHAPES[:9], ("knee", "front", None), *SHAPES[9:]]  # head to toe

    knee_button = body_map.button_for("knee", "front")
    assert knee_button is not None and knee_button.accessibleName() == "Knee"
    with qtbot.waitSignal(body_map.regionActivated) as signal:
        click_map(qtbot, body_map, interior_point(body_map, knee_button))
    assert signal.args == ["knee", ""]
    thigh = body_map.button_for("thigh", "front", "right")
    assert thigh is not None
    body_map.activateWindow()
    thigh.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(thigh.hasFocus)
    qtbot.keyClick(thigh, Qt.Key.Key_Down)  # the knee is below the thigh, above the foot
    assert knee_button.hasFocus()
    assert BodyDiagram(artwork).keyboard_order() == diagram.keyboard_order()  # from its cache
