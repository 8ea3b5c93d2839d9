"""Load a content folder into a ContentLibrary, checking every field on the way in.

A file with a problem is reported (file, line, field) and left out; every other page still
loads. Nothing in a file is ever executed, and nothing outside the content folder is read.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bodymap.content.model import (
    CONTENT_SUFFIXES,
    HOME_ID,
    LAST_GOOD_NOTE,
    REGION_IDS,
    REGIONS_NEEDING_WARNING,
    Cause,
    ContentLibrary,
    Page,
    PhysicianWarning,
    Problem,
    RedFlags,
    RegionPage,
    Section,
    SelfMassage,
    Source,
    Technique,
    TopicPage,
)
from bodymap.content.yamlfile import (
    FileLines,
    KeyPath,
    YamlDocument,
    YamlFileError,
    read_yaml,
)
from bodymap.fileio import MISSING_STAMP, file_stamp

TOPIC_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")

COMMON_FIELDS = {"id", "title", "summary", "warning", "related", "terms", "sources", "reviewed"}
REGION_FIELDS = COMMON_FIELDS | {
    "causes",
    "techniques",
    "self_massage",
    "prevention",
    "red_flags",
}
TOPIC_FIELDS = COMMON_FIELDS | {"sections"}


class _InvalidPageError(Exception):
    """Raised inside a page reader once a required field is unusable."""


@dataclass(frozen=True)
class ParsedFile:
    """One content file as read from disk, before any check that needs the other pages."""

    path: Path
    stamp: str  # fileio.file_stamp: unchanged stamp, unchanged file
    page: Page | None
    problems: tuple[Problem, ...]


def load_library(root: Path) -> ContentLibrary:
    return LibraryLoader(root).load()


class LibraryLoader:
    """Loads a content folder, and on each later ``load`` re-reads only the files that changed.

    It also remembers the last version of each file that loaded cleanly: when a save breaks
    a page that was fine before, that good version stays in the library (with a note beside
    the problem) until the file is fixed, so an editor's half-finished save never blanks a
    page the clinic is showing.
    """

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self._files: dict[Path, ParsedFile] = {}
        self._last_good: dict[Path, Page] = {}

    def load(self, previous: ContentLibrary | None = None) -> ContentLibrary:
        """Read the folder; ``previous`` (what is on screen) supplies last good pages too.

        That matters when this loader is new (the window started from the content cache):
        a page broken by the first save after start-up still stays on screen.
        """
        root = self.root
        library = ContentLibrary(root)
        if not root.is_dir():
            library.problems.append(Problem(root, None, "the content folder does not exist"))
            self._files.clear()
            self._last_good.clear()
            return library
        seen: dict[Path, ParsedFile] = {}
        failed: set[str] = set()  # pages whose file has errors: already reported once
        for folder, kind in (("regions", "region"), ("topics", "topic")):
            for path in _content_files(root, root / folder, library.problems):
                parsed = self._read(path, kind)
                seen[path] = parsed
                library.problems.extend(parsed.problems)
                page = parsed.page
                if page is not None:
                    self._last_good[path] = page
                elif (page := self._last_good.get(path) or _page_from(previous, path)) is not None:
                    self._last_good[path] = page
                    library.problems.append(Problem(path, None, LAST_GOOD_NOTE, severity="warning"))
                else:
                    failed.add(path.stem)
                    continue
                self._add(library, page, path)
        self._files = seen
        self._last_good = {path: page for path, page in self._last_good.items() if path in seen}
        _check_whole(library, root, failed)
        return library

    def _read(self, path: Path, kind: str) -> ParsedFile:
        stamp = file_stamp(path)
        earlier = self._files.get(path)
        if earlier is not None and earlier.stamp == stamp != MISSING_STAMP:
            return earlier
        problems: list[Problem] = []
        page = _load_page(path, kind, problems)
        return ParsedFile(path, stamp, page, tuple(problems))

    @staticmethod
    def _add(library: ContentLibrary, page: Page, path: Path) -> None:
        earlier = library.pages.get(page.id)
        if earlier is not None:
            library.problems.append(
                Problem(
                    path,
                    FileLines(path).line_of(("id",)),
                    f"the id '{page.id}' is already used by {earlier.path.name}",
                    field="id",
                )
            )
            return
        library.pages[page.id] = page


def _page_from(library: ContentLibrary | None, path: Path) -> Page | None:
    """The page ``library`` read from ``path``, if it has one."""
    if library is None:
        return None
    likely = library.get(path.stem)  # a page's id is nearly always its file's name
    if likely is not None and likely.path == path:
        return likely
    return next((page for page in library.pages.values() if page.path == path), None)


def _check_whole(library: ContentLibrary, root: Path, failed: set[str]) -> None:
    """The checks that need every page: the six regions, the home page and the links."""
    for region_id in REGION_IDS:
        if region_id not in library.pages and region_id not in failed:
            library.problems.append(
                Problem(
                    root / "regions" / f"{region_id}.yaml",
                    None,
                    f"there is no valid page for the {region_id} region",
                )
            )
    if HOME_ID not in library.pages and HOME_ID not in failed:
        library.problems.append(
            Problem(root / "topics" / f"{HOME_ID}.yaml", None, "there is no home page")
        )
    _check_links(library, failed)


def _content_files(root: Path, folder: Path, problems: list[Problem]) -> Iterator[Path]:
    if not folder.is_dir():
        return
    real_root = root.resolve()
    if not folder.resolve().is_relative_to(real_root):
        message = "the folder links outside the content folder; its files were not read"
        problems.append(Problem(folder, None, message))
        return
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() not in CONTENT_SUFFIXES or path.name.startswith("."):
            continue
        try:
            inside = path.resolve().is_relative_to(real_root)
        except (OSError, RuntimeError):  # RuntimeError: a link that leads back to itself
            problems.append(Problem(path, None, "the file is a link that cannot be followed"))
            continue
        if not inside:
            problems.append(
                Problem(path, None, "the file links outside the content folder; it was not read")
            )
        elif path.is_file():
            yield path
        elif path.is_symlink():
            problems.append(Problem(path, None, "the file is a link to a file that is not there"))


def _load_page(path: Path, kind: str, problems: list[Problem]) -> Page | None:
    try:
        doc = read_yaml(path)
    except YamlFileError as exc:
        problems.append(Problem(path, exc.line, exc.message))
        return None
    reader = _PageReader(path, doc)
    try:
        page = reader.region() if kind == "region" else reader.topic()
    except _InvalidPageError:
        page = None
    problems.extend(reader.problems)
    if any(p.severity == "error" for p in reader.problems):
        return None
    return page


class _PageReader:
    """Reads one page's fields, collecting every problem rather than stopping at the first."""

    def __init__(self, path: Path, doc: YamlDocument) -> None:
        self.path = path
        self.doc = doc
        self.problems: list[Problem] = []

    # -- pages -------------------------------------------------------------------------

    def region(self) -> RegionPage:
        self._require_mapping((), REGION_FIELDS)
        page_id = self.text(("id",))
        if page_id is not None and page_id not in REGION_IDS:
            self.fail(("id",), f"'{page_id}' is not a region; use one of: {', '.join(REGION_IDS)}")
        needs_warning = page_id in REGIONS_NEEDING_WARNING
        common = self._common(warning_required=needs_warning)
        causes = [
            Cause(name=self.text((*p, "name")) or "", text=self.text((*p, "text")) or "")
            for p in self.items(("causes",), {"name", "text"})
        ]
        techniques = [
            Technique(
                name=self.text((*p, "name")) or "",
                text=self.text((*p, "text")) or "",
                topic=self.text((*p, "topic"), required=False),
            )
            for p in self.items(("techniques",), {"name", "text", "topic"})
        ]
        return RegionPage(
            **self._complete(common),
            causes=tuple(causes),
            techniques=tuple(techniques),
            self_massage=self._self_massage(),
            prevention=self.text_list(("prevention",)),
            red_flags=self._red_flags(),
        )

    def topic(self) -> TopicPage:
        self._require_mapping((), TOPIC_FIELDS)
        page_id = self.text(("id",))
        if page_id is not None and not TOPIC_ID.match(page_id):
            self.fail(("id",), f"'{page_id}' must be lower-case letters, digits and dashes")
        common = self._common(warning_required=False)
        sections = []
        for p in self.items(("sections",), {"heading", "text", "points"}):
            text = self.text((*p, "text"), required=False)
            points = self.text_list((*p, "points"), required=False)
            if text is None and not points:
                self.fail(p, "a section needs a 'text' or some 'points'")
            sections.append(
                Section(
                    heading=self.text((*p, "heading"), required=False), text=text, points=points
                )
            )
        return TopicPage(**self._complete(common), sections=tuple(sections))

    def _common(self, warning_required: bool) -> dict[str, Any]:
        sources = [
            Source(
                organisation=self.text((*p, "organisation")) or "",
                title=self.text((*p, "title")) or "",
                url=self.text((*p, "url")) or "",
            )
            for p in self.items(("sources",), {"organisation", "title", "url"})
        ]
        fields = {
            "id": self.text(("id",)),
            "title": self.text(("title",)),
            "summary": self.text(("summary",)),
            "warning": self._warning(required=warning_required),
            "related": self.text_list(("related",), required=False),
            "terms": self.text_list(("terms",), required=False),
            "sources": tuple(sources),
            "reviewed": self._date(("reviewed",)),
            "path": self.path,
        }
        return fields

    @staticmethod
    def _complete(common: dict[str, Any]) -> dict[str, Any]:
        """Stop here if a field every page needs is unusable (its problem is already listed)."""
        if any(common[name] is None for name in ("id", "title", "summary", "reviewed")):
            raise _InvalidPageError
        return common

    def _warning(self, required: bool) -> PhysicianWarning | None:
        if self.value(("warning",)) is None:
            if required:
                self.fail(("warning",), "this region must have a physician warning")
            return None
        if not self._require_mapping(("warning",), {"heading", "text"}):
            return None
        heading = self.text(("warning", "heading"))
        text = self.text(("warning", "text"))
        if heading is None or text is None:
            return None
        return PhysicianWarning(heading=heading, text=text)

    def _self_massage(self) -> SelfMassage:
        key = ("self_massage",)
        if not self._require_mapping(key, {"intro", "steps", "not_safe"}):
            return SelfMassage()
        steps = self.text_list((*key, "steps"), required=False)
        not_safe = self.text((*key, "not_safe"), required=False)
        if bool(steps) == bool(not_safe):
            self.fail(key, "give either numbered 'steps' or a 'not_safe' explanation, not both")
        return SelfMassage(
            steps=steps, intro=self.text((*key, "intro"), required=False), not_safe=not_safe
        )

    def _red_flags(self) -> RedFlags:
        key = ("red_flags",)
        if not self._require_mapping(key, {"doctor_soon", "emergency"}):
            return RedFlags((), ())
        return RedFlags(
            doctor_soon=self.text_list((*key, "doctor_soon")),
            emergency=self.text_list((*key, "emergency")),
        )

    # -- fields ------------------------------------------------------------------------

    def value(self, path: KeyPath) -> Any:
        node: Any = self.doc.data
        for part in path:
            if isinstance(part, int):
                if not isinstance(node, list) or part >= len(node):
                    return None
            elif not isinstance(node, dict):
                return None
            node = node[part] if isinstance(part, int) else node.get(part)
        return node

    def fail(self, path: KeyPath, message: str, severity: str = "error") -> None:
        self.problems.append(
            Problem(self.path, self.doc.line_of(path), message, field_name(path) or None, severity)
        )

    def text(self, path: KeyPath, required: bool = True) -> str | None:
        value = self.value(path)
        if value is None:
            if required:
                self.fail(path, "this field is missing")
            return None
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self.fail(path, f"should be text, not {_kind(value)}")
            return None
        cleaned = " ".join(str(value).split())
        if not cleaned:
            if required:
                self.fail(path, "is empty")
            return None
        return cleaned

    def text_list(self, path: KeyPath, required: bool = True) -> tuple[str, ...]:
        value = self.value(path)
        if value is None:
            if required:
                self.fail(path, "this list is missing")
            return ()
        if not isinstance(value, list):
            self.fail(path, f"should be a list (lines starting with '- '), not {_kind(value)}")
            return ()
        if required and not value:
            self.fail(path, "the list is empty")
        texts = (self.text((*path, i)) for i in range(len(value)))
        return tuple(t for t in texts if t is not None)

    def items(self, path: KeyPath, allowed: set[str]) -> Iterator[KeyPath]:
        """Key paths of a required, non-empty list of small records (causes, sources, ...)."""
        value = self.value(path)
        if value is None:
            self.fail(path, "this list is missing")
            return
        if not isinstance(value, list) or not value:
            self.fail(path, "should be a list with at least one item")
            return
        for index in range(len(value)):
            if self._require_mapping((*path, index), allowed):
                yield (*path, index)

    def _require_mapping(self, path: KeyPath, allowed: set[str]) -> bool:
        value = self.value(path)
        if value is None and path:
            self.fail(path, "this field is missing")
            return False
        if not isinstance(value, dict):
            self.fail(path, f"should be a set of fields, not {_kind(value)}")
            if not path:
                raise _InvalidPageError
            return False
        for key in value:
            if key not in allowed:
                self.fail(
                    (*path, key),
                    f"unknown field '{key}' is ignored "
                    f"(allowed here: {', '.join(sorted(allowed))})",
                    severity="warning",
                )
        return True

    def _date(self, path: KeyPath) -> dt.date | None:
        value = self.value(path)
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError:
                pass
        if value is None:
            self.fail(path, "this field is missing")
        else:
            self.fail(path, f"'{value}' is not a date; write it as YYYY-MM-DD")
        return None


def field_name(path: KeyPath) -> str:
    """A field path as a clinic owner reads it: ``causes, item 3, text``."""
    return ", ".join(f"item {part + 1}" if isinstance(part, int) else part for part in path)


def _kind(value: Any) -> str:
    if isinstance(value, dict):
        return "a set of fields"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return f"yes/no ({str(value).lower()})"
    if value is None:
        return "nothing"
    return f"'{value}'"


def _check_links(library: ContentLibrary, failed: set[str]) -> None:
    """Report links to pages that do not exist, and drop them so nothing leads nowhere.

    Links to a page whose own file has errors are dropped quietly: that file's problem is
    already on the list, and fixing it brings the links back.
    """
    for page_id, page in list(library.pages.items()):
        lines = _LinkLines(page.path)
        kept = []
        for index, target in enumerate(page.related):
            if target in library.pages and target != page_id:
                kept.append(target)
            elif target not in failed:
                library.problems.append(lines.broken(("related", index), target))
        changes: dict[str, Any] = {"related": tuple(kept)}
        if isinstance(page, RegionPage):
            techniques = []
            for index, technique in enumerate(page.techniques):
                if technique.topic is not None and technique.topic not in library.pages:
                    if technique.topic not in failed:
                        library.problems.append(
                            lines.broken(("techniques", index, "topic"), technique.topic)
                        )
                    techniques.append(dataclasses.replace(technique, topic=None))
                else:
                    techniques.append(technique)
            changes["techniques"] = tuple(techniques)
        library.pages[page_id] = dataclasses.replace(page, **changes)


class _LinkLines(FileLines):
    """Finds a broken link's line, re-reading the file only when a link is actually broken."""

    def broken(self, key: KeyPath, target: str) -> Problem:
        return Problem(
            self.path,
            self.line_of(key),
            f"links to '{target}', which is not a page",
            field=field_name(key),
        )
