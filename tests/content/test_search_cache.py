"""The search cache: damaged, in the way or unwritable, search still finds the right pages."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from bodymap.content.model import ContentLibrary
from bodymap.content.search import (
    STALE_TEMPORARY_SECONDS,
    TEMPORARY_PREFIX,
    TEMPORARY_SUFFIX,
    SearchIndex,
)
from tests.children import ChildPython
from tests.permissions import run_bound

DAMAGED = "was damaged"


def finds_calf(index: SearchIndex) -> bool:
    return index.search("charley horse").results[0].id == "calf"


@pytest.fixture
def good_cache(shipped_library: ContentLibrary, tmp_path: Path) -> bytes:
    """The bytes of a sound cache for the shipped content."""
    path = tmp_path / "sound.sqlite"
    SearchIndex.open(shipped_library, path).close()
    return path.read_bytes()


@pytest.mark.parametrize(
    "damage",
    [
        "garbage",
        "zeros",
        "header only",
        "first page only",
        "cut in half",
        "last page missing",
        "middle overwritten",
    ],
)
def test_damaged_cache_is_rebuilt_noted_once_in_the_log_and_then_trusted(
    shipped_library: ContentLibrary,
    tmp_path: Path,
    good_cache: bytes,
    damage: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    page = 4096
    damaged = {
        "garbage": b"this is not a database at all " * 100,
        "zeros": bytes(len(good_cache)),
        "header only": good_cache[:100],
        "first page only": good_cache[:page],
        "cut in half": good_cache[: len(good_cache) // 2],
        "last page missing": good_cache[:-page],
        "middle overwritten": good_cache[: 2 * page] + b"\xff" * page + good_cache[3 * page :],
    }[damage]
    cache = tmp_path / "search.sqlite"
    cache.write_bytes(damaged)
    with caplog.at_level("INFO", logger="bodymap"):
        index = SearchIndex.open(shipped_library, cache)
    assert index.rebuilt
    assert finds_calf(index)
    notes = [r for r in caplog.records if DAMAGED in r.getMessage()]
    assert len(notes) == 1 and str(cache) in notes[0].getMessage()
    index.close()
    caplog.clear()
    again = SearchIndex.open(shipped_library, cache)
    assert not again.rebuilt  # the rebuilt cache is sound and used from now on
    assert finds_calf(again)
    assert not caplog.records


def test_cache_left_by_changed_content_is_rebuilt_without_a_note(
    shipped_library: ContentLibrary,
    content_copy: Path,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    from bodymap.content.loader import load_library

    cache = tmp_path / "search.sqlite"
    SearchIndex.open(load_library(content_copy), cache).close()
    (content_copy / "regions" / "neck.yaml").unlink()
    with caplog.at_level("INFO", logger="bodymap"):
        index = SearchIndex.open(load_library(content_copy), cache)
    assert index.rebuilt
    assert index.search("neck").results[0].id != "neck"
    assert not caplog.records  # content edits are normal, not worth a line in the log


def test_a_folder_where_the_cache_should_be_is_left_alone_and_search_runs_in_memory(
    shipped_library: ContentLibrary, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    cache = tmp_path / "search.sqlite"
    cache.mkdir()
    (cache / "something.txt").write_text("the clinic's own file", encoding="utf-8")
    with caplog.at_level("INFO", logger="bodymap"):
        index = SearchIndex.open(shipped_library, cache)
    assert finds_calf(index)
    assert (cache / "something.txt").read_text(encoding="utf-8") == "the clinic's own file"
    assert any("searching in memory" in r.getMessage() for r in caplog.records)
    assert not list(tmp_path.glob(f"{TEMPORARY_PREFIX}*"))  # no temporary file left behind


def test_read_only_cache_folder_still_searches(child_python: ChildPython, tmp_path: Path) -> None:
    """The search runs where permissions bind, as root too (see tests/permissions.py)."""
    folder = tmp_path / "cache"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        report = run_bound(child_python, "search", folder / "search.sqlite")
    finally:
        folder.chmod(0o755)
    assert report["first_result"] == "calf"
    assert any("searching in memory" in note for note in report["log"]), report["log"]
    assert list(folder.iterdir()) == []  # no cache, and no temporary file left behind


def test_temporary_files_of_a_killed_rebuild_are_cleared_when_old(
    shipped_library: ContentLibrary, tmp_path: Path
) -> None:
    old = tmp_path / f"{TEMPORARY_PREFIX}abc123{TEMPORARY_SUFFIX}"
    old_journal = tmp_path / f"{TEMPORARY_PREFIX}abc123{TEMPORARY_SUFFIX}-journal"
    recent = tmp_path / f"{TEMPORARY_PREFIX}def456{TEMPORARY_SUFFIX}"
    for path in (old, old_journal, recent):
        path.write_bytes(b"half an index")
    long_ago = time.time() - STALE_TEMPORARY_SECONDS - 60
    for path in (old, old_journal):
        os.utime(path, (long_ago, long_ago))
    SearchIndex.open(shipped_library, tmp_path / "search.sqlite").close()
    assert not old.exists() and not old_journal.exists()
    assert recent.exists()  # maybe another copy of the app, still building
    assert sorted(p.name for p in tmp_path.iterdir()) == [recent.name, "search.sqlite"]
