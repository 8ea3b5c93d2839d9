"""What goes on a printed handout, as plain data: no Qt here.

A handout is one or more content pages (a client with calf and lower-back spasms gets both in
one document). Each page becomes a list of layout blocks in reading order: title, summary,
physician warning, diagram, then the sections with the red flags before the massage, as on
screen. Every piece of content text is escaped here and the emergency number filled in, so the
renderer only ever sees safe markup (``<b>`` is the only tag it adds).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

from markupsafe import escape

from bodymap.content import outline as outline_blocks
from bodymap.content.languages import FALLBACK_NOTES
from bodymap.content.model import HOME_ID, ContentLibrary, Page, Problem, RegionPage
from bodymap.content.outline import (
    KeyPath,
    Text,
    Urgency,
    fill_values,
    markup,
    outline,
    same_day_in,
    with_side,
    words_for,
)
from bodymap.content.sides import side_title
from bodymap.content.spelling import DEFAULT_SPELLING
from bodymap.settings import PAPER_SIZES, ClinicDetails, PrintSize, normalise_paper_size

DISCLAIMER = (
    "This handout is for education only. It is not a substitute for medical advice from "
    "a doctor or another qualified health professional."
)
REGION_KICKER = "Muscle spasms and cramps"
TOPIC_KICKER = "Patient information"
MAX_FILE_STEM = 80
MAX_CLIENT_NAME = 80
"""Characters in a client's name on a handout."""
MAX_NOTE = 600
"""Characters in the therapist's note: a few sentences, so it stays on the first page."""
NOTE_HEADING = "A note from your therapist"


@dataclass(frozen=True)
class HandoutWords:
    """The handout's own words in one language (the page's words are ``outline.AppWords``)."""

    disclaimer: str
    region_kicker: str
    topic_kicker: str
    note_heading: str
    for_label: str
    printed: str
    """"Printed {date}"."""
    page: str
    """"Page {number} of {total}"."""
    handout: str
    """The title of a handout of several pages: "Handout: Calf and Back"."""
    and_word: str
    reviewed: str
    """"Last reviewed {date}."."""
    continued: str
    """The running title of a page's later sheets: "{title} (continued)"."""
    shaded: str
    """The diagram's caption: "Shaded area: {region}"."""
    front: str
    back: str
    sides_note: str
    """Under the diagram, which side is which: the front view shows the person's left on the
    reader's right, as in a mirror-less anatomical drawing."""


HANDOUT_WORDS: dict[str, HandoutWords] = {
    "en": HandoutWords(
        disclaimer=DISCLAIMER,
        region_kicker=REGION_KICKER,
        topic_kicker=TOPIC_KICKER,
        note_heading=NOTE_HEADING,
        for_label="For:",
        printed="Printed {date}",
        page="Page {number} of {total}",
        handout="Handout",
        and_word="and",
        reviewed="Last reviewed {date}.",
        continued="{title} (continued)",
        shaded="Shaded area: {region}",
        front="Front",
        back="Back",
        sides_note="On the front view, your left side is on the right.",
    ),
    "es": HandoutWords(
        disclaimer=(
            "Este folleto es solo educativo. No sustituye el consejo de un médico ni de otro "
            "profesional de la salud."
        ),
        region_kicker="Espasmos y calambres musculares",
        topic_kicker="Información para el paciente",
        note_heading="Una nota de su masajista",
        for_label="Para:",
        printed="Impreso el {date}",
        page="Página {number} de {total}",
        handout="Folleto",
        and_word="y",
        reviewed="Revisado el {date}.",
        continued="{title} (continuación)",
        shaded="Zona sombreada: {region}",
        front="Delante",
        back="Detrás",
        sides_note="En la vista de delante, su lado izquierdo está a la derecha.",
    ),
}
"""The handout's words in each language pages are written in; a third language is one entry."""


def handout_words(language: str) -> HandoutWords:
    """The handout's words in ``language`` (English for a language without its own)."""
    return HANDOUT_WORDS.get(language, HANDOUT_WORDS["en"])


def written_date(day: dt.date, language: str) -> str:
    """``day`` as a handout prints it: "29 November 2026", "29 de noviembre de 2026"."""
    month = words_for(language).months[day.month - 1]
    if language == "es":
        return f"{day.day} de {month} de {day.year}"
    return f"{day.day} {month} {day.year}"


CHOOSABLE: dict[str, str] = {
    "techniques": "What a massage therapist may do",
    "self_massage.steps": "Self-massage at home",
    "prevention": "Prevention",
}
"""The lists a therapist may shorten for one client (key: the field, value: its heading).

Red flags and warnings are not here, and ``compose_handout`` refuses to leave them out.
"""

Choice = tuple[str, str, int]
"""One item of a choosable list: (page id, field as in ``CHOOSABLE``, index in that list)."""


class UnknownPageError(ValueError):
    """Some requested ids are not pages that can go on a handout."""

    def __init__(self, unknown: Sequence[str], valid: Sequence[str]) -> None:
        self.unknown = tuple(unknown)
        self.valid = tuple(valid)
        super().__init__(
            f"unknown page id {', '.join(repr(i) for i in self.unknown)}. "
            f"Valid ids: {', '.join(self.valid) or '(none could be loaded)'}"
        )


class UnsafePageError(ValueError):
    """Some requested pages break a medical-safety rule, so they are not printed or exported
    until their files are fixed (the same rules ``check`` applies; ``content/checks.py``).

    ``problems`` maps each such page's title to its safety problems; ``str()`` is the message
    for a person: which page, which file and line, and the rule in plain words.
    """

    def __init__(self, problems: dict[str, list[Problem]], root: Path | None = None) -> None:
        self.problems = problems
        lines = [
            f"The {title} page cannot be printed or exported until its file is fixed:"
            + "".join(f"\n  {problem.describe(root)}" for problem in found)
            for title, found in problems.items()
        ]
        super().__init__("\n".join(lines))


def unsafe_pages(page_ids: Iterable[str], library: ContentLibrary) -> dict[str, list[Problem]]:
    """The pages among ``page_ids`` that break a safety rule, by title, with their problems."""
    unsafe: dict[str, list[Problem]] = {}
    for page_id in page_ids:
        page = library.get(page_id)
        found = library.blocking_problems(page_id)
        if page is not None and found:
            unsafe[page.title] = found
    return unsafe


@dataclass(frozen=True)
class HandoutRequest:
    """Which pages to print, in order, and everything around them."""

    page_ids: tuple[str, ...]
    clinic: ClinicDetails = ClinicDetails()
    paper_size: str = "A4"
    emergency_number: str = "911"
    printed: dt.date = field(default_factory=dt.date.today)
    same_day: str = ""
    print_size: PrintSize = PrintSize.CLEAR
    client_name: str = ""
    """Whom the handout is for ("" for nobody in particular); printed on the first page only."""
    note: str = ""
    """A short note from the therapist, printed on the first page."""
    omitted: frozenset[Choice] = frozenset()
    """Items the therapist left out for this client; only ever from the ``CHOOSABLE`` lists."""
    spelling: str = DEFAULT_SPELLING
    """English spelling by the clinic's locale: "en-US" (default) or "en-GB"."""
    languages: tuple[str, ...] = ()
    """The client's language(s), chosen per handout whatever the window's language: every
    page in the first, then every page again in the next ("es", "en"). Empty: the language
    of the library given to ``compose_handout``."""
    sides: tuple[tuple[str, str], ...] = ()
    """The side picked for a paired region's page, as ``(page id, "left" | "right")`` pairs:
    that page's title names the side ("Left calf") and its diagram shades only that side.
    A page not named here is printed for the whole region."""
    page_sides: tuple[str | None, ...] = ()
    """The side of each page in ``page_ids``, by position (``"left"``, ``"right"``, or None
    for the whole region), for a basket that holds the same page more than once (the left
    calf and the right calf). When given (as long as ``page_ids``) it is used instead of
    ``sides``."""

    def side_of(self, page_id: str) -> str | None:
        """The side picked for ``page_id`` in ``sides``, or None for the whole region."""
        return dict(self.sides).get(page_id)

    def sides_in_order(self) -> tuple[str | None, ...]:
        """The side of each page in ``page_ids``, by position: ``page_sides`` when it is as
        long as ``page_ids``, else each page's side in ``sides``."""
        if len(self.page_sides) == len(self.page_ids):
            return self.page_sides
        return tuple(self.side_of(page_id) for page_id in self.page_ids)


class BlockKind(Enum):
    TITLE = "title"
    SUMMARY = "summary"
    WARNING = "warning"
    DIAGRAM = "diagram"
    HEADING = "heading"
    SUBHEADING = "subheading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    RED_FLAGS = "red_flags"
    SOURCES = "sources"
    CLIENT = "client"
    NOTE = "note"
    CHART = "chart"
    """The client's own marked body map: ``marks`` coloured by score, with a legend."""


@dataclass(frozen=True)
class ChartMark:
    """One marked area on a CHART block: where (region id and the person's side, None for an
    unpaired region), its score (0-10) and its name as printed (plain text, "Left calf")."""

    region_id: str
    side: str | None
    score: int
    name: str


@dataclass(frozen=True)
class Block:
    """One unit of layout that is never cut in half (except a line-split if taller than a page).

    ``text``, ``heading`` and ``items`` are escaped markup. ``marker`` is the bullet or step
    number of a list item. ``keep_with_next`` keeps a heading on the same column as what follows.
    """

    kind: BlockKind
    text: str = ""
    heading: str = ""
    items: tuple[str, ...] = ()
    marker: str = ""
    urgency: Urgency | None = None
    emphasis: bool = False
    region_id: str | None = None
    side: str | None = None
    """For a diagram: the person's side to shade, or None for every outline of the region."""
    keep_with_next: bool = False
    marks: tuple[ChartMark, ...] = ()


@dataclass(frozen=True)
class HandoutPage:
    """One content page of the handout; it starts on a new sheet."""

    page_id: str
    title: str
    kicker: str
    blocks: tuple[Block, ...]
    language: str = "en"
    """The language the page is printed in (its running title and diagram labels)."""

    @property
    def region_id(self) -> str | None:
        diagrams = [b.region_id for b in self.blocks if b.kind is BlockKind.DIAGRAM]
        return diagrams[0] if diagrams else None


@dataclass(frozen=True)
class Handout:
    """Everything the renderer paints; ``title`` goes into the PDF's metadata."""

    title: str
    pages: tuple[HandoutPage, ...]
    clinic: ClinicDetails
    paper_size: str
    printed: dt.date
    disclaimer: str = DISCLAIMER
    print_size: PrintSize = PrintSize.CLEAR
    language: str = "en"
    """The language of the footer's words (the first language of the handout)."""

    @property
    def footer_note(self) -> str:
        return escape(self.clinic.footer_note.strip())

    @property
    def printed_text(self) -> str:
        date = written_date(self.printed, self.language)
        return handout_words(self.language).printed.format(date=date)

    def page_label(self, number: int, total: int) -> str:
        """ "Page 2 of 3" in the handout's language."""
        return handout_words(self.language).page.format(number=number, total=total)


class RequestError(ValueError):
    """The request asks for something a handout cannot do; the message says what, plainly."""


def choice_of(page_id: str, text_field: KeyPath | None) -> Choice | None:
    """The choosable item a list item's text comes from, or None (it is always printed)."""
    if text_field is None or len(text_field) < 2:
        return None
    head, second = text_field[0], text_field[1]
    if head in ("techniques", "prevention") and isinstance(second, int):
        return page_id, str(head), second
    if text_field[:2] == ("self_massage", "steps") and len(text_field) > 2:
        index = text_field[2]
        return (page_id, "self_massage.steps", index) if isinstance(index, int) else None
    return None


@dataclass(frozen=True)
class ChoiceGroup:
    """One list a therapist may shorten: its field, heading and items (index, plain words)."""

    page_id: str
    field: str
    heading: str
    items: tuple[tuple[int, str], ...]


def choosable_items(page: Page) -> list[ChoiceGroup]:
    """The lists of ``page`` a therapist may shorten for a client, in reading order."""
    groups: list[ChoiceGroup] = []
    for block in outline(page):
        if not isinstance(block, outline_blocks.Items):
            continue
        found = [(choice_of(page.id, item.field), item.plain) for item in block.items]
        items = tuple((choice[2], words) for choice, words in found if choice is not None)
        if items:
            first = found[0][0]
            assert first is not None
            groups.append(ChoiceGroup(page.id, first[1], CHOOSABLE[first[1]], items))
    return groups


def check_request(request: HandoutRequest) -> None:
    """RequestError for a paper size, name, note or left-out item a handout cannot take."""
    if normalise_paper_size(request.paper_size) is None:
        raise RequestError(f"paper size must be one of {', '.join(PAPER_SIZES)}")
    if len(request.client_name.strip()) > MAX_CLIENT_NAME:
        raise RequestError(f"the client's name is longer than {MAX_CLIENT_NAME} characters")
    if len(request.note.strip()) > MAX_NOTE:
        raise RequestError(
            f"the note is {len(request.note.strip())} characters long; "
            f"a handout has room for {MAX_NOTE}"
        )
    for _, list_field, _ in request.omitted:
        if list_field not in CHOOSABLE:
            raise RequestError(
                f"'{list_field}' cannot be left out: red flags and warnings are always printed, "
                f"and only {', '.join(CHOOSABLE)} can be shortened"
            )


def handout_page_ids(library: ContentLibrary) -> list[str]:
    """The ids a handout can be made of: regions head to toe, then topics by title."""
    return [page.id for page in library.regions] + [
        heading.id for heading in library.topic_headings() if heading.id != HOME_ID
    ]


def compose_handout(
    request: HandoutRequest,
    library: ContentLibrary,
    translations: Mapping[str, ContentLibrary] | None = None,
) -> Handout:
    """Lay the requested pages out as blocks, in each of ``request.languages``.

    ``library`` is the pages in one language; ``translations`` gives the library of each
    other language asked for (``load_library(..., language="es")``). A page not yet written
    in a language is printed in English with a note saying so.

    Raises UnknownPageError, UnsafePageError (a page breaks a safety rule, in any of the
    languages) or RequestError (a language with no library) before doing any work, so
    nothing is printed or written for such a request.
    """
    libraries = _libraries(request, library, translations or {})
    for _, each in libraries:
        valid = handout_page_ids(each)
        unknown = [page_id for page_id in request.page_ids if page_id not in valid]
        if unknown or not request.page_ids:
            raise UnknownPageError(unknown, valid)
        unsafe = unsafe_pages(request.page_ids, each)
        if unsafe:
            raise UnsafePageError(unsafe, each.root)
    check_request(request)
    composed: list[HandoutPage] = []
    first_pages: list[Page] = []
    for language, each in libraries:
        pages: list[Page] = []
        for page_id in request.page_ids:
            page = each.get(page_id)
            assert page is not None
            pages.append(page)
        first_pages = first_pages or pages
        composer = _Composer(
            fill_values(request.emergency_number, _same_day(request.same_day, language), language),
            request.omitted,
            language,
            each.fallback_ids,
            request.spelling,
        )
        composed.extend(
            composer.page(page, side)
            for page, side in zip(pages, request.sides_in_order(), strict=True)
        )
    first = libraries[0][0]
    composed[0] = _for_client(composed[0], request, first)
    return Handout(
        title=handout_title(first_pages, request.sides_in_order(), first),
        pages=tuple(composed),
        clinic=request.clinic,
        paper_size=normalise_paper_size(request.paper_size) or "A4",
        printed=request.printed,
        print_size=request.print_size,
        disclaimer=" ".join(dict.fromkeys(handout_words(lang).disclaimer for lang, _ in libraries)),
        language=first,
    )


def _same_day(route: str, language: str) -> str:
    """The clinic's same-day route, except that a country's English default route (never
    changed in Preferences) gives way to the page language's own plain words."""
    return same_day_in(route, language)


def _libraries(
    request: HandoutRequest, library: ContentLibrary, translations: Mapping[str, ContentLibrary]
) -> list[tuple[str, ContentLibrary]]:
    """Each language of the handout, in order, with its pages."""
    found = {**translations, library.language: library}
    languages = request.languages or (library.language,)
    missing = [language for language in languages if language not in found]
    if missing:
        raise RequestError(f"no pages were loaded in {', '.join(missing)}")
    return [(language, found[language]) for language in dict.fromkeys(languages)]


def _for_client(page: HandoutPage, request: HandoutRequest, language: str) -> HandoutPage:
    """The first page with "For: NAME" under its title and the therapist's note after the
    warning (both escaped like any text; the note keeps its line breaks)."""
    name = request.client_name.strip()
    note = request.note.strip()
    if not name and not note:
        return page
    blocks = list(page.blocks)
    if name:
        words = handout_words(language)
        date = written_date(request.printed, language)
        text = f"<b>{words.for_label}</b> {escape(name)} \u00b7 {date}"
        blocks.insert(
            1 if blocks and blocks[0].kind is BlockKind.TITLE else 0,
            Block(BlockKind.CLIENT, text=text),
        )
    if note:
        lines = "<br>".join(str(escape(line.strip())) for line in note.splitlines())
        after = [
            i
            for i, b in enumerate(blocks)
            if b.kind in (BlockKind.TITLE, BlockKind.CLIENT, BlockKind.SUMMARY, BlockKind.WARNING)
        ]
        at = after[-1] + 1 if after else 0
        heading = handout_words(language).note_heading
        blocks.insert(at, Block(BlockKind.NOTE, heading=heading, text=lines))
    return HandoutPage(page.page_id, page.title, page.kicker, tuple(blocks), page.language)


def handout_title(
    pages: Sequence[Page], sides: Sequence[str | None] = (), language: str = "en"
) -> str:
    """The PDF's title in ``language``: "Left calf: muscle spasms and cramps" for one region
    page (with the side picked: ``sides`` gives each page's side by position, as
    ``HandoutRequest.sides_in_order``), "Handout: Left calf and Right calf" for several."""
    words = handout_words(language)
    chosen = [*sides[: len(pages)], *[None] * (len(pages) - len(sides))]
    titles = [
        side_title(page.title, side, language) for page, side in zip(pages, chosen, strict=True)
    ]
    if len(pages) == 1:
        page = pages[0]
        kicker = words.region_kicker.lower()
        return f"{titles[0]}: {kicker}" if isinstance(page, RegionPage) else titles[0]
    return f"{words.handout}: {_join_words(titles, words.and_word)}"


def default_file_name(page_ids: Sequence[str], library: ContentLibrary) -> str:
    """``calf-spasms-handout.pdf`` for one region, ``handout-calf-back.pdf`` for several."""
    if len(page_ids) == 1:
        (page_id,) = page_ids
        kind = "-spasms" if isinstance(library.get(page_id), RegionPage) else ""
        stem = f"{_slug(page_id)}{kind}-handout"
    else:
        stem = "handout-" + "-".join(_slug(page_id) for page_id in dict.fromkeys(page_ids))
        if len(stem) > MAX_FILE_STEM:
            more = "-and-more"
            stem = stem[: MAX_FILE_STEM - len(more)].rsplit("-", 1)[0] + more
    return f"{stem}.pdf"


def printed_site(url: str) -> str:
    """The website a source is on, as people type it (``nhs.uk``): long page addresses take
    lines a one-page handout does not have, and the title finds the page on that site."""
    short = re.sub(r"^[a-z]+://(www\.)?", "", url.strip(), flags=re.IGNORECASE)
    return short.split("/", 1)[0] or url


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-") or "page"


def _join_words(words: Sequence[str], and_word: str = "and") -> str:
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {and_word} {words[-1]}"


class _Composer:
    """Turns a page's outline into handout blocks; text becomes markup in ``outline.markup``."""

    def __init__(
        self,
        placeholders: dict[str, str],
        omitted: frozenset[Choice],
        language: str = "en",
        fallback_ids: frozenset[str] = frozenset(),
        spelling: str = DEFAULT_SPELLING,
    ) -> None:
        self.spelling = spelling
        self.placeholders = placeholders
        self.omitted = omitted
        self.language = language
        self.words = words_for(language)
        self.fallback_ids = fallback_ids
        self.page_id = ""
        self.blocks: list[Block] = []
        self.no_steps = False
        self.side: str | None = None

    def text(self, text: Text) -> str:
        """Content text as escaped markup, the emergency number filled in (in bold)."""
        return str(markup(text, self.placeholders))

    def add(self, kind: BlockKind, **values: Any) -> None:
        self.blocks.append(Block(kind, **values))

    def kept(self, items: Sequence[Text]) -> list[Text]:
        """The items of a list the therapist did not leave out for this client."""
        return [item for item in items if choice_of(self.page_id, item.field) not in self.omitted]

    def page(self, page: Page, side: str | None = None) -> HandoutPage:
        """The page's blocks; ``side`` names the picked side in the title and the diagram."""
        self.blocks = []
        self.page_id = page.id
        self.side = side
        blocks = outline(page, self.language, self.spelling)
        # The self-massage intro introduces the steps: it goes when every step is left out.
        self.no_steps = any(
            isinstance(b, outline_blocks.Items)
            and b.numbered
            and b.items
            and not self.kept(b.items)
            for b in blocks
        )
        for block in blocks:
            self.block(block)
            if isinstance(block, outline_blocks.Title) and page.id in self.fallback_ids:
                note = FALLBACK_NOTES.get(self.language, FALLBACK_NOTES["en"])
                self.add(BlockKind.PARAGRAPH, text=str(escape(note)), emphasis=True)
        words = handout_words(self.language)
        kicker = words.region_kicker if isinstance(page, RegionPage) else words.topic_kicker
        kept = _without_empty_sections(self.blocks)
        title = side_title(page.title, side, self.language)
        return HandoutPage(page.id, str(escape(title)), kicker, tuple(kept), self.language)

    def block(self, block: outline_blocks.Block) -> None:
        if isinstance(block, outline_blocks.Title):
            self.add(
                BlockKind.TITLE, text=self.text(with_side(block.text, self.side, self.language))
            )
        elif isinstance(block, outline_blocks.Summary):
            self.add(BlockKind.SUMMARY, text=self.text(block.text))
        elif isinstance(block, outline_blocks.Warning):
            heading = self.text(block.heading)
            heading = f"{self.words.warning}: {heading}"
            self.add(BlockKind.WARNING, heading=heading, text=self.text(block.text))
        elif isinstance(block, outline_blocks.Diagram):
            title = self.blocks[0].text if self.blocks else ""
            self.add(BlockKind.DIAGRAM, region_id=block.region_id, side=self.side, text=title)
        elif isinstance(block, outline_blocks.Heading):
            kind = BlockKind.SUBHEADING if block.level > 2 else BlockKind.HEADING
            self.add(kind, text=self.text(block.text), keep_with_next=True)
        elif isinstance(block, outline_blocks.Paragraph):
            if self.no_steps and block.text.field == ("self_massage", "intro"):
                return
            self.add(BlockKind.PARAGRAPH, text=self.text(block.text), emphasis=block.emphasis)
        elif isinstance(block, outline_blocks.Items):
            for number, item in enumerate(self.kept(block.items), start=1):
                marker = f"{number}." if block.numbered else "•"
                self.add(BlockKind.LIST_ITEM, text=self.text(item), marker=marker)
        elif isinstance(block, outline_blocks.RedFlags):
            for group in block.groups:
                self.add(
                    BlockKind.RED_FLAGS,
                    urgency=group.urgency,
                    heading=self.text(group.heading),
                    text=self.text(group.note) if group.note else "",
                    items=tuple(self.text(item) for item in group.items),
                )
        elif isinstance(block, outline_blocks.Sources):
            sources = tuple(
                str(escape(f"{s.organisation}: {s.title} ({printed_site(s.url)})"))
                for s in block.sources
            )
            date = written_date(block.reviewed, self.language)
            reviewed = handout_words(self.language).reviewed.format(date=date)
            self.add(BlockKind.SOURCES, heading=self.words.sources, items=sources, text=reviewed)
        # Related pages are links: they only make sense on screen.


_LEVELS = {BlockKind.HEADING: 2, BlockKind.SUBHEADING: 3}
_ENDS = {**_LEVELS, BlockKind.SOURCES: 1}
"""What ends a section: a heading of its level or above, or the sources at the end."""


def _without_empty_sections(blocks: Sequence[Block]) -> list[Block]:
    """Drop each heading with nothing under it (every item of its list was left out)."""
    kept: list[Block] = []
    for block in reversed(blocks):
        level = _LEVELS.get(block.kind)
        if level is not None:
            following = kept[-1] if kept else None
            if following is None or _ENDS.get(following.kind, 99) <= level:
                continue
        kept.append(block)
    kept.reverse()
    return kept


def plain_html(handout: Handout) -> str:
    """The same text as simple HTML in one flow: the benchmark's plain-print baseline."""
    parts = ["<html><body>"]
    for page in handout.pages:
        for block in page.blocks:
            parts.append(_plain_block(block))
    parts.append(f"<p>{escape(handout.disclaimer)}</p></body></html>")
    return "".join(parts)


_PLAIN_TAGS = {
    BlockKind.TITLE: "h1",
    BlockKind.HEADING: "h2",
    BlockKind.SUBHEADING: "h3",
}


def _plain_block(block: Block) -> str:
    kind = block.kind
    if kind in _PLAIN_TAGS:
        tag = _PLAIN_TAGS[kind]
        return f"<{tag}>{block.text}</{tag}>"
    if kind is BlockKind.DIAGRAM:
        return ""
    if kind is BlockKind.LIST_ITEM:
        return f"<p>{block.marker} {block.text}</p>"
    items = "".join(f"<li>{item}</li>" for item in block.items)
    heading = f"<h3>{block.heading}</h3>" if block.heading else ""
    return heading + f"<p>{block.text}</p>" + (f"<ul>{items}</ul>" if items else "")
