"""Search: the page a person meant comes first, whatever they type."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from bodymap.cli import main
from bodymap.content.loader import load_library
from bodymap.content.model import ContentLibrary
from bodymap.content.search import SearchIndex, fingerprint, query_side


@pytest.fixture(scope="module")
def index(shipped_library: ContentLibrary) -> SearchIndex:
    return SearchIndex.open(shipped_library)


RELEVANCE = [
    # everyday phrases
    ("charley horse", "calf"),
    ("I keep getting a charley horse at night", "calf"),
    ("my tummy cramps when I run", "stomach"),
    ("crick in my neck", "neck"),
    ("threw my back out", "back"),
    ("slept wrong", "neck"),
    ("stitch when running", "stomach"),
    ("belly", "stomach"),
    ("toes curl", "foot"),
    ("heart attack", "chest"),
    ("pulled muscle in chest", "chest"),
    ("lower back pain", "back"),
    ("neck cramp", "neck"),
    ("sore calf after running", "calf"),
    ("massage gun", "massage-devices"),
    ("after massage sore", "soreness-after-massage"),
    ("how much water should I drink", "hydration"),
    ("when not to massage", "when-not-to-massage"),
    ("trigger point", "neuromuscular-massage"),
    ("banana", "electrolytes"),
    # medical words
    ("gastrocnemius", "calf"),
    ("lumbar", "back"),
    ("abdominal", "stomach"),
    ("plantar", "foot"),
    ("torticollis", "neck"),
    ("sciatica", "back"),
    # misspellings
    ("stomache", "stomach"),
    ("calve", "calf"),
    ("potasium", "electrolytes"),
    ("chest pian", "chest"),
    ("hydation", "hydration"),
    # case, accents, plurals, word order
    ("CALF", "calf"),
    ("Néck", "neck"),
    ("calves", "calf"),
    ("spasming", "muscle-cramps"),
    ("horse charley", "calf"),
    ("back out threw my", "back"),
    # the hand, thigh and shoulder pages (issue #14): they take these words from calf and neck
    ("hamstring", "thigh"),
    ("charley horse in my thigh", "thigh"),
    ("thigh cramp", "thigh"),
    ("pulled hamstring", "thigh"),
    ("hamstrng", "thigh"),
    ("writer's cramp", "hand"),
    ("wrist", "hand"),
    ("fingers cramping", "hand"),
    ("carpal tunnel", "hand"),
    ("my shoulder is in knots", "shoulder"),
    ("sholder", "shoulder"),
    ("trapezius", "shoulder"),
    ("traps", "shoulder"),
    ("calf cramp", "calf"),
]


@pytest.mark.parametrize(("query", "expected"), RELEVANCE)
def test_the_page_meant_comes_first(index: SearchIndex, query: str, expected: str) -> None:
    results = index.search(query).results
    assert results, f"no results for {query!r}"
    assert results[0].id == expected, [r.id for r in results[:3]]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("should I use heat or ice", "heat-and-cold"),
        ("should I stretch before bed", "stretching"),
        ("what should I do for a leg cramp", "muscle-cramps"),
    ],
)
def test_should_is_not_shoulder(index: SearchIndex, query: str, expected: str) -> None:
    assert index.search(query).results[0].id == expected


@pytest.mark.parametrize(
    ("query", "expected", "side"),
    [
        ("left calf", "calf", "left"),
        ("right thigh", "thigh", "right"),
        ("my left shoulder", "shoulder", "left"),
        ("cramp in my right foot", "foot", "right"),
        ("calf", "calf", None),
        ("left and right hand", "hand", None),
    ],
)
def test_side_words_choose_the_side_not_the_page(
    index: SearchIndex, query: str, expected: str, side: str | None
) -> None:
    assert index.search(query).results[0].id == expected
    assert query_side(query) == side


def test_prefix_matching_as_you_type(index: SearchIndex) -> None:
    for partial in ("mass", "masage"):
        first = index.search(partial).results[0]
        assert "massage" in first.title.lower()
    assert index.search("hydr").results[0].id == "hydration"


def test_region_page_ranks_above_topics_that_mention_it(index: SearchIndex) -> None:
    ids = [r.id for r in index.search("calf").results]
    assert ids[0] == "calf" and len(ids) > 1


def test_results_carry_title_region_and_highlighted_snippet(index: SearchIndex) -> None:
    result = index.search("tummy").results[0]
    assert (result.id, result.title, result.region) == ("stomach", "Stomach", "stomach")
    assert any(highlighted for _, highlighted in index.search("belly").results[0].snippet_parts())
    topic = index.search("hydration").results[0]
    assert topic.region is None and topic.score > 0


def test_no_results_suggests_close_words(index: SearchIndex) -> None:
    response = index.search("calff muscel")
    assert response.results or response.suggestions
    nothing = index.search("qqqqzzzz")
    assert nothing.results == []
    near = index.search("clafx")
    assert near.results or "calf" in near.suggestions


NASTY = [
    '"',
    '"unclosed',
    "(calf",
    "calf)",
    "calf AND",
    "OR",
    "NOT neck",
    "NEAR(calf neck)",
    "*",
    "calf*",
    "-calf",
    "title:calf",
    "^calf",
    "{calf}",
    "calf; DROP TABLE pages;",
    "😀🦵",
    "\x00\x01\x02\x1b[31m",
    "x" * 10_000,
    "calf " * 2_000,
    "   ",
    "",
]


@pytest.mark.parametrize("query", NASTY)
def test_anything_typed_is_safe(index: SearchIndex, query: str) -> None:
    response = index.search(query)
    assert isinstance(response.results, list)
    index.search("calf")  # the index still works afterwards


def test_cache_is_reused_then_rebuilt_when_content_changes(
    content_copy: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache" / "search.sqlite"
    first = SearchIndex.open(load_library(content_copy), cache)
    assert first.rebuilt and cache.is_file()
    first.close()
    second = SearchIndex.open(load_library(content_copy), cache)
    assert not second.rebuilt
    second.close()
    path = content_copy / "regions" / "calf.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("charley horse", "zebra cramp"))
    changed = load_library(content_copy)
    third = SearchIndex.open(changed, cache)
    assert third.rebuilt
    assert third.search("zebra").results[0].id == "calf"


@pytest.mark.parametrize(
    "damage",
    [b"", b"this is not a database at all", b"SQLite format 3\x00" + b"\xff" * 5000],
)
def test_corrupt_cache_is_rebuilt_not_trusted(
    shipped_library: ContentLibrary, tmp_path: Path, damage: bytes
) -> None:
    cache = tmp_path / "search.sqlite"
    cache.write_bytes(damage)
    index = SearchIndex.open(shipped_library, cache)
    assert index.rebuilt
    assert index.search("charley horse").results[0].id == "calf"


def test_cache_from_other_content_is_not_trusted(
    shipped_library: ContentLibrary, content_copy: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "search.sqlite"
    SearchIndex.open(shipped_library, cache).close()
    connection = sqlite3.connect(cache)
    connection.execute("UPDATE meta SET value = 'stale' WHERE key = 'fingerprint'")
    connection.commit()
    connection.close()
    assert SearchIndex.open(shipped_library, cache).rebuilt
    assert fingerprint(shipped_library) != "stale"


def test_unwritable_cache_falls_back_to_memory(
    shipped_library: ContentLibrary, tmp_path: Path
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    index = SearchIndex.open(shipped_library, blocker / "search.sqlite")
    assert index.search("calf").results[0].id == "calf"


# -- the command line ----------------------------------------------------------------------


def test_cli_prints_ranked_tab_separated_lines(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "charley", "horse", "--limit", "3"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "calf\tCalf\tcalf"
    assert 1 <= len(lines) <= 3
    assert all(len(line.split("\t")) == 3 for line in lines)


def test_cli_json_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "hydration", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert rows[0]["id"] == "hydration"
    assert rows[0]["region"] is None
    assert set(rows[0]) == {"id", "title", "region", "score"}
    scores = [row["score"] for row in rows]
    assert scores == sorted(scores, reverse=True)


def test_cli_exit_codes(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["search", "qqqqzzzz"]) == 1
    assert "No results for 'qqqqzzzz'" in capsys.readouterr().err
    assert main(["search", "qqqqzzzz", "--json"]) == 1
    assert json.loads(capsys.readouterr().out) == []
    for bad in (["search"], ["search", "calf", "--limit", "0"], ["search", "calf", "--limit", "x"]):
        with pytest.raises(SystemExit) as exited:
            main(bad)
        assert exited.value.code == 2
    assert main(["search", "calf", "--content-dir", str(tmp_path / "none")]) == 2
