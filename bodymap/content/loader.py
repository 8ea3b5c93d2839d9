"""Load a content folder into a ContentLibrary, checking every field on the way in.

A file with a problem is reported (file, line, field) and left out; every other page still
loads. Nothing in a file is ever executed, and nothing outside the content folder is read.

With ``shipped`` given, two folders are read as layers: the shipped pages first, then the
clinic's folder (``root``), whose pages replace shipped pages with the same id and add new
ones. Both go through the same reading, schema and checks; a problem names the file it is
in. A clinic page that cannot be read leaves the shipped page on screen (with a note), and a
clinic page older than the shipped page it replaces is reported (``layers.stale_overrides``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import msgspec

from bodymap.artwork import Artwork, ArtworkError, read_artwork
from bodymap.content.checks import check_page
from bodymap.content.languages import (
    DEFAULT_LANGUAGE,
    FALLBACK_LANGUAGE,
    LANGUAGES,
    check_language,
    language_folder,
)
from bodymap.content.layers import SHIPPED_NOTE, stale_overrides
from bodymap.content.model import (
    CONTENT_SUFFIXES,
    HOME_ID,
    LAST_GOOD_NOTE,
    PAGE_TYPES,
    REGIONS_NEEDING_WARNING,
    ContentLibrary,
    Page,
    Problem,
    RegionPage,
)
from bodymap.content.schema import KeyPath, field_name, validate_page
from bodymap.content.yamlfile import FileLines, YamlFileError, read_yaml
from bodymap.fileio import MISSING_STAMP, file_stamp
from bodymap.paths import artwork_file, clinic_content_dir, layered_under


@dataclass(frozen=True)
class ParsedFile:
    """One content file as read from disk, before any check that needs the other pages."""

    path: Path
    stamp: str  # fileio.file_stamp: unchanged stamp, unchanged file
    page: Page | None
    problems: tuple[Problem, ...]  # reading it, then every ``check`` rule on its page


def load_library(
    root: Path,
    artwork: Path | None = None,
    shipped: Path | None = None,
    language: str = DEFAULT_LANGUAGE,
) -> ContentLibrary:
    """Every page of the content folder ``root``; ``artwork`` is the body diagram (the
    shipped one by default), which decides which regions exist and their order.

    With ``shipped``, ``root`` is the clinic's folder laid over those shipped pages (it need
    not exist yet); without it, ``root`` holds every page.

    With ``language`` other than English ("es"), the pages of ``<folder>/es/`` replace the
    English pages with the same id; the ids still in English are ``library.fallback_ids``.
    Raises UnknownLanguageError for a language BodyMap does not know.
    """
    return LibraryLoader(root, artwork, shipped, language).load()


class LibraryLoader:
    """Loads a content folder, and on each later ``load`` re-reads only the files that changed.

    It also remembers the last version of each file that loaded cleanly: when a save breaks
    a page that was fine before, that good version stays in the library (with a note beside
    the problem) until the file is fixed, so an editor's half-finished save never blanks a
    page the clinic is showing.
    """

    def __init__(
        self,
        root: Path,
        artwork: Path | None = None,
        shipped: Path | None = None,
        language: str = DEFAULT_LANGUAGE,
    ) -> None:
        self.language = check_language(language)
        self.root = Path(root)
        self.shipped = layered_under(self.root, shipped)
        self.artwork_path = artwork or artwork_file()
        self._files: dict[Path, ParsedFile] = {}
        self._last_good: dict[Path, tuple[Page, tuple[Problem, ...]]] = {}
        """The last page each file gave without errors, with what the rules said of it."""

    def load(self, previous: ContentLibrary | None = None) -> ContentLibrary:
        """Read the folder; ``previous`` (what is on screen) supplies last good pages too.

        That matters when this loader is new (the window started from the content cache):
        a page broken by the first save after start-up still stays on screen.
        """
        root = self.root
        library = ContentLibrary(root, shipped=self.shipped)
        base = self.shipped or root  # the folder every page is expected in
        if not base.is_dir():
            library.problems.append(Problem(base, None, "the content folder does not exist"))
            self._files.clear()
            self._last_good.clear()
            return library
        if self.shipped is not None and not root.is_dir() and root != clinic_content_dir():
            message = (
                "the clinic's content folder is not there (moved, renamed, or on a drive that "
                "is not connected?), so the shipped pages are shown"
            )
            library.problems.append(Problem(root, None, message, severity="warning"))
        artwork = self._artwork(library)
        library.region_order = artwork.region_ids if artwork is not None else ()
        seen: dict[Path, ParsedFile] = {}
        failed: set[str] = set()  # pages whose file has errors: already reported once
        layers = self._read_layers(library, FALLBACK_LANGUAGE, seen, failed, previous)
        if self.language != FALLBACK_LANGUAGE:
            translated = ContentLibrary(root, shipped=self.shipped)
            self._read_layers(translated, self.language, seen, failed, previous)
            _lay_language(library, translated, self.language)
        self._files = seen
        self._last_good = {path: page for path, page in self._last_good.items() if path in seen}
        _check_whole(library, base, failed)
        library.problems.extend(stale_overrides(layers.overrides))
        return library

    def _read_layers(
        self,
        library: ContentLibrary,
        language: str,
        seen: dict[Path, ParsedFile],
        failed: set[str],
        previous: ContentLibrary | None,
    ) -> _Layers:
        """Read one language's pages, shipped first, into ``library``."""
        base = self.shipped or self.root
        layers = _Layers(language_folder(base, language) if self.shipped is not None else None)
        roots = (self.shipped, self.root) if self.shipped is not None else (self.root,)
        for layer in roots:
            top = language_folder(layer, language)
            for folder, page_type in PAGE_TYPES.items():
                for path in _content_files(top, top / folder, library.problems):
                    parsed = self._read(path, page_type)
                    seen[path] = parsed
                    library.problems.extend(parsed.problems)
                    page = parsed.page
                    if page is not None:
                        self._last_good[path] = (page, _rule_problems(parsed.problems))
                    elif (shown := self._shown_instead(path, previous)) is not None:
                        page, rules = shown
                        note = Problem(path, None, LAST_GOOD_NOTE, severity="warning")
                        library.problems.append(note)
                        library.problems.extend(rules)  # the page shown is held to every rule
                    elif layers.shipped_page(library, path) is not None:
                        library.problems.append(
                            Problem(path, None, SHIPPED_NOTE, severity="warning")
                        )
                        continue
                    else:
                        if language == FALLBACK_LANGUAGE:
                            failed.add(path.stem)
                        continue
                    layers.add(library, page, path)
        return layers

    def _shown_instead(
        self, path: Path, previous: ContentLibrary | None
    ) -> tuple[Page, tuple[Problem, ...]] | None:
        """The last good page of a file that now has errors, and its rule problems."""
        if path not in self._last_good:
            page = _page_from(previous, path)
            if page is None:
                return None
            self._last_good[path] = (page, check_page(page).problems)
        return self._last_good[path]

    def _artwork(self, library: ContentLibrary) -> Artwork | None:
        try:
            return read_artwork(self.artwork_path)
        except ArtworkError as error:
            library.problems.append(Problem(error.path, None, error.reason))
            return None

    def _read(self, path: Path, page_type: type[Page]) -> ParsedFile:
        stamp = file_stamp(path)
        earlier = self._files.get(path)
        if earlier is not None and earlier.stamp == stamp != MISSING_STAMP:
            return earlier
        problems: list[Problem] = []
        page = _load_page(path, page_type, problems)
        if page is not None:
            problems.extend(check_page(page).problems)
        return ParsedFile(path, stamp, page, tuple(problems))


class _Layers:
    """Adds pages to a library, letting the clinic's pages replace the shipped ones by id."""

    def __init__(self, shipped: Path | None) -> None:
        self.shipped = shipped
        self.from_shipped: set[str] = set()
        self.overrides: list[tuple[Page, Page]] = []  # (shipped page, the clinic's page)

    def is_shipped(self, path: Path) -> bool:
        return self.shipped is not None and path.is_relative_to(self.shipped)

    def shipped_page(self, library: ContentLibrary, path: Path) -> Page | None:
        """The shipped page a broken clinic file at ``path`` was meant to replace, if any."""
        if self.is_shipped(path) or path.stem not in self.from_shipped:
            return None
        return library.pages.get(path.stem)

    def add(self, library: ContentLibrary, page: Page, path: Path) -> None:
        earlier = library.pages.get(page.id)
        if earlier is None:
            library.pages[page.id] = page
            if self.is_shipped(path):
                self.from_shipped.add(page.id)
            return
        if page.id in self.from_shipped and not self.is_shipped(path):
            if type(earlier) is type(page):
                self.from_shipped.discard(page.id)
                self.overrides.append((earlier, page))
                library.pages[page.id] = page
                return
            message = (
                f"the id '{page.id}' belongs to a {_kind(earlier)} in the shipped content; "
                f"a {_kind(page)} cannot replace it (use another id)"
            )
        else:
            message = f"the id '{page.id}' is already used by {earlier.path.name}"
        line = FileLines(path).line_of(("id",))
        library.problems.append(Problem(path, line, message, field="id"))


def _lay_language(library: ContentLibrary, translated: ContentLibrary, language: str) -> None:
    """Put the pages written in ``language`` over the English ones with the same id, and
    record the pages still only in English (``check`` lists them; they are not problems)."""
    library.language = language
    library.problems.extend(translated.problems)
    for page_id, page in translated.pages.items():
        earlier = library.pages.get(page_id)
        if earlier is not None and type(earlier) is not type(page):
            message = (
                f"the id '{page_id}' is a {_kind(earlier)} in English; the "
                f"{LANGUAGES[language]} page with that id must be one too"
            )
            line = FileLines(page.path).line_of(("id",))
            library.problems.append(Problem(page.path, line, message, field="id"))
            continue
        if earlier is None:
            message = (
                f"there is no English page '{page_id}'; every page is written in English first "
                "(the page is still shown)"
            )
            library.problems.append(Problem(page.path, None, message, severity="warning"))
        library.pages[page_id] = page
    library.fallback_ids = frozenset(set(library.pages) - set(translated.pages))


def _kind(page: Page) -> str:
    return "region page" if isinstance(page, RegionPage) else "topic page"


def _rule_problems(problems: tuple[Problem, ...]) -> tuple[Problem, ...]:
    return tuple(problem for problem in problems if problem.rule)


def _page_from(library: ContentLibrary | None, path: Path) -> Page | None:
    """The page ``library`` read from ``path``, if it has one."""
    if library is None:
        return None
    likely = library.get(path.stem)  # a page's id is nearly always its file's name
    if likely is not None and likely.path == path:
        return likely
    return next((page for page in library.pages.values() if page.path == path), None)


def _check_whole(library: ContentLibrary, root: Path, failed: set[str]) -> None:
    """The checks that need every page: a page for each region drawn, the home page, links."""
    for region_id in library.region_order:
        if region_id not in library.pages and region_id not in failed:
            library.problems.append(
                Problem(
                    root / "regions" / f"{region_id}.yaml",
                    None,
                    f"there is no valid page for the {region_id} region",
                )
            )
    drawn = set(library.region_order)
    for page in library.pages.values():
        if isinstance(page, RegionPage) and library.region_order and page.id not in drawn:
            library.problems.append(
                Problem(
                    page.path,
                    FileLines(page.path).line_of(("id",)),
                    f"the body map has no outline for '{page.id}', so the page is not on the "
                    f"map (the artwork needs a shape with the id region-{page.id}-front or "
                    f"region-{page.id}-back)",
                    field="id",
                    severity="warning",
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


def _load_page(path: Path, page_type: type[Page], problems: list[Problem]) -> Page | None:
    """The page in one file, or None; every problem found is added to ``problems``."""
    try:
        doc = read_yaml(path)
    except YamlFileError as exc:
        problems.append(Problem(path, exc.line, exc.message))
        return None

    def report(key: KeyPath, message: str, severity: str) -> None:
        problems.append(Problem(path, doc.line_of(key), message, field_name(key) or None, severity))

    page = validate_page(doc.data, page_type, path, report)
    if isinstance(page, RegionPage) and page.id in REGIONS_NEEDING_WARNING and page.warning is None:
        report(("warning",), "this region must have a physician warning", "error")
        return None
    return page


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
                    techniques.append(msgspec.structs.replace(technique, topic=None))
                else:
                    techniques.append(technique)
            changes["techniques"] = tuple(techniques)
        library.pages[page_id] = msgspec.structs.replace(page, **changes)


class _LinkLines(FileLines):
    """Finds a broken link's line, re-reading the file only when a link is actually broken."""

    def broken(self, key: KeyPath, target: str) -> Problem:
        return Problem(
            self.path,
            self.line_of(key),
            f"links to '{target}', which is not a page",
            field=field_name(key),
        )
