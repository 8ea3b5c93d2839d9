"""Typeset the blocks of a handout with QTextDocument and measure them, ready to place.

Each block from ``compose`` is set on its own (a small QTextDocument at the column width, on
the target device) and becomes a ``Laid``: its height, the bottoms of its lines (where a block
taller than a column may be cut) and how to draw it at any position. ``layout`` decides where
it goes; ``paint`` draws the sheets.

Sizes (``layout.TYPE_SCALES``) are for a face with Helvetica's x-height
(``REFERENCE_X_HEIGHT``): a face with a smaller x-height is set larger so the print looks the
same size whichever clear sans-serif face is installed, and none is ever set smaller than the
size asked for, so the PDF's own font sizes never fall below the clear-print minimum.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from html import escape

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QImage,
    QPaintDevice,
    QPainter,
    QPalette,
    QPen,
    QTextDocument,
    QTextOption,
)
from PySide6.QtSvg import QSvgRenderer

from bodymap.content.outline import Urgency
from bodymap.handout.compose import Block, BlockKind
from bodymap.handout.layout import TypeScale, balance
from bodymap.paths import resource

REFERENCE_X_HEIGHT = 0.52
"""Sizes are for a face with Helvetica's or Arial's x-height; others are scaled to look the same."""
FONT_FAMILIES = (
    "Source Sans 3",
    "Source Sans Pro",
    "Noto Sans",
    "Open Sans",
    "Liberation Sans",
    "Arial",
    "Helvetica Neue",
    "Helvetica",
    "Nimbus Sans",
    "DejaVu Sans",
)

INK = QColor("#1b1f24")
MUTED = QColor("#50575f")
ACCENT = QColor("#1d4f73")
WARNING_INK = QColor("#8a1712")
WARNING_BORDER = QColor("#9b1c1c")
WARNING_FILL = QColor("#fdf0ef")
CAUTION_BORDER = QColor("#5f4b00")
CAUTION_FILL = QColor("#fff7df")
PLAIN_BORDER = QColor("#50575f")
PLAIN_FILL = QColor("#f5f6f7")


@dataclass(frozen=True)
class BoxStyle:
    """How a warning box of one urgency is printed; ``rule`` is the border width in pt.

    The emergency and same-day boxes carry a bar and the warning icon, so the tiers differ in
    shape and weight as well as colour and read on a black-and-white printer.
    """

    border: QColor
    rule: float
    fill: QColor
    ink: QColor
    marked: bool  # the coloured bar down the left and the warning icon


NOTE_BORDER = QColor("#1d4f73")
NOTE_FILL = QColor("#eef4f9")

EMERGENCY_BOX = BoxStyle(WARNING_BORDER, 1.5, WARNING_FILL, WARNING_INK, marked=True)
NOTE_BOX = BoxStyle(NOTE_BORDER, 1.0, NOTE_FILL, INK, marked=False)
"""The therapist's note to this client: framed, in the accent colour, never like a warning."""
BOX_STYLES = {
    Urgency.EMERGENCY: EMERGENCY_BOX,
    Urgency.TODAY: BoxStyle(CAUTION_BORDER, 1.2, CAUTION_FILL, INK, marked=True),
    Urgency.SOON: BoxStyle(PLAIN_BORDER, 0.9, PLAIN_FILL, INK, marked=False),
}


@dataclass(frozen=True)
class _TextStyle:
    """Size (picked from the print size's scale, points), space before (in body sizes) and
    after (pt)."""

    size: Callable[[TypeScale], float] = lambda scale: scale.body
    bold: bool = False
    colour: str = INK.name()
    leading: float = 1.3
    before: float = 0.3
    after: float = 0.0
    keep_with_next: bool = False


TEXT_STYLES = {
    BlockKind.SUMMARY: _TextStyle(size=lambda scale: scale.body * 1.1, leading=1.3, before=0.3),
    BlockKind.CLIENT: _TextStyle(before=0.2, after=2.0),
    BlockKind.HEADING: _TextStyle(
        size=lambda scale: scale.heading,
        bold=True,
        colour=ACCENT.name(),
        leading=1.2,
        before=0.9,
        after=2.0,
        keep_with_next=True,
    ),
    BlockKind.SUBHEADING: _TextStyle(
        size=lambda scale: scale.subheading,
        bold=True,
        leading=1.2,
        before=0.6,
        after=1.0,
        keep_with_next=True,
    ),
    BlockKind.PARAGRAPH: _TextStyle(),
}
"""Leading 1.3: clear-print guidance asks for generous space between lines."""


@functools.cache
def layout_device(dpi_x: int, dpi_y: int) -> QImage:
    """A stand-in with the target's resolution, for laying text out; one per resolution.

    PySide makes a device given to ``QAbstractTextDocumentLayout.setPaintDevice`` a child of
    the layout and never lets it go, even once the layout is deleted: each export leaked its
    whole QPdfWriter, each print its QPrinter. Text layout only asks the device for its
    resolution, so a small image with the same resolution lays out the same lines.
    """
    image = QImage(1, 1, QImage.Format.Format_ARGB32_Premultiplied)
    image.setDotsPerMeterX(round(dpi_x / 0.0254))
    image.setDotsPerMeterY(round(dpi_y / 0.0254))
    return image


def optical_scale(family: str, device: QPaintDevice) -> float:
    """How much to enlarge sizes so ``family`` looks as big as Helvetica (1.0 to 1.15).

    Never below 1: a face with a large x-height is not set smaller than the size asked for,
    so clear print's minimum holds in the PDF's own numbers."""
    font = QFont(family)
    font.setPointSizeF(100)
    metrics = QFontMetricsF(font, device)
    ratio = metrics.xHeight() / (100 * device.logicalDpiY() / 72)
    if ratio <= 0:
        return 1.0
    return min(max(REFERENCE_X_HEIGHT / ratio, 1.0), 1.15)


def handout_font_family() -> str:
    """The first of a list of clear sans-serif faces that is installed."""
    installed = set(QFontDatabase.families())
    for family in FONT_FAMILIES:
        if family in installed:
            return family
    return QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).family()


class Text:
    """One run of rich text, typeset at a width on the target device."""

    def __init__(self, doc: QTextDocument, colour: QColor) -> None:
        self.doc = doc
        self.layout = doc.documentLayout()
        self.colour = colour

    @property
    def height(self) -> float:
        return self.doc.size().height()

    def line_bottoms(self) -> list[float]:
        bottoms = []
        block = self.doc.begin()
        while block.isValid():
            layout = block.layout()
            top = layout.position().y()
            for index in range(layout.lineCount()):
                line = layout.lineAt(index)
                bottoms.append(top + line.y() + line.height())
            block = block.next()
        return bottoms

    def draw(self, painter: QPainter, x: float, y: float) -> None:
        painter.save()
        painter.translate(x, y)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, self.colour)
        self.layout.draw(painter, context)
        painter.restore()


@dataclass
class Laid:
    """A block measured and ready to paint at any position (top-left), whole or in part."""

    height: float
    draw: Callable[[QPainter, float, float], None]
    cuts: list[float] = field(default_factory=list)
    space_before: float = 0.0
    keep_with_next: bool = False


class Typesetter:
    """Sets rich text in the handout's face on one device, in that device's units.

    ``width`` and ``height`` are the printable area of a sheet, in device pixels.
    """

    def __init__(self, device: QPaintDevice, width: float, height: float) -> None:
        self.device = device
        self.width = width
        self.height = height
        self.dpi = device.logicalDpiY()
        self.layout_device = layout_device(device.logicalDpiX(), self.dpi)
        self.family = handout_font_family()
        self.optical = optical_scale(self.family, device)
        self.warning_icon = QSvgRenderer(str(resource("warning.svg")))

    def mm(self, value: float) -> float:
        return value * self.dpi / 25.4

    def pt(self, value: float) -> float:
        return value * self.dpi / 72

    def px_to_mm(self, pixels: float) -> float:
        return pixels * 25.4 / self.dpi

    def text(
        self,
        html: str,
        size: float,
        width: float,
        *,
        bold: bool = False,
        colour: QColor = INK,
        align: Qt.AlignmentFlag = Qt.AlignmentFlag.AlignLeft,
        leading: float = 1.15,
        caps: bool = False,
    ) -> Text:
        doc = QTextDocument()
        doc.documentLayout().setPaintDevice(self.layout_device)
        doc.setUseDesignMetrics(True)
        doc.setDocumentMargin(0)
        font = QFont(self.family)
        # Whole device pixels, rounded up: Qt rounds a point size to the nearest pixel, which
        # would set 11 pt as 10.98 pt at 1200 dpi, below the clear-print minimum.
        font.setPixelSize(math.ceil(size * self.optical * self.dpi / 72 - 1e-6))
        font.setBold(bold)
        # No "fi"/"fl" ligatures: the PDF's text must search and copy as the letters typed.
        font.setFeature(QFont.Tag("liga"), 0)
        font.setFeature(QFont.Tag("clig"), 0)
        if caps:
            font.setCapitalization(QFont.Capitalization.AllUppercase)
            font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 108)
        doc.setDefaultFont(font)
        option = QTextOption(align)
        option.setWrapMode(QTextOption.WrapMode.WordWrap)
        doc.setDefaultTextOption(option)
        # A fixed line height for every face; Qt reads "px" here as 96-dpi pixels and scales it
        # to the device, so the leading is the same on paper, in PDF and in the preview.
        line = size * self.optical * leading * 96 / 72
        doc.setHtml(f'<p style="margin:0; line-height:{line:.3f}px">{html}</p>')
        doc.setTextWidth(width)
        return Text(doc, colour)


class BlockSetter:
    """Sets the blocks of one content page in one print size's ``scale`` into ``Laid`` parts."""

    def __init__(self, setter: Typesetter, scale: TypeScale, kicker: str) -> None:
        self.s = setter
        self.scale = scale
        self.size = scale.body
        self.kicker = kicker
        self.room = scale.body / 10
        """Paddings and indents grow with the type (they were drawn for 10 pt)."""

    def laid(self, block: Block, width: float, columns: int = 1) -> Laid:
        """``block`` set at ``width``; a box's items go in ``columns`` (two across the page)."""
        s = self.s
        kind = block.kind
        if kind is BlockKind.TITLE:
            return self._title(block, width)
        if kind is BlockKind.LIST_ITEM:
            return self._list_item(block, width)
        if kind in (BlockKind.WARNING, BlockKind.RED_FLAGS, BlockKind.NOTE):
            box = EMERGENCY_BOX
            if kind is BlockKind.RED_FLAGS:
                box = BOX_STYLES[block.urgency or Urgency.SOON]
            elif kind is BlockKind.NOTE:
                box = NOTE_BOX
            space = s.pt(self.size * (0.5 if kind is BlockKind.RED_FLAGS else 0.7))
            return self._box(block, width, box, space, columns)
        if kind is BlockKind.SOURCES:
            laid = self._sources(block, width)
            laid.space_before = s.pt(self.size * 0.9)
            return laid
        if block.emphasis:
            return self._caution(block, width)
        style = TEXT_STYLES.get(kind, TEXT_STYLES[BlockKind.PARAGRAPH])
        text = s.text(
            block.text,
            style.size(self.scale),
            width,
            bold=style.bold,
            colour=QColor(style.colour),
            leading=style.leading,
        )
        laid = _text_laid(text, s.pt(style.after))
        laid.space_before = s.pt(self.size * style.before)
        laid.keep_with_next = style.keep_with_next
        return laid

    def _caution(self, block: Block, width: float) -> Laid:
        """A paragraph that must not be missed: a rule beside it and its first sentence bold."""
        s = self.s
        rule = s.pt(2.2 * self.room)
        indent = rule + s.mm(2 * self.room)
        first, stop, rest = block.text.partition(". ")
        html = f"<b>{first}{stop}</b>{rest}" if stop else f"<b>{block.text}</b>"
        text = s.text(html, self.size, width - indent, leading=1.3)

        def draw(painter: QPainter, x: float, y: float) -> None:
            painter.fillRect(QRectF(x, y, rule, text.height), WARNING_BORDER)
            text.draw(painter, x + indent, y)

        return Laid(text.height, draw, text.line_bottoms(), s.pt(self.size * 0.3))

    def _title(self, block: Block, width: float) -> Laid:
        """The page title, with what kind of page it is in small capitals on the same line."""
        s = self.s
        title = s.text(block.text, self.scale.title, width, bold=True, leading=1.1)
        title_width = title.doc.idealWidth()
        room = width - title_width - s.mm(4)
        kicker = s.text(
            escape(self.kicker), self.scale.smallest, width, bold=True, colour=ACCENT, caps=True
        )
        # Beside the title only when it fits there on one line; else on a line of its own.
        inline = room >= kicker.doc.idealWidth()
        if inline:
            baseline = _first_ascent(title) - _first_ascent(kicker)
            height = title.height
        else:
            height = title.height + kicker.height

        def draw(painter: QPainter, x: float, y: float) -> None:
            title.draw(painter, x, y)
            if inline:
                kicker.draw(painter, x + title_width + s.mm(4), y + baseline)
            else:
                kicker.draw(painter, x, y + title.height)

        return Laid(height, draw, title.line_bottoms())

    def _list_item(self, block: Block, width: float) -> Laid:
        s = self.s
        numbered = block.marker != "•"
        indent = s.mm((4.6 if numbered else 3.4) * self.room)
        body = s.text(block.text, self.size, width - indent, leading=1.3)
        marker = s.text(escape(block.marker), self.size, indent, bold=numbered, colour=ACCENT)

        def draw(painter: QPainter, x: float, y: float) -> None:
            marker.draw(painter, x, y)
            body.draw(painter, x + indent, y)

        return Laid(body.height, draw, body.line_bottoms(), s.pt(self.size * 0.3))

    def _box(
        self, block: Block, width: float, style: BoxStyle, space: float, columns: int = 1
    ) -> Laid:
        """A bordered box with an icon and a heading, so it reads in black and white too.

        Items flow into ``columns`` balanced columns inside the box (for the full-width panel).
        """
        s = self.s
        size = self.size
        room = self.room
        pad = s.mm(2.0 * room)
        marked = style.marked
        bar = s.mm(1.2 * room) if marked else 0.0
        inner_left = bar + pad
        inner = width - inner_left - pad
        icon = s.mm(4.4 * room) if marked else 0.0
        heading_left = inner_left + (icon + s.mm(1.6 * room) if marked else 0.0)
        parts: list[tuple[Text, float, float, bool]] = []
        y = pad
        heading_colour = style.ink
        heading = s.text(
            block.heading,
            size + 1,
            width - heading_left - pad,
            bold=True,
            colour=heading_colour,
            leading=1.2,
        )
        parts.append((heading, heading_left, y, False))
        icon_top = y + max((_first_line_height(heading) - icon) / 2, -s.mm(0.4))
        y += max(heading.height, icon) + s.pt(2 * room)
        if block.text:
            text = s.text(block.text, size, inner, leading=1.3)
            parts.append((text, inner_left, y, False))
            y += text.height
        bullet_indent = s.mm(3.2 * room)
        items, items_bottom = self._box_items(block.items, inner_left, y, inner, columns)
        parts.extend(items)
        height = items_bottom + pad
        bullet = s.text("•", size, bullet_indent, colour=heading_colour)
        border = QPen(style.border, s.pt(style.rule))
        fill = style.fill
        cuts: list[float] = []
        if columns == 1:
            cuts = sorted({y0 + b for text, _, y0, _ in parts for b in text.line_bottoms()})

        def draw(painter: QPainter, x: float, top: float) -> None:
            painter.save()
            painter.setPen(border)
            painter.setBrush(fill)
            half = border.widthF() / 2
            painter.drawRect(QRectF(x + half, top + half, width - 2 * half, height - 2 * half))
            if marked:
                painter.fillRect(QRectF(x, top, bar, height), border.color())
                icon_box = QRectF(x + inner_left, top + icon_top, icon, icon)
                s.warning_icon.render(painter, icon_box)
            painter.restore()
            for text, dx, dy, bulleted in parts:
                if bulleted:
                    bullet.draw(painter, x + dx - bullet_indent, top + dy)
                text.draw(painter, x + dx, top + dy)

        return Laid(height, draw, cuts, space)

    def _box_items(
        self, items: Sequence[str], left: float, top: float, width: float, columns: int
    ) -> tuple[list[tuple[Text, float, float, bool]], float]:
        """Bulleted items in ``columns`` balanced columns: where each goes, and the bottom."""
        s = self.s
        indent = s.mm(3.2 * self.room)
        gap = s.mm(5)
        column_width = (width - gap * (columns - 1)) / columns
        spacing = s.pt(self.size * 0.25)
        texts = [s.text(item, self.size, column_width - indent, leading=1.3) for item in items]
        heights = [t.height + (spacing if i else 0.0) for i, t in enumerate(texts)]
        parts: list[tuple[Text, float, float, bool]] = []
        bottom = top
        for column, (first, last) in enumerate(balance(heights, columns)):
            x = left + column * (column_width + gap) + indent
            y = top
            for index in range(first, last):
                y += spacing if index > first else 0.0
                parts.append((texts[index], x, y, True))
                y += texts[index].height
            bottom = max(bottom, y)
        return parts, bottom

    def span(self, blocks: tuple[Block, ...]) -> list[Laid]:
        """The full-width red-flag panel's parts: its heading, then each box with its items in
        two columns (one in a single-column print size)."""
        columns = min(self.scale.columns, 2)
        return [self.laid(block, self.s.width, columns=columns) for block in blocks]

    def _sources(self, block: Block, width: float) -> Laid:
        s = self.s
        html = (
            f"<b>{block.heading}:</b> " + "; ".join(block.items) + f". {block.text}"
            if block.items
            else block.text
        )
        text = s.text(html, self.scale.smallest, width, colour=MUTED, leading=1.3)
        return _text_laid(text)


def _first_line_height(text: Text) -> float:
    layout = text.doc.begin().layout()
    return layout.lineAt(0).height() if layout.lineCount() else 0.0


def _first_ascent(text: Text) -> float:
    layout = text.doc.begin().layout()
    return layout.lineAt(0).ascent() if layout.lineCount() else 0.0


def _text_laid(text: Text, after: float = 0.0) -> Laid:
    return Laid(text.height + after, text.draw, text.line_bottoms())
