"""Paint a handout onto paper or into a PDF, laid out like a patient leaflet.

Each block from ``compose`` is typeset on its own (a small QTextDocument at the column width)
and measured, then placed greedily so nothing is cut in half: a heading stays with what follows
it and a warning box, a list item or a line of text never straddles a column or a page. Only a
block taller than a whole column is split, and then only between lines.

Each content page starts on a new sheet, in the largest body size from 10.5 pt down to 8 pt
(Helvetica-equivalent, see ``REFERENCE_X_HEIGHT``) at which it fits on one sheet; a page too
long even at 8 pt flows onto more sheets at 10 pt. The region pages are long (about 6,000
characters with the red flags), so on A4 they come out at 8.5-9.5 pt.

The same ``paint_handout`` draws on a QPdfWriter (for ``Export PDF`` and ``bodymap handout``)
and on a QPrinter (for Print and Print Preview), so the preview is exactly what prints.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from html import escape
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QLineF, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QImage,
    QImageReader,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPaintDevice,
    QPainter,
    QPainterPath,
    QPalette,
    QPdfWriter,
    QPen,
    QTextDocument,
    QTextOption,
    QTransform,
)
from PySide6.QtSvg import QSvgRenderer

from bodymap.content.model import ContentLibrary
from bodymap.fileio import atomic_write_bytes
from bodymap.handout.compose import (
    Block,
    BlockKind,
    ClinicDetails,
    Handout,
    HandoutPage,
    HandoutRequest,
    compose_handout,
)
from bodymap.paths import resource
from bodymap.ui.diagram import BodyDiagram

PDF_RESOLUTION = 1200
RUNNING_TITLE_MM = 6.0
"""Room for "CALF (CONTINUED)" at the top of a page's later sheets."""
LOGO_BOX_MM = (30.0, 11.0)
"""The most room the clinic logo takes in the header (width, height)."""
MARGINS_MM = QMarginsF(11, 9, 11, 8)
BODY_SIZES = (10.5, 10.0, 9.5, 9.0, 8.5, 8.0)
"""Body text sizes tried until a content page fits on one sheet; 8 pt Helvetica has an x-height
of 1.47 mm, above the 1.42 mm of the EU's 9 pt Times minimum for medicine package leaflets."""
COMFORTABLE_SIZE = 10.0
"""The size for a page too long for one sheet even at 8 pt: it flows onto more sheets."""
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
PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}

INK = QColor("#1b1f24")
MUTED = QColor("#50575f")
ACCENT = QColor("#1d4f73")
RULE = QColor("#9aa3ad")
WARNING_INK = QColor("#8a1712")
WARNING_BORDER = QColor("#9b1c1c")
WARNING_FILL = QColor("#fdf0ef")
CAUTION_BORDER = QColor("#5f4b00")
CAUTION_FILL = QColor("#fff7df")
HIGHLIGHT_FILL = QColor("#7fa7c6")
HIGHLIGHT_LINE = QColor("#0f2f4a")


@dataclass(frozen=True)
class _TextStyle:
    """Size relative to the body text (points), space before (in body sizes) and after (pt)."""

    grow: float = 0.0
    bold: bool = False
    colour: str = INK.name()
    leading: float = 1.15
    before: float = 0.3
    after: float = 0.0
    keep_with_next: bool = False


TEXT_STYLES = {
    BlockKind.SUMMARY: _TextStyle(grow=1.0, leading=1.22, before=0.3),
    BlockKind.HEADING: _TextStyle(
        grow=2.0, bold=True, colour=ACCENT.name(), before=0.8, after=1.5, keep_with_next=True
    ),
    BlockKind.SUBHEADING: _TextStyle(
        grow=0.4, bold=True, leading=1.2, before=0.55, after=0.5, keep_with_next=True
    ),
    BlockKind.PARAGRAPH: _TextStyle(),
}


class LogoError(Exception):
    """The clinic logo is set but cannot be used; the handout is made without it."""


@dataclass
class HandoutResult:
    """What was painted: the sheet count, and anything the person should be told."""

    sheets: int
    notices: list[str] = field(default_factory=list)
    body_sizes: list[float] = field(default_factory=list)
    """The body text size each content page was set in (points, Helvetica-equivalent)."""


# -- public API ---------------------------------------------------------------------------------


def render_pdf(
    request: HandoutRequest, library: ContentLibrary, diagram: BodyDiagram
) -> tuple[bytes, HandoutResult]:
    """The handout as PDF bytes (rendered in memory, so a failed save never leaves half a file)."""
    handout = compose_handout(request, library)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_RESOLUTION)
    writer.setTitle(handout.title)
    writer.setCreator("BodyMap")
    writer.setAuthor(handout.clinic.name.strip() or "BodyMap")
    writer.setPageLayout(
        QPageLayout(
            page_size_for(handout.paper_size),
            QPageLayout.Orientation.Portrait,
            MARGINS_MM,
            QPageLayout.Unit.Millimeter,
        )
    )
    result = paint_composed(writer, handout, diagram)
    del writer  # finishes the PDF into the buffer
    buffer.close()
    return bytes(data.data()), result


def page_size_for(paper_size: str) -> QPageSize:
    return QPageSize(PAGE_SIZES.get(paper_size, QPageSize.PageSizeId.A4))


def write_pdf(
    path: Path | str, request: HandoutRequest, library: ContentLibrary, diagram: BodyDiagram
) -> HandoutResult:
    """Render, then save atomically; raises WriteError with a plain-words reason."""
    data, result = render_pdf(request, library, diagram)
    atomic_write_bytes(path, data)
    return result


def paint_handout(
    device: QPagedPaintDevice,
    request: HandoutRequest,
    library: ContentLibrary,
    diagram: BodyDiagram,
) -> HandoutResult:
    """Paint onto a PDF writer or a printer whose paper size is already chosen."""
    return paint_composed(device, compose_handout(request, library), diagram)


def paint_composed(
    device: QPagedPaintDevice, handout: Handout, diagram: BodyDiagram
) -> HandoutResult:
    device.setPageMargins(MARGINS_MM, QPageLayout.Unit.Millimeter)
    dpi = device.logicalDpiY()
    area = device.pageLayout().paintRectPixels(dpi)
    setter = _Typesetter(device, handout, diagram, area.width(), area.height())
    sheets = setter.run()
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("could not start painting the handout")
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    try:
        for number, sheet in enumerate(sheets, start=1):
            if number > 1:
                device.newPage()
            sheet.paint(painter, number, len(sheets))
    finally:
        painter.end()
    return HandoutResult(len(sheets), setter.notices, setter.body_sizes)


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


def optical_scale(family: str, device: QPaintDevice) -> float:
    """How much to scale sizes so ``family`` looks as big as Helvetica at the same size."""
    font = QFont(family)
    font.setPointSizeF(100)
    metrics = QFontMetricsF(font, device)
    ratio = metrics.xHeight() / (100 * device.logicalDpiY() / 72)
    if ratio <= 0:
        return 1.0
    return min(max(REFERENCE_X_HEIGHT / ratio, 0.85), 1.15)


def handout_font_family() -> str:
    """The first of a list of clear sans-serif faces that is installed."""
    installed = set(QFontDatabase.families())
    for family in FONT_FAMILIES:
        if family in installed:
            return family
    return QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont).family()


# -- typesetting --------------------------------------------------------------------------------


class _Text:
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
class _Laid:
    """A block measured and ready to paint at any position (top-left), whole or in part."""

    height: float
    draw: Callable[[QPainter, float, float], None]
    cuts: list[float] = field(default_factory=list)
    space_before: float = 0.0
    keep_with_next: bool = False


@dataclass
class _Piece:
    """A whole block, or the lines ``start``..``end`` of one taller than a column."""

    laid: _Laid
    start: float = 0.0
    end: float = -1.0
    space_before: float = 0.0
    keep_with_next: bool = False

    def __post_init__(self) -> None:
        if self.end < 0:
            self.end = self.laid.height

    @property
    def height(self) -> float:
        return self.end - self.start

    @property
    def whole(self) -> bool:
        return self.start == 0 and self.end == self.laid.height


@dataclass
class _Placed:
    piece: _Piece
    x: float
    y: float

    def paint(self, painter: QPainter) -> None:
        piece = self.piece
        if piece.whole:
            piece.laid.draw(painter, self.x, self.y)
            return
        painter.save()
        painter.setClipRect(QRectF(self.x - 1e4, self.y, 2e4, piece.height))
        piece.laid.draw(painter, self.x, self.y - piece.start)
        painter.restore()


class _Sheet:
    """One side of paper: header, placed blocks, footer."""

    def __init__(self, setter: _Typesetter, running_title: str) -> None:
        self.setter = setter
        self.running_title = running_title
        self.placed: list[_Placed] = []
        self.extras: list[Callable[[QPainter], None]] = []

    def paint(self, painter: QPainter, number: int, total: int) -> None:
        self.setter.paint_header(painter, self.running_title)
        for extra in self.extras:
            extra(painter)
        for placed in self.placed:
            placed.paint(painter)
        self.setter.paint_footer(painter, number, total)


class _Typesetter:
    """Turns a composed handout into sheets for one device and paper size."""

    def __init__(
        self,
        device: QPagedPaintDevice,
        handout: Handout,
        diagram: BodyDiagram,
        width: float,
        height: float,
    ) -> None:
        self.device = device
        self.handout = handout
        self.diagram = diagram
        self.width = width
        self.height = height
        self.dpi = device.logicalDpiY()
        self.family = handout_font_family()
        self.optical = optical_scale(self.family, device)
        self.notices: list[str] = []
        self.pages_used: dict[float, float] = {}
        self.body_sizes: list[float] = []
        self.logo = self._logo(handout.clinic)
        self.warning_icon = QSvgRenderer(str(resource("warning.svg")))
        self.columns = 3 if self.mm_to_px(width) > 240 else 2
        self.gutter = self.mm(5.5)
        self.header_parts: list[tuple[_Text, float, float]] = []
        self.header_height = self._measure_header()
        self.footer_height = self._measure_footer()
        self.body_bottom = height - self.footer_height

    def body_top(self, continued: bool) -> float:
        """Below the clinic header (on every sheet) and, on a continued sheet, its running title."""
        return self.header_height + (RUNNING_TITLE_MM * self.dpi / 25.4 if continued else 0.0)

    # units and text

    def mm(self, value: float) -> float:
        return value * self.dpi / 25.4

    def pt(self, value: float) -> float:
        return value * self.dpi / 72

    def mm_to_px(self, pixels: float) -> float:
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
    ) -> _Text:
        doc = QTextDocument()
        doc.documentLayout().setPaintDevice(self.device)
        doc.setUseDesignMetrics(True)
        doc.setDocumentMargin(0)
        font = QFont(self.family)
        font.setPointSizeF(size * self.optical)
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
        return _Text(doc, colour)

    # header and footer

    def _logo(self, clinic: ClinicDetails) -> QImage | QSvgRenderer | None:
        if not clinic.logo_path.strip():
            return None
        try:
            return load_logo(clinic.logo_path.strip())
        except LogoError as exc:
            self.notices.append(f"{exc} The handout was made without the logo.")
            return None

    def _measure_header(self) -> float:
        clinic = self.handout.clinic
        if not clinic.is_set:
            return 0.0
        height, self.header_parts = self._header_parts(clinic)
        logo = self.mm(LOGO_BOX_MM[1]) if self.logo is not None else 0.0
        return max(logo, height) + self.mm(4)

    def _header_parts(
        self, clinic: ClinicDetails
    ) -> tuple[float, list[tuple[_Text, float, float]]]:
        logo_width = self.mm(LOGO_BOX_MM[0]) if self.logo is not None else 0.0
        text_left = logo_width + (self.mm(5) if logo_width else 0)
        right_width = self.mm(60)
        left_width = self.width - text_left - right_width - self.mm(4)
        parts: list[tuple[_Text, float, float]] = []
        name, address, contact = clinic.header_markup()
        y = 0.0
        if name:
            title = self.text(name, 11.5, left_width, bold=True, colour=ACCENT)
            parts.append((title, text_left, y))
            y += title.height + self.pt(1)
        if address:
            lines = self.text(address, 8, left_width, colour=MUTED, leading=1.25)
            parts.append((lines, text_left, y))
            y += lines.height
        right_y = 0.0
        if contact:
            block = self.text(
                contact, 8, right_width, colour=INK, align=Qt.AlignmentFlag.AlignRight, leading=1.3
            )
            parts.append((block, self.width - right_width, self.pt(2)))
            right_y = block.height + self.pt(2)
        return max(y, right_y), parts

    def paint_header(self, painter: QPainter, running_title: str) -> None:
        if running_title:
            title = self.text(running_title, 7.5, self.width, colour=MUTED, caps=True)
            title.draw(painter, 0, self.header_height)
        if not self.handout.clinic.is_set:
            return
        for text, x, y in self.header_parts:
            text.draw(painter, x, y)
        if self.logo is not None:
            self._paint_logo(
                painter, QRectF(0, 0, self.mm(LOGO_BOX_MM[0]), self.mm(LOGO_BOX_MM[1]))
            )
        rule_y = self.header_height - self.mm(2.2)
        painter.setPen(QPen(ACCENT, self.pt(1.1)))
        painter.drawLine(QLineF(0, rule_y, self.width, rule_y))

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
            limit = int(self.mm_to_px(target.width()) / 25.4 * 300) + 1
            image = logo
            if logo.width() > limit:
                image = logo.scaledToWidth(limit, Qt.TransformationMode.SmoothTransformation)
            painter.drawImage(target, image)

    def _measure_footer(self) -> float:
        right = self.mm(38)
        left_width = self.width - right - self.mm(6)
        note = self.handout.footer_note
        html = escape(self.handout.disclaimer) + (f"<br><b>{note}</b>" if note else "")
        self.footer_left = self.text(html, 6.8, left_width, colour=MUTED, leading=1.25)
        self.footer_right_width = right
        height = max(self.footer_left.height, self.pt(6.8 * 1.25 * 2))
        return height + self.mm(4.5)

    def paint_footer(self, painter: QPainter, number: int, total: int) -> None:
        top = self.height - self.footer_height + self.mm(2.8)
        painter.setPen(QPen(RULE, self.pt(0.5)))
        painter.drawLine(QLineF(0, top - self.mm(1.8), self.width, top - self.mm(1.8)))
        self.footer_left.draw(painter, 0, top)
        html = f"<b>Page {number} of {total}</b><br>{escape(self.handout.printed_text)}"
        right = self.text(
            html,
            6.8,
            self.footer_right_width,
            colour=MUTED,
            align=Qt.AlignmentFlag.AlignRight,
            leading=1.25,
        )
        right.draw(painter, self.width - self.footer_right_width, top)

    # pages

    def run(self) -> list[_Sheet]:
        sheets: list[_Sheet] = []
        for page in self.handout.pages:
            sheets.extend(self._fit_page(page))
        return sheets

    def _fit_page(self, page: HandoutPage) -> list[_Sheet]:
        """The largest body size at which the page fits on one sheet.

        Text area grows with the square of the type size, so the first try's overflow says
        roughly which size will fit; that size is checked and corrected one step at a time.
        """
        tried: dict[float, list[_Sheet]] = {}
        size = self._choose_size(page, tried)
        self.body_sizes.append(size)
        return tried[size]

    def _choose_size(self, page: HandoutPage, tried: dict[float, list[_Sheet]]) -> float:
        def attempt(size: float) -> list[_Sheet]:
            if size not in tried:
                layout = _PageLayout(self, page, size)
                tried[size] = layout.sheets()
                self.pages_used[size] = layout.pages_used
            return tried[size]

        largest = BODY_SIZES[0]
        if len(attempt(largest)) == 1:
            return largest
        guess = largest / self.pages_used[largest] ** 0.5
        index = next((i for i, size in enumerate(BODY_SIZES) if size <= guess * 1.02), -1)
        index = index % len(BODY_SIZES)
        if len(attempt(BODY_SIZES[index])) == 1:
            while index > 1 and len(attempt(BODY_SIZES[index - 1])) == 1:
                index -= 1
            return BODY_SIZES[index]
        for size in BODY_SIZES[index + 1 :]:
            if len(attempt(size)) == 1:
                return size
        # Too long for one sheet even at the smallest size: flow at a comfortable size.
        attempt(COMFORTABLE_SIZE)
        return COMFORTABLE_SIZE


class _PageLayout:
    """One content page at one body size: the top band, then columns, then the small print."""

    def __init__(self, setter: _Typesetter, page: HandoutPage, size: float) -> None:
        self.s = setter
        self.page = page
        self.size = size
        s = setter
        self.column_width = (s.width - s.gutter * (s.columns - 1)) / s.columns
        self.pages_used = 0.0

    def sheets(self) -> list[_Sheet]:
        """Band first; then column runs, with the red flags as a full-width panel between."""
        s = self.s
        sheet = _Sheet(s, "")
        sheets = [sheet]
        band, rest = self._band()
        top = s.body_top(continued=False)
        for placed in band:
            placed.y += top
            sheet.placed.append(placed)
        y = max(p.y + p.piece.height for p in band)
        for segment in _segments(rest):
            if isinstance(segment, list):
                flow = [self._piece(b) for b in segment]
                y += flow[0].space_before if flow else 0.0
                while flow:
                    flow, y = self._fill_columns(sheet, flow, y, s.body_bottom)
                    if flow:
                        sheet = self._next_sheet(sheets)
                        y = s.body_top(continued=True)
                continue
            laid = self._span(segment)
            y += laid.space_before
            if y + laid.height > s.body_bottom:
                sheet = self._next_sheet(sheets)
                y = s.body_top(continued=True)
            sheet.placed.append(_Placed(_Piece(laid), 0, y))
            y += laid.height
        top = s.body_top(continued=len(sheets) > 1)
        self.pages_used = len(sheets) - 1 + (y - top) / (s.body_bottom - top)
        return sheets

    def _next_sheet(self, sheets: list[_Sheet]) -> _Sheet:
        sheet = _Sheet(self.s, f"{self.page.title} (continued)")
        sheets.append(sheet)
        return sheet

    # the top band: title, summary and physician warning, with the diagram beside them

    def _band(self) -> tuple[list[_Placed], list[Block]]:
        s = self.s
        blocks = list(self.page.blocks)
        head = [
            b for b in blocks if b.kind in (BlockKind.TITLE, BlockKind.SUMMARY, BlockKind.WARNING)
        ]
        diagram = next((b for b in blocks if b.kind is BlockKind.DIAGRAM), None)
        rest = [b for b in blocks if b not in head and b is not diagram]
        figure_width = s.mm(34) if diagram is not None else 0.0
        left_width = s.width - (figure_width + s.mm(6) if figure_width else 0.0)
        placed: list[_Placed] = []
        y = 0.0
        for block in head:
            laid = self._laid(block, left_width)
            y += laid.space_before if placed else 0
            placed.append(_Placed(_Piece(laid), 0, y))
            y += laid.height
        if diagram is not None and diagram.region_id is not None:
            figure = self._figure(diagram.region_id, diagram.text, figure_width, y)
            placed.append(_Placed(_Piece(figure), s.width - figure_width, 0))
        return placed, rest

    def _figure(self, region_id: str, title: str, width: float, band: float) -> _Laid:
        s = self.s
        caption = s.text(
            f"Shaded area: {title.lower()}",  # already escaped
            7,
            width,
            colour=MUTED,
            align=Qt.AlignmentFlag.AlignCenter,
        )
        label_height = s.pt(8.5)
        box = s.diagram.view_box
        figure_height = min(
            width * box.height() / box.width(), band - caption.height - label_height
        )
        figure_height = max(figure_height, s.mm(32))
        height = figure_height + label_height + caption.height
        labels = [
            s.text(n, 7, width / 2, colour=MUTED, align=Qt.AlignmentFlag.AlignCenter, caps=True)
            for n in ("Front", "Back")
        ]

        def draw(painter: QPainter, x: float, y: float) -> None:
            bounds = QRectF(x, y, width, figure_height)
            transform = paint_region_diagram(painter, s.diagram, region_id, bounds, s.mm(1))
            label_y = y + figure_height + s.pt(1)
            left = transform.map(QPointF(box.left(), 0)).x()
            right = transform.map(QPointF(box.right(), 0)).x()
            half = (right - left) / 2
            for index, label in enumerate(labels):
                label.doc.setTextWidth(half)
                label.draw(painter, left + index * half, label_y)
            caption.draw(painter, x, y + figure_height + label_height)

        return _Laid(height, draw)

    # the flow of blocks in columns

    def _piece(self, block: Block) -> _Piece:
        laid = self._laid(block, self.column_width)
        return _Piece(laid, space_before=laid.space_before, keep_with_next=laid.keep_with_next)

    def _fill_columns(
        self, sheet: _Sheet, flow: list[_Piece], top: float, bottom: float
    ) -> tuple[list[_Piece], float]:
        """Place as much as fits on this sheet; balance the columns when everything fits."""
        s = self.s
        height = bottom - top
        full = s.body_bottom - s.body_top(continued=True)
        columns, rest = _fill(flow, s.columns, height, full)
        if not rest and all(piece.whole for column in columns for piece, _ in column):
            low = max(_group_heights(flow), default=0.0)
            high = height
            while high - low > s.pt(1):
                middle = (low + high) / 2
                _, left_over = _fill(flow, s.columns, middle, full)
                if left_over:
                    low = middle
                else:
                    high = middle
            columns, rest = _fill(flow, s.columns, high, full)
        used = top
        for index, column in enumerate(columns):
            x = index * (self.column_width + s.gutter)
            for piece, y in column:
                sheet.placed.append(_Placed(piece, x, top + y))
                used = max(used, top + y + piece.height)
        return rest, used

    # blocks

    def _laid(self, block: Block, width: float, columns: int = 1) -> _Laid:
        s = self.s
        kind = block.kind
        if kind is BlockKind.TITLE:
            return self._title(block, width)
        if kind is BlockKind.LIST_ITEM:
            return self._list_item(block, width)
        if kind in (BlockKind.WARNING, BlockKind.RED_FLAGS):
            urgent = kind is BlockKind.WARNING or block.urgent
            space = s.pt(6 if kind is BlockKind.WARNING else 3.5)
            return self._box(block, width, urgent, space, columns)
        if kind is BlockKind.SOURCES:
            laid = self._sources(block, width)
            laid.space_before = s.pt(self.size * 0.9)
            return laid
        if block.emphasis:
            return self._caution(block, width)
        style = TEXT_STYLES.get(kind, TEXT_STYLES[BlockKind.PARAGRAPH])
        html = block.text
        text = s.text(
            html,
            self.size + style.grow,
            width,
            bold=style.bold,
            colour=QColor(style.colour),
            leading=style.leading,
        )
        laid = _text_laid(text, s.pt(style.after))
        laid.space_before = s.pt(self.size * style.before)
        laid.keep_with_next = style.keep_with_next
        return laid

    def _caution(self, block: Block, width: float) -> _Laid:
        """A paragraph that must not be missed: a rule beside it and its first sentence bold."""
        s = self.s
        rule = s.pt(2.2)
        indent = rule + s.mm(2)
        first, stop, rest = block.text.partition(". ")
        html = f"<b>{first}{stop}</b>{rest}" if stop else f"<b>{block.text}</b>"
        text = s.text(html, self.size, width - indent)

        def draw(painter: QPainter, x: float, y: float) -> None:
            painter.fillRect(QRectF(x, y, rule, text.height), WARNING_BORDER)
            text.draw(painter, x + indent, y)

        return _Laid(text.height, draw, text.line_bottoms(), s.pt(self.size * 0.3))

    def _title(self, block: Block, width: float) -> _Laid:
        """The page title, with what kind of page it is in small capitals on the same line."""
        s = self.s
        title = s.text(block.text, self.size * 2.1, width, bold=True, leading=1.1)
        title_width = title.doc.idealWidth()
        room = width - title_width - s.mm(4)
        kicker = s.text(
            escape(self.page.kicker), 7.5, max(room, s.mm(20)), bold=True, colour=ACCENT, caps=True
        )
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

        return _Laid(height, draw, title.line_bottoms())

    def _list_item(self, block: Block, width: float) -> _Laid:
        s = self.s
        numbered = block.marker != "•"
        indent = s.mm(4.6 if numbered else 3.4)
        body = s.text(block.text, self.size, width - indent)
        marker = s.text(escape(block.marker), self.size, indent, bold=numbered, colour=ACCENT)

        def draw(painter: QPainter, x: float, y: float) -> None:
            marker.draw(painter, x, y)
            body.draw(painter, x + indent, y)

        return _Laid(body.height, draw, body.line_bottoms(), s.pt(self.size * 0.16))

    def _box(
        self, block: Block, width: float, urgent: bool, space: float, columns: int = 1
    ) -> _Laid:
        """A bordered box with an icon and a heading, so it reads in black and white too.

        Items flow into ``columns`` balanced columns inside the box (for the full-width panel).
        """
        s = self.s
        size = self.size
        pad = s.mm(2.0)
        bar = s.mm(1.2) if urgent else 0.0
        inner_left = bar + pad
        inner = width - inner_left - pad
        icon = s.mm(4.4) if urgent else 0.0
        heading_left = inner_left + (icon + s.mm(1.6) if urgent else 0.0)
        parts: list[tuple[_Text, float, float, bool]] = []
        y = pad
        heading_colour = WARNING_INK if urgent else INK
        heading = s.text(
            block.heading,
            size + 0.6,
            width - heading_left - pad,
            bold=True,
            colour=heading_colour,
            leading=1.2,
        )
        parts.append((heading, heading_left, y, False))
        icon_top = y + max((_first_line_height(heading) - icon) / 2, -s.mm(0.4))
        y += max(heading.height, icon) + s.pt(2)
        if block.text:
            text = s.text(block.text, size, inner)
            parts.append((text, inner_left, y, False))
            y += text.height
        bullet_indent = s.mm(3.2)
        items, items_bottom = self._box_items(block.items, inner_left, y, inner, columns)
        parts.extend(items)
        height = items_bottom + pad
        bullet = s.text("•", size, bullet_indent, colour=heading_colour)
        border = QPen(WARNING_BORDER if urgent else CAUTION_BORDER, s.pt(1.5 if urgent else 0.9))
        fill = WARNING_FILL if urgent else CAUTION_FILL
        cuts: list[float] = []
        if columns == 1:
            cuts = sorted({y0 + b for text, _, y0, _ in parts for b in text.line_bottoms()})

        def draw(painter: QPainter, x: float, top: float) -> None:
            painter.save()
            painter.setPen(border)
            painter.setBrush(fill)
            half = border.widthF() / 2
            painter.drawRect(QRectF(x + half, top + half, width - 2 * half, height - 2 * half))
            if urgent:
                painter.fillRect(QRectF(x, top, bar, height), border.color())
                icon_box = QRectF(x + inner_left, top + icon_top, icon, icon)
                s.warning_icon.render(painter, icon_box)
            painter.restore()
            for text, dx, dy, bulleted in parts:
                if bulleted:
                    bullet.draw(painter, x + dx - bullet_indent, top + dy)
                text.draw(painter, x + dx, top + dy)

        return _Laid(height, draw, cuts, space)

    def _box_items(
        self, items: Sequence[str], left: float, top: float, width: float, columns: int
    ) -> tuple[list[tuple[_Text, float, float, bool]], float]:
        """Bulleted items in ``columns`` balanced columns: where each goes, and the bottom."""
        s = self.s
        indent = s.mm(3.2)
        gap = s.mm(5)
        column_width = (width - gap * (columns - 1)) / columns
        spacing = s.pt(self.size * 0.14)
        texts = [s.text(item, self.size, column_width - indent) for item in items]
        heights = [t.height + (spacing if i else 0.0) for i, t in enumerate(texts)]
        parts: list[tuple[_Text, float, float, bool]] = []
        bottom = top
        for column, (first, last) in enumerate(_balance(heights, columns)):
            x = left + column * (column_width + gap) + indent
            y = top
            for index in range(first, last):
                y += spacing if index > first else 0.0
                parts.append((texts[index], x, y, True))
                y += texts[index].height
            bottom = max(bottom, y)
        return parts, bottom

    def _span(self, blocks: tuple[Block, ...]) -> _Laid:
        """The full-width red-flag panel: its heading and boxes, items in two columns."""
        s = self.s
        parts: list[tuple[_Laid, float]] = []
        y = 0.0
        for block in blocks:
            laid = self._laid(block, s.width, columns=2)
            y += laid.space_before if parts else 0.0
            parts.append((laid, y))
            y += laid.height

        def draw(painter: QPainter, x: float, top: float) -> None:
            for laid, dy in parts:
                laid.draw(painter, x, top + dy)

        cuts = sorted(dy + c for laid, dy in parts for c in laid.cuts)
        return _Laid(y, draw, cuts, parts[0][0].space_before)

    def _sources(self, block: Block, width: float) -> _Laid:
        s = self.s
        html = (
            f"<b>{block.heading}:</b> " + "; ".join(block.items) + f". {block.text}"
            if block.items
            else block.text
        )
        text = s.text(html, 6.6, width, colour=MUTED, leading=1.25)
        return _text_laid(text)


def _first_line_height(text: _Text) -> float:
    layout = text.doc.begin().layout()
    return layout.lineAt(0).height() if layout.lineCount() else 0.0


def _first_ascent(text: _Text) -> float:
    layout = text.doc.begin().layout()
    return layout.lineAt(0).ascent() if layout.lineCount() else 0.0


def _text_laid(text: _Text, after: float = 0.0) -> _Laid:
    return _Laid(text.height + after, _draw_text(text), text.line_bottoms())


def _draw_text(text: _Text) -> Callable[[QPainter, float, float], None]:
    def draw(painter: QPainter, x: float, y: float) -> None:
        text.draw(painter, x, y)

    return draw


def _segments(blocks: Sequence[Block]) -> list[list[Block] | tuple[Block, ...]]:
    """Runs of column blocks, and full-width spans: the red-flag panel with its heading."""
    segments: list[list[Block] | tuple[Block, ...]] = []
    run: list[Block] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        span: tuple[Block, ...] = ()
        if block.kind is BlockKind.HEADING and index + 1 < len(blocks):
            end = index + 1
            while end < len(blocks) and blocks[end].kind is BlockKind.RED_FLAGS:
                end += 1
            if end > index + 1:
                span = tuple(blocks[index:end])
        if span:
            if run:
                segments.append(run)
                run = []
            segments.append(span)
            index += len(span)
        else:
            run.append(block)
            index += 1
    if run:
        segments.append(run)
    return segments


def _balance(heights: Sequence[float], columns: int) -> list[tuple[int, int]]:
    """Split items, in order, into ``columns`` runs whose tallest is as short as possible."""
    if columns <= 1 or len(heights) <= 1:
        return [(0, len(heights))]
    best: list[tuple[int, int]] = [(0, len(heights))]
    best_height = sum(heights)
    for split in range(1, len(heights)):
        tallest = max(sum(heights[:split]), sum(heights[split:]))
        if tallest < best_height:
            best, best_height = [(0, split), (split, len(heights))], tallest
    return best


def _group_heights(flow: Sequence[_Piece]) -> list[float]:
    heights, current = [], 0.0
    for index, piece in enumerate(flow):
        current += piece.height + (piece.space_before if current else 0.0)
        if not piece.keep_with_next or index == len(flow) - 1:
            heights.append(current)
            current = 0.0
    return heights


def _fill(
    flow: Sequence[_Piece], columns: int, height: float, full: float
) -> tuple[list[list[tuple[_Piece, float]]], list[_Piece]]:
    """Greedy: each group (a heading and what follows) goes where it fits whole.

    ``height`` is the room in these columns; ``full`` is a whole sheet's. Something that would
    fit on a fresh sheet waits for one; only what is taller than a whole sheet is split.
    """
    placed: list[list[tuple[_Piece, float]]] = [[] for _ in range(columns)]
    pieces = list(flow)
    column, y, index = 0, 0.0, 0
    while index < len(pieces):
        end = index + 1
        while end < len(pieces) and pieces[end - 1].keep_with_next:
            end += 1
        group = pieces[index:end]
        needed = sum(p.height + p.space_before for p in group) - (
            group[0].space_before if y == 0 else 0
        )
        if y + needed <= height:
            for piece in group:
                y += piece.space_before if y else 0.0
                placed[column].append((piece, y))
                y += piece.height
            index = end
            continue
        piece = pieces[index]
        waits = needed <= full or piece.height <= full
        if y > 0 or (waits and height < full):
            column, y = column + 1, 0.0
            if column == columns:
                return placed, pieces[index:]
            continue
        # Alone at the top of a whole sheet and still too tall.
        if piece.height <= height:
            placed[column].append((piece, 0.0))
            y = piece.height
            index += 1
            continue
        cut = _cut_at(piece, height)
        placed[column].append((replace(piece, end=cut, keep_with_next=False), 0.0))
        pieces[index] = replace(piece, start=cut, space_before=0.0)
        column, y = column + 1, 0.0
        if column == columns:
            return placed, pieces[index:]
    return placed, []


def _cut_at(piece: _Piece, height: float) -> float:
    """The lowest line boundary that fits, so no line of text is cut through."""
    limit = piece.start + height
    cuts = piece.laid.cuts
    position = bisect.bisect_right(cuts, limit) - 1
    if position >= 0 and cuts[position] > piece.start:
        return cuts[position]
    return limit


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
