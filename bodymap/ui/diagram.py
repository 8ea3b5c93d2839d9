"""The body diagram artwork: drawing it in either appearance and knowing each region's outline.

Region outlines come from the SVG path data itself (parsed with svg.path), so hit-testing
follows the drawn shape exactly rather than a bounding box. The parsed outlines are kept in the
cache folder under the artwork's own digest, so later starts skip the XML and path parsing
(and their imports) and rebuild the same paths from a few numbers.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPointF, QRectF, QSizeF
from PySide6.QtGui import QPainter, QPainterPath, QTransform
from PySide6.QtSvg import QSvgRenderer

from bodymap.paths import cache_dir, resource

SVG_NS = "{http://www.w3.org/2000/svg}"
REGION_ELEMENT = re.compile(r"^region-(?P<region>[a-z]+)-(?P<view>front|back)$")

LIGHT_TO_DARK = {
    "#f4efe9": "#3b4049",  # skin
    "#e7d9cb": "#4d5562",  # region fill
    "#8a7868": "#aab3bf",  # body outline
    "#a8968a": "#7f8a98",  # detail lines
}


@dataclass(frozen=True)
class RegionShape:
    """One drawn shape of a region; the foot and the neck have one on each view."""

    region_id: str
    view: str
    element_id: str
    path: QPainterPath  # in SVG user units


class BodyDiagram:
    """The SVG figure (front and back side by side) and its region shapes."""

    def __init__(self, svg_path: Path | None = None) -> None:
        self.svg_path = svg_path or resource("body.svg")
        self._svg = self.svg_path.read_bytes()
        self._renderers: dict[bool, QSvgRenderer] = {}
        self.shapes = self._read_shapes()
        view_box = self.renderer(dark=False).viewBoxF()
        self.view_box = view_box if not view_box.isEmpty() else QRectF(0, 0, 640, 800)

    def renderer(self, dark: bool) -> QSvgRenderer:
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
        cache = cache_dir() / f"diagram-{hashlib.sha256(self._svg).hexdigest()[:32]}.json"
        with contextlib.suppress(OSError, ValueError, LookupError, TypeError):
            cached = [_shape_from_row(row) for row in json.loads(cache.read_bytes())]
            if cached:
                return cached
        shapes = self._parse_shapes()
        with contextlib.suppress(OSError, ValueError):
            from bodymap.fileio import WriteError, atomic_write_bytes  # noqa: PLC0415

            cache.parent.mkdir(parents=True, exist_ok=True)
            with contextlib.suppress(WriteError):
                atomic_write_bytes(cache, json.dumps([_shape_row(s) for s in shapes]).encode())
        return shapes

    def _parse_shapes(self) -> list[RegionShape]:
        import xml.etree.ElementTree as ET  # noqa: PLC0415 - only when not cached

        renderer = self.renderer(dark=False)
        shapes = []
        root = ET.fromstring(self._svg)
        for element in root.iter(f"{SVG_NS}path"):
            match = REGION_ELEMENT.match(element.get("id", ""))
            if match is None:
                continue
            element_id = element.get("id", "")
            path = svg_path_to_qt(element.get("d", ""))
            path = renderer.transformForElement(element_id).map(path)
            shapes.append(RegionShape(match["region"], match["view"], element_id, path))
        return shapes

    def region_ids(self) -> set[str]:
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
    return [shape.region_id, shape.view, shape.element_id, points]


def _shape_from_row(row: list[Any]) -> RegionShape:
    """The outline rebuilt element by element: exactly the path that was parsed."""
    region_id, view, element_id, points = row
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
    return RegionShape(str(region_id), str(view), str(element_id), path)


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
