"""Where blocks go on a handout's sheets, checked without Qt on made-up measured heights."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from bodymap.content.outline import Urgency
from bodymap.handout.compose import Block, BlockKind
from bodymap.handout.layout import (
    BODY_SIZES,
    COMFORTABLE_SIZE,
    Piece,
    Placement,
    SheetBody,
    balance,
    choose_body_size,
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
    sheets, filled = flow_page(
        body,
        band,
        [PARAGRAPH, HEADING, FLAGS],
        lambda block: Box(heights[block]),
        lambda span: Box(150.0),
    )
    assert len(sheets) == 2
    assert [p.y for p in sheets[0]] == [10, 40]
    (panel,) = sheets[1]
    assert (panel.x, panel.y, panel.piece.height) == (0, 20, 150)
    assert filled == pytest.approx(1 + 150 / 180)


def test_item_columns_in_a_box_are_as_short_as_they_can_be() -> None:
    assert balance([10, 10, 10, 10], 2) == [(0, 2), (2, 4)]
    assert balance([30, 10, 10, 10], 2) == [(0, 1), (1, 4)]
    assert balance([10, 10], 1) == [(0, 2)]


def test_the_largest_size_that_fits_on_one_sheet_is_chosen() -> None:
    tried: list[float] = []

    def attempt(size: float) -> tuple[int, float]:
        tried.append(size)
        filled = (size / 9.0) ** 2  # text area grows with the square of the size
        return (1 if size <= 9.0 else 2), filled

    assert choose_body_size(attempt) == 9.0
    assert tried[0] == BODY_SIZES[0]
    assert 9.5 in tried  # the next size up was checked and did not fit


def test_a_page_too_long_at_the_smallest_size_flows_at_a_comfortable_size() -> None:
    tried: list[float] = []

    def attempt(size: float) -> tuple[int, float]:
        tried.append(size)
        return 3, 2.6

    assert choose_body_size(attempt) == COMFORTABLE_SIZE
    assert tried[-1] == COMFORTABLE_SIZE  # so the caller has its sheets
    assert BODY_SIZES[-1] in tried
