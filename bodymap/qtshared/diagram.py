"""The body diagram artwork, for the window and for printed handouts: drawn in either appearance,
with each region's outline as a Qt path.

Which regions exist, on which view and in what order comes from the artwork itself
(``bodymap.artwork``); this module only turns those outlines into Qt paths (parsed with
svg.path), so hit-testing follows the drawn shape exactly rather than a bounding box. The
outlines are kept in the cache folder under the artwork's own digest, so later starts skip the
XML and path parsing (and their imports) and rebuild the same paths from a few numbers.
"""

from __future__ import annotations

import contextlib
import json
import zlib
from pathlib import Path
from typing import Any

import msgspec
from PySide6.QtCore import QPointF, QRectF, QSizeF
from PySide6.QtGui import QPainter, QPainterPath, QTransform
from PySide6.QtSvg import QSvgRenderer

from bodymap.artwork import Artwork, RegionOutline, read_artwork
from bodymap.paths import artwork_file, cache_dir

CACHE_FORMAT = 4  # bump when the cached rows change shape (4: the artwork kept beside them)

LIGHT_TO_DARK = {
    "#f4efe9": "#3b4049",  # skin
    "#e7d9cb": "#4d5562",  # region fill
    "#8a7868": "#aab3bf",  # body outline
    "#a8968a": "#7f8a98",  # detail lines
}


class RegionShape(msgspec.Struct, frozen=True):
    """One drawn shape of a region as a Qt path; the foot and the neck have one on each view."""

    outline: RegionOutline
    path: QPainterPath  # in SVG user units, with the element's own transform applied

    @property
    def region_id(self) -> str:
        """The region this shape belongs to, e.g. ``"calf"``."""
        return self.outline.region_id

    @property
    def view(self) -> str:
        """The view it is drawn on, e.g. ``"back"``."""
        return self.outline.view

    @property
    def element_id(self) -> str:
        """The SVG element it was read from, e.g. ``"region-calf-back"``."""
        return self.outline.element_id


class BodyDiagram:
    """The SVG figure (its views side by side) and its region shapes."""

    def __init__(self, svg_path: Path | None = None) -> None:
        self.svg_path = svg_path or artwork_file()
        self._svg = self.svg_path.read_bytes()
        self._renderers: dict[bool, QSvgRenderer] = {}
        self.shapes = self._read_shapes()
        self.artwork = Artwork(self.svg_path, tuple(shape.outline for shape in self.shapes))
        view_box = self.renderer(dark=False).viewBoxF()
        self.view_box = view_box if not view_box.isEmpty() else QRectF(0, 0, 640, 800)

    @property
    def views(self) -> tuple[str, ...]:
        """The views left to right, as the artwork draws them."""
        return self.artwork.views

    def keyboard_order(self) -> list[RegionShape]:
        """Every shape in the order Tab and the arrows visit them: view by view, head to toe."""
        by_element = {shape.element_id: shape for shape in self.shapes}
        return [by_element[outline.element_id] for outline in self.artwork.keyboard_order()]

    def renderer(self, dark: bool) -> QSvgRenderer:
        """The figure's renderer in the light or dark colours (made once each)."""
        if dark not in self._renderers:
            data = self._svg
            if dark:
                text = data.decode("utf-8")
                for light, dark_colour in LIGHT_TO_DARK.items():
                    text = text.replace(light, dark_colour)
                data = text.encode("utf-8")
            self._renderers[dark] = QSvgRenderer(data)
        return self._renderers[dark]

    def _read_shapes(self) -> list[RegionShape]:
        """The outlines from the cache when it was made from this very artwork, byte for byte
        (it keeps a copy: 32 KB), else parsed and cached. The file is named by a CRC of the
        artwork, so artworks keep files of their own; OpenSSL's hashlib stays off the start."""
        name = f"diagram-{CACHE_FORMAT}-{zlib.crc32(self._svg):08x}-{len(self._svg)}.json"
        cache = cache_dir() / name
        with contextlib.suppress(OSError, ValueError, LookupError, TypeError, AttributeError):
            cached = json.loads(cache.read_bytes())
            if cached["artwork"].encode("utf-8") == self._svg and cached["shapes"]:
                return [_shape_from_row(row) for row in cached["shapes"]]
        shapes = self._parse_shapes()
        with contextlib.suppress(OSError, ValueError):
            from bodymap.fileio import WriteError, atomic_write_bytes  # noqa: PLC0415

            rows = {"artwork": self._svg.decode("utf-8"), "shapes": [_shape_row(s) for s in shapes]}
            cache.parent.mkdir(parents=True, exist_ok=True)
            with contextlib.suppress(WriteError):
                atomic_write_bytes(cache, json.dumps(rows).encode())
        return shapes

    def _parse_shapes(self) -> list[RegionShape]:
        renderer = self.renderer(dark=False)
        return [
            RegionShape(
                outline,
                renderer.transformForElement(outline.element_id).map(svg_path_to_qt(outline.d)),
            )
            for outline in read_artwork(self.svg_path).outlines
        ]

    def region_ids(self) -> set[str]:
        """Every region the figure draws."""
        return {shape.region_id for shape in self.shapes}

    def fit(self, bounds: QRectF) -> QTransform:
        """Map SVG units into ``bounds``, keeping proportions and centring the figure."""
        box = self.view_box
        scale = min(bounds.width() / box.width(), bounds.height() / box.height())
        size = QSizeF(box.width() * scale, box.height() * scale)
        left = bounds.left() + (bounds.width() - size.width()) / 2
        top = bounds.top() + (bounds.height() - size.height()) / 2
        transform = QTransform()
        transform.translate(left, top)
        transform.scale(scale, scale)
        transform.translate(-box.left(), -box.top())
        return transform

    def paint(self, painter: QPainter, transform: QTransform, dark: bool) -> None:
        """Draw the figure as vectors through ``transform`` (screen, pixmap or PDF alike)."""
        painter.save()
        painter.setTransform(transform, combine=True)
        self.renderer(dark).render(painter, self.view_box)
        painter.restore()


def _shape_row(shape: RegionShape) -> list[Any]:
    path = shape.path
    elements = [path.elementAt(i) for i in range(path.elementCount())]
    points = [[element.type.value, element.x, element.y] for element in elements]
    outline = shape.outline
    return [
        outline.region_id,
        outline.view,
        outline.element_id,
        outline.d,
        outline.box,
        outline.side,
        points,
    ]


def _shape_from_row(row: list[Any]) -> RegionShape:
    """The outline rebuilt element by element: exactly the path that was parsed."""
    region_id, view, element_id, d, (left, top, right, bottom), side, points = row
    path = QPainterPath()
    steps = iter(points)
    for kind, x, y in steps:
        if kind == QPainterPath.ElementType.MoveToElement.value:
            path.moveTo(x, y)
        elif kind == QPainterPath.ElementType.LineToElement.value:
            path.lineTo(x, y)
        elif kind == QPainterPath.ElementType.CurveToElement.value:
            (_, x2, y2), (_, x3, y3) = next(steps), next(steps)
            path.cubicTo(x, y, x2, y2, x3, y3)
        else:
            raise ValueError(f"unexpected path element {kind}")
    box = (float(left), float(top), float(right), float(bottom))
    side = None if side is None else str(side)
    outline = RegionOutline(str(region_id), str(view), str(element_id), str(d), box, side)
    return RegionShape(outline, path)


def svg_path_to_qt(d: str) -> QPainterPath:
    """Convert SVG path data to a QPainterPath (arcs are approximated by short lines)."""
    from svg.path import (  # noqa: PLC0415 - only when the outlines are not cached
        Arc,
        Close,
        CubicBezier,
        Line,
        Move,
        QuadraticBezier,
        parse_path,
    )

    path = QPainterPath()
    for segment in parse_path(d):
        if isinstance(segment, Move):
            path.moveTo(_point(segment.end))
        elif isinstance(segment, Close):
            path.closeSubpath()
        elif isinstance(segment, Line):
            path.lineTo(_point(segment.end))
        elif isinstance(segment, CubicBezier):
            path.cubicTo(_point(segment.control1), _point(segment.control2), _point(segment.end))
        elif isinstance(segment, QuadraticBezier):
            path.quadTo(_point(segment.control), _point(segment.end))
        elif isinstance(segment, Arc):
            for step in range(1, 17):
                path.lineTo(_point(segment.point(step / 16)))
    return path


def _point(value: complex) -> QPointF:
    return QPointF(value.real, value.imag)


def sides_on_screen(outlines: list[RegionShape], view: str) -> tuple[str, str] | None:
    """Which of the person's sides is on the viewer's left and right on ``view``, read from the
    artwork (the left outlines' centres against the right ones'): ``("right", "left")`` for a
    front view, ``("left", "right")`` for a back view; None when the view draws no sides."""
    centres: dict[str, list[float]] = {}
    for shape in outlines:
        if shape.view == view and shape.outline.side is not None:
            centres.setdefault(shape.outline.side, []).append(shape.outline.centre)
    if set(centres) != {"left", "right"}:
        return None
    left = sum(centres["left"]) / len(centres["left"])
    right = sum(centres["right"]) / len(centres["right"])
    return ("left", "right") if left < right else ("right", "left")
