"""Paint the sheets of a handout: the clinic header, the footer, placed blocks, the diagram.

The same painting goes to a QPdfWriter (for ``Export PDF`` and ``bodymap handout``) and to a
QPrinter (for Print and Print Preview), so the preview is exactly what prints.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QImageReader, QPainter, QPainterPath, QPen, QTransform
from PySide6.QtSvg import QSvgRenderer

from bodymap.handout.compose import Handout
from bodymap.handout.layout import Placement
from bodymap.handout.typeset import ACCENT, INK, MUTED, Laid, Text, Typesetter
from bodymap.qtshared.diagram import BodyDiagram
from bodymap.settings import ClinicDetails

RUNNING_TITLE_MM = 6.0
"""Room for "CALF (CONTINUED)" at the top of a page's later sheets."""
LOGO_BOX_MM = (30.0, 11.0)
"""The most room the clinic logo takes in the header (width, height)."""

RULE = QColor("#9aa3ad")
HIGHLIGHT_FILL = QColor("#7fa7c6")
HIGHLIGHT_LINE = QColor("#0f2f4a")


class LogoError(Exception):
    """The clinic logo is set but cannot be used; the handout is made without it."""


def load_logo(path: str) -> QImage | QSvgRenderer:
    """The clinic's logo, or LogoError saying in plain words why it cannot be used."""
    file = Path(path).expanduser()
    if not file.exists():
        raise LogoError(f"The logo file {file} does not exist.")
    if not file.is_file():
        raise LogoError(f"The logo {file} is a folder, not an image file.")
    try:
        with file.open("rb"):
            pass
    except OSError as exc:
        raise LogoError(f"The logo file {file} cannot be read ({exc.strerror}).") from exc
    if file.suffix.casefold() == ".svg":
        renderer = QSvgRenderer(str(file))
        if renderer.isValid():
            return renderer
        raise LogoError(f"The logo file {file} is not an SVG image BodyMap can read.")
    reader = QImageReader(str(file))
    image = reader.read()
    if image.isNull():
        raise LogoError(
            f"The logo file {file} is not an image BodyMap can read ({reader.errorString()}). "
            "Use a PNG, JPEG or SVG file."
        )
    return image


class PageFrame:
    """The clinic header and the footer around every sheet, measured once for a handout."""

    def __init__(self, setter: Typesetter, handout: Handout) -> None:
        self.s = setter
        self.handout = handout
        self.notices: list[str] = []
        self.logo = self._logo(handout.clinic)
        self.header_parts: list[tuple[Text, float, float]] = []
        self.header_height = self._measure_header()
        self.footer_height = self._measure_footer()
        self.body_bottom = setter.height - self.footer_height

    def body_top(self, continued: bool) -> float:
        """Below the clinic header (on every sheet) and, on a continued sheet, its running title."""
        return self.header_height + (RUNNING_TITLE_MM * self.s.dpi / 25.4 if continued else 0.0)

    def _logo(self, clinic: ClinicDetails) -> QImage | QSvgRenderer | None:
        if not clinic.logo_path.strip():
            return None
        try:
            return load_logo(clinic.logo_path.strip())
        except LogoError as exc:
            self.notices.append(f"{exc} The handout was made without the logo.")
            return None

    def _measure_header(self) -> float:
        s = self.s
        clinic = self.handout.clinic
        if not clinic.is_set:
            return 0.0
        height, self.header_parts = self._header_parts(clinic)
        logo = s.mm(LOGO_BOX_MM[1]) if self.logo is not None else 0.0
        return max(logo, height) + s.mm(4)

    def _header_parts(self, clinic: ClinicDetails) -> tuple[float, list[tuple[Text, float, float]]]:
        s = self.s
        logo_width = s.mm(LOGO_BOX_MM[0]) if self.logo is not None else 0.0
        text_left = logo_width + (s.mm(5) if logo_width else 0)
        right_width = s.mm(60)
        left_width = s.width - text_left - right_width - s.mm(4)
        parts: list[tuple[Text, float, float]] = []
        name, address, contact = clinic.header_markup()
        y = 0.0
        if name:
            title = s.text(name, 11.5, left_width, bold=True, colour=ACCENT)
            parts.append((title, text_left, y))
            y += title.height + s.pt(1)
        if address:
            lines = s.text(address, 8, left_width, colour=MUTED, leading=1.25)
            parts.append((lines, text_left, y))
            y += lines.height
        right_y = 0.0
        if contact:
            block = s.text(
                contact, 8, right_width, colour=INK, align=Qt.AlignmentFlag.AlignRight, leading=1.3
            )
            parts.append((block, s.width - right_width, s.pt(2)))
            right_y = block.height + s.pt(2)
        return max(y, right_y), parts

    def paint_header(self, painter: QPainter, running_title: str) -> None:
        s = self.s
        if running_title:
            title = s.text(running_title, 7.5, s.width, colour=MUTED, caps=True)
            title.draw(painter, 0, self.header_height)
        if not self.handout.clinic.is_set:
            return
        for text, x, y in self.header_parts:
            text.draw(painter, x, y)
        if self.logo is not None:
            self._paint_logo(painter, QRectF(0, 0, s.mm(LOGO_BOX_MM[0]), s.mm(LOGO_BOX_MM[1])))
        rule_y = self.header_height - s.mm(2.2)
        painter.setPen(QPen(ACCENT, s.pt(1.1)))
        painter.drawLine(QLineF(0, rule_y, s.width, rule_y))

    def _paint_logo(self, painter: QPainter, box: QRectF) -> None:
        logo = self.logo
        if isinstance(logo, QSvgRenderer):
            size = logo.defaultSize()
            natural = QRectF(0, 0, max(size.width(), 1), max(size.height(), 1))
        else:
            assert logo is not None
            natural = QRectF(0, 0, max(logo.width(), 1), max(logo.height(), 1))
        scale = min(box.width() / natural.width(), box.height() / natural.height())
        target = QRectF(box.left(), box.top(), natural.width() * scale, natural.height() * scale)
        target.moveTop(box.top() + (box.height() - target.height()) / 2)
        if isinstance(logo, QSvgRenderer):
            logo.render(painter, target)
        else:
            assert logo is not None
            # Keep the PDF small: no more pixels than 300 dpi needs at the printed size.
            limit = int(self.s.px_to_mm(target.width()) / 25.4 * 300) + 1
            image = logo
            if logo.width() > limit:
                image = logo.scaledToWidth(limit, Qt.TransformationMode.SmoothTransformation)
            painter.drawImage(target, image)

    def _measure_footer(self) -> float:
        s = self.s
        right = s.mm(38)
        left_width = s.width - right - s.mm(6)
        note = self.handout.footer_note
        html = escape(self.handout.disclaimer) + (f"<br><b>{note}</b>" if note else "")
        self.footer_left = s.text(html, 6.8, left_width, colour=MUTED, leading=1.25)
        self.footer_right_width = right
        height = max(self.footer_left.height, s.pt(6.8 * 1.25 * 2))
        return height + s.mm(4.5)

    def paint_footer(self, painter: QPainter, number: int, total: int) -> None:
        s = self.s
        top = s.height - self.footer_height + s.mm(2.8)
        painter.setPen(QPen(RULE, s.pt(0.5)))
        painter.drawLine(QLineF(0, top - s.mm(1.8), s.width, top - s.mm(1.8)))
        self.footer_left.draw(painter, 0, top)
        html = f"<b>Page {number} of {total}</b><br>{escape(self.handout.printed_text)}"
        right = s.text(
            html,
            6.8,
            self.footer_right_width,
            colour=MUTED,
            align=Qt.AlignmentFlag.AlignRight,
            leading=1.25,
        )
        right.draw(painter, s.width - self.footer_right_width, top)


class Sheet:
    """One side of paper: header, placed blocks, footer."""

    def __init__(self, frame: PageFrame, running_title: str, placed: list[Placement[Laid]]) -> None:
        self.frame = frame
        self.running_title = running_title
        self.placed = placed

    def paint(self, painter: QPainter, number: int, total: int) -> None:
        self.frame.paint_header(painter, self.running_title)
        for placed in self.placed:
            paint_placement(painter, placed)
        self.frame.paint_footer(painter, number, total)


def paint_placement(painter: QPainter, placed: Placement[Laid]) -> None:
    """A whole block, or only the lines of it that fit in this column."""
    piece = placed.piece
    if piece.whole:
        piece.laid.draw(painter, placed.x, placed.y)
        return
    painter.save()
    painter.setClipRect(QRectF(placed.x - 1e4, placed.y, 2e4, piece.height))
    piece.laid.draw(painter, placed.x, placed.y - piece.start)
    painter.restore()


def diagram_figure(
    s: Typesetter, diagram: BodyDiagram, region_id: str, title: str, *, width: float, band: float
) -> Laid:
    """The body figure with the region shaded, front and back labels and a caption.

    It is as tall as the ``band`` beside it allows, but never shorter than 32 mm.
    """
    caption = s.text(
        f"Shaded area: {title.lower()}",  # already escaped
        7,
        width,
        colour=MUTED,
        align=Qt.AlignmentFlag.AlignCenter,
    )
    label_height = s.pt(8.5)
    box = diagram.view_box
    figure_height = min(width * box.height() / box.width(), band - caption.height - label_height)
    figure_height = max(figure_height, s.mm(32))
    height = figure_height + label_height + caption.height
    labels = [
        s.text(n, 7, width / 2, colour=MUTED, align=Qt.AlignmentFlag.AlignCenter, caps=True)
        for n in ("Front", "Back")
    ]

    def draw(painter: QPainter, x: float, y: float) -> None:
        bounds = QRectF(x, y, width, figure_height)
        transform = paint_region_diagram(painter, diagram, region_id, bounds, s.mm(1))
        label_y = y + figure_height + s.pt(1)
        left = transform.map(QPointF(box.left(), 0)).x()
        right = transform.map(QPointF(box.right(), 0)).x()
        half = (right - left) / 2
        for index, label in enumerate(labels):
            label.doc.setTextWidth(half)
            label.draw(painter, left + index * half, label_y)
        caption.draw(painter, x, y + figure_height + label_height)

    return Laid(height, draw)


def paint_region_diagram(
    painter: QPainter, diagram: BodyDiagram, region_id: str, bounds: QRectF, millimetre: float
) -> QTransform:
    """The figure as vectors with the region's shapes marked; returns the transform used.

    The mark is a mid-tone fill, diagonal hatching and a dark outline, so it is clear in
    colour and in black-and-white print alike.
    """
    transform = diagram.fit(bounds)
    diagram.paint(painter, transform, dark=False)
    path = QPainterPath()
    for shape in diagram.shapes:
        if shape.region_id == region_id:
            path.addPath(transform.map(shape.path))
    point = millimetre * 25.4 / 72  # one typographic point, in device units
    _paint_highlight(painter, path, 0.75 * millimetre, 0.35 * point, point)
    return transform


def _paint_highlight(
    painter: QPainter, path: QPainterPath, spacing: float, hatch: float, outline: float
) -> None:
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(HIGHLIGHT_FILL)
    painter.drawPath(path)
    painter.setClipPath(path)
    painter.setPen(QPen(HIGHLIGHT_LINE, hatch))
    box = path.boundingRect()
    offset = -box.height()
    while offset < box.width():
        start = QPointF(box.left() + offset, box.bottom())
        painter.drawLine(QLineF(start, start + QPointF(box.height(), -box.height())))
        offset += spacing
    painter.setClipping(False)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(HIGHLIGHT_LINE, outline))
    painter.drawPath(path)
    painter.restore()
