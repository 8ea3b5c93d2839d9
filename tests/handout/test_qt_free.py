"""Composing and laying out a handout never import Qt, so they work on any machine."""

from __future__ import annotations

from tests.children import ChildPython

# Lays every shipped page out with heights made up from the text, as typesetting would give.
CODE = """
import sys
import bodymap.handout, bodymap.handout.cli, bodymap.fileio
from bodymap.content.loader import load_library
from bodymap.handout.compose import HandoutRequest, compose_handout, handout_page_ids
from bodymap.handout.layout import (
    Piece, Placement, SheetBody, flow_page, logo_box, split_band, stack
)
from bodymap.paths import content_dir

class Box:
    def __init__(self, height):
        self.height, self.cuts = height, [float(y) for y in range(12, int(height), 12)]
        self.space_before, self.keep_with_next = 4.0, False

library = load_library(content_dir())
handout = compose_handout(HandoutRequest(tuple(handout_page_ids(library))), library)
body = SheetBody(40.0, 60.0, 1000.0, 2, 300.0, 20.0, 1.0)
for page in handout.pages:
    head, diagram, rest = split_band(page.blocks)
    parts = [Box(len(b.text) / 5 + 12) for b in head]
    band = [Placement(Piece(p), 0, top) for p, top in zip(parts, stack(parts)[0])]
    sheets = flow_page(
        body, band, rest, lambda b: Box(len(b.text) / 5 + 12), lambda s: [Box(40.0)] * len(s)
    )
    assert sheets[0], page.page_id
assert logo_box(20.0, 188.0).own_row
print(sorted(m for m in sys.modules if m.startswith(("PySide6", "shiboken6"))))
"""


def test_composing_and_laying_out_a_handout_need_no_qt(child_python: ChildPython) -> None:
    result = child_python.run("-c", CODE)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
