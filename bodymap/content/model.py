"""What the clinic's content is: regions, topics and the parts of a page."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

REGION_IDS: tuple[str, ...] = ("foot", "calf", "back", "neck", "chest", "stomach")
"""The six body regions on the map, in the order a person reads them (feet up is not natural)."""

REGION_ORDER: tuple[str, ...] = ("neck", "chest", "stomach", "back", "calf", "foot")
"""Head-to-toe order, used for menus and keyboard movement."""

REGIONS_NEEDING_WARNING: frozenset[str] = frozenset({"chest", "stomach"})
HOME_ID = "home"
EMERGENCY_PLACEHOLDER = "{emergency}"
CONTENT_FOLDERS = ("regions", "topics")
CONTENT_SUFFIXES = (".yaml", ".yml")
LAST_GOOD_NOTE = "showing the last good version of this page until the file is fixed"


def counted(number: int, noun: str, plural: str | None = None) -> str:
    """``counted(1, "page")`` is "1 page", ``counted(3, "page")`` is "3 pages"."""
    return f"{number} {noun if number == 1 else plural or noun + 's'}"


@dataclass(frozen=True)
class Source:
    organisation: str
    title: str
    url: str


@dataclass(frozen=True)
class PhysicianWarning:
    """The box shown before anything else on the page."""

    heading: str
    text: str


@dataclass(frozen=True)
class Cause:
    name: str
    text: str


@dataclass(frozen=True)
class Technique:
    """What a therapist does, and why it helps; may link to a topic page."""

    name: str
    text: str
    topic: str | None = None


@dataclass(frozen=True)
class SelfMassage:
    """Either numbered steps a person can do at home, or why they should not."""

    steps: tuple[str, ...] = ()
    intro: str | None = None
    not_safe: str | None = None


@dataclass(frozen=True)
class RedFlags:
    doctor_soon: tuple[str, ...]
    emergency: tuple[str, ...]


@dataclass(frozen=True)
class Section:
    heading: str | None
    text: str | None
    points: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Page:
    """Anything that opens in the page pane."""

    id: str
    title: str
    summary: str
    sources: tuple[Source, ...]
    reviewed: dt.date
    path: Path
    warning: PhysicianWarning | None = None
    related: tuple[str, ...] = ()
    terms: tuple[str, ...] = ()

    @property
    def region_id(self) -> str | None:
        """The body region this page belongs to, if any."""
        return None


@dataclass(frozen=True, kw_only=True)
class RegionPage(Page):
    causes: tuple[Cause, ...]
    techniques: tuple[Technique, ...]
    self_massage: SelfMassage
    prevention: tuple[str, ...]
    red_flags: RedFlags

    @property
    def region_id(self) -> str | None:
        return self.id


@dataclass(frozen=True, kw_only=True)
class TopicPage(Page):
    sections: tuple[Section, ...]


@dataclass(frozen=True)
class Problem:
    """Something wrong in a content file, said so a clinic owner can find and fix it."""

    path: Path
    line: int | None
    message: str
    field: str | None = None
    severity: str = "error"

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


@dataclass(frozen=True)
class PageHeading:
    """A page as a list or a menu shows it: enough to list every page without reading them all."""

    id: str
    title: str
    summary: str


@dataclass
class ContentLibrary:
    """Every valid page of a content folder, and what was wrong with the rest."""

    root: Path
    pages: dict[str, Page] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @property
    def regions(self) -> list[RegionPage]:
        """Head to toe; looked up by id, so the other pages need not be read (see cache.py)."""
        found = (self.region(region_id) for region_id in REGION_ORDER)
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

    @property
    def reviewed(self) -> dt.date | None:
        """The content's review date: the oldest page review, so it never overstates freshness."""
        dates = [p.reviewed for p in self.pages.values()]
        return min(dates) if dates else None

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    def take(self, other: ContentLibrary) -> None:
        """Become ``other`` (a fresh load of the same folder), so every holder sees the change."""
        self.root = other.root
        self.pages = other.pages
        self.problems = other.problems
