"""The parsed content, kept between runs, so start-up does not re-read every YAML file.

Parsing and checking YAML is the slow part of start-up (about 5 ms a page; a clinic's folder
of a few thousand pages would take seconds). ``load_library_cached`` gives exactly what
``load_library`` gives, from a cache file written by an earlier run when the folder has not
changed since, and otherwise loads the folder and writes the cache for next time.

- The cache is trusted only when its stamp matches byte for byte: every content file's name, size,
  modification and change times and inode, in the clinic's folder and in the shipped one
  beneath it (``layers``), the folders themselves, the code that checks the
  content, and the cache format. Any edit, new, removed or renamed file misses.
- It is plain JSON (never pickle): each page is the page type of ``model.py`` encoded and
  decoded by msgspec, so a cache file can hold text, never code, and a new field needs no
  change here. Each page is stored on its own with a checksum and is decoded
  the first time it is wanted, so the first frame only reads the pages it shows, however
  large the folder.
- The header also holds every word of the English pages and the American spelling of the
  British ones (``spelling.american_words``), so showing a page in US spelling needs no
  spelling dictionary at start-up.
- Any problem with the cache (missing, stale, corrupt, unwritable) falls back to a plain load.
  It is written with ``atomic_writer``, so it is never half-written.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import importlib.util
import json
import mmap
import os
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import msgspec

from bodymap import __version__
from bodymap.content import spelling
from bodymap.content.languages import ENGLISH, language_folder, language_of
from bodymap.content.model import (
    CONTENT_FOLDERS,
    HOME_ID,
    ContentLibrary,
    Page,
    PageHeading,
    Problem,
    RegionPage,
    TopicPage,
)
from bodymap.fileio import WriteError, atomic_writer, file_stamp
from bodymap.paths import artwork_file, layered_under

MAGIC = b"BodyMap content cache"
CACHE_FORMAT = 8  # 6: the pages' language and the ids shown in English in its place;
# 7: the English pages' words and their American spellings; 8: the stamp whole, before the header
MAX_FIRST_LINE = 100
# The code whose rules decide what a folder loads to: a change to it (a new check, a bug
# fixed) must not be hidden behind an old cache, even between released versions.
CHECKING_CODE = (
    "loader.py",
    "layers.py",
    "outline.py",
    "yamlfile.py",
    "model.py",
    "schema.py",
    "checks.py",
    "rules.py",
    "rules_es.py",
    "rule_table.py",
    "languages.py",
    "cache.py",
    "spelling.py",  # the words and American spellings kept with the pages
)
_PAGE_DECODER = msgspec.json.Decoder(
    RegionPage | TopicPage, dec_hook=lambda kind, value: Path(value)
)
_PAGE_ENCODER = msgspec.json.Encoder(enc_hook=lambda value: value.as_posix())
REGION, TOPIC = "region", "topic"


def load_library_cached(
    root: Path, cache_path: Path, shipped: Path | None = None, language: str = ENGLISH
) -> ContentLibrary:
    """``load_library(root, shipped=shipped, language=language)``, read from ``cache_path``
    when the folders (the language's own ones too: ``es/regions``...) and the artwork have
    not changed. Each language needs a cache file of its own (``paths.content_cache``)."""
    root = Path(root)
    shipped = layered_under(root, shipped)
    try:
        stamp = content_stamp(root, shipped, language)
    except OSError:
        stamp = None
    if stamp is not None:
        with contextlib.suppress(OSError, ValueError, LookupError, TypeError):
            cached = _read_cache(cache_path, root, stamp, shipped)
            if cached is not None:
                return cached
    library = _load(root, shipped, language)
    if stamp is not None:
        with contextlib.suppress(OSError, WriteError, ValueError, LookupError, TypeError):
            write_cache(cache_path, library, stamp)
            # The same library as the file just written holds it: each page is decoded when
            # wanted, and the thousands of pages read from YAML are freed for the window.
            cached = _read_cache(cache_path, root, stamp, shipped)
            if cached is not None:
                cached.hit = False
                library = cached
    # Reading a folder leaves garbage in reference cycles, and the window is built next with
    # the collector paused (cli._run): collected now, the window reuses that memory (~15 MiB
    # less at the first frame on 2,700 pages). Only after a read of the YAML files.
    gc.collect()
    return library


def _load(root: Path, shipped: Path | None, language: str = ENGLISH) -> ContentLibrary:
    # The YAML reader loads only when there is YAML to read, not on a cache hit.
    from bodymap.content.checks import forget_pronunciations  # noqa: PLC0415
    from bodymap.content.loader import load_library  # noqa: PLC0415

    library = load_library(root, shipped=shipped, language=language)
    forget_pronunciations()  # a start-up load: the window is built next, give it that memory
    return library


def content_stamp(root: Path, shipped: Path | None = None, language: str = ENGLISH) -> bytes | None:
    """A description of everything the loader could see, one line per file (name, size, times,
    inode, link), that changes with any change to it; None if there is no folder. The cache
    keeps it whole and compares it byte for byte: no digest, so no chance of a false match.

    With ``shipped`` (the shipped pages under the clinic folder ``root``), both folders count;
    the clinic folder need not exist (then it has no pages yet). For a language other than
    English its own folders (``es/regions``, ``es/topics``) count as well as the English ones
    it falls back to.
    """
    base = shipped or root
    if not base.is_dir():
        return None
    here = Path(__file__).resolve().parent
    lines = [f"{CACHE_FORMAT} {__version__} {str(root.resolve())!r}"]
    if language != ENGLISH:
        lines.append(f"language {language}")
    lines += [f"{name} {file_stamp(str(here / name))}" for name in CHECKING_CODE]
    lines.append(f"artwork {file_stamp(str(artwork_file()))}")
    lines.append(f"spelling {file_stamp(str(_spelling_data()))}")
    layers = (shipped, root) if shipped is not None else (root,)
    for layer in layers:
        lines.append(f"layer {str(layer.resolve())!r} {file_stamp(str(layer))}")
        folders = [Path(name) for name in CONTENT_FOLDERS]
        if language != ENGLISH:
            folders += [language_folder(Path(), language) / name for name in CONTENT_FOLDERS]
        for folder in folders:
            try:
                entries = sorted(os.scandir(layer / folder), key=lambda entry: entry.name)
            except (FileNotFoundError, NotADirectoryError):
                lines.append(f"{folder}: none")
                continue
            lines.append(f"{folder}:")
            lines += [_entry_stamp(entry) for entry in entries]
    return "\n".join(lines).encode("utf-8", "surrogateescape")


def _entry_stamp(entry: os.DirEntry[str]) -> str:
    """Its name; size, times and inode of what it leads to; where it leads when it is a link."""
    link = os.readlink(entry.path) if entry.is_symlink() else ""
    return f"{entry.name!r} {link!r} {file_stamp(entry)}"


# -- writing -------------------------------------------------------------------------------


def write_cache(cache_path: Path, library: ContentLibrary, stamp: bytes) -> None:
    """A first line naming the format, the header's checksum and the sizes; the stamp; the
    header (problems, region order, each page's heading and where its data is); then each
    page's data.

    The pages are encoded twice, once to learn where each goes and once to write it, so only
    one page's data is held at a time (a folder of thousands of pages would otherwise hold a
    second copy of all of them, 16 MB for 2,700 pages, while it is written). Raises
    WriteError (and writes nothing) when the file cannot be written, ValueError should a
    page encode differently the second time.
    """
    root = library.root
    headings = []
    words: set[bytes] = set()  # of the English pages, for their American spelling
    offset = 0
    for page, relative, data in _encoded_pages(library):
        kind = REGION if isinstance(page, RegionPage) else TOPIC
        where = [offset, len(data), zlib.crc32(data)]
        headings.append([page.id, kind, page.title, page.summary, *where, relative])
        offset += len(data)
        if language_of(page.path) == ENGLISH:
            words |= spelling.json_words(data)
    words_text, american = spelling.american_words(words)
    header = {
        "problems": [_problem_row(problem, root) for problem in library.problems],
        "regions": list(library.region_order),
        "pages": headings,
        "topics": [heading.id for heading in library.topic_headings()],
        "language": library.language,
        "fallback": sorted(library.fallback_ids),
        "words": words_text,
        "american": american,
    }
    text = json.dumps(header, ensure_ascii=False).encode()
    first = b"%s %d %08x %d %d\n" % (MAGIC, CACHE_FORMAT, zlib.crc32(text), len(text), len(stamp))
    cache_path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_writer(cache_path) as pending:
        for piece in (first, stamp, text, b"\n"):
            pending.write(piece)
        for (page, _, data), heading in zip(_encoded_pages(library), headings, strict=True):
            if zlib.crc32(data) != heading[6]:
                raise ValueError(f"the page {page.id} encoded differently the second time")
            pending.write(data)


def _encoded_pages(library: ContentLibrary) -> Iterator[tuple[Page, bool, bytes]]:
    """Each page, whether its path is kept relative to the folder, and its data (JSON)."""
    root = library.root
    for page in library.pages.values():
        relative = page.path.is_relative_to(root)
        stored = page  # kept relative, so it comes back as the loader would make it:
        if relative:
            stored = msgspec.structs.replace(page, path=page.path.relative_to(root))
        yield page, relative, _PAGE_ENCODER.encode(stored)


def _relative(path: Path, root: Path) -> list[object]:
    """Paths are kept relative to the folder, so they come back as the loader would make them."""
    if path.is_relative_to(root):
        return [True, path.relative_to(root).as_posix()]
    return [False, str(path)]


def _problem_row(problem: Problem, root: Path) -> list[object]:
    return [
        _relative(problem.path, root),
        problem.line,
        problem.message,
        problem.field,
        problem.severity,
        problem.rule,
    ]


# -- reading -------------------------------------------------------------------------------


def _read_cache(
    cache_path: Path,
    root: Path,
    stamp: bytes,
    shipped: Path | None,
) -> CachedLibrary | None:
    """The cached library, or None when the file is not this folder's current cache.

    Only the header is read; the pages stay in the file, mapped into memory, and each is
    read when it is first wanted (the mapping holds this file even if a newer one replaces it).
    """
    with open(cache_path, "rb") as file:
        magic, version, checksum, size, stamp_size = file.readline(MAX_FIRST_LINE).rsplit(b" ", 4)
        if magic != MAGIC or int(version) != CACHE_FORMAT:
            return None
        if file.read(int(stamp_size)) != stamp:  # the stamp names the language (content_stamp)
            return None
        text = file.read(int(size))
        if zlib.crc32(text) != int(checksum, 16) or file.read(1) != b"\n":
            return None
        header = json.loads(text)
        pages = mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ)
        start = file.tell()
    rows = {row[0]: row for row in header["pages"]}
    if len(rows) != len(header["pages"]):
        return None
    problems = [
        Problem(_path(where, root), line, message, field, severity, rule)
        for where, line, message, field, severity, rule in header["problems"]
    ]
    library = CachedLibrary(root, problems, rows, _Pages(pages, start), cache_path)
    library.shipped = shipped
    library.language = str(header["language"])
    library.fallback_ids = frozenset(str(page_id) for page_id in header["fallback"])
    library.region_order = tuple(str(region_id) for region_id in header["regions"])
    library.set_topic_order(header["topics"])
    spelling.remember(str(header["words"]), dict(header["american"]))
    return library


class _Pages:
    """The pages' part of a cache file, read page by page from its memory mapping."""

    def __init__(self, mapped: mmap.mmap, start: int) -> None:
        self.mapped = mapped
        self.start = start

    def read(self, offset: int, length: int) -> bytes:
        begin = self.start + offset
        data = self.mapped[begin : begin + length]
        if len(data) != length:
            raise ValueError("the cache file is shorter than its header says")
        return data

    def close(self) -> None:
        self.mapped.close()


class CachedLibrary(ContentLibrary):
    """A library read from the cache: each page is decoded the first time it is wanted.

    ``get``, ``region`` and ``regions`` decode only the pages asked for and ``topic_headings``
    none at all, so the window can open on a folder of thousands of pages. The first use of
    ``pages`` decodes the rest; from then on it is an ordinary dict.
    """

    def __init__(
        self,
        root: Path,
        problems: list[Problem],
        rows: dict[str, list[Any]],
        body: _Pages,
        cache_path: Path,
    ) -> None:
        super().__init__(root, problems=problems)  # also assigns an empty dict to pages...
        self._all: dict[str, Page] | None = None  # ... which are not read until wanted
        self._rows = rows  # page id -> [id, kind, title, summary, offset, length, checksum,
        #                                 whether the path is relative to the folder]
        self._headings: list[PageHeading] | None = None
        self._body = body
        self._cache_path = cache_path
        self._decoded: dict[str, Page | None] = {}
        self._fresh: dict[str, Page] | None = None
        self.hit = True
        """True when the folder was not read (the cache was current); False when the folder
        was just read and this cache written from it."""

    @property
    def pages(self) -> dict[str, Page]:
        if self._all is None:
            found = {page_id: self._page(page_id) for page_id in self._rows}
            self._all = {page_id: page for page_id, page in found.items() if page is not None}
            self._body.close()
        return self._all

    @pages.setter
    def pages(self, pages: dict[str, Page]) -> None:
        self._all = pages

    def get(self, page_id: str) -> Page | None:
        if self._all is not None:
            return self._all.get(page_id)
        return self._page(page_id) if page_id in self._rows else None

    def page_ids(self) -> list[str]:
        return list(self._all if self._all is not None else self._rows)

    def set_topic_order(self, page_ids: list[str]) -> None:
        """The topics as ``topics`` orders them, worked out when the cache was written."""
        rows = [self._rows[page_id] for page_id in page_ids]
        topics = sum(1 for row in self._rows.values() if row[1] == TOPIC and row[0] != HOME_ID)
        if len(set(page_ids)) != topics or any(
            row[1] != TOPIC or row[0] == HOME_ID for row in rows
        ):
            raise ValueError("the cached topic order is not the topics'")
        self._headings = [PageHeading(row[0], row[2], row[3]) for row in rows]

    def topic_headings(self) -> list[PageHeading]:
        if self._all is not None or self._headings is None:
            return super().topic_headings()
        return list(self._headings)

    def _page(self, page_id: str) -> Page | None:
        if page_id not in self._decoded:
            self._decoded[page_id] = self._decode(page_id)
        return self._decoded[page_id]

    def _decode(self, page_id: str) -> Page | None:
        try:
            offset, length, checksum, relative = self._rows[page_id][4:8]
            data = self._body.read(offset, length)
            if zlib.crc32(data) != checksum:
                raise ValueError("checksum mismatch")
            page = _PAGE_DECODER.decode(data)
            if page.id != page_id:
                raise ValueError("the page is not the one its heading names")
            return msgspec.structs.replace(page, path=self.root / page.path) if relative else page
        except (ValueError, LookupError, TypeError, msgspec.DecodeError):
            return self._recover(page_id)

    def _recover(self, page_id: str) -> Page | None:
        """The cache file was damaged after its stamp was written: read the folder instead.

        None only if the page's file has also gone since start-up.
        """
        with contextlib.suppress(OSError):
            self._cache_path.unlink()  # so the next start writes a good one
        if self._fresh is None:
            self._fresh = _load(self.root, self.shipped, self.language).pages
        return self._fresh.get(page_id)


def _path(where: list[Any], root: Path) -> Path:
    relative, text = where
    return root / text if relative else Path(text)


@functools.cache
def _spelling_data() -> Path:
    """breame's word list, whose American forms the cache keeps (``spelling``): a new breame
    with other pairs must not be hidden behind an old cache. Found without importing breame
    (its data module alone takes ~2 ms to import), so the stamp stays a few ``stat`` calls."""
    spec = importlib.util.find_spec("breame")
    if spec is None or not spec.submodule_search_locations:
        return Path("breame-not-installed")
    return Path(next(iter(spec.submodule_search_locations))) / "data" / "spelling_constants.py"
