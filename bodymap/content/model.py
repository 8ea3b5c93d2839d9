"""What the clinic's content is: regions, topics and the parts of a page.

The page types below are the one declaration of every field a content file may hold (msgspec
Structs): the loader validates YAML against them (``schema.validate_page``), the content cache
stores them as JSON and decodes them back, and the page outline walks them. A new field is one
edit here, plus the line that shows it in ``outline.py``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated

import msgspec

Text = Annotated[str, msgspec.Meta(min_length=1, description="text")]
"""A piece of text: runs of spaces and line breaks become one space; a number counts as text."""
TextList = Annotated[tuple[Text, ...], msgspec.Meta(min_length=1)]
"""A list of texts that must have at least one item."""
PAGE_ID_PATTERN = r"^[a-z0-9][a-z0-9-]{0,63}$"
PageId = Annotated[
    str,
    msgspec.Meta(
        pattern=PAGE_ID_PATTERN,
        extra={"hint": "must be lower-case letters, digits and dashes"},
    ),
]
"""A page's id: its links, its file name and (for a region) its name in the artwork."""

REGIONS_NEEDING_WARNING: frozenset[str] = frozenset({"chest", "stomach"})
"""Regions whose page must open with a physician warning (content-facts.md)."""
HOME_ID = "home"
EMERGENCY_PLACEHOLDER = "{emergency}"
"""Filled with the clinic's emergency number (911, 999, 112...), set in Preferences."""
SAME_DAY_PLACEHOLDER = "{same_day}"
"""Filled with the clinic's same-day route ("NHS 111, or ask your GP for an urgent
appointment"; "your doctor or an urgent care center"), set in Preferences."""
CONTENT_FOLDERS = ("regions", "topics")
CONTENT_SUFFIXES = (".yaml", ".yml")
LAST_GOOD_NOTE = "showing the last good version of this page until the file is fixed"
RULE_SAFETY = "safety"
"""A medical-safety rule: a page breaking one must not be printed or exported."""
RULE_COMPLETENESS = "completeness"
"""Something a page must contain (causes, sources...): shown, does not block."""
RULE_LANGUAGE = "language"
"""Plain language (reading grade, everyday words): shown, does not block."""
RULE_KINDS = (RULE_SAFETY, RULE_COMPLETENESS, RULE_LANGUAGE)


def counted(number: int, noun: str, plural: str | None = None) -> str:
    """``counted(1, "page")`` is "1 page", ``counted(3, "page")`` is "3 pages"."""
    return f"{number} {noun if number == 1 else plural or noun + 's'}"


class _Part(msgspec.Struct, frozen=True, kw_only=True):
    """A part of a page as the clinic writes it in YAML; field names are the YAML keys."""


class Source(_Part, frozen=True, kw_only=True):
    """A trusted page the content rests on; printed as its site (``nhs.uk``) on handouts."""

    organisation: Text
    title: Text
    url: Text


class PhysicianWarning(_Part, frozen=True, kw_only=True):
    """The box shown before anything else on the page."""

    heading: Text
    text: Text


class Cause(_Part, frozen=True, kw_only=True):
    """A likely cause of spasms or cramps in the region, with a sentence explaining it."""

    name: Text
    text: Text


class Technique(_Part, frozen=True, kw_only=True):
    """What a therapist does, and why it helps; may link to a topic page."""

    name: Text
    text: Text
    topic: Text | None = None


class SelfMassage(_Part, frozen=True, kw_only=True):
    """Either numbered steps a person can do at home, or why they should not."""

    intro: Text | None = None
    steps: tuple[Text, ...] = ()
    not_safe: Text | None = None

    def __post_init__(self) -> None:
        if bool(self.steps) == bool(self.not_safe):
            raise ValueError("give either numbered 'steps' or a 'not_safe' explanation, not both")


class RedFlags(_Part, frozen=True, kw_only=True):
    """Signs that need help, in three tiers: emergency services now ("Call {emergency} now"),
    medical help the same day ("Get medical help today") and a doctor soon ("See your doctor
    soon"). ``check`` requires the same-day tier on every region; a file written before it
    existed still loads."""

    emergency: TextList
    today: tuple[Text, ...] = ()
    doctor_soon: TextList


class Section(_Part, frozen=True, kw_only=True):
    """A topic page's section: an optional heading, then a paragraph, points or both."""

    heading: Text | None = None
    text: Text | None = None
    points: tuple[Text, ...] = ()

    def __post_init__(self) -> None:
        if self.text is None and not self.points:
            raise ValueError("a section needs a 'text' or some 'points'")


class Page(_Part, frozen=True, kw_only=True):
    """Anything that opens in the page pane.

    ``path`` is the file the page was read from; it is set by the loader, never by the file.
    """

    id: PageId
    title: Text
    summary: Text
    warning: PhysicianWarning | None = None
    related: tuple[Text, ...] = ()
    terms: tuple[Text, ...] = ()
    sources: Annotated[tuple[Source, ...], msgspec.Meta(min_length=1)]
    reviewed: dt.date
    path: Path = Path()

    @property
    def region_id(self) -> str | None:
        """The body region this page belongs to, if any."""
        return None


class RegionPage(Page, tag="region", frozen=True, kw_only=True):
    """A body region's page: one file in ``regions/``, drawn on the map by the artwork."""

    causes: Annotated[tuple[Cause, ...], msgspec.Meta(min_length=1)]
    techniques: Annotated[tuple[Technique, ...], msgspec.Meta(min_length=1)]
    self_massage: SelfMassage
    prevention: TextList
    red_flags: RedFlags

    @property
    def region_id(self) -> str | None:
        return self.id


class TopicPage(Page, tag="topic", frozen=True, kw_only=True):
    """A page about a topic (hydration, stretching, when not to massage): ``topics/``."""

    sections: Annotated[tuple[Section, ...], msgspec.Meta(min_length=1)]


PAGE_TYPES: dict[str, type[Page]] = {"regions": RegionPage, "topics": TopicPage}
"""The page type of each content folder."""
LOADED_FIELDS = frozenset({"path"})
"""Fields the loader fills in; a content file may not set them."""


class Problem(msgspec.Struct, frozen=True):
    """Something wrong in a content file, said so a clinic owner can find and fix it."""

    path: Path
    line: int | None
    message: str
    field: str | None = None
    severity: str = "error"
    rule: str = ""
    """Which kind of ``check`` rule found it: ``RULE_SAFETY`` (blocks printing and exporting),
    ``RULE_COMPLETENESS`` or ``RULE_LANGUAGE`` (shown, do not block); "" for a problem found
    while loading the file."""

    @property
    def blocks_output(self) -> bool:
        """Whether a page with this problem must not be printed or exported."""
        return self.rule == RULE_SAFETY

    def location(self, root: Path | None = None) -> str:
        shown = self.path
        if root is not None and self.path.is_relative_to(root):
            shown = self.path.relative_to(root)
        return f"{shown}:{self.line}" if self.line else str(shown)

    def describe_what(self) -> str:
        what = f"{self.field}: {self.message}" if self.field else self.message
        return f"warning: {what}" if self.severity == "warning" else what

    def describe(self, root: Path | None = None) -> str:
        return f"{self.location(root)}: {self.describe_what()}"


class PageHeading(msgspec.Struct, frozen=True):
    """A page as a list or a menu shows it: enough to list every page without reading them all."""

    id: str
    title: str
    summary: str


@dataclass
class ContentLibrary:
    """Every valid page of a content folder, and what was wrong with the rest.

    ``root`` is the folder edits go to. With ``shipped`` set, ``root`` is the clinic's folder
    laid over the shipped pages: its pages replace shipped ones with the same id
    (``bodymap.content.layers``).
    """

    root: Path
    pages: dict[str, Page] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    region_order: tuple[str, ...] = ()
    """The regions the artwork draws, head to toe (``bodymap.artwork``)."""
    shipped: Path | None = None
    """The shipped pages under ``root``'s, or None when ``root`` holds every page itself."""
    language: str = "en"
    """The language the pages are read in (``bodymap.content.languages``)."""
    fallback_ids: frozenset[str] = frozenset()
    """The pages not yet written in ``language``, shown in English with a note instead."""

    @property
    def regions(self) -> list[RegionPage]:
        """Head to toe; looked up by id, so the other pages need not be read (see cache.py)."""
        found = (self.region(region_id) for region_id in self.region_order)
        return [page for page in found if page is not None]

    @property
    def topics(self) -> list[TopicPage]:
        found = [p for p in self.pages.values() if isinstance(p, TopicPage) and p.id != HOME_ID]
        return sorted(found, key=lambda p: p.title.casefold())

    def topic_headings(self) -> list[PageHeading]:
        """The topics as the topics list and menus show them, in the same order as ``topics``."""
        return [PageHeading(page.id, page.title, page.summary) for page in self.topics]

    def get(self, page_id: str) -> Page | None:
        return self.pages.get(page_id)

    def page_ids(self) -> list[str]:
        """Every page's id, without reading the pages themselves (see cache.py)."""
        return list(self.pages)

    def region(self, region_id: str) -> RegionPage | None:
        page = self.get(region_id)
        return page if isinstance(page, RegionPage) else None

    def region_problem(self, region_id: str) -> Problem | None:
        """Why a region the artwork draws has no page to open, or None when it has one (or is
        not drawn): the first error in its file, else a note that the file is missing."""
        if region_id not in self.region_order or self.region(region_id) is not None:
            return None
        own = [
            p for p in self.problems if p.path.parent.name == "regions" and p.path.stem == region_id
        ]
        own.sort(key=lambda p: (p.severity != "error", p.line or 0))
        missing = Problem(
            self.root / "regions" / f"{region_id}.yaml",
            None,
            f"there is no page for the {region_id} region",
        )
        return next(iter(own), missing)

    def region_problem_text(self, region_id: str) -> str | None:
        """``region_problem`` in words: "the back page has a problem: regions/back.yaml:5:
        ..."; None when the region's page is there."""
        problem = self.region_problem(region_id)
        if problem is None:
            return None
        return f"the {region_id} page has a problem: {problem.describe(self.root)}"

    @property
    def reviewed(self) -> dt.date | None:
        """The content's review date: the oldest page review, so it never overstates freshness."""
        dates = [p.reviewed for p in self.pages.values()]
        return min(dates) if dates else None

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    def blocking_problems(self, page_id: str) -> list[Problem]:
        """The safety problems of a page: while it has any, it is not printed or exported."""
        page = self.get(page_id)
        if page is None:
            return []
        return [p for p in self.problems if p.blocks_output and p.path == page.path]

    def take(self, other: ContentLibrary) -> None:
        """Become ``other`` (a fresh load of the same folder), so every holder sees the change."""
        self.root = other.root
        self.shipped = other.shipped
        self.pages = other.pages
        self.problems = other.problems
        self.region_order = other.region_order
        self.language = other.language
        self.fallback_ids = other.fallback_ids
