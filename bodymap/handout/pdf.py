"""Paint a handout onto paper or into a PDF, laid out like a patient leaflet.

Each block from ``compose`` is typeset on its own (a small QTextDocument at the column width)
and measured (``typeset``), then placed greedily so nothing is cut in half (``layout``, which
needs no Qt): a heading stays with what follows it and a warning box, a list item or a line of
text never straddles a column or a page. Only a block taller than a whole column is split, and
then only between lines. ``paint`` draws the sheets: header, blocks, diagram, footer.

Each content page starts on a new sheet and is set in its print size (``layout.TYPE_SCALES``):
clear print (body 12 pt, nothing below 11 pt, two columns) by default, or large print (body
16 pt, nothing below 14 pt, one column, a large diagram). A page flows onto as many sheets as it
needs; the type never shrinks to fit.

The same ``paint_handout`` draws on a QPdfWriter (for ``Export PDF`` and ``bodymap handout``)
and on a QPrinter (for Print and Print Preview), so the preview is exactly what prints.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF
from PySide6.QtGui import QPagedPaintDevice, QPageLayout, QPageSize, QPainter, QPdfWriter

from bodymap.content.model import ContentLibrary
from bodymap.fileio import atomic_write_bytes
from bodymap.handout.compose import (
    Block,
    BlockKind,
    Handout,
    HandoutPage,
    HandoutRequest,
    compose_handout,
    handout_words,
)
from bodymap.handout.layout import (
    TYPE_SCALES,
    Piece,
    Placement,
    SheetBody,
    TypeScale,
    flow_page,
    split_band,
    stack,
)
from bodymap.handout.paint import PageFrame, Sheet, chart_figure, diagram_figure
from bodymap.handout.typeset import BlockSetter, Laid, Typesetter
from bodymap.qtshared.diagram import BodyDiagram

PDF_RESOLUTION = 1200
MARGINS_MM = QMarginsF(11, 9, 11, 8)
PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}


@dataclass
class HandoutResult:
    """What was painted: the sheet count, and anything the person should be told."""

    sheets: int
    notices: list[str] = field(default_factory=list)
    body_sizes: list[float] = field(default_factory=list)
    """The body text size each content page was set in (points, Helvetica-equivalent)."""
    page_sheets: list[int] = field(default_factory=list)
    """How many sheets each content page took, in order."""


Painted = TypeVar("Painted")


def render_pdf(
    request: HandoutRequest,
    library: ContentLibrary,
    diagram: BodyDiagram,
    translations: Mapping[str, ContentLibrary] | None = None,
) -> tuple[bytes, HandoutResult]:
    """The handout as PDF bytes (rendered in memory, so a failed save never leaves half a file);
    ``translations`` are the libraries of the request's other languages (``compose_handout``)."""
    return render_composed(compose_handout(request, library, translations), diagram)


def render_composed(handout: Handout, diagram: BodyDiagram) -> tuple[bytes, HandoutResult]:
    """A composed handout (a session chart's, say) as PDF bytes, in memory."""
    author = handout.clinic.name.strip() or "BodyMap"
    return pdf_bytes(
        handout.title,
        handout.paper_size,
        author,
        lambda writer: paint_composed(writer, handout, diagram),
    )


def pdf_bytes(
    title: str, paper_size: str, author: str, paint: Callable[[QPdfWriter], Painted]
) -> tuple[bytes, Painted]:
    """Run ``paint`` on a PDF writer set up for handouts, in memory; return the PDF's bytes."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_RESOLUTION)
    writer.setTitle(title)
    writer.setCreator("BodyMap")
    writer.setAuthor(author)
    writer.setPageLayout(
        QPageLayout(
            page_size_for(paper_size),
            QPageLayout.Orientation.Portrait,
            MARGINS_MM,
            QPageLayout.Unit.Millimeter,
        )
    )
    painted = paint(writer)
    del writer  # finishes the PDF into the buffer
    buffer.close()
    return bytes(data.data()), painted


def page_size_for(paper_size: str) -> QPageSize:
    return QPageSize(PAGE_SIZES.get(paper_size, QPageSize.PageSizeId.A4))


def write_pdf(
    path: Path | str,
    request: HandoutRequest,
    library: ContentLibrary,
    diagram: BodyDiagram,
    translations: Mapping[str, ContentLibrary] | None = None,
) -> HandoutResult:
    """Render, then save atomically; raises WriteError with a plain-words reason."""
    data, result = render_pdf(request, library, diagram, translations)
    atomic_write_bytes(path, data)
    return result


def paint_handout(
    device: QPagedPaintDevice,
    request: HandoutRequest,
    library: ContentLibrary,
    diagram: BodyDiagram,
    translations: Mapping[str, ContentLibrary] | None = None,
) -> HandoutResult:
    """Paint onto a PDF writer or a printer whose paper size is already chosen;
    ``translations`` as for ``render_pdf``."""
    return paint_composed(device, compose_handout(request, library, translations), diagram)


def paint_composed(
    device: QPagedPaintDevice, handout: Handout, diagram: BodyDiagram
) -> HandoutResult:
    """Paint a composed handout, sheet after sheet, in its print size."""
    device.setPageMargins(MARGINS_MM, QPageLayout.Unit.Millimeter)
    dpi = device.logicalDpiY()
    area = device.pageLayout().paintRectPixels(dpi)
    setter = Typesetter(device, area.width(), area.height())
    scale = TYPE_SCALES[handout.print_size]
    frame = PageFrame(setter, handout, scale)
    pages = _Pages(setter, frame, diagram, scale)
    sheets = pages.sheets(handout)
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
    return HandoutResult(len(sheets), frame.notices, pages.body_sizes, pages.page_sheets)


class _Pages:
    """Turns the content pages of a handout into sheets for one device, paper and print size."""

    def __init__(
        self, setter: Typesetter, frame: PageFrame, diagram: BodyDiagram, scale: TypeScale
    ) -> None:
        self.setter = setter
        self.frame = frame
        self.diagram = diagram
        self.scale = scale
        self.body_sizes: list[float] = []
        self.page_sheets: list[int] = []
        # Landscape paper has room for one more column.
        columns = scale.columns + (1 if setter.px_to_mm(setter.width) > 240 else 0)
        gutter = setter.mm(7)
        self.body = SheetBody(
            top=frame.body_top(continued=False),
            continued_top=frame.body_top(continued=True),
            bottom=frame.body_bottom,
            columns=columns,
            column_width=(setter.width - gutter * (columns - 1)) / columns,
            gutter=gutter,
            tolerance=setter.pt(1),
        )

    def sheets(self, handout: Handout) -> list[Sheet]:
        sheets: list[Sheet] = []
        for page in handout.pages:
            page_sheets = self._set_page(page)
            self.body_sizes.append(self.scale.body)
            self.page_sheets.append(len(page_sheets))
            sheets.extend(page_sheets)
        return sheets

    def _set_page(self, page: HandoutPage) -> list[Sheet]:
        """The page's sheets: the band beside the diagram, then the blocks in columns."""
        blocks = BlockSetter(self.setter, self.scale, page.kicker)
        band, rest = self._band(page, blocks)
        column_width = self.body.column_width
        # The warning and the note go first, across the page, when they are not in the band.
        lead = 0
        while lead < len(rest) and rest[lead].kind in (BlockKind.WARNING, BlockKind.NOTE):
            lead += 1

        def measure(block: Block) -> Laid:
            return blocks.laid(block, self.body.width if block in rest[:lead] else column_width)

        placements = flow_page(self.body, band, rest, measure, blocks.span)
        continued = handout_words(page.language).continued.format(title=page.title)
        return [
            Sheet(self.frame, continued if number else "", placed)
            for number, placed in enumerate(placements)
        ]

    def _band(
        self, page: HandoutPage, blocks: BlockSetter
    ) -> tuple[list[Placement[Laid]], list[Block]]:
        """The top band: title, summary and physician warning, with the diagram beside them."""
        s = self.setter
        # A session chart's marked map opens its page across the full width, in the band.
        head, diagram, rest = split_band(page.blocks, (*self.scale.band, BlockKind.CHART))
        figure_width = s.mm(self.scale.figure_mm) if diagram is not None else 0.0
        left_width = s.width - (figure_width + s.mm(6) if figure_width else 0.0)
        laid = [
            chart_figure(
                s,
                self.diagram,
                block,
                width=left_width,
                small=self.scale.smallest,
                words=handout_words(page.language),
            )
            if block.kind is BlockKind.CHART
            else blocks.laid(block, left_width)
            for block in head
        ]
        tops, height = stack(laid)
        band = [Placement(Piece(part), 0, top) for part, top in zip(laid, tops, strict=True)]
        if diagram is not None and diagram.region_id is not None:
            figure = diagram_figure(
                s,
                self.diagram,
                diagram.region_id,
                diagram.text,
                width=figure_width,
                # Beside a full band it takes the band's height; in large print its own.
                band=height if self.scale.columns > 1 else 0,
                small=self.scale.smallest,
                words=handout_words(page.language),
                side=diagram.side,
            )
            band.append(Placement(Piece(figure), s.width - figure_width, 0))
        return band, rest
