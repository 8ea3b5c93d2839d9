"""Two sessions compared: each area's change, new areas and resolved ones."""

from __future__ import annotations

import dataclasses
import datetime as dt

from bodymap.chart.compare import Change, compare
from bodymap.chart.model import MarkedArea, SessionChart


def test_changes_new_and_resolved_areas(chart: SessionChart) -> None:
    later = dataclasses.replace(
        chart,
        date=dt.date(2026, 12, 10),
        areas=(
            MarkedArea("calf", "left", 4),
            MarkedArea("shoulder", "right", 9),
            MarkedArea("foot", "right", 5),
            MarkedArea("neck", None, 0),
        ),
    )
    result = compare(chart, later)
    found = {c.key: (c.before, c.after, c.change) for c in result.changes}
    assert found == {
        ("calf", "left"): (7, 4, Change.BETTER),
        ("shoulder", "right"): (9, 9, Change.SAME),
        ("foot", "right"): (None, 5, Change.NEW),
        ("neck", None): (4, 0, Change.RESOLVED),
    }
    assert [c.scores for c in result.changes] == ["9 → 9", "new: 5", "7 → 4", "4 → 0"]
    assert [c.key for c in result.of(Change.RESOLVED)] == [("neck", None)]


def test_an_area_no_longer_marked_is_resolved_and_listed_last(chart: SessionChart) -> None:
    later = dataclasses.replace(chart, areas=(MarkedArea("calf", "left", 8),))
    result = compare(chart, later)
    assert [(c.key, c.change) for c in result.changes] == [
        (("calf", "left"), Change.WORSE),
        (("shoulder", "right"), Change.RESOLVED),
        (("neck", None), Change.RESOLVED),
    ]
    assert result.changes[1].scores == "9 → not marked"
