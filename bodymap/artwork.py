"""What the body diagram artwork says about regions, read without Qt.

The artwork is the source of truth for which regions exist on the map, on which view, on which
side, and in what order. A path whose id is ``region-<region>-<view>`` (``region-neck-back``)
is an unpaired region's outline on that view; a paired part of the body is drawn once per side,
``region-<region>-<view>-<side>`` (``region-calf-back-left``), where the side is the person's
own left or right, as a clinic records it: on the front view the person's left is on the
viewer's right, on the back view it is on the viewer's left. Views come in the order the file
draws them (front, then back). Regions are ordered head to toe by the vertical centre of their
outlines across all views, so a new region drawn in the artwork takes its natural place in
menus, shortcuts and keyboard order with no change to the code.

Reading the outlines needs only the XML and the path data (svg.path); the Qt drawing of the
same artwork is ``bodymap.qtshared.diagram``.
"""

from __future__ import annotations

import re
from pathlib import Path

import msgspec

SVG_NS = "{http://www.w3.org/2000/svg}"
REGION_ELEMENT = re.compile(
    r"^region-(?P<region>[a-z][a-z0-9]*)-(?P<view>[a-z]+)(?:-(?P<side>[a-z]+))?$"
)
"""``region-<region>-<view>`` or ``region-<region>-<view>-<side>``: the region is its page's id
(one lower-case word, such as ``calf``), the view one lower-case word (``front``, ``back``), the
side one of SIDES."""
SIDES = ("left", "right")
"""The person's own sides (anatomical left and right), in the order ``Artwork.sides`` gives them."""


class ArtworkError(Exception):
    """The artwork file cannot be read, holds no region outlines, or names one wrongly."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class RegionOutline(msgspec.Struct, frozen=True):
    """One drawn outline of a region on one view (the neck has one on each view, the foot one
    for each side on each view).

    ``d`` is the SVG path data as written in the file; ``box`` is its bounding box
    ``(left, top, right, bottom)`` in SVG user units (the figure is 640 x 800); ``side`` is the
    person's ``"left"`` or ``"right"`` for a paired part, None for an unpaired one.
    """

    region_id: str
    view: str
    element_id: str
    d: str
    box: tuple[float, float, float, float]
    side: str | None

    @property
    def centre(self) -> float:
        """The horizontal centre of the outline, in SVG user units (x grows to the right)."""
        return (self.box[0] + self.box[2]) / 2

    @property
    def middle(self) -> float:
        """The vertical centre of the outline, in SVG user units (y grows downwards)."""
        return (self.box[1] + self.box[3]) / 2


class Artwork(msgspec.Struct, frozen=True):
    """The region outlines of one artwork file, and the order they are visited in."""

    path: Path
    outlines: tuple[RegionOutline, ...]

    @property
    def views(self) -> tuple[str, ...]:
        """The views in the order the file draws them, e.g. ``("front", "back")``."""
        return tuple(dict.fromkeys(outline.view for outline in self.outlines))

    @property
    def region_ids(self) -> tuple[str, ...]:
        """Every region drawn, head to toe: by the mean vertical centre of its outlines."""
        middles: dict[str, list[float]] = {}
        for outline in self.outlines:
            middles.setdefault(outline.region_id, []).append(outline.middle)
        return tuple(
            sorted(middles, key=lambda region: sum(middles[region]) / len(middles[region]))
        )

    def sides(self, region_id: str) -> tuple[str, ...]:
        """The sides a region is drawn for, in SIDES order: ``("left", "right")`` for a paired
        part such as the foot, ``()`` for an unpaired one such as the neck.

        Raises KeyError when the artwork does not draw ``region_id``.
        """
        drawn = [outline.side for outline in self.outlines if outline.region_id == region_id]
        if not drawn:
            raise KeyError(region_id)
        return tuple(side for side in SIDES if side in drawn)

    def keyboard_order(self) -> tuple[RegionOutline, ...]:
        """Outlines view by view; in each view head to toe by region (the mean vertical centre
        of the region's outlines on that view, so both sides of a part come together), then
        from the viewer's left to right: the order Tab and arrows follow."""
        views = self.views
        middles: dict[tuple[str, str], list[float]] = {}
        for outline in self.outlines:
            middles.setdefault((outline.view, outline.region_id), []).append(outline.middle)
        row = {key: sum(values) / len(values) for key, values in middles.items()}
        return tuple(
            sorted(
                self.outlines,
                key=lambda o: (views.index(o.view), row[o.view, o.region_id], o.centre),
            )
        )


def read_artwork(path: Path) -> Artwork:
    """Read the region outlines of the SVG at ``path``.

    Raises ArtworkError when the file cannot be read or parsed, has no region outline, or an
    outline's id is wrong: a side other than left or right, an id used twice, or a region drawn
    with a side on some outlines and without on others (its message names the element).
    """
    # Only when the outlines are not cached: neither is loaded before the first frame.
    import xml.etree.ElementTree as ET  # noqa: PLC0415

    from svg.path import parse_path  # noqa: PLC0415

    try:
        root = ET.fromstring(path.read_bytes())
    except (OSError, ET.ParseError) as exc:
        raise ArtworkError(path, f"the artwork cannot be read ({exc})") from exc
    outlines: list[RegionOutline] = []
    for element in root.iter(f"{SVG_NS}path"):
        element_id = element.get("id", "")
        match = REGION_ELEMENT.match(element_id)
        if match is None:
            continue
        side = match["side"]
        if side is not None and side not in SIDES:
            raise ArtworkError(
                path,
                f"the outline '{element_id}' names the side '{side}': "
                "a side is the person's left or right (ids like region-calf-back-left)",
            )
        if any(outline.element_id == element_id for outline in outlines):
            raise ArtworkError(path, f"the outline id '{element_id}' is used twice")
        d = element.get("d", "")
        try:
            left, top, right, bottom = parse_path(d).boundingbox()
        except (ValueError, IndexError) as exc:
            raise ArtworkError(path, f"the outline '{element_id}' cannot be read") from exc
        box = (left, top, right, bottom)
        outlines.append(RegionOutline(match["region"], match["view"], element_id, d, box, side))
    if not outlines:
        raise ArtworkError(path, "the artwork has no region outlines (ids like region-calf-back)")
    _check_sides(path, outlines)
    return Artwork(path, tuple(outlines))


def _check_sides(path: Path, outlines: list[RegionOutline]) -> None:
    """A region is paired on every outline or on none: a click could not say which side."""
    first: dict[str, RegionOutline] = {}
    for outline in outlines:
        other = first.setdefault(outline.region_id, outline)
        if (other.side is None) == (outline.side is None):
            continue
        sided, unsided = (other, outline) if other.side is not None else (outline, other)
        raise ArtworkError(
            path,
            f"the outline '{unsided.element_id}' has no side, but '{sided.element_id}' has one: "
            f"every outline of the {outline.region_id} needs -left or -right at the end of its id, "
            "or none does",
        )
