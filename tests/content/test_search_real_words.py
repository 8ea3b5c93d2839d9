"""A real word keeps its meaning: fuzzy and prefix matching never beat it."""

from __future__ import annotations

import pytest

from bodymap.content.model import ContentLibrary
from bodymap.content.search import SearchIndex, is_english_word


@pytest.fixture(scope="module")
def index(shipped_library: ContentLibrary) -> SearchIndex:
    return SearchIndex.open(shipped_library)


def test_lats_does_not_find_chest_through_later_or_lasts(index: SearchIndex) -> None:
    """ "lats" (the back's latissimus muscles) is neither "later" nor "lasts"."""
    response = index.search("lats")
    assert [r.id for r in response.results[:1]] != ["chest"]
    assert all(r.region in (None, "back") for r in response.results[:1])


def test_wrist_is_not_a_misspelt_brisk(index: SearchIndex) -> None:
    """The hand page says "wrist"; nothing is found through "brisk" instead."""
    response = index.search("wrist")
    assert [r.id for r in response.results] == ["hand"]
    for result in response.results:
        marked = [text.lower() for text, highlighted in result.snippet_parts() if highlighted]
        assert marked and all(text.startswith("wrist") for text in marked)
    assert "brisk" not in response.suggestions


@pytest.mark.parametrize(
    ("typo", "expected"),
    [("stomache", "stomach"), ("nek", "neck"), ("charley hors", "calf"), ("calv", "calf")],
)
def test_typos_and_unfinished_words_still_land(
    index: SearchIndex, typo: str, expected: str
) -> None:
    assert index.search(typo).results[0].id == expected


def test_real_words_are_told_from_misspellings() -> None:
    assert is_english_word("lats") and is_english_word("wrist")
    assert not is_english_word("stomache") and not is_english_word("masage")
