"""A handout made from a session chart, as plain data (no Qt).

The first page is the client's own: their marked body map, each area coloured by its score
with the score beside it and a legend (a CHART block, drawn by ``handout.paint``), the areas
listed highest score first, optionally what changed since an earlier session ("7 → 4"), and
the therapist's note. Then come the pages of the marked regions, highest score first, each as
``compose_handout`` makes it but with its red flags first (before the causes and the massage)
and then the therapist's note on that area (``_flags_first``). Pages that break a
safety rule are refused exactly as for any handout (``UnsafePageError``).

The first page is written in the handout's first language (``HandoutRequest.languages``):
its words come from ``CHART_WORDS``, the areas are named as the body map names them in that
language (``content.sides.side_title``: "Pantorrilla (lado izquierdo)") and the date as the
rest of the handout writes it (``compose.written_date``: "29 de noviembre de 2026").
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from bodymap.chart.compare import AreaChange, Change, Comparison
from bodymap.chart.model import Frequency, Kind, MarkedArea, SessionChart
from bodymap.content.model import ContentLibrary
from bodymap.content.sides import side_title
from bodymap.handout.compose import (
    Block,
    BlockKind,
    ChartMark,
    Handout,
    HandoutPage,
    HandoutRequest,
    RequestError,
    check_request,
    compose_handout,
    handout_words,
    written_date,
)

CHART_PAGE_ID = "session-chart"


@dataclass(frozen=True)
class ChartPageWords:
    """The chart page's own words in one language (the handout's are ``HandoutWords``)."""

    title: str
    kicker: str
    session: str
    """"session of {date}" after "For: <name> ·"; capitalised when no name is printed."""
    areas_heading: str
    changes_heading: str
    """"Since your last session ({date})"."""
    scale: str
    """Under the legend of the 0-10 colour scale."""
    out_of: str
    """"{score} out of 10"."""
    new_score: str
    """A newly marked area's score in the changes: "new: {score}"."""
    not_marked: str
    """A resolved area's score now: "7 → not marked"."""
    handout_title: str
    """The whole handout's title: "Session chart and {rest}" (``rest`` the pages' title)."""
    changes: Mapping[Change, str]
    kinds: Mapping[Kind, str]
    frequencies: Mapping[Frequency, str]


CHART_WORDS: dict[str, ChartPageWords] = {
    "en": ChartPageWords(
        title="Your session chart",
        kicker="Your session",
        session="session of {date}",
        areas_heading="Where it hurts, highest score first",
        changes_heading="Since your last session ({date})",
        scale="Scores: 0 no pain, 10 the worst pain you can imagine.",
        out_of="{score} out of 10",
        new_score="new: {score}",
        not_marked="not marked",
        handout_title="Session chart and {rest}",
        changes={
            Change.BETTER: "better",
            Change.WORSE: "worse",
            Change.SAME: "the same",
            Change.NEW: "new",
            Change.RESOLVED: "resolved",
        },
        kinds={kind: kind.label.lower() for kind in Kind},
        frequencies={frequency: frequency.label.lower() for frequency in Frequency},
    ),
    # The interface's words (resources/translations/bodymap_es.ts, ChartWords and ScoreLegend):
    # "ficha", "zona" (so "nueva", "resuelta"), "puntuación", usted.
    "es": ChartPageWords(
        title="Su ficha de la sesión",
        kicker="Su sesión",
        session="sesión del {date}",
        areas_heading="Dónde le duele, de mayor a menor puntuación",
        changes_heading="Desde su última sesión ({date})",
        scale="Puntuación: 0 sin dolor, 10 el peor dolor imaginable.",
        out_of="{score} de 10",
        new_score="{score}",
        not_marked="sin marcar",
        handout_title="Ficha de la sesión y {rest}",
        changes={
            Change.BETTER: "mejor",
            Change.WORSE: "peor",
            Change.SAME: "igual",
            Change.NEW: "nueva",
            Change.RESOLVED: "resuelta",
        },
        kinds={
            Kind.CRAMP: "calambre",
            Kind.SPASM: "espasmo",
            Kind.TIGHTNESS: "tensión",
            Kind.TWITCHING: "tic muscular",
        },
        frequencies={
            Frequency.ONCE: "una vez",
            Frequency.WEEKLY: "cada semana",
            Frequency.SEVERAL_A_WEEK: "varias veces por semana",
            Frequency.DAILY: "a diario",
            Frequency.SEVERAL_A_DAY: "varias veces al día",
        },
    ),
}
"""The chart page's words in each language pages are written in; a third language is one entry."""

CHART_TITLE = CHART_WORDS["en"].title


def chart_words(language: str) -> ChartPageWords:
    """The chart page's words in ``language`` (English for a language without its own)."""
    return CHART_WORDS.get(language, CHART_WORDS["en"])


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
    translations: Mapping[str, ContentLibrary] | None = None,
) -> Handout:
    """The handout for ``chart``: its own page, then the marked regions' pages by score.

    ``request`` gives the clinic, paper, print size, emergency number and languages (the
    chart page is in the first; ``translations`` gives the library of each language other
    than ``library``'s, as for ``compose_handout``); its client name and note, when set,
    replace the chart's (its page ids are not used). ``comparison`` (the chart against an
    earlier session) adds what changed. Raises RequestError when no area is marked,
    and what ``compose_handout`` raises (UnknownPageError for a region with no page,
    UnsafePageError for a page that breaks a safety rule) before any work is done.
    """
    if not chart.areas:
        raise RequestError(
            "no area is marked on this session's chart, so there is nothing to print"
        )
    name = (request.client_name or chart.client_name).strip()
    note = (request.note or chart.note).strip()
    region_ids = tuple(chart_region_ids(chart))
    pages_request = dataclasses.replace(
        request,
        page_ids=region_ids,
        page_sides=tuple(_one_side(chart, region_id) for region_id in region_ids),
        client_name="",
        note="",
    )
    # Checks the pages (unknown, unsafe) and the options first, then lays the pages out.
    handout = compose_handout(pages_request, library, translations)
    check_request(dataclasses.replace(request, client_name=name, note=note))
    language = (request.languages or (library.language,))[0]

    pages_in = {**(translations or {}), library.language: library}  # as compose_handout's
    # The regions' own titles ("Calf"; the printed page's may name a side): a page printed
    # in the first language names its areas in it.
    titles: dict[str, str] = {}
    for printed in sorted(handout.pages, key=lambda p: p.language == language):
        found = pages_in.get(printed.language)
        page = found.get(printed.page_id) if found is not None else None
        if page is not None:
            titles[page.id] = str(escape(page.title))
    # A region only the earlier session marked (resolved) has no page in this handout.
    pages = pages_in.get(language)
    for change in comparison.changes if comparison is not None else ():
        page = pages.get(change.key[0]) if pages is not None else None
        if page is not None:
            titles.setdefault(page.id, str(escape(page.title)))
    first = _chart_page(chart, name, note, comparison, titles, language=language)
    rest = f"{handout.title[0].lower()}{handout.title[1:]}"
    regions = tuple(
        _flags_first(page, chart.areas, _region_title(page, pages_in.get(page.language)))
        for page in handout.pages
    )
    return dataclasses.replace(
        handout,
        title=chart_words(language).handout_title.format(rest=rest),
        pages=(first, *regions),
    )


def _one_side(chart: SessionChart, region_id: str) -> str | None:
    """The side marked on ``region_id`` when only one is ("left": its page is then the left
    calf's, title and shading), else None (both sides, or a region with no sides)."""
    sides = {area.side for area in chart.areas if area.region_id == region_id}
    return next(iter(sides)) if len(sides) == 1 else None


_SECTION_ENDS = (BlockKind.HEADING, BlockKind.SUBHEADING, BlockKind.SOURCES)


def _region_title(page: HandoutPage, pages: ContentLibrary | None) -> str:
    """The region's own title in the page's language ("Calf"), without the side the printed
    page may name ("Left calf")."""
    found = pages.get(page.page_id) if pages is not None else None
    return found.title if found is not None else Markup(page.title).unescape()


def _flags_first(page: HandoutPage, areas: Sequence[MarkedArea], region_title: str) -> HandoutPage:
    """A marked region's page with its red flags first: the "when to see a doctor" section
    (its heading and every tier box) moved up before the page's first section, straight after
    the title, summary, warning and diagram; then the therapist's note on each marked side of
    this region ("Left calf: wakes her at night"), in the page's language. A page whose red
    flags are not one run of boxes under one heading is left in its own order."""
    blocks = list(page.blocks)
    first_section = next(
        (i for i, block in enumerate(blocks) if block.kind in _SECTION_ENDS), len(blocks)
    )
    at = first_section
    flags = [i for i, block in enumerate(blocks) if block.kind is BlockKind.RED_FLAGS]
    if flags:
        start, end = flags[0], flags[-1] + 1
        if start > 0 and blocks[start - 1].kind is BlockKind.HEADING:
            start -= 1
        one_run = all(block.kind is BlockKind.RED_FLAGS for block in blocks[start + 1 : end])
        if one_run and start >= first_section:
            section = blocks[start:end]
            del blocks[start:end]
            blocks[first_section:first_section] = section
            at = first_section + len(section)
    notes = [
        f"<b>{escape(side_title(region_title, area.side, page.language))}:</b> "
        + "<br>".join(str(escape(line.strip())) for line in area.note.strip().splitlines())
        for area in areas
        if area.region_id == page.page_id and area.note.strip()
    ]
    if notes:
        heading = handout_words(page.language).note_heading
        blocks.insert(at, Block(BlockKind.NOTE, heading=heading, text="<br>".join(notes)))
    return dataclasses.replace(page, blocks=tuple(blocks))


def _name(area: MarkedArea | tuple[str, str | None], titles: dict[str, str], language: str) -> str:
    """Plain words, as the map names the area: "Left calf", "Pantorrilla (lado izquierdo)"
    (titles are escaped markup; region titles are plain words)."""
    region, side = area.key if isinstance(area, MarkedArea) else area
    return side_title(titles.get(region, region.capitalize()), side, language)


def _chart_page(
    chart: SessionChart,
    name: str,
    note: str,
    comparison: Comparison | None,
    titles: dict[str, str],
    *,
    language: str,
) -> HandoutPage:
    words = chart_words(language)
    session = words.session.format(date=written_date(chart.date, language))
    if name:
        who = f"<b>{escape(handout_words(language).for_label)}</b> {escape(name)} \u00b7 {session}"
    else:
        who = session[:1].upper() + session[1:]
    marks = tuple(
        ChartMark(area.region_id, area.side, area.score, _name(area, titles, language))
        for area in chart.by_score()
    )
    blocks = [
        Block(BlockKind.TITLE, text=words.title),
        Block(BlockKind.CLIENT, text=who),
        Block(BlockKind.CHART, text=words.scale, marks=marks),
        Block(BlockKind.HEADING, text=words.areas_heading, keep_with_next=True),
    ]
    for area in chart.by_score():
        line = _area_line(area, titles, language)
        blocks.append(Block(BlockKind.LIST_ITEM, marker="\u2022", text=line))
    if comparison is not None and comparison.changes:
        earlier = written_date(comparison.before.date, language)
        heading = words.changes_heading.format(date=earlier)
        blocks.append(Block(BlockKind.HEADING, text=heading, keep_with_next=True))
        for change in comparison.changes:
            area_words = escape(_name(change.key, titles, language))
            said = words.changes[change.change]
            text = f"<b>{area_words}:</b> {escape(_scores(change, words))} ({said})"
            blocks.append(Block(BlockKind.LIST_ITEM, marker="\u2022", text=text))
    if note:
        lines = "<br>".join(str(escape(line.strip())) for line in note.splitlines())
        heading = handout_words(language).note_heading
        blocks.append(Block(BlockKind.NOTE, heading=heading, text=lines))
    return HandoutPage(CHART_PAGE_ID, words.title, words.kicker, tuple(blocks), language)


def _area_line(area: MarkedArea, titles: dict[str, str], language: str) -> str:
    """``<b>Left calf</b>: 7 out of 10 · cramp, daily. At night.`` as escaped markup, in
    ``language`` ("<b>Pantorrilla (lado izquierdo):</b> 7 de 10 · calambre, a diario")."""
    words = chart_words(language)
    details = []
    if area.kind is not None:
        details.append(words.kinds[area.kind])
    if area.frequency is not None:
        details.append(words.frequencies[area.frequency])
    text = f"<b>{escape(_name(area, titles, language))}:</b> "
    text += str(escape(words.out_of.format(score=area.score)))
    if details:
        text += f" \u00b7 {escape(', '.join(details))}"
    if area.note.strip():
        text += f". {escape(area.note.strip())}"
    return text


def _scores(change: AreaChange, words: ChartPageWords) -> str:
    """``"7 → 4"``, ``"new: 5"``, ``"6 → not marked"`` in ``words``' language (plain text)."""
    if change.before is None:
        return words.new_score.format(score=change.after)
    after = words.not_marked if change.after is None else str(change.after)
    return f"{change.before} \u2192 {after}"
