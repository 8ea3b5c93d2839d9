"""The chart model: what it accepts, what it refuses in plain words, and undoable edits."""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools

import pytest

from bodymap.artwork import Artwork
from bodymap.chart.colours import relative_luminance, score_colour
from bodymap.chart.model import (
    ChartError,
    Frequency,
    Kind,
    MarkedArea,
    SessionChart,
    area_name,
    change_area_note,
    change_frequency,
    change_kind,
    change_score,
    change_session_note,
    check_chart,
    mark_area,
    merged,
    remove_area,
)


def test_a_good_chart_passes_and_lists_highest_score_first(
    chart: SessionChart, artwork: Artwork
) -> None:
    check_chart(chart, artwork)
    assert [a.key for a in chart.by_score()] == [
        ("shoulder", "right"),
        ("calf", "left"),
        ("neck", None),
    ]


@pytest.mark.parametrize(
    ("area", "words"),
    [
        (MarkedArea("knee", None, 3), "'knee' is not an area of the body map"),
        (MarkedArea("calf", None, 3), "the calf is marked on each side: say 'left' or 'right'"),
        (MarkedArea("calf", "middle", 3), "not 'middle'"),
        (MarkedArea("neck", "left", 3), "the neck has no left or right side"),
        (MarkedArea("neck", None, 11), "the score must be from 0 to 10, not 11"),
        (MarkedArea("neck", None, -1), "not -1"),
        (MarkedArea("neck", None, 2.5), "whole number"),  # type: ignore[arg-type]
        (MarkedArea("neck", None, True), "whole number"),
        (MarkedArea("neck", None, 3, note="x" * 201), "an area has room for 200"),
    ],
)
def test_areas_the_map_cannot_hold_are_refused_in_plain_words(
    chart: SessionChart, artwork: Artwork, area: MarkedArea, words: str
) -> None:
    with pytest.raises(ChartError, match=words):
        check_chart(dataclasses.replace(chart, areas=(area,)), artwork)
    with pytest.raises(ChartError, match=words):
        mark_area(SessionChart(chart.date), area, artwork)


def test_every_drawn_side_of_every_region_can_be_marked(artwork: Artwork) -> None:
    chart = SessionChart(dt.date(2026, 1, 1))
    for region in artwork.region_ids:
        for side in artwork.sides(region) or (None,):
            chart = mark_area(chart, MarkedArea(region, side, 5), artwork).redo(chart)
    check_chart(chart, artwork)
    assert len(chart.areas) == 4 + 5 * 2  # neck, chest, back, stomach; five paired parts


def test_one_area_marked_twice_and_long_texts_are_refused(
    chart: SessionChart, artwork: Artwork
) -> None:
    twice = dataclasses.replace(chart, areas=(*chart.areas, MarkedArea("neck", None, 1)))
    with pytest.raises(ChartError, match="the neck is marked twice"):
        check_chart(twice, artwork)
    with pytest.raises(ChartError, match="the left calf is already marked"):
        mark_area(chart, MarkedArea("calf", "left", 2), artwork)
    with pytest.raises(ChartError, match="longer than 80"):
        check_chart(dataclasses.replace(chart, client_name="x" * 81), artwork)
    with pytest.raises(ChartError, match="room for 600"):
        check_chart(dataclasses.replace(chart, note="x" * 601), artwork)


def test_each_edit_is_undone_exactly(chart: SessionChart, artwork: Artwork) -> None:
    key = ("calf", "left")
    edits = [
        lambda c: mark_area(c, MarkedArea("foot", "right", 2), artwork),
        lambda c: change_score(c, key, 3),
        lambda c: change_kind(c, key, Kind.SPASM),
        lambda c: change_frequency(c, key, None),
        lambda c: change_area_note(c, key, "  better  "),
        lambda c: change_session_note(c, "New note"),
        lambda c: remove_area(c, ("neck", None)),
    ]
    states = [chart]
    applied = []
    for make in edits:
        edit = make(states[-1])
        applied.append(edit)
        states.append(edit.redo(states[-1]))
    final = states[-1]
    calf = final.area(key)
    assert calf == MarkedArea("calf", "left", 3, Kind.SPASM, None, "better")
    assert final.area(("foot", "right")) is not None
    assert final.area(("neck", None)) is None
    assert final.note == "New note"
    # Undo them all, newest first: every earlier state comes back in turn.
    current = final
    for edit, before in zip(reversed(applied), reversed(states[:-1]), strict=True):
        current = edit.undo(current)
        assert current == before


def test_removing_and_undoing_keeps_the_order_marked(chart: SessionChart) -> None:
    edit = remove_area(chart, ("calf", "left"))
    assert edit.undo(edit.redo(chart)).areas == chart.areas
    assert edit.label == "Remove left calf"


def test_edits_of_unmarked_areas_and_bad_values_are_refused(chart: SessionChart) -> None:
    with pytest.raises(ChartError, match="the right foot is not marked"):
        change_score(chart, ("foot", "right"), 3)
    with pytest.raises(ChartError, match="from 0 to 10"):
        change_score(chart, ("calf", "left"), 12)
    with pytest.raises(ChartError, match="room for 200"):
        change_area_note(chart, ("calf", "left"), "y" * 250)
    with pytest.raises(ChartError, match="room for 600"):
        change_session_note(chart, "z" * 700)


def test_score_changes_merge_into_one_step(chart: SessionChart) -> None:
    key = ("calf", "left")
    first = change_score(chart, key, 6)
    second = change_score(first.redo(chart), key, 5)
    both = merged(first, second)
    after = both.redo(chart)
    assert after.area(key) is not None and after.area(key).score == 5  # type: ignore[union-attr]
    assert both.undo(after) == chart
    assert first.merge_key == second.merge_key == ("score", key)
    assert change_kind(chart, key, None).merge_key is None


def test_area_names_and_labels() -> None:
    assert area_name("Calf", "left") == "Left calf"
    assert area_name("Neck", None) == "Neck"
    assert Frequency.SEVERAL_A_WEEK.label == "Several times a week"
    assert Kind.TWITCHING.label == "Twitching"


def test_the_colour_scale_darkens_at_every_step_so_it_reads_in_greyscale() -> None:
    colours = [score_colour(score) for score in range(11)]
    assert colours[0] == "#ffffcc" and colours[10] == "#800026"
    luminance = [relative_luminance(colour) for colour in colours]
    assert all(b < a for a, b in itertools.pairwise(luminance)), luminance
    # Neighbours differ enough to tell apart in grey: at least 4% of the luminance range.
    assert min(a - b for a, b in itertools.pairwise(luminance)) > 0.04
    with pytest.raises(ChartError):
        score_colour(11)
