"""What the body diagram artwork says about regions, read without Qt.

The artwork is the source of truth for which regions exist on the map, on which view, and in
what order: a path whose id is ``region-<region>-<view>`` (``region-calf-back``) is a region's
outline on that view. Views come in the order the file draws them (front, then back). Regions
are ordered head to toe by the vertical centre of their outlines across all views, so a new
region drawn in the artwork takes its natural place in menus, shortcuts and keyboard order
with no change to the code.

Reading the outlines needs only the XML and the path data (svg.path); the Qt drawing of the
same artwork is ``bodymap.qtshared.diagram``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

SVG_NS = "{http://www.w3.org/2000/svg}"
REGION_ELEMENT = re.compile(r"^region-(?P<region>[a-z][a-z0-9]*)-(?P<view>[a-z]+)$")
"""``region-<region>-<view>``: the region is its page's id (one lower-case word, such as
``calf``), the view one lower-case word (``front``, ``back``)."""


class ArtworkError(Exception):
    """The artwork file cannot be read, or holds no region outlines."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@dataclass(frozen=True)
class RegionOutline:
    """One drawn outline of a region on one view (the foot has one on each view).

    ``d`` is the SVG path data as written in the file; ``box`` is its bounding box
    ``(left, top, right, bottom)`` in SVG user units (the figure is 640 x 800).
    """

    region_id: str
    view: str
    element_id: str
    d: str
    box: tuple[float, float, float, float]

    @property
    def middle(self) -> float:
        """The vertical centre of the outline, in SVG user units (y grows downwards)."""
        return (self.box[1] + self.box[3]) / 2


@dataclass(frozen=True)
class Artwork:
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

    def keyboard_order(self) -> tuple[RegionOutline, ...]:
        """Outlines view by view, each view head to toe: the order Tab and arrows follow."""
        views = self.views
        return tuple(sorted(self.outlines, key=lambda o: (views.index(o.view), o.middle, o.box[0])))


def read_artwork(path: Path) -> Artwork:
    """Read the region outlines of the SVG at ``path``.

    Raises ArtworkError when the file cannot be read or parsed, or has no region outline.
    """
    # Only when the outlines are not cached: neither is loaded before the first frame.
    import xml.etree.ElementTree as ET  # noqa: PLC0415

    from svg.path import parse_path  # noqa: PLC0415

    try:
        root = ET.fromstring(path.read_bytes())
    except (OSError, ET.ParseError) as exc:
        raise ArtworkError(path, f"the artwork cannot be read ({exc})") from exc
    outlines = []
    for element in root.iter(f"{SVG_NS}path"):
        element_id = element.get("id", "")
        match = REGION_ELEMENT.match(element_id)
        if match is None:
            continue
        d = element.get("d", "")
        try:
            left, top, right, bottom = parse_path(d).boundingbox()
        except (ValueError, IndexError) as exc:
            raise ArtworkError(path, f"the outline '{element_id}' cannot be read") from exc
        outlines.append(
            RegionOutline(match["region"], match["view"], element_id, d, (left, top, right, bottom))
        )
    if not outlines:
        raise ArtworkError(path, "the artwork has no region outlines (ids like region-calf-back)")
    return Artwork(path, tuple(outlines))
