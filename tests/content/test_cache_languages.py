"""The content cache in another language (issue #16): Spanish pages come from a cache of their
own, exactly as a fresh Spanish load gives them, and any change to a Spanish or an English page
misses it. ``bodymap search --language es`` reads it, as English search reads English's."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bodymap.cli import main
from bodymap.content.cache import CachedLibrary, load_library_cached
from bodymap.content.loader import load_library
from bodymap.content.model import ContentLibrary
from bodymap.paths import cache_dir, content_cache, content_dir


def hit(library: ContentLibrary) -> bool:
    """Whether ``library`` came from a current cache (a miss reads the folder, writes the
    cache and gives the library back from it, not a hit)."""
    return isinstance(library, CachedLibrary) and library.hit


def load_twice(root: Path, cache: Path) -> ContentLibrary:
    first = load_library_cached(root, cache, language="es")
    assert not hit(first)
    second = load_library_cached(root, cache, language="es")
    assert hit(second), "the second Spanish load did not use the cache"
    return second


def assert_same(cached: ContentLibrary, fresh: ContentLibrary) -> None:
    assert (cached.language, cached.fallback_ids) == (fresh.language, fresh.fallback_ids)
    assert cached.topic_headings() == fresh.topic_headings()
    assert [page.id for page in cached.regions] == [page.id for page in fresh.regions]
    assert cached.pages == fresh.pages
    assert cached.problems == fresh.problems


def test_a_spanish_hit_gives_exactly_what_a_fresh_spanish_load_gives(tmp_path: Path) -> None:
    cached = load_twice(content_dir(), tmp_path / "content-es.json")
    assert_same(cached, load_library(content_dir(), language="es"))
    assert cached.get("calf").title == "Pantorrilla"  # type: ignore[union-attr]
    assert cached.get("hydration").title == "Beber suficiente líquido"  # type: ignore[union-attr]


def test_a_page_shown_in_english_stays_marked_as_one_in_the_cache(
    content_copy: Path, tmp_path: Path
) -> None:
    (content_copy / "es" / "topics" / "hydration.yaml").unlink()
    cached = load_twice(content_copy, tmp_path / "content-es.json")
    assert cached.fallback_ids == frozenset({"hydration"})
    assert cached.get("hydration").title == "Drinking enough fluid"  # type: ignore[union-attr]
    assert_same(cached, load_library(content_copy, language="es"))


@pytest.mark.parametrize("folder", ["es/topics", "topics"])
def test_an_edit_in_either_language_misses_the_spanish_cache(
    content_copy: Path, tmp_path: Path, folder: str
) -> None:
    cache = tmp_path / "content-es.json"
    load_twice(content_copy, cache)
    path = content_copy / folder / "stretching.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["title"] = "Cambiado"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    again = load_library_cached(content_copy, cache, language="es")
    assert not hit(again)
    assert_same(again, load_library(content_copy, language="es"))


def test_the_english_and_spanish_caches_never_mix(content_copy: Path, tmp_path: Path) -> None:
    """One file per language; an English cache is never read as the Spanish pages."""
    assert content_cache(content_copy) != content_cache(content_copy, "es")
    shared = tmp_path / "one-file.json"
    load_library_cached(content_copy, shared)  # English writes it
    spanish = load_library_cached(content_copy, shared, language="es")
    assert spanish.language == "es" and not hit(spanish)
    assert spanish.get("calf").title == "Pantorrilla"  # type: ignore[union-attr]


def test_search_in_spanish_reads_the_spanish_content_cache(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert not list(cache_dir().glob("content-*-es.json"))  # each test has its own cache folder
    assert main(["search", "--language", "es", "calambre en la pierna"]) == 0
    (cache,) = cache_dir().glob("content-*-es.json")
    first = capsys.readouterr().out
    written = cache.stat().st_mtime_ns
    assert main(["search", "--language", "es", "calambre en la pierna"]) == 0
    assert capsys.readouterr().out == first
    assert cache.stat().st_mtime_ns == written  # read, not written again
