"""The content cache: a hit is exactly a fresh load, and any change to the folder misses."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from bodymap.content.cache import CachedLibrary, load_library_cached
from bodymap.content.loader import load_library
from bodymap.content.model import ContentLibrary, Problem
from bodymap.paths import content_cache, content_dir


def hit(library: ContentLibrary) -> bool:
    """Whether ``library`` came from a current cache (a miss reads the folder, writes the
    cache and gives the library back from it, not a hit)."""
    return isinstance(library, CachedLibrary) and library.hit


def assert_same(cached: ContentLibrary, fresh: ContentLibrary) -> None:
    """Everything a caller can see: pages (in order), problems, headings and regions."""
    assert cached.root == fresh.root
    assert cached.topic_headings() == fresh.topic_headings()
    assert [page.id for page in cached.regions] == [page.id for page in fresh.regions]
    assert cached.get("calf") == fresh.get("calf")
    assert list(cached.pages) == list(fresh.pages)
    assert cached.pages == fresh.pages
    assert cached.problems == fresh.problems
    assert cached.topics == fresh.topics


def load_twice(root: Path, cache: Path) -> ContentLibrary:
    """Load once to write the cache, then again: the second load must come from it."""
    first = load_library_cached(root, cache)
    assert not hit(first)
    assert cache.is_file()
    second = load_library_cached(root, cache)
    assert hit(second), "the second load did not use the cache"
    return second


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    return tmp_path / "cache" / "content.json"


def test_a_miss_gives_exactly_what_a_fresh_load_gives_from_the_file_it_wrote(
    cache: Path,
) -> None:
    """A first start reads the folder, writes the cache and hands back the library from that
    file (so the thousands of pages read from YAML are freed before the window is built)."""
    first = load_library_cached(content_dir(), cache)
    assert isinstance(first, CachedLibrary) and not hit(first)
    assert_same(first, load_library(content_dir()))


def test_a_hit_gives_exactly_what_a_fresh_load_gives(cache: Path) -> None:
    cached = load_twice(content_dir(), cache)
    assert_same(cached, load_library(content_dir()))


def test_a_hit_keeps_problems_with_file_line_and_field(content_copy: Path, cache: Path) -> None:
    (content_copy / "regions" / "neck.yaml").write_text(
        "id: neck\ntitle: [oops\n", encoding="utf-8"
    )
    hydration = content_copy / "topics" / "hydration.yaml"
    hydration.write_text(
        hydration.read_text(encoding="utf-8").replace("related:\n", "related:\n- nowhere\n"),
        encoding="utf-8",
    )
    (content_copy / "topics" / "stray.yaml").write_text("id: stray\n", encoding="utf-8")
    fresh = load_library(content_copy)
    cached = load_twice(content_copy, cache)
    assert_same(cached, fresh)
    shown = [problem.describe(content_copy) for problem in cached.problems]
    assert any(text.startswith("regions/neck.yaml:2: ") for text in shown)
    broken_link = next(p for p in cached.problems if "nowhere" in p.message)
    assert broken_link.path == hydration
    assert broken_link.field == "related, item 1"
    assert broken_link.line is not None and broken_link.line > 1
    assert any(p.path.name == "stray.yaml" and p.field == "title" for p in cached.problems)


def cache_layout(data: bytes) -> tuple[int, int, int]:
    """Where the stamp, the header and the pages start in a cache file, from its first line."""
    first = data[: data.index(b"\n")]
    header_size, stamp_size = map(int, first.split()[-2:])
    stamp_start = len(first) + 1
    header_start = stamp_start + stamp_size
    assert data[header_start + header_size : header_start + header_size + 1] == b"\n"
    return stamp_start, header_start, header_start + header_size + 1


def test_the_cache_is_plain_json_text(cache: Path) -> None:
    load_library_cached(content_dir(), cache)
    data = cache.read_bytes()
    assert data.startswith(b"BodyMap content cache ")  # not a pickle stream, nor anything run
    stamp_start, header_start, pages_start = cache_layout(data)
    assert b"'hydration.yaml'" in data[stamp_start:header_start]  # the stamp, whole, as text
    pages = data[pages_start:]
    rows = json.loads(data[header_start : pages_start - 1])["pages"]
    assert len(rows) == len(load_library(content_dir()).pages)
    for page_id, kind, title, _summary, offset, length, _checksum, _relative in rows:
        page = json.loads(pages[offset : offset + length])  # each page is JSON on its own
        assert (page["type"], page["id"], page["title"]) == (kind, page_id, title)


def edit_title(path: Path, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    start = text.index("title:")
    end = text.index("\n", start)
    path.write_text(text[:start] + f"title: {new}" + text[end:], encoding="utf-8")


def test_an_edited_file_misses(content_copy: Path, cache: Path) -> None:
    load_twice(content_copy, cache)
    edit_title(content_copy / "topics" / "hydration.yaml", "Drinking enough")
    library = load_library_cached(content_copy, cache)
    page = library.get("hydration")
    assert page is not None and page.title == "Drinking enough"
    assert_same(library, load_library(content_copy))


def test_an_edit_that_keeps_size_and_modification_time_still_misses(
    content_copy: Path, cache: Path
) -> None:
    path = content_copy / "topics" / "hydration.yaml"
    load_twice(content_copy, cache)
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("title: Drinking", "title: Thinking", 1), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert path.stat().st_size == before.st_size
    library = load_library_cached(content_copy, cache)
    page = library.get("hydration")
    assert page is not None and page.title.startswith("Thinking")


def test_an_added_file_misses(content_copy: Path, cache: Path) -> None:
    load_twice(content_copy, cache)
    source = content_copy / "topics" / "hydration.yaml"
    text = source.read_text(encoding="utf-8").replace("id: hydration", "id: fluids")
    (content_copy / "topics" / "fluids.yaml").write_text(text, encoding="utf-8")
    library = load_library_cached(content_copy, cache)
    assert library.get("fluids") is not None
    assert "fluids" in [heading.id for heading in library.topic_headings()]


def test_a_removed_file_misses(content_copy: Path, cache: Path) -> None:
    load_twice(content_copy, cache)
    (content_copy / "topics" / "massage-devices.yaml").unlink()
    library = load_library_cached(content_copy, cache)
    assert library.get("massage-devices") is None
    assert_same(library, load_library(content_copy))


def test_a_renamed_file_misses(content_copy: Path, cache: Path) -> None:
    load_twice(content_copy, cache)
    old = content_copy / "topics" / "stretching.yaml"
    new = content_copy / "topics" / "stretches.yaml"
    old.rename(new)
    library = load_library_cached(content_copy, cache)
    page = library.get("stretching")
    assert page is not None and page.path == new


def test_switching_folders_never_mixes_them(tmp_path: Path, content_copy: Path) -> None:
    other = tmp_path / "other"
    shutil.copytree(content_copy, other)
    edit_title(other / "regions" / "calf.yaml", "Lower leg")
    shared = tmp_path / "one-cache-file.json"  # even one file for both never mixes them
    for _ in range(2):
        for root, title in ((content_copy, "Calf"), (other, "Lower leg")):
            calf = load_library_cached(root, shared).get("calf")
            assert calf is not None and calf.title == title
            assert calf.path == root / "regions" / "calf.yaml"
    assert content_cache(content_copy) != content_cache(other)


def test_paths_follow_the_folder_as_it_was_named(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    load_library_cached(content_dir(), cache)
    monkeypatch.chdir(content_dir().parent)
    library = load_library_cached(Path("content"), cache)
    calf = library.get("calf")
    assert calf is not None and calf.path == Path("content/regions/calf.yaml")
    assert_same(library, load_library(Path("content")))


def test_a_corrupt_cache_is_ignored_and_rebuilt(cache: Path) -> None:
    load_library_cached(content_dir(), cache)
    for garbage in (b"", b"not json at all", b'{"format": 1}\n', b"\x00\xff" * 50):
        cache.write_bytes(garbage)
        assert_same(load_library_cached(content_dir(), cache), load_library(content_dir()))
        assert isinstance(load_library_cached(content_dir(), cache), CachedLibrary)


def test_a_damaged_heading_in_the_cache_misses(cache: Path) -> None:
    load_library_cached(content_dir(), cache)
    data = cache.read_bytes()
    _, header_start, pages_start = cache_layout(data)
    at = data.index(b"Calf", header_start, pages_start)
    cache.write_bytes(data[:at] + b"Half" + data[at + 4 :])
    library = load_library_cached(content_dir(), cache)
    assert not hit(library)
    assert_same(library, load_library(content_dir()))
    assert isinstance(load_library_cached(content_dir(), cache), CachedLibrary)


def test_a_damaged_page_in_the_cache_is_read_from_its_file(cache: Path) -> None:
    load_library_cached(content_dir(), cache)
    data = bytearray(cache.read_bytes())
    pages_start = cache_layout(bytes(data))[2]
    at = data.index(b"charley horse", pages_start)  # in one page's own data
    data[at : at + 7] = b"XXXXXXX"
    cache.write_bytes(bytes(data))
    library = load_library_cached(content_dir(), cache)
    assert hit(library)
    assert_same(library, load_library(content_dir()))
    assert not cache.exists()  # so that the next start writes a good one
    assert isinstance(load_library_cached(content_dir(), cache), ContentLibrary)
    assert cache.is_file()


def test_an_unwritable_cache_still_loads(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    library = load_library_cached(content_dir(), blocker / "content.json")
    assert_same(library, load_library(content_dir()))


def test_a_missing_folder_is_reported_not_cached(tmp_path: Path, cache: Path) -> None:
    library = load_library_cached(tmp_path / "nowhere", cache)
    assert library.problems == [
        Problem(tmp_path / "nowhere", None, "the content folder does not exist")
    ]
    assert not cache.exists()


def test_a_link_pointed_elsewhere_misses(content_copy: Path, tmp_path: Path, cache: Path) -> None:
    first = tmp_path / "first.yaml"
    second = tmp_path / "second.yaml"
    text = (content_copy / "topics" / "hydration.yaml").read_text(encoding="utf-8")
    first.write_text(text.replace("id: hydration", "id: linked"), encoding="utf-8")
    second.write_text(first.read_text(encoding="utf-8"), encoding="utf-8")
    link = content_copy / "topics" / "linked.yaml"
    link.symlink_to(first)
    load_twice(content_copy, cache)
    link.unlink()
    link.symlink_to(second)  # same size, and the same times if the copies were made together
    library = load_library_cached(content_copy, cache)
    assert not hit(library)
    assert_same(library, load_library(content_copy))


def test_spanish_pages_are_cached_too_and_follow_their_own_files(
    content_copy: Path, tmp_path: Path
) -> None:
    """The window opens a Spanish interface on Spanish pages as fast as on English ones."""
    cache = tmp_path / "cache" / "content-es.json"
    first = load_library_cached(content_copy, cache, language="es")
    assert not hit(first)
    second = load_library_cached(content_copy, cache, language="es")
    assert hit(second)
    fresh = load_library(content_copy, language="es")
    assert_same(second, fresh)
    assert second.language == "es"
    assert second.fallback_ids == fresh.fallback_ids
    calf = second.get("calf")
    assert calf is not None and calf.title == "Pantorrilla"
    # The English cache is another file: a Spanish one is never read as English.
    assert load_library_cached(content_copy, cache).language == "en"
    # An edit to a Spanish page misses the Spanish cache.
    spanish_calf = content_copy / "es" / "regions" / "calf.yaml"
    spanish_calf.write_text(spanish_calf.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert not hit(load_library_cached(content_copy, cache, language="es"))


def test_a_new_spelling_word_list_misses(
    content_copy: Path, cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cache keeps each English word's American form from breame's list: an upgraded
    list (another file) must be read again, not hidden behind the old pairs."""
    from bodymap.content import cache as cache_module

    word_list = tmp_path / "spelling_constants.py"
    word_list.write_text("PAIRS = {}\n", encoding="utf-8")
    monkeypatch.setattr(cache_module, "_spelling_data", lambda: word_list)
    load_twice(content_copy, cache)
    word_list.write_text("PAIRS = {'colour': 'color'}\n", encoding="utf-8")
    assert not hit(load_library_cached(content_copy, cache))
    assert hit(load_library_cached(content_copy, cache))
