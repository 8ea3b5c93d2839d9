"""Property-based tests of search: whatever a person types, search answers, and always the same.

Any Unicode text (control characters, NUL, FTS5 syntax such as quotes, ``*``, ``NEAR(``,
``OR``, ``-``, ``^`` and ``:``, and very long strings) never raises, returns only pages of the
library, each once, best first, at most ``limit`` of them, and the same results every time.
"""

from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from bodymap.content.model import ContentLibrary
from bodymap.content.search import HIGHLIGHT_END, HIGHLIGHT_START, SearchIndex, SearchResponse

STABLE = settings(max_examples=150, deadline=None, derandomize=True, database=None)
"""The same examples on every run (CI stays stable); no example database on disk."""

FTS_SYNTAX = [
    *('"', "'", "*", "(", ")", "NEAR(", "NEAR", "OR", "AND", "NOT", "-", "^", ":", "+", "{", "}"),
    *("title:", "terms : calf", "calf*", '"calf"', "NEAR(calf neck, 2)", "\x00", ";", "--", "/*"),
]
SHIPPED_WORDS = ["calf", "charley", "horse", "massage", "neck", "tummy", "cramp", "stomache"]


def queries() -> st.SearchStrategy[str]:
    words = st.sampled_from(FTS_SYNTAX + SHIPPED_WORDS) | st.text(max_size=8)
    return st.one_of(
        st.text(),
        st.lists(words, max_size=12).map(" ".join),
        st.builds(
            lambda part, times: part * times, st.text(min_size=1, max_size=8), st.integers(1, 3000)
        ),
        st.text(st.characters(categories=["Cc", "Cf", "Zs", "Zl", "Zp", "Mn", "Co"])),
    )


@pytest.fixture(scope="module")
def indexes(shipped_library: ContentLibrary) -> tuple[SearchIndex, SearchIndex]:
    """Two indexes built apart from the same content: their answers must agree."""
    return SearchIndex.open(shipped_library), SearchIndex.open(shipped_library)


def same(first: SearchResponse, second: SearchResponse) -> bool:
    return (first.results, first.suggestions) == (second.results, second.suggestions)


@STABLE
@given(query=queries(), limit=st.integers(1, 40))
@example(query="x" * 10_000, limit=20).via("a pasted page")
@example(query='"unclosed NEAR( calf* OR -neck ^ title:x', limit=5).via("FTS5 syntax")
def test_any_text_gets_pages_of_the_library_best_first_and_always_the_same(
    indexes: tuple[SearchIndex, SearchIndex],
    shipped_library: ContentLibrary,
    query: str,
    limit: int,
) -> None:
    index, twin = indexes
    response = index.search(query, limit=limit)
    ids = [result.id for result in response.results]
    assert len(ids) <= limit and len(set(ids)) == len(ids)
    for result in response.results:
        page = shipped_library.get(result.id)
        assert page is not None, result.id
        assert (result.title, result.region) == (page.title, page.region_id)
        shown = "".join(text for text, _ in result.snippet_parts())
        assert HIGHLIGHT_START not in shown and HIGHLIGHT_END not in shown
    scores = [result.score for result in response.results]
    assert scores == sorted(scores, reverse=True)
    assert same(index.search(query, limit=limit), response)  # asked again
    assert same(twin.search(query, limit=limit), response)  # asked of an index built apart


@STABLE
@given(query=queries())
def test_a_query_still_works_after_anything_was_typed(
    indexes: tuple[SearchIndex, SearchIndex], query: str
) -> None:
    """Nothing typed leaves the index in a state where the next search goes wrong."""
    index, _ = indexes
    index.search(query)
    assert index.search("charley horse").results[0].id == "calf"
