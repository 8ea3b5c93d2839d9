"""Where measured blocks go on the sheets of a handout: no Qt here.

``typeset`` measures each block from ``compose`` at the column width; this module only sees
the heights and the line bottoms a block may be cut at. Blocks are placed greedily so nothing
is cut in half: a heading stays with what follows it, and a warning box, a list item or a line
of text never straddles a column or a sheet. Only a block taller than a whole sheet's column
is split, and then only between lines. When a run of blocks fits, its columns are balanced.

All lengths are in the device's units (pixels of the PDF writer or printer).
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Generic, Protocol, TypeVar

from bodymap.handout.compose import Block, BlockKind
from bodymap.settings import PrintSize


@dataclass(frozen=True)
class TypeScale:
    """The type sizes of one print size, in points (Helvetica-equivalent, never smaller).

    Figures: RNIB "Clear Print" guidance and the UK Association for Accessible Formats
    ("Clear print guidelines", 2012/2024) ask for 12 pt at least (14 pt ideally) for clear
    print and 16-18 pt for large print, in a plain sans-serif face, left-aligned, with headings
    larger than the text and no multi-column layouts narrower than about 40 characters.
    """

    body: float
    """Paragraphs, list items, warning boxes."""
    smallest: float
    """The floor for everything else: sources, footer, captions, labels, the clinic header."""
    title: float
    heading: float
    subheading: float
    columns: int
    """Text columns on a portrait A4 or Letter sheet (the red flags always span the page)."""
    figure_mm: float
    """The body diagram's width, beside the title."""
    band: tuple[BlockKind, ...]
    """What goes beside the diagram at the top of a page; the rest flows below it."""
    logo_scale: float
    """How much larger than clear print the clinic's logo is drawn."""


TYPE_SCALES: dict[PrintSize, TypeScale] = {
    PrintSize.CLEAR: TypeScale(
        body=12.0,
        smallest=11.0,
        title=24.0,
        heading=15.5,
        subheading=13.0,
        columns=2,
        figure_mm=44.0,
        band=(
            BlockKind.TITLE,
            BlockKind.CLIENT,
            BlockKind.SUMMARY,
            BlockKind.WARNING,
            BlockKind.NOTE,
        ),
        logo_scale=1.0,
    ),
    PrintSize.LARGE: TypeScale(
        body=16.0,
        smallest=14.0,
        title=32.0,
        heading=21.0,
        subheading=18.0,
        columns=1,
        figure_mm=62.0,
        band=(BlockKind.TITLE, BlockKind.CLIENT, BlockKind.SUMMARY),
        logo_scale=1.25,
    ),
}
"""The sizes of each print size; ``tests/handout/test_print_size.py`` reads them back from the
PDF with pypdf."""

BAND_KINDS = (
    BlockKind.TITLE,
    BlockKind.CLIENT,
    BlockKind.SUMMARY,
    BlockKind.WARNING,
    BlockKind.NOTE,
)
"""What goes in the top band of a page, beside the diagram (in clear print)."""


class Measured(Protocol):
    """A block typeset at its width: how tall, where its lines end, and what it keeps to."""

    @property
    def height(self) -> float: ...

    @property
    def cuts(self) -> list[float]: ...

    @property
    def space_before(self) -> float: ...

    @property
    def keep_with_next(self) -> bool: ...


M = TypeVar("M", bound=Measured)


@dataclass
class Piece(Generic[M]):
    """A whole block, or the lines ``start``..``end`` of one taller than a column."""

    laid: M
    start: float = 0.0
    end: float = -1.0
    space_before: float = 0.0
    keep_with_next: bool = False

    def __post_init__(self) -> None:
        if self.end < 0:
            self.end = self.laid.height

    @classmethod
    def flowing(cls, laid: M) -> Piece[M]:
        """A block in the column flow, with its space above and its keep-with-next."""
        return cls(laid, space_before=laid.space_before, keep_with_next=laid.keep_with_next)

    @property
    def height(self) -> float:
        return self.end - self.start

    @property
    def whole(self) -> bool:
        return self.start == 0 and self.end == self.laid.height


@dataclass
class Placement(Generic[M]):
    """A piece at its place on a sheet (its top-left corner)."""

    piece: Piece[M]
    x: float
    y: float


Column = list[tuple[Piece[M], float]]
"""Pieces in one column, each with its top relative to the top of the columns."""


@dataclass(frozen=True)
class SheetBody:
    """The part of every sheet that blocks may fill: below the header, above the footer."""

    top: float
    """Where a page's first sheet starts (below the clinic header)."""
    continued_top: float
    """Where its later sheets start (below the header and the running title)."""
    bottom: float
    columns: int
    column_width: float
    gutter: float
    tolerance: float
    """How close balanced columns come to each other's height."""

    @property
    def full(self) -> float:
        """The height of a whole continued sheet's columns."""
        return self.bottom - self.continued_top

    @property
    def width(self) -> float:
        """Across all the columns and the gutters between them."""
        return self.columns * self.column_width + (self.columns - 1) * self.gutter

    def spanning(self) -> SheetBody:
        """The same body as one column across the page (for the red-flag panel)."""
        return replace(self, columns=1, column_width=self.width)


def split_band(
    blocks: Sequence[Block], kinds: Sequence[BlockKind] = BAND_KINDS
) -> tuple[list[Block], Block | None, list[Block]]:
    """The top band's blocks (title, summary, physician warning), the diagram, and the rest.

    The band is the page's opening run of band kinds (the diagram does not end it): a note
    placed later, such as the therapist's note closing a session chart, stays where it is.
    """
    head: list[Block] = []
    for block in blocks:
        if block.kind is BlockKind.DIAGRAM:
            continue
        if block.kind not in kinds:
            break
        head.append(block)
    diagram = next((b for b in blocks if b.kind is BlockKind.DIAGRAM), None)
    rest = [b for b in blocks if b not in head and b is not diagram]
    return head, diagram, rest


def stack(parts: Sequence[Measured]) -> tuple[list[float], float]:
    """Tops of ``parts`` set one below the other (no space above the first), and their height."""
    tops: list[float] = []
    y = 0.0
    for part in parts:
        y += part.space_before if tops else 0.0
        tops.append(y)
        y += part.height
    return tops, y


def flow_page(
    body: SheetBody,
    band: Sequence[Placement[M]],
    blocks: Sequence[Block],
    measure: Callable[[Block], M],
    measure_span: Callable[[tuple[Block, ...]], Sequence[M]],
) -> list[list[Placement[M]]]:
    """Band first; then column runs, with the red flags as a full-width panel between.

    ``band`` is placed relative to the top of the body (it may be empty); ``measure`` sets a
    block at the column width and ``measure_span`` the parts of a red-flag panel (its heading,
    then one box per urgency) across the full width. The panel flows like the columns: its
    heading stays with the first box, and a box goes whole onto the next sheet when it does not
    fit. Returns what goes on each sheet.
    """
    sheet = [Placement(placed.piece, placed.x, placed.y + body.top) for placed in band]
    sheets = [sheet]
    y = max((p.y + p.piece.height for p in sheet), default=body.top)
    for segment in segments(blocks):
        if isinstance(segment, list):
            target = body
            flow = [Piece.flowing(measure(b)) for b in segment]
        else:
            target = body.spanning()
            flow = [Piece.flowing(part) for part in measure_span(segment)]
        if sheet and flow:
            y += flow[0].space_before
        while flow:
            flow, y = fill_sheet(target, sheet, flow, y)
            if flow:
                sheet = []
                sheets.append(sheet)
                y = body.continued_top
    return sheets


def fill_sheet(
    body: SheetBody, sheet: list[Placement[M]], flow: Sequence[Piece[M]], top: float
) -> tuple[list[Piece[M]], float]:
    """Place on ``sheet`` as much as fits below ``top``; balance the columns when all fits.

    Returns what is left over and the bottom of what was placed.
    """
    height = body.bottom - top
    columns, rest = fill(flow, body.columns, height, body.full)
    if not rest and all(piece.whole for column in columns for piece, _ in column):
        low = max(group_heights(flow), default=0.0)
        high = height
        while high - low > body.tolerance:
            middle = (low + high) / 2
            _, left_over = fill(flow, body.columns, middle, body.full)
            if left_over:
                low = middle
            else:
                high = middle
        columns, rest = fill(flow, body.columns, high, body.full)
    used = top
    for index, column in enumerate(columns):
        x = index * (body.column_width + body.gutter)
        for piece, y in column:
            sheet.append(Placement(piece, x, top + y))
            used = max(used, top + y + piece.height)
    return rest, used


def segments(blocks: Sequence[Block]) -> list[list[Block] | tuple[Block, ...]]:
    """Runs of column blocks, and full-width spans: the red-flag panel with its heading."""
    found: list[list[Block] | tuple[Block, ...]] = []
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
                found.append(run)
                run = []
            found.append(span)
            index += len(span)
        else:
            run.append(block)
            index += 1
    if run:
        found.append(run)
    return found


def balance(heights: Sequence[float], columns: int) -> list[tuple[int, int]]:
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


def group_heights(flow: Sequence[Piece[M]]) -> list[float]:
    """The height of each run of pieces that must stay together (a heading and what follows)."""
    heights, current = [], 0.0
    for index, piece in enumerate(flow):
        current += piece.height + (piece.space_before if current else 0.0)
        if not piece.keep_with_next or index == len(flow) - 1:
            heights.append(current)
            current = 0.0
    return heights


def fill(
    flow: Sequence[Piece[M]], columns: int, height: float, full: float
) -> tuple[list[Column[M]], list[Piece[M]]]:
    """Greedy: each group (a heading and what follows) goes where it fits whole.

    ``height`` is the room in these columns; ``full`` is a whole sheet's. Something that would
    fit on a fresh sheet waits for one; only what is taller than a whole sheet is split.
    """
    placed: list[Column[M]] = [[] for _ in range(columns)]
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
            if piece.keep_with_next and index < len(pieces):
                # A heading over a block taller than a sheet: the block starts beside it,
                # cut between lines, rather than leaving the heading alone on its sheet.
                follower = pieces[index]
                cut = line_cut(follower, height - y - follower.space_before)
                if cut is not None:
                    y += follower.space_before
                    placed[column].append((replace(follower, end=cut, keep_with_next=False), y))
                    pieces[index] = replace(follower, start=cut, space_before=0.0)
                    column, y = column + 1, 0.0
                    if column == columns:
                        return placed, pieces[index:]
            continue
        cut = cut_at(piece, height)
        placed[column].append((replace(piece, end=cut, keep_with_next=False), 0.0))
        pieces[index] = replace(piece, start=cut, space_before=0.0)
        column, y = column + 1, 0.0
        if column == columns:
            return placed, pieces[index:]
    return placed, []


def line_cut(piece: Piece[M], height: float) -> float | None:
    """The lowest boundary between two lines within ``height`` of the piece's top, or None
    when not even its first line fits."""
    cuts = piece.laid.cuts
    position = bisect.bisect_right(cuts, piece.start + height) - 1
    if position >= 0 and cuts[position] > piece.start and cuts[position] < piece.end:
        return cuts[position]
    return None


def cut_at(piece: Piece[M], height: float) -> float:
    """The lowest line boundary that fits, so no line of text is cut through."""
    limit = piece.start + height
    cuts = piece.laid.cuts
    position = bisect.bisect_right(cuts, limit) - 1
    if position >= 0 and cuts[position] > piece.start:
        return cuts[position]
    return limit


MAX_LOGO_ASPECT = 30.0
"""The widest logo (width over height) that still prints legibly across a page."""
MIN_LOGO_ASPECT = 1 / 6
"""The tallest logo that still prints legibly in the header."""
LOGO_AREA_MM2 = 30.0 * 14.0
"""A logo takes about the room of a 30 x 14 mm box, whatever its shape."""
LOGO_HEIGHT_MM = (8.0, 24.0)
"""The shortest and tallest a logo beside the clinic's name is printed."""
LOGO_BESIDE_MM = 60.0
"""A logo wider than this goes on its own row above the clinic's details."""
LOGO_ROW_HEIGHT_MM = 13.0
"""How tall a wide logo on its own row is printed, unless that would be wider than the page."""


@dataclass(frozen=True)
class LogoBox:
    """Where the logo goes in the header, in mm: beside the clinic's details, or across the
    top on its own row (a wide banner); always in the logo's own proportions."""

    width: float
    height: float
    own_row: bool


def logo_box(aspect: float, page_width_mm: float, scale: float = 1.0) -> LogoBox:
    """The printed size of a logo ``aspect`` times as wide as it is tall (mm).

    Every shape gets about the same area (``LOGO_AREA_MM2``) so a square, a wide and a tall
    logo look equally important; a tall one stays between ``LOGO_HEIGHT_MM``, and one too wide
    for the side of the header takes a row of its own, as wide as the page allows, so a
    2000 x 100 px banner prints 9 mm tall across an A4 page instead of as a 1.5 mm strip.
    ``scale`` enlarges everything (large print).
    """
    low, high = (value * scale for value in LOGO_HEIGHT_MM)
    height = min(max((LOGO_AREA_MM2 * scale * scale / aspect) ** 0.5, low), high)
    width = height * aspect
    if width <= LOGO_BESIDE_MM * scale:
        return LogoBox(width, height, own_row=False)
    height = LOGO_ROW_HEIGHT_MM * scale
    width = height * aspect
    if width > page_width_mm:
        width, height = page_width_mm, page_width_mm / aspect
    return LogoBox(width, height, own_row=True)
