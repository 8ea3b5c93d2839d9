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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

from markupsafe import escape

from bodymap.content import outline as outline_blocks
from bodymap.content.model import HOME_ID, ContentLibrary, Page, Problem, RegionPage
from bodymap.content.outline import (
    KeyPath,
    Text,
    Urgency,
    fill_values,
    markup,
    outline,
    with_side,
)
from bodymap.content.sides import side_title
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
    sides: tuple[tuple[str, str], ...] = ()
    """The side picked for a paired region's page, as ``(page id, "left" | "right")`` pairs:
    that page's title names the side ("Left calf") and its diagram shades only that side.
    A page not named here is printed for the whole region."""

    def side_of(self, page_id: str) -> str | None:
        """The side picked for ``page_id``, or None for the whole region."""
        return dict(self.sides).get(page_id)


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

    @property
    def footer_note(self) -> str:
        return escape(self.clinic.footer_note.strip())

    @property
    def printed_text(self) -> str:
        return f"Printed {self.printed.day} {self.printed:%B %Y}"


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


def compose_handout(request: HandoutRequest, library: ContentLibrary) -> Handout:
    """Lay the requested pages out as blocks.

    Raises UnknownPageError or UnsafePageError (a page breaks a safety rule) before doing
    any work, so nothing is printed or written for such a request.
    """
    valid = handout_page_ids(library)
    unknown = [page_id for page_id in request.page_ids if page_id not in valid]
    if unknown or not request.page_ids:
        raise UnknownPageError(unknown, valid)
    unsafe = unsafe_pages(request.page_ids, library)
    if unsafe:
        raise UnsafePageError(unsafe, library.root)
    check_request(request)
    pages: list[Page] = []
    for page_id in request.page_ids:
        page = library.get(page_id)
        assert page is not None
        pages.append(page)
    composer = _Composer(fill_values(request.emergency_number, request.same_day), request.omitted)
    composed = [composer.page(page, request.side_of(page.id)) for page in pages]
    composed[0] = _for_client(composed[0], request)
    return Handout(
        title=handout_title(pages, request.sides),
        pages=tuple(composed),
        clinic=request.clinic,
        paper_size=normalise_paper_size(request.paper_size) or "A4",
        printed=request.printed,
        print_size=request.print_size,
    )


def _for_client(page: HandoutPage, request: HandoutRequest) -> HandoutPage:
    """The first page with "For: NAME" under its title and the therapist's note after the
    warning (both escaped like any text; the note keeps its line breaks)."""
    name = request.client_name.strip()
    note = request.note.strip()
    if not name and not note:
        return page
    blocks = list(page.blocks)
    if name:
        date = f"{request.printed.day} {request.printed:%B %Y}"
        text = f"<b>For:</b> {escape(name)} \u00b7 {date}"
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
        blocks.insert(at, Block(BlockKind.NOTE, heading=NOTE_HEADING, text=lines))
    return HandoutPage(page.page_id, page.title, page.kicker, tuple(blocks))


def handout_title(pages: Sequence[Page], sides: Sequence[tuple[str, str]] = ()) -> str:
    """The PDF's title: "Left calf: muscle spasms and cramps" for one region page (with the
    side picked, from ``sides`` as in ``HandoutRequest.sides``), "Handout: Calf and Back" for
    several."""
    chosen = dict(sides)
    titles = [side_title(page.title, chosen.get(page.id)) for page in pages]
    if len(pages) == 1:
        page = pages[0]
        return (
            f"{titles[0]}: {REGION_KICKER.lower()}" if isinstance(page, RegionPage) else titles[0]
        )
    return f"Handout: {_join_words(titles)}"


def default_file_name(page_ids: Sequence[str], library: ContentLibrary) -> str:
    """``calf-spasms-handout.pdf`` for one region, ``handout-calf-back.pdf`` for several."""
    if len(page_ids) == 1:
        (page_id,) = page_ids
        kind = "-spasms" if isinstance(library.get(page_id), RegionPage) else ""
        stem = f"{_slug(page_id)}{kind}-handout"
    else:
        stem = "handout-" + "-".join(_slug(page_id) for page_id in page_ids)
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


def _join_words(words: Sequence[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} and {words[-1]}"


class _Composer:
    """Turns a page's outline into handout blocks; text becomes markup in ``outline.markup``."""

    def __init__(self, placeholders: dict[str, str], omitted: frozenset[Choice]) -> None:
        self.placeholders = placeholders
        self.omitted = omitted
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
        blocks = outline(page)
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
        kicker = REGION_KICKER if isinstance(page, RegionPage) else TOPIC_KICKER
        kept = _without_empty_sections(self.blocks)
        title = side_title(page.title, side)
        return HandoutPage(page.id, str(escape(title)), kicker, tuple(kept))

    def block(self, block: outline_blocks.Block) -> None:
        if isinstance(block, outline_blocks.Title):
            self.add(BlockKind.TITLE, text=self.text(with_side(block.text, self.side)))
        elif isinstance(block, outline_blocks.Summary):
            self.add(BlockKind.SUMMARY, text=self.text(block.text))
        elif isinstance(block, outline_blocks.Warning):
            heading = self.text(block.heading)
            self.add(BlockKind.WARNING, heading=f"Warning: {heading}", text=self.text(block.text))
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
            reviewed = f"Last reviewed {block.reviewed.day} {block.reviewed:%B %Y}."
            self.add(BlockKind.SOURCES, heading="Sources", items=sources, text=reviewed)
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
