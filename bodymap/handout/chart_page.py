"""A handout made from a session chart, as plain data (no Qt).

The first page is the client's own: their marked body map, each area coloured by its score
with the score beside it and a legend (a CHART block, drawn by ``handout.paint``), the areas
listed highest score first, optionally what changed since an earlier session ("7 → 4"), and
the therapist's note. Then come the pages of the marked regions, highest score first, each as
``compose_handout`` makes it (its red flags before the massage, as always). Pages that break a
safety rule are refused exactly as for any handout (``UnsafePageError``).
"""

from __future__ import annotations

import dataclasses

from markupsafe import escape

from bodymap.chart.compare import Change, Comparison
from bodymap.chart.model import MarkedArea, SessionChart, area_name
from bodymap.content.model import ContentLibrary
from bodymap.handout.compose import (
    NOTE_HEADING,
    Block,
    BlockKind,
    ChartMark,
    Handout,
    HandoutPage,
    HandoutRequest,
    RequestError,
    check_request,
    compose_handout,
)

CHART_PAGE_ID = "session-chart"
CHART_TITLE = "Your session chart"
CHART_KICKER = "Your session"
AREAS_HEADING = "Where it hurts, highest score first"
CHANGES_HEADING = "Since your last session"
SCALE_WORDS = "Scores: 0 no pain, 10 the worst pain you can imagine."
CHANGE_WORDS = {
    Change.BETTER: "better",
    Change.WORSE: "worse",
    Change.SAME: "the same",
    Change.NEW: "new",
    Change.RESOLVED: "resolved",
}


def chart_region_ids(chart: SessionChart) -> list[str]:
    """The regions of the chart, by each one's highest score (ties: as first marked)."""
    best: dict[str, int] = {}
    for area in chart.areas:
        best[area.region_id] = max(best.get(area.region_id, -1), area.score)
    order = list(best)
    return sorted(order, key=lambda region: (-best[region], order.index(region)))


def compose_chart_handout(
    chart: SessionChart,
    request: HandoutRequest,
    library: ContentLibrary,
    comparison: Comparison | None = None,
) -> Handout:
    """The handout for ``chart``: its own page, then the marked regions' pages by score.

    ``request`` gives the clinic, paper, print size and emergency number; its client name and
    note, when set, replace the chart's (its page ids are not used). ``comparison`` (the chart
    against an earlier session) adds what changed. Raises RequestError when no area is marked,
    and what ``compose_handout`` raises (UnknownPageError for a region with no page,
    UnsafePageError for a page that breaks a safety rule) before any work is done.
    """
    if not chart.areas:
        raise RequestError(
            "no area is marked on this session's chart, so there is nothing to print"
        )
    name = (request.client_name or chart.client_name).strip()
    note = (request.note or chart.note).strip()
    pages_request = dataclasses.replace(
        request, page_ids=tuple(chart_region_ids(chart)), client_name="", note=""
    )
    # Checks the pages (unknown, unsafe) and the options first, then lays the pages out.
    handout = compose_handout(pages_request, library)
    check_request(dataclasses.replace(request, client_name=name, note=note))
    titles = {page.page_id: page.title for page in handout.pages}
    first = _chart_page(chart, name, note, comparison, titles)
    return dataclasses.replace(
        handout,
        title=f"Session chart and {handout.title[0].lower()}{handout.title[1:]}",
        pages=(first, *handout.pages),
    )


def _name(area: MarkedArea | tuple[str, str | None], titles: dict[str, str]) -> str:
    """Plain words: "Left calf" (titles are escaped markup; region titles are plain words)."""
    region, side = area.key if isinstance(area, MarkedArea) else area
    return area_name(titles.get(region, region.capitalize()), side)


def _chart_page(
    chart: SessionChart,
    name: str,
    note: str,
    comparison: Comparison | None,
    titles: dict[str, str],
) -> HandoutPage:
    session = f"session of {chart.date.day} {chart.date:%B %Y}"
    who = f"<b>For:</b> {escape(name)} \u00b7 {session}" if name else f"S{session[1:]}"
    marks = tuple(
        ChartMark(area.region_id, area.side, area.score, _name(area, titles))
        for area in chart.by_score()
    )
    blocks = [
        Block(BlockKind.TITLE, text=CHART_TITLE),
        Block(BlockKind.CLIENT, text=who),
        Block(BlockKind.CHART, text=SCALE_WORDS, marks=marks),
        Block(BlockKind.HEADING, text=AREAS_HEADING, keep_with_next=True),
    ]
    for area in chart.by_score():
        blocks.append(Block(BlockKind.LIST_ITEM, marker="\u2022", text=_area_line(area, titles)))
    if comparison is not None and comparison.changes:
        earlier = comparison.before.date
        heading = f"{CHANGES_HEADING} ({earlier.day} {earlier:%B %Y})"
        blocks.append(Block(BlockKind.HEADING, text=heading, keep_with_next=True))
        for change in comparison.changes:
            words = CHANGE_WORDS[change.change]
            text = f"<b>{escape(_name(change.key, titles))}:</b> {escape(change.scores)} ({words})"
            blocks.append(Block(BlockKind.LIST_ITEM, marker="\u2022", text=text))
    if note:
        lines = "<br>".join(str(escape(line.strip())) for line in note.splitlines())
        blocks.append(Block(BlockKind.NOTE, heading=NOTE_HEADING, text=lines))
    return HandoutPage(CHART_PAGE_ID, CHART_TITLE, CHART_KICKER, tuple(blocks))


def _area_line(area: MarkedArea, titles: dict[str, str]) -> str:
    """``<b>Left calf</b>: 7 out of 10 · cramp, daily. At night.`` as escaped markup."""
    details = [part for part in (area.kind, area.frequency) if part is not None]
    words = ", ".join(part.label.lower() for part in details)
    text = f"<b>{escape(_name(area, titles))}:</b> {area.score} out of 10"
    if words:
        text += f" \u00b7 {escape(words)}"
    if area.note.strip():
        text += f". {escape(area.note.strip())}"
    return text
