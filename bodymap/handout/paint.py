"""Paint the sheets of a handout: the clinic header, the footer, placed blocks, the diagram.

The same painting goes to a QPdfWriter (for ``Export PDF`` and ``bodymap handout``) and to a
QPrinter (for Print and Print Preview), so the preview is exactly what prints.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QTransform

from bodymap.chart.colours import DARK_FROM, score_colour
from bodymap.handout.compose import Block, Handout, HandoutWords, handout_words
from bodymap.handout.layout import Placement, TypeScale, logo_box
from bodymap.handout.logo import Logo, LogoError, load_logo
from bodymap.handout.typeset import ACCENT, INK, MUTED, Laid, Text, Typesetter
from bodymap.qtshared.diagram import BodyDiagram, sides_on_screen
from bodymap.settings import ClinicDetails

RULE = QColor("#9aa3ad")
HIGHLIGHT_FILL = QColor("#7fa7c6")
HIGHLIGHT_LINE = QColor("#0f2f4a")


class PageFrame:
    """The clinic header and the footer around every sheet, measured once for a handout.

    Everything in them is set at the print size's smallest size or larger (the clinic's name
    larger still), so nothing on the sheet is below the clear-print minimum.
    """

    def __init__(self, setter: Typesetter, handout: Handout, scale: TypeScale) -> None:
        self.s = setter
        self.handout = handout
        self.scale = scale
        self.small = scale.smallest
        self.notices: list[str] = []
        self.logo = self._logo(handout.clinic)
        self.logo_box = (
            logo_box(self.logo.aspect, setter.px_to_mm(setter.width), scale.logo_scale)
            if self.logo is not None
            else None
        )
        self.header_parts: list[tuple[Text, float, float]] = []
        self.header_height = self._measure_header()
        self.footer_height = self._measure_footer()
        self.body_bottom = setter.height - self.footer_height

    def body_top(self, continued: bool) -> float:
        """Below the clinic header (on every sheet) and, on a continued sheet, its running title."""
        return self.header_height + (self.s.pt(self.small * 1.8) if continued else 0.0)

    def _logo(self, clinic: ClinicDetails) -> Logo | None:
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
        box = self.logo_box
        top = s.mm(box.height + 2.5) if box is not None and box.own_row else 0.0
        height, self.header_parts = self._header_parts(clinic, top)
        beside = s.mm(box.height) if box is not None and not box.own_row else 0.0
        return max(beside, top + height) + s.mm(4)

    def _header_parts(
        self, clinic: ClinicDetails, top: float
    ) -> tuple[float, list[tuple[Text, float, float]]]:
        """The clinic's name, address and contact below ``top``; their height below it."""
        s = self.s
        box = self.logo_box
        beside = box is not None and not box.own_row
        text_left = s.mm(box.width + 5) if box is not None and beside else 0.0
        name, address, contact = clinic.header_markup()
        right_width = 0.0
        if contact:
            natural = s.text(contact, self.small, s.width).doc.idealWidth()
            right_width = min(natural + s.mm(1), s.width * 0.45)
        left_width = s.width - text_left - right_width - s.mm(4)
        parts: list[tuple[Text, float, float]] = []
        y = top
        if name:
            title = s.text(name, self.small + 3.5, left_width, bold=True, colour=ACCENT)
            parts.append((title, text_left, y))
            y += title.height + s.pt(1)
        if address:
            lines = s.text(address, self.small, left_width, colour=MUTED, leading=1.25)
            parts.append((lines, text_left, y))
            y += lines.height
        right_y = top
        if contact:
            block = s.text(
                contact,
                self.small,
                right_width,
                colour=INK,
                align=Qt.AlignmentFlag.AlignRight,
                leading=1.3,
            )
            parts.append((block, s.width - right_width, top + s.pt(2)))
            right_y = top + block.height + s.pt(2)
        return max(y, right_y) - top, parts

    def paint_header(self, painter: QPainter, running_title: str) -> None:
        s = self.s
        if running_title:
            self.running_title(running_title).draw(painter, 0, self.header_height)
        if not self.handout.clinic.is_set:
            return
        for text, x, y in self.header_parts:
            text.draw(painter, x, y)
        if self.logo is not None and self.logo_box is not None:
            box = self.logo_box
            self._paint_logo(painter, QRectF(0, 0, s.mm(box.width), s.mm(box.height)))
        rule_y = self.header_height - s.mm(2.2)
        painter.setPen(QPen(ACCENT, s.pt(1.1)))
        painter.drawLine(QLineF(0, rule_y, s.width, rule_y))

    def running_title(self, running_title: str) -> Text:
        """The running title of a continued sheet, on the one line ``body_top`` leaves for it.

        A title too long for the line ("Calambres en el embarazo, en los niños y en las
        personas mayores (continuación)") loses its last words, with "…" in their place;
        the last word, "(continued)" in the page's language, always stays.
        """
        s = self.s

        def typeset(text: str) -> Text:
            return s.text(text, self.small, s.width, colour=MUTED, caps=True)

        title = typeset(running_title)
        words = running_title.split(" ")
        kept = len(words) - 1
        while len(title.line_bottoms()) > 1 and kept > 1:
            kept -= 1
            title = typeset(" ".join(words[:kept]).rstrip(",;:") + "… " + words[-1])
        return title

    def _paint_logo(self, painter: QPainter, target: QRectF) -> None:
        logo = self.logo
        assert logo is not None
        if logo.drawing is not None:
            logo.drawing.render(painter, target)
            return
        assert logo.image is not None
        # Keep the PDF small: no more pixels than 300 dpi needs at the printed size.
        limit = int(self.s.px_to_mm(target.width()) / 25.4 * 300) + 1
        image = logo.image
        if image.width() > limit:
            image = image.scaledToWidth(limit, Qt.TransformationMode.SmoothTransformation)
        painter.drawImage(target, image)

    def _measure_footer(self) -> float:
        s = self.s
        widest = f"<b>{self.handout.page_label(99, 99)}</b><br>{escape(self.handout.printed_text)}"
        right = s.text(widest, self.small, s.width, leading=1.25).doc.idealWidth() + s.mm(1)
        left_width = s.width - right - s.mm(6)
        note = self.handout.footer_note
        html = escape(self.handout.disclaimer) + (f"<br><b>{note}</b>" if note else "")
        self.footer_left = s.text(html, self.small, left_width, colour=MUTED, leading=1.25)
        self.footer_right_width = right
        height = max(self.footer_left.height, s.pt(self.small * 1.25 * 2))
        return height + s.mm(4.5)

    def paint_footer(self, painter: QPainter, number: int, total: int) -> None:
        s = self.s
        top = s.height - self.footer_height + s.mm(2.8)
        painter.setPen(QPen(RULE, s.pt(0.5)))
        painter.drawLine(QLineF(0, top - s.mm(1.8), s.width, top - s.mm(1.8)))
        self.footer_left.draw(painter, 0, top)
        label = self.handout.page_label(number, total)
        html = f"<b>{label}</b><br>{escape(self.handout.printed_text)}"
        right = s.text(
            html,
            self.small,
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
    s: Typesetter,
    diagram: BodyDiagram,
    region_id: str,
    title: str,
    *,
    width: float,
    band: float,
    small: float,
    words: HandoutWords | None = None,
    side: str | None = None,
) -> Laid:
    """The body figure with the region shaded (only ``side``'s outlines, the person's
    ``"left"`` or ``"right"``, when a side was picked), front and back labels, the person's
    sides explained in one line ("On the front view, your left side is on the right", when the
    artwork draws it so: ``sides_on_screen``) and a caption.

    It is as tall as the ``band`` beside it allows (``band`` 0: as tall as ``width`` makes it),
    but never shorter than 40 mm; labels and caption are set at ``small`` points.
    """
    words = words or handout_words("en")
    caption = s.text(
        words.shaded.format(region=title.lower()),  # already escaped
        small,
        width,
        colour=MUTED,
        align=Qt.AlignmentFlag.AlignCenter,
    )
    label_height = s.pt(small * 1.3)
    if sides_on_screen(diagram.shapes, "front") == ("right", "left"):
        # Side words under each view do not fit at print sizes: one sentence says it.
        note: Text | None = s.text(
            words.sides_note, small, width, colour=MUTED, align=Qt.AlignmentFlag.AlignCenter
        )
    else:
        note = None
    note_height = note.height if note is not None else 0.0
    box = diagram.view_box
    natural = width * box.height() / box.width()
    room = band - caption.height - note_height - label_height if band > 0 else natural
    figure_height = max(min(natural, room), s.mm(40))
    height = figure_height + label_height + note_height + caption.height
    labels = [
        s.text(n, small, width / 2, colour=MUTED, align=Qt.AlignmentFlag.AlignCenter, caps=True)
        for n in (words.front, words.back)
    ]

    def draw(painter: QPainter, x: float, y: float) -> None:
        bounds = QRectF(x, y, width, figure_height)
        transform = paint_region_diagram(painter, diagram, region_id, bounds, s.mm(1), side=side)
        label_y = y + figure_height + s.pt(1)
        left = transform.map(QPointF(box.left(), 0)).x()
        right = transform.map(QPointF(box.right(), 0)).x()
        half = (right - left) / 2
        for index, label in enumerate(labels):
            label.doc.setTextWidth(half)
            label.draw(painter, left + index * half, label_y)
        if note is not None:
            note.draw(painter, x, y + figure_height + label_height)
        caption.draw(painter, x, y + figure_height + label_height + note_height)

    return Laid(height, draw)


def paint_region_diagram(
    painter: QPainter,
    diagram: BodyDiagram,
    region_id: str,
    bounds: QRectF,
    millimetre: float,
    *,
    side: str | None = None,
) -> QTransform:
    """The figure as vectors with the region's shapes marked (only the person's ``side`` of a
    paired region when given); returns the transform used.

    The mark is a mid-tone fill, diagonal hatching and a dark outline, so it is clear in
    colour and in black-and-white print alike.
    """
    transform = diagram.fit(bounds)
    diagram.paint(painter, transform, dark=False)
    path = QPainterPath()
    for shape in diagram.shapes:
        if shape.region_id == region_id and side in (None, shape.outline.side):
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


CHART_FIGURE_MM = 105.0
"""The tallest the marked body map is drawn on a chart page (mm): room for the list below."""


def chart_figure(
    s: Typesetter,
    diagram: BodyDiagram,
    block: Block,
    *,
    width: float,
    small: float,
    words: HandoutWords,
) -> Laid:
    """The client's marked body map (a CHART block): each marked outline filled in its score's
    colour (``chart.colours``: darker for higher, so it reads in greyscale) with the score in a
    badge on it, Front and Back labels, and a legend of the 0-10 scale with ``block.text``.

    ``width`` is the block's width, ``small`` the size of labels (pt), ``words`` the handout's
    words in the page's language (its Front and Back); the figure is at most CHART_FIGURE_MM
    tall.
    """
    box = diagram.view_box
    figure_height = min(width * box.height() / box.width(), s.mm(CHART_FIGURE_MM))
    label_height = s.pt(small * 1.3)
    labels = [
        s.text(n, small, width / 2, colour=MUTED, align=Qt.AlignmentFlag.AlignCenter, caps=True)
        for n in (words.front, words.back)
    ]
    badges = {mark: s.text(f"<b>{mark.score}</b>", small, width) for mark in block.marks}
    legend_words = s.text(block.text, small, width, colour=MUTED)
    swatch = s.mm(7)
    legend_numbers = [
        s.text(str(n), small, swatch, align=Qt.AlignmentFlag.AlignCenter) for n in range(11)
    ]
    legend_height = swatch + s.mm(1.5) + legend_words.height
    height = figure_height + label_height + s.mm(3) + legend_height

    def draw(painter: QPainter, x: float, y: float) -> None:
        bounds = QRectF(x, y, width, figure_height)
        transform = diagram.fit(bounds)
        diagram.paint(painter, transform, dark=False)
        millimetre = s.mm(1)
        point = millimetre * 25.4 / 72
        centres: list[tuple[Text, QPointF]] = []
        for mark in block.marks:
            for shape in diagram.shapes:
                if shape.region_id != mark.region_id or shape.outline.side != mark.side:
                    continue
                path = transform.map(shape.path)
                painter.save()
                painter.setBrush(QColor(score_colour(mark.score)))
                painter.setPen(QPen(HIGHLIGHT_LINE, 1.2 * point))
                painter.drawPath(path)
                painter.restore()
                centres.append((badges[mark], path.boundingRect().center()))
        for badge, centre in centres:  # over every fill, so a neighbour never hides one
            _badge(painter, badge, centre, point)
        left = transform.map(QPointF(box.left(), 0)).x()
        right = transform.map(QPointF(box.right(), 0)).x()
        half = (right - left) / 2
        for index, label in enumerate(labels):
            label.doc.setTextWidth(half)
            label.draw(painter, left + index * half, y + figure_height + s.pt(1))
        top = y + figure_height + label_height + s.mm(3)
        for score, number in enumerate(legend_numbers):
            cell = QRectF(x + score * (swatch + s.mm(1)), top, swatch, swatch)
            painter.save()
            painter.setBrush(QColor(score_colour(score)))
            painter.setPen(QPen(HIGHLIGHT_LINE, 0.5 * point))
            painter.drawRect(cell)
            painter.restore()
            ink = QColor("#ffffff") if score >= DARK_FROM else INK
            number.colour = ink
            number.draw(painter, cell.left(), cell.center().y() - number.height / 2)
        legend_words.draw(painter, x, top + swatch + s.mm(1.5))

    return Laid(height, draw)


def _badge(painter: QPainter, text: Text, centre: QPointF, point: float) -> None:
    """The score in a white rounded box with a dark border, centred on ``centre``."""
    width = text.doc.idealWidth() + 3 * point
    height = text.height
    rect = QRectF(centre.x() - width / 2, centre.y() - height / 2, width, height)
    painter.save()
    painter.setBrush(QColor("#ffffff"))
    painter.setPen(QPen(HIGHLIGHT_LINE, 0.8 * point))
    painter.drawRoundedRect(rect, 2 * point, 2 * point)
    painter.restore()
    text.doc.setTextWidth(width)
    text.draw(painter, rect.left() + 1.5 * point, rect.top())
