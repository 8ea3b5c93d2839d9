"""Chart edits on a QUndoStack: undo and redo walk the chart back and forth, score changes in
a row on one area merge into one step, and the document says when it changed."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from pytestqt.qtbot import QtBot

from bodymap.artwork import Artwork
from bodymap.chart.model import Kind, MarkedArea, SessionChart, change_kind, change_score, mark_area
from bodymap.ui.chart_commands import ChartCommand, ChartDocument


def test_undo_twice_then_redo(qtbot: QtBot, chart: SessionChart, artwork: Artwork) -> None:
    document = ChartDocument(chart)
    stack = QUndoStack()
    foot = MarkedArea("foot", "right", 3)
    with qtbot.waitSignal(document.changed):
        stack.push(ChartCommand(document, mark_area(document.chart, foot, artwork)))
    stack.push(ChartCommand(document, change_kind(document.chart, foot.key, Kind.CRAMP)))
    marked_kind = document.chart
    assert document.chart.area(foot.key) == MarkedArea("foot", "right", 3, Kind.CRAMP)
    assert stack.undoText() == "Set kind of right foot"

    stack.undo()
    assert document.chart.area(foot.key) == foot
    stack.undo()
    assert document.chart == chart
    assert stack.redoText() == "Mark right foot"
    stack.redo()
    assert document.chart.area(foot.key) == foot
    stack.redo()
    assert document.chart == marked_kind
    assert not stack.canRedo()


def test_score_steps_on_one_area_merge_into_one_undo(chart: SessionChart, artwork: Artwork) -> None:
    document = ChartDocument(chart)
    stack = QUndoStack()
    calf = ("calf", "left")
    for score in (6, 5, 4):  # a spin box stepping down
        stack.push(ChartCommand(document, change_score(document.chart, calf, score)))
    stack.push(ChartCommand(document, change_score(document.chart, ("neck", None), 2)))
    assert stack.count() == 2
    assert document.chart.area(calf).score == 4  # type: ignore[union-attr]
    stack.undo()
    stack.undo()
    assert document.chart == chart
    stack.redo()
    assert document.chart.area(calf).score == 4  # type: ignore[union-attr]
    assert document.chart.area(("neck", None)).score == 4  # type: ignore[union-attr]
