"""Where blocks go on a handout's sheets, checked without Qt on made-up measured heights."""

from __future__ import annotations

from dataclasses import dataclass, field

from bodymap.content.outline import Urgency
from bodymap.handout.compose import Block, BlockKind
from bodymap.handout.layout import (
    Piece,
    Placement,
    SheetBody,
    balance,
    fill,
    fill_sheet,
    flow_page,
    segments,
    split_band,
    stack,
)


@dataclass
class Box:
    """A block as typesetting would measure it."""

    height: float
    cuts: list[float] = field(default_factory=list)
    space_before: float = 0.0
    keep_with_next: bool = False


def lines(count: int, line: float = 12.0) -> Box:
    """A paragraph of ``count`` lines, which may be cut between any two of them."""
    return Box(count * line, [line * n for n in range(1, count + 1)])


HEADING = Block(BlockKind.HEADING, text="When to see a doctor", keep_with_next=True)
FLAGS = Block(BlockKind.RED_FLAGS, heading="Call 999 now", urgency=Urgency.EMERGENCY)
SOON = Block(BlockKind.RED_FLAGS, heading="See your doctor soon", urgency=Urgency.SOON)
PARAGRAPH = Block(BlockKind.PARAGRAPH, text="Drink water through the day.")


def test_a_heading_moves_to_the_next_column_with_what_follows_it() -> None:
    first = Piece(Box(70))
    heading = Piece(Box(10, keep_with_next=True), keep_with_next=True)
    text = Piece(Box(30))
    columns, rest = fill([first, heading, text], columns=2, height=100, full=100)
    assert rest == []
    assert [piece for piece, _ in columns[0]] == [first]
    assert columns[1] == [(heading, 0.0), (text, 10.0)]


def test_a_block_that_fits_on_a_fresh_sheet_waits_for_one_rather_than_being_cut() -> None:
    box = Piece(Box(80, [20, 40, 60, 80]))
    columns, rest = fill([box], columns=2, height=50, full=100)
    assert columns == [[], []]
    assert rest == [box]


def test_a_block_taller_than_a_sheet_is_cut_only_between_lines() -> None:
    tall = Piece(lines(20))  # 240 high, lines every 12
    columns, rest = fill([tall], columns=2, height=100, full=100)
    (top,), (middle,) = columns
    assert (top[0].start, top[0].end) == (0.0, 96.0)
    assert (middle[0].start, middle[0].end) == (96.0, 192.0)
    assert [(piece.start, piece.end) for piece in rest] == [(192.0, 240.0)]


def test_a_heading_over_a_block_taller_than_a_sheet_is_never_left_alone() -> None:
    heading = Piece(Box(10, keep_with_next=True), keep_with_next=True)
    tall = Piece(lines(20))  # 240 high: taller than any sheet
    columns, rest = fill([heading, tall], columns=1, height=100, full=100)
    ((first, at_top), (started, below)) = columns[0]
    assert first is heading and at_top == 0.0
    assert below == 10.0 and (started.start, started.end) == (0.0, 84.0)  # whole lines only
    assert [(piece.start, piece.end) for piece in rest] == [(84.0, 240.0)]


def test_columns_are_balanced_when_everything_fits_on_the_sheet() -> None:
    body = SheetBody(0, 0, 1000, columns=2, column_width=50, gutter=10, tolerance=1)
    sheet: list[Placement[Box]] = []
    rest, bottom = fill_sheet(body, sheet, [Piece(Box(20)) for _ in range(4)], top=0)
    assert rest == []
    assert sorted((p.x, p.y) for p in sheet) == [(0, 0), (0, 20), (60, 0), (60, 20)]
    assert bottom == 40


def test_the_red_flags_and_their_heading_span_the_page() -> None:
    blocks = [PARAGRAPH, HEADING, FLAGS, SOON, HEADING, PARAGRAPH]
    assert segments(blocks) == [[PARAGRAPH], (HEADING, FLAGS, SOON), [HEADING, PARAGRAPH]]


def test_the_band_holds_title_summary_and_warning_beside_the_diagram() -> None:
    title = Block(BlockKind.TITLE, text="Calf")
    summary = Block(BlockKind.SUMMARY, text="Cramps in the calf")
    diagram = Block(BlockKind.DIAGRAM, region_id="calf")
    warning = Block(BlockKind.WARNING, heading="Warning")
    head, found, rest = split_band([title, summary, warning, diagram, HEADING, PARAGRAPH])
    assert (head, found, rest) == ([title, summary, warning], diagram, [HEADING, PARAGRAPH])


def test_stacked_parts_keep_their_space_except_above_the_first() -> None:
    assert stack([Box(10, space_before=5), Box(20, space_before=4)]) == ([0.0, 14.0], 34.0)


def test_a_span_that_does_not_fit_starts_the_next_sheet_below_the_running_title() -> None:
    body = SheetBody(10, 20, 200, columns=2, column_width=50, gutter=10, tolerance=1)
    band = [Placement(Piece(Box(30)), 0, 0)]
    heights = {PARAGRAPH: 100.0}
    sheets = flow_page(
        body,
        band,
        [PARAGRAPH, HEADING, FLAGS],
        lambda block: Box(heights[block]),
        lambda span: [Box(10.0, keep_with_next=True), Box(140.0)],
    )
    assert len(sheets) == 2
    assert [p.y for p in sheets[0]] == [10, 40]
    heading, panel = sheets[1]
    assert (heading.x, heading.y, heading.piece.height) == (0, 20, 10)
    assert (panel.x, panel.y, panel.piece.height) == (0, 30, 140)
    assert heading.piece.laid.height == 10  # the heading went with its box


def test_the_boxes_of_a_red_flag_panel_each_go_whole_onto_the_sheet_they_fit() -> None:
    body = SheetBody(0, 0, 100, columns=2, column_width=45, gutter=10, tolerance=1)
    sheets = flow_page(
        body,
        [],
        [HEADING, FLAGS, SOON],
        lambda block: Box(10.0),
        lambda span: [Box(10.0, keep_with_next=True), Box(60.0), Box(60.0)],
    )
    assert [[(p.y, p.piece.height, p.piece.whole) for p in sheet] for sheet in sheets] == [
        [(0, 10.0, True), (10, 60.0, True)],
        [(0, 60.0, True)],
    ]
    assert all(p.x == 0 for sheet in sheets for p in sheet)  # across the page


def test_item_columns_in_a_box_are_as_short_as_they_can_be() -> None:
    assert balance([10, 10, 10, 10], 2) == [(0, 2), (2, 4)]
    assert balance([30, 10, 10, 10], 2) == [(0, 1), (1, 4)]
    assert balance([10, 10], 1) == [(0, 2)]
