"""The artwork decides which regions exist, on which view and side, and in what order."""

from __future__ import annotations

import itertools
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QPainterPath

from bodymap.artwork import SVG_NS, Artwork, ArtworkError, RegionOutline, read_artwork
from bodymap.paths import cache_dir, resource
from bodymap.qtshared.diagram import BodyDiagram, svg_path_to_qt

SVG_HEAD = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 800">'
PAIRED = {"shoulder", "hand", "thigh", "calf", "foot"}
HEAD_TO_TOE = ("neck", "shoulder", "chest", "back", "stomach", "hand", "thigh", "calf", "foot")


@pytest.fixture(scope="module")
def shipped() -> Artwork:
    return read_artwork(resource("body.svg"))


def square(element_id: str, left: float, top: float, size: float = 10) -> str:
    """A square outline ``size`` units wide with its top-left corner at (left, top)."""
    right, bottom = left + size, top + size
    d = f"M{left} {top} L{right} {top} L{right} {bottom} L{left} {bottom} Z"
    return f'<path id="{element_id}" d="{d}"/>'


def write_svg(folder: Path, *paths: str, name: str = "body.svg") -> Path:
    svg = folder / name
    svg.write_text(SVG_HEAD + "".join(paths) + "</svg>", encoding="utf-8")
    return svg


def test_shipped_artwork_draws_nine_regions_head_to_toe_on_two_views(shipped: Artwork) -> None:
    assert shipped.views == ("front", "back")
    assert shipped.region_ids == HEAD_TO_TOE
    drawn = {(o.region_id, o.view) for o in shipped.outlines}
    for region in ("neck", "shoulder", "hand", "thigh", "foot"):
        assert {(region, "front"), (region, "back")} <= drawn, region
    assert {view for region, view in drawn if region in {"chest", "stomach"}} == {"front"}
    assert {view for region, view in drawn if region in {"back", "calf"}} == {"back"}


def test_paired_parts_are_drawn_once_for_each_side_on_every_view(shipped: Artwork) -> None:
    assert {region for region in shipped.region_ids if shipped.sides(region)} == PAIRED
    for region in shipped.region_ids:
        outlines = [o for o in shipped.outlines if o.region_id == region]
        if region in PAIRED:
            assert shipped.sides(region) == ("left", "right")
            for view in {o.view for o in outlines}:
                sides = sorted(str(o.side) for o in outlines if o.view == view)
                assert sides == ["left", "right"], (region, view)
                for outline in outlines:
                    assert outline.element_id == f"region-{region}-{outline.view}-{outline.side}"
        else:
            assert shipped.sides(region) == ()
            assert all(o.side is None for o in outlines)
            assert len({o.view for o in outlines}) == len(outlines)  # one outline a view


@pytest.mark.parametrize("region", sorted(PAIRED))
def test_the_persons_left_is_on_the_viewers_right_in_front_and_left_behind(
    shipped: Artwork, region: str
) -> None:
    """A clinic records the person's own side: facing us (front view) their left hand is on
    our right; seen from behind it is on our left."""
    centres = {(o.view, o.side): o.centre for o in shipped.outlines if o.region_id == region}
    if ("front", "left") in centres:
        assert centres["front", "left"] > 160 > centres["front", "right"]
    if ("back", "left") in centres:
        assert centres["back", "left"] < 480 < centres["back", "right"]


def test_keyboard_order_goes_view_by_view_head_to_toe_then_left_to_right(
    shipped: Artwork,
) -> None:
    order = [(o.view, o.region_id, o.side) for o in shipped.keyboard_order()]
    assert order == [
        ("front", "neck", None),
        ("front", "shoulder", "right"),
        ("front", "shoulder", "left"),
        ("front", "chest", None),
        ("front", "stomach", None),
        ("front", "hand", "right"),
        ("front", "hand", "left"),
        ("front", "thigh", "right"),
        ("front", "thigh", "left"),
        ("front", "foot", "right"),
        ("front", "foot", "left"),
        ("back", "neck", None),
        ("back", "shoulder", "left"),
        ("back", "shoulder", "right"),
        ("back", "back", None),
        ("back", "hand", "left"),
        ("back", "hand", "right"),
        ("back", "thigh", "left"),
        ("back", "thigh", "right"),
        ("back", "calf", "left"),
        ("back", "calf", "right"),
        ("back", "foot", "left"),
        ("back", "foot", "right"),
    ]


def test_both_sides_of_a_part_stay_together_in_keyboard_order(tmp_path: Path) -> None:
    """Two hands drawn a little out of level are still one row, visited left to right, before
    a region whose centre lies between theirs (below the middle of the pair)."""
    svg = write_svg(
        tmp_path,
        square("region-hand-front-left", 200, 404, size=20),  # centre 414, on the viewer's right
        square("region-hand-front-right", 100, 400, size=20),  # centre 410
        square("region-hip-front", 150, 403, size=20),  # centre 413: between the hands
    )
    order = [o.element_id for o in read_artwork(svg).keyboard_order()]
    assert order == ["region-hand-front-right", "region-hand-front-left", "region-hip-front"]


def test_a_region_drawn_in_the_artwork_takes_its_place_head_to_toe(tmp_path: Path) -> None:
    svg = write_svg(
        tmp_path,
        '<path id="region-foot-front" d="M0 700 L10 700 L10 760 Z"/>',
        '<path id="region-knee-front-left" d="M20 500 L30 500 L30 540 Z"/>',
        '<path id="region-knee-front-right" d="M0 500 L10 500 L10 540 Z"/>',
        '<path id="region-neck-back" d="M0 100 L10 100 L10 140 Z"/>',
        '<path id="figure" d="M0 0 L1 1"/>',
    )
    artwork = read_artwork(svg)
    assert artwork.region_ids == ("neck", "knee", "foot")
    assert artwork.views == ("front", "back")
    assert artwork.sides("knee") == ("left", "right")
    assert artwork.sides("foot") == ()


def test_sides_of_a_region_not_drawn_is_a_key_error(shipped: Artwork) -> None:
    with pytest.raises(KeyError):
        shipped.sides("elbow")


@pytest.mark.parametrize(
    "text", ["not xml at all", SVG_HEAD + '<path id="body" d="M0 0 L1 1"/></svg>']
)
def test_artwork_without_regions_is_refused_with_its_name(tmp_path: Path, text: str) -> None:
    svg = tmp_path / "broken.svg"
    svg.write_text(text)
    with pytest.raises(ArtworkError) as caught:
        read_artwork(svg)
    assert "broken.svg" in str(caught.value)


@pytest.mark.parametrize("side", ["middle", "l", "inner"])
def test_a_side_other_than_left_or_right_is_refused_naming_the_outline(
    tmp_path: Path, side: str
) -> None:
    svg = write_svg(
        tmp_path,
        square("region-hand-front-left", 0, 400),
        square(f"region-hand-front-{side}", 20, 400),
        name="sides.svg",
    )
    with pytest.raises(ArtworkError) as caught:
        read_artwork(svg)
    message = str(caught.value)
    assert "sides.svg" in message
    assert f"region-hand-front-{side}" in message
    assert "left or right" in message


@pytest.mark.parametrize(
    "ids",
    [
        ("region-foot-front-left", "region-foot-front"),  # on one view
        ("region-foot-back", "region-foot-front-right"),  # across the views
    ],
)
def test_a_region_drawn_both_with_and_without_a_side_is_refused(
    tmp_path: Path, ids: tuple[str, str]
) -> None:
    svg = write_svg(
        tmp_path,
        square("region-neck-front", 0, 100),
        square(ids[0], 0, 700),
        square(ids[1], 20, 700),
        name="mixed.svg",
    )
    with pytest.raises(ArtworkError) as caught:
        read_artwork(svg)
    message = str(caught.value)
    assert "mixed.svg" in message
    assert ids[0] in message and ids[1] in message
    assert "-left or -right" in message


def test_an_outline_id_used_twice_is_refused(tmp_path: Path) -> None:
    svg = write_svg(
        tmp_path,
        square("region-hand-front-left", 0, 400),
        square("region-hand-front-left", 20, 400),
    )
    with pytest.raises(ArtworkError, match="'region-hand-front-left' is used twice"):
        read_artwork(svg)


# --- the drawn shapes, as the map hit-tests them (Qt) ------------------------------------------


def area(path: QPainterPath) -> float:
    """The filled area of ``path`` in square SVG units (shoelace over its fill polygons)."""
    total = 0.0
    for polygon in path.toFillPolygons():
        points = [polygon.at(i) for i in range(polygon.size())]
        pairs = zip(points, points[1:] + points[:1], strict=True)
        total += abs(sum(a.x() * b.y() - b.x() * a.y() for a, b in pairs))
    return total / 2


def shapes(svg: Path) -> dict[str, QPainterPath]:
    """Every region outline of ``svg`` as the map's Qt path, by element id."""
    return {shape.element_id: shape.path for shape in BodyDiagram(svg).shapes}


def overlaps(svg: Path) -> list[tuple[str, str, float]]:
    """Pairs of region outlines whose fills overlap by more than a quarter of a square unit."""
    found = []
    for (first, a), (second, b) in itertools.combinations(shapes(svg).items(), 2):
        shared = area(a.intersected(b))
        if shared > 0.25:
            found.append((first, second, round(shared, 1)))
    return found


def test_no_two_outlines_of_the_shipped_artwork_overlap(qapp: object) -> None:
    """A click between two regions lands on the one under the pointer, never on both."""
    assert overlaps(resource("body.svg")) == []


def test_an_overlap_is_found(qapp: object, tmp_path: Path) -> None:
    svg = write_svg(
        tmp_path,
        square("region-hand-front-left", 0, 400, size=20),
        square("region-hand-front-right", 15, 400, size=20),  # 5 x 20 over the other
        square("region-neck-front", 0, 100),
    )
    assert overlaps(svg) == [("region-hand-front-left", "region-hand-front-right", 100.0)]


def test_every_outline_lies_on_the_body_of_its_view(qapp: object) -> None:
    svg = resource("body.svg")
    root = ET.fromstring(svg.read_bytes())
    bodies = {
        view: svg_path_to_qt(
            next(e for e in root.iter(f"{SVG_NS}path") if e.get("id") == f"body-{view}").get(
                "d", ""
            )
        )
        for view in ("front", "back")
    }
    for element_id, path in shapes(svg).items():
        view = element_id.split("-")[2]
        assert area(path) > 400, element_id  # big enough to hit with a finger or a mouse
        assert area(path.subtracted(bodies[view])) < 0.25, element_id


def test_the_cached_outlines_keep_their_sides(qapp: object) -> None:
    parsed = BodyDiagram(resource("body.svg"))
    assert list(cache_dir().glob("diagram-*.json"))
    cached = BodyDiagram(resource("body.svg"))  # the second start reads the cache
    sides: list[RegionOutline] = [shape.outline for shape in cached.shapes]
    assert sides == [shape.outline for shape in parsed.shapes]
    assert {o.side for o in sides} == {"left", "right", None}
