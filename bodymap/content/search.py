"""Topic search: an SQLite FTS5 index over every page, with bm25 ranking and typo tolerance.

Whatever a person types is reduced to plain words before it reaches SQLite: each word becomes
a quoted prefix term, so FTS5 query syntax (quotes, AND/OR/NOT/NEAR, ``*``, ``:``, ``^``) typed
by a user is never interpreted. Words the index has never seen are matched to the closest
words it has (rapidfuzz), so "stomache", "masage" and "potasium" still find their pages.
Everyday words for each page ("charley horse", "tummy", "crick") come from the content's
``terms`` lists, so a clinic can add its own without code.
"""

from __future__ import annotations

import bisect
import contextlib
import functools
import hashlib
import json
import logging
import os
import re
import sqlite3
import tempfile
import time
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rapidfuzz import process
from rapidfuzz.distance import DamerauLevenshtein

from bodymap.content.model import ContentLibrary, Page
from bodymap.content.outline import filled, page_texts

log = logging.getLogger(__name__)
log.addHandler(logging.NullHandler())  # silent unless the app opens its log file (errorlog)

SCHEMA_VERSION = "3"
TEMPORARY_PREFIX = ".search-"
TEMPORARY_SUFFIX = ".tmp"
STALE_TEMPORARY_SECONDS = 3600
MAX_QUERY_CHARS = 200
MAX_WORDS = 8
HIGHLIGHT_START = "\x02"
HIGHLIGHT_END = "\x03"
# Column weights for bm25: a word in a page's title or everyday terms counts far more than one
# in its body text, so a region's own page ranks above a topic that merely mentions the word.
COLUMNS = ("id", "region", "title", "terms", "summary", "body", "sources")
WEIGHTS = (0.0, 0.0, 10.0, 8.0, 3.0, 1.0, 0.3)
SUMMARY_COLUMN = COLUMNS.index("summary")
BODY_COLUMN = COLUMNS.index("body")
REGION_BOOST = 1.5
ALL_WORDS_BONUS = 2.0
UBIQUITY_MIN_PAGES = 50  # below this, ranking everything is cheap and exact
MIN_QUERY_LETTERS = 2
TITLE_BONUS = 4.0
TERM_BONUS = 3.0
STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "are",
        "at",
        "be",
        "been",
        "but",
        "by",
        "can",
        "could",
        "do",
        "does",
        "for",
        "from",
        "get",
        "gets",
        "getting",
        "got",
        "had",
        "has",
        "have",
        "how",
        "i",
        "i'm",
        "im",
        "in",
        "into",
        "is",
        "it",
        "it's",
        "its",
        "keep",
        "keeps",
        "me",
        "my",
        "of",
        "on",
        "or",
        "should",
        "so",
        "that",
        "the",
        "their",
        "them",
        "there",
        "they",
        "this",
        "to",
        "up",
        "was",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
    ]
)
SPANISH_STOPWORDS = frozenset(
    [
        "a",
        "al",
        "algo",
        "algun",
        "alguna",
        "algunas",
        "alguno",
        "algunos",
        "ante",
        "antes",
        "como",
        "con",
        "contra",
        "cual",
        "cuando",
        "de",
        "del",
        "desde",
        "donde",
        "durante",
        "e",
        "el",
        "ella",
        "ellas",
        "ellos",
        "en",
        "entre",
        "era",
        "eres",
        "es",
        "esa",
        "esas",
        "ese",
        "eso",
        "esos",
        "esta",
        "estaba",
        "estas",
        "este",
        "esto",
        "estos",
        "estoy",
        "fue",
        "fui",
        "ha",
        "han",
        "has",
        "hay",
        "he",
        "la",
        "las",
        "le",
        "les",
        "lo",
        "los",
        "me",
        "mi",
        "mis",
        "mucho",
        "muy",
        "nos",
        "o",
        "os",
        "otra",
        "otro",
        "para",
        "pero",
        "poco",
        "por",
        "porque",
        "que",
        "quien",
        "se",
        "sea",
        "ser",
        "si",
        "sin",
        "sobre",
        "son",
        "soy",
        "su",
        "sus",
        "tambien",
        "te",
        "tengo",
        "tiene",
        "tienen",
        "tu",
        "tus",
        "un",
        "una",
        "uno",
        "unos",
        "y",
        "ya",
        "yo",
        "dio",
        "da",
        "dan",
        "doy",
        "tuve",
        "tuvo",
        "hace",
        "hizo",
        "cuando",
        "como",
        "que",
        "por",
    ]
)
"""Words that carry no meaning in a Spanish search: Snowball's Spanish stop list (the common
part, accents folded; snowballstem.org/algorithms/spanish/stop.txt) plus everyday verbs of
"me dio un tirón", "tengo un calambre"."""
SEARCH_LANGUAGES: dict[str, tuple[frozenset[str], str | None]] = {
    "en": (STOPWORDS, None),
    "es": (SPANISH_STOPWORDS, "spanish"),
}
"""Per language pages are written in: its stop words, and its Snowball stemmer (None: the
index's own English Porter stemmer does it)."""
SIDE_WORDS = {
    "left": "left",
    "right": "right",
    "izquierda": "left",
    "izquierdo": "left",
    "derecha": "right",
    "derecho": "right",
}
"""Words that name the person's side of a paired part ("left calf", "pantorrilla izquierda"),
in English and Spanish: they choose the side to show, not the page, so ranking leaves them
out (``query_side`` reads them)."""
WORD = re.compile(r"[^\W_]+", re.UNICODE)
_MARKS = f"[{HIGHLIGHT_START}{HIGHLIGHT_END}]"
_PLACEHOLDER = re.compile(rf"\{{(?P<mark>{HIGHLIGHT_START})?(?P<name>[a-z_]+){HIGHLIGHT_END}?\}}")
"""A placeholder in a snippet, perhaps highlighted inside its braces."""
_CUT_PLACEHOLDERS = (
    re.compile(rf"^(?P<before>…?{_MARKS}?)(?P<name>[a-z_]+)(?P<after>{_MARKS}?)\}}"),
    re.compile(rf"\{{(?P<before>{_MARKS}?)(?P<name>[a-z_]+)(?P<after>{_MARKS}?…?)$"),
)
"""A placeholder cut by the snippet's start (``…emergency}``) or end (``{emergency…``)."""


@dataclass(frozen=True)
class SearchResult:
    id: str
    title: str
    region: str | None
    score: float
    snippet: str  # plain text; highlighted words sit between HIGHLIGHT_START and HIGHLIGHT_END

    def filled(self, values: Mapping[str, str]) -> SearchResult:
        """This result with the content's placeholders filled by ``values``
        (``outline.fill_values``), in the title and in the snippet, where a placeholder may
        carry the highlight (``{emergency}`` found by "emergency") or be cut by the snippet's
        edge (``…emergency} now``)."""

        def value_of(name: str) -> str | None:
            return values.get("{" + name + "}")

        def whole(match: re.Match[str]) -> str:
            value = value_of(match["name"])
            if value is None:
                return match[0]
            return f"{HIGHLIGHT_START}{value}{HIGHLIGHT_END}" if match["mark"] else value

        def cut(match: re.Match[str]) -> str:
            value = value_of(match["name"])
            return match[0] if value is None else match["before"] + value + match["after"]

        snippet = _PLACEHOLDER.sub(whole, self.snippet)
        for pattern in _CUT_PLACEHOLDERS:
            snippet = pattern.sub(cut, snippet)
        title = filled(self.title, values)
        return SearchResult(self.id, title, self.region, self.score, snippet)

    def snippet_parts(self) -> list[tuple[str, bool]]:
        """The snippet as (text, highlighted) runs, for drawing without any markup."""
        parts: list[tuple[str, bool]] = []
        for index, run in enumerate(re.split(f"[{HIGHLIGHT_START}{HIGHLIGHT_END}]", self.snippet)):
            if run:
                parts.append((run, index % 2 == 1))
        return parts


@dataclass(frozen=True)
class SearchResponse:
    query: str
    results: list[SearchResult]
    suggestions: list[str]


def words_of(text: str) -> list[str]:
    """Lower-case words with accents removed: "Crème" and "creme" are the same word."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return WORD.findall(plain.casefold())


def query_side(query: str) -> str | None:
    """The person's side a query names: ``"left"`` for "left calf" or "my left shoulder",
    ``"right"`` for "right thigh", None when it names neither or both ("left and right")."""
    named = {SIDE_WORDS[w] for w in words_of(query[:MAX_QUERY_CHARS]) if w in SIDE_WORDS}
    return named.pop() if len(named) == 1 else None


def _quoted(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def _document(page: Page) -> dict[str, str]:
    body = [text for path, text in page_texts(page) if path[0] not in ("title", "summary")]
    sources = [f"{s.organisation} {s.title}" for s in page.sources]
    return {
        "id": page.id,
        "region": page.region_id or "",
        "title": page.title,
        "terms": " ; ".join(_page_terms(page)),
        "summary": page.summary,
        "body": " ".join(body),
        "sources": " ; ".join(sources),
    }


def _page_terms(page: Page) -> list[str]:
    """The page's everyday terms, plus its id read as words ("when-not-to-massage")."""
    return [page.id.replace("-", " "), *page.terms]


def fingerprint(library: ContentLibrary) -> str:
    """Changes whenever any page's searchable text (or the language it is read in) changes."""
    digest = hashlib.sha256(SCHEMA_VERSION.encode())
    if library.language != "en":
        digest.update(library.language.encode())
    for page_id in sorted(library.pages):
        digest.update(json.dumps(_document(library.pages[page_id]), sort_keys=True).encode())
    return digest.hexdigest()


class SearchIndex:
    """An FTS5 index over a content library; build it with ``SearchIndex.open``."""

    def __init__(self, connection: sqlite3.Connection, library: ContentLibrary) -> None:
        self.connection = connection
        self.library = library
        rows = connection.execute("SELECT word, docs FROM vocab ORDER BY word").fetchall()
        self.vocabulary: list[str] = [row[0] for row in rows]
        self._docs: dict[str, int] = dict(rows)
        (self._page_count,) = connection.execute("SELECT count(*) FROM pages").fetchone()
        self.rebuilt = False
        self._pages: dict[int, _PageWords] = {}
        self.language = library.language if library.language in SEARCH_LANGUAGES else "en"
        self._stopwords, stemmer = SEARCH_LANGUAGES[self.language]
        self._stemmer = stemmer

    # -- building and caching ------------------------------------------------------------

    @classmethod
    def open(cls, library: ContentLibrary, cache_path: Path | None = None) -> SearchIndex:
        """Use the cache when it matches the content exactly; otherwise (re)build it.

        A stale, corrupt or unreadable cache is never trusted: it is rebuilt, and a damaged
        one is noted in the log. Without a cache path (or when the cache cannot be written,
        say a read-only folder or a folder where the file should be) the index lives in memory.
        """
        expected = fingerprint(library)
        if cache_path is not None:
            cached = cls._from_cache(library, cache_path, expected)
            if cached is not None:
                return cached
        connection = sqlite3.connect(":memory:", check_same_thread=False)
        _fill(connection, library, expected)
        index = cls(connection, library)
        index.rebuilt = True
        return index

    @classmethod
    def _from_cache(
        cls, library: ContentLibrary, cache_path: Path, expected: str
    ) -> SearchIndex | None:
        """The cached index, rebuilt on disk when needed; None when the cache cannot be kept."""
        cached, damage = _open_cached(cache_path, expected)
        if cached is not None:
            return cls(cached, library)
        if damage:
            log.warning("The search cache %s was damaged (%s); rebuilt it.", cache_path, damage)
        try:
            _write_cache(library, cache_path, expected)
        except (OSError, sqlite3.Error) as error:
            log.info(
                "The search cache cannot be saved at %s (%s); searching in memory.",
                cache_path,
                error,
            )
            return None
        cached, damage = _open_cached(cache_path, expected)
        if cached is None:  # replaced by another copy of the app for other content
            return None
        index = cls(cached, library)
        index.rebuilt = True
        return index

    def close(self) -> None:
        self.connection.close()

    # -- searching -----------------------------------------------------------------------

    def search(self, query: str, limit: int = 20) -> SearchResponse:
        words = self._words(query)
        if not words or sum(map(len, words)) < MIN_QUERY_LETTERS:
            return SearchResponse(query, [], [])
        spellings = [[word, *self._near_spellings(word)] for word in words]
        terms = [
            "("
            + " OR ".join(_fts_terms(options, self._whole_word(options[0]), self._stem(options[0])))
            + ")"
            for options in spellings
        ]
        typed = _Typed(words_of(query[:MAX_QUERY_CHARS]), spellings)
        fetch = max(limit * 2, 24)  # room for the title and term bonuses to reorder the top
        # A word on most pages ("massage") adds almost nothing to bm25 but costs the most to
        # rank; match on the telling words and let the title and term bonuses weigh the rest.
        telling = [t for t, w in zip(terms, words, strict=True) if not self._ubiquitous(w)]
        any_word = " OR ".join(terms)
        # Word order and filler words never matter: a page whose title or everyday terms hold
        # only some of the words still counts ("neck cramp" finds Neck).
        titled: dict[int, float] = {}
        if not telling or len(terms) > 1:
            # With only common words typed, pages titled with them are the likely ones; the
            # costly full-text ranking runs only when titles and terms do not give enough.
            title_words = " OR ".join(telling or terms)
            titled = self._ranked(f"{{title terms}} : ({title_words})", fetch)
        ranked: dict[int, float] = {}
        if telling or len(titled) < fetch:
            ranked = self._ranked(" AND ".join(telling or terms), fetch, bonus=ALL_WORDS_BONUS)
        for row, rank in titled.items():
            ranked.setdefault(row, rank)
        if len(ranked) < limit and len(terms) > 1:
            for row, rank in self._ranked(any_word, fetch).items():
                ranked.setdefault(row, rank)
        scored = sorted(
            ((rank + self._bonus(row, typed)) * self._boost(row), row)
            for row, rank in ranked.items()
        )
        scored.sort(key=lambda item: (-item[0], self._info(item[1]).region == ""))
        top = scored[: max(1, limit)]
        snippets = self._snippets(any_word, [row for _, row in top])
        results = []
        for score, row in top:
            info = self._info(row)
            region = info.region or None
            results.append(
                SearchResult(info.id, info.title, region, round(score, 4), snippets.get(row, ""))
            )
        suggestions = [] if results else self.suggest(words)
        return SearchResponse(query, results, suggestions)

    def raw_match(self, expression: str, limit: int = 20) -> list[tuple[str, float]]:
        """A plain FTS5 query (for benchmarks); never called with user input."""
        sql = (
            f"SELECT id, bm25(pages, {', '.join(map(str, WEIGHTS))}) AS rank FROM pages "
            "WHERE pages MATCH ? ORDER BY rank LIMIT ?"
        )
        return [(row[0], row[1]) for row in self.connection.execute(sql, (expression, limit))]

    def suggest(self, words: list[str], limit: int = 3) -> list[str]:
        """The closest words the content knows, for "Did you mean ...?"."""
        found: list[str] = []
        for word in words:
            if self._real_word(word):
                continue  # "wrist" is not a misspelt "brisk"
            for match, _score, _ in process.extract(
                word, self.vocabulary, scorer=DamerauLevenshtein.normalized_similarity, limit=limit
            ):
                if _score >= 0.5 and match not in found:
                    found.append(match)
        return found[:limit]

    def _words(self, query: str) -> list[str]:
        """The words that carry meaning; a lone letter just typed waits for the next one."""
        words = words_of(query[:MAX_QUERY_CHARS])
        longer = [w for w in words if len(w) > 1]
        meaningful = [w for w in longer if w not in self._stopwords and w not in SIDE_WORDS]
        return (meaningful or longer)[:MAX_WORDS]

    def _stem(self, word: str) -> str | None:
        """The Snowball stem of ``word`` in the index's language ("pantorrillas" ->
        "pantorrill"), or None where the index's own stemmer does it (English)."""
        if self._stemmer is None:
            return None
        return _snowball_stem(self._stemmer, word)

    def _real_word(self, word: str) -> bool:
        return is_real_word(word, self.language)

    def _near_spellings(self, word: str) -> list[str]:
        """Words the content knows that are one or two typos away, when ``word`` is unknown.

        A real English word the content does not use ("lats", "wrist") is not a typo: it
        keeps its meaning and is not matched to a word it merely looks like ("lasts").
        """
        if self._known_prefix(word) or self._real_word(word):
            return []
        stem = self._stem(word)
        if stem is not None and self._known_prefix(stem):
            return []  # "pantorrillas" is a form of a word the content has
        distance = 1 if len(word) <= 5 else 2
        found = process.extract(
            word,
            self.vocabulary,
            scorer=DamerauLevenshtein.distance,
            score_cutoff=distance,
            limit=4,
        )
        return [match for match, _distance, _ in found]

    def _whole_word(self, word: str) -> bool:
        """Whether ``word`` is a finished real word the content does not use ("lats"): it is
        then matched as itself, not as the start of a longer word ("lat…" found "later")."""
        return not self._known_prefix(word) and self._real_word(word)

    def _ubiquitous(self, word: str) -> bool:
        """Whether ``word`` (or the words it starts) appears on more than half of the pages."""
        if self._page_count < UBIQUITY_MIN_PAGES:
            return False
        position = bisect.bisect_left(self.vocabulary, word)
        most = 0
        for candidate in self.vocabulary[position : position + 200]:
            if not candidate.startswith(word):
                break
            most = max(most, self._docs.get(candidate, 0))
        return bool(most > self._page_count / 2)

    def _known_prefix(self, word: str) -> bool:
        position = bisect.bisect_left(self.vocabulary, word)
        return position < len(self.vocabulary) and self.vocabulary[position].startswith(word)

    def _ranked(self, expression: str, fetch: int, bonus: float = 0.0) -> dict[int, float]:
        """Row ids of the best matches with their bm25 score (higher is better), plus ``bonus``."""
        sql = (
            f"SELECT rowid, bm25(pages, {', '.join(map(str, WEIGHTS))}) AS rank FROM pages "
            "WHERE pages MATCH ? ORDER BY rank LIMIT ?"
        )
        try:
            rows = self.connection.execute(sql, (expression, fetch)).fetchall()
        except sqlite3.OperationalError:
            return {}
        return {row: -rank + bonus for row, rank in rows}

    def _snippets(self, expression: str, rows: list[int]) -> dict[int, str]:
        """Snippets for the few results shown only: snippet() is the costly part of a query.

        The summary's, where the words are in it; else the body's, where they are there;
        else the summary as it is. The body (long: snippet() reads it all) is looked at only
        for the pages whose summary lacks the words.
        """
        summaries = self._snippet_of(SUMMARY_COLUMN, expression, rows)
        lacking = [row for row in rows if HIGHLIGHT_START not in summaries.get(row, "")]
        bodies = self._snippet_of(BODY_COLUMN, expression, lacking)
        return {
            row: body if HIGHLIGHT_START in (body := bodies.get(row, "")) else summary
            for row, summary in summaries.items()
        }

    def _snippet_of(self, column: int, expression: str, rows: list[int]) -> dict[int, str]:
        if not rows:
            return {}
        marks = f"'{HIGHLIGHT_START}', '{HIGHLIGHT_END}', '…', 12"
        sql = (
            f"SELECT rowid, snippet(pages, {column}, {marks}) FROM pages "
            f"WHERE pages MATCH ? AND rowid IN ({', '.join('?' for _ in rows)})"
        )
        try:
            return dict(self.connection.execute(sql, (expression, *rows)).fetchall())
        except sqlite3.OperationalError:
            return {}

    def _info(self, row: int) -> _PageWords:
        """What ranking needs to know about a page, worked out once per page."""
        info = self._pages.get(row)
        if info is None:
            page_id, title, region = self.connection.execute(
                "SELECT id, title, region FROM pages WHERE rowid = ?", (row,)
            ).fetchone()
            page = self.library.get(page_id)
            terms = _page_terms(page) if page is not None else [page_id]
            phrases = [frozenset(phrase) for phrase in map(words_of, terms) if phrase]
            info = _PageWords(
                page_id,
                title,
                region,
                words_of(title),
                phrases,
                frozenset().union(*phrases),
            )
            self._pages[row] = info
        return info

    def _bonus(self, row: int, typed: _Typed) -> float:
        """Put the page a person meant first.

        bm25 says little about words found on nearly every page ("massage", "cramp"), so the
        page's own title and everyday terms decide: a typed word in the title counts, and a
        whole term inside what was typed ("charley horse" in "I keep getting a charley horse
        at night") counts most.
        """
        info = self._info(row)
        # A region's title is a body part: the strongest sign of what a person means.
        per_word = TITLE_BONUS * (2 if info.region else 1)
        bonus = sum(
            per_word
            for options in typed.spellings
            if _any_match(options, info.title_words, self._stem(options[0]))
        )
        forms = typed.forms
        typed_words = {
            word
            for word in info.term_words
            if word in forms.exact or word.startswith(forms.prefixes or ("\0",))
        }
        for phrase in info.term_phrases:
            if phrase <= typed_words:
                bonus += TERM_BONUS * len(phrase)
        return bonus

    def _boost(self, row: int) -> float:
        """A body region's own page beats a topic that shares the words."""
        return REGION_BOOST if self._info(row).region else 1.0


@dataclass(frozen=True)
class _PageWords:
    id: str
    title: str
    region: str
    title_words: list[str]
    term_phrases: list[frozenset[str]]  # each everyday term, as the set of its words
    term_words: frozenset[str]


@dataclass
class _Typed:
    words: list[str]  # every word typed, in order
    spellings: list[list[str]]  # per meaningful word: the word and its near spellings

    @functools.cached_property
    def forms(self) -> _TypedForms:
        """Every typed word and near spelling, and the words long enough to count as prefixes."""
        exact = set(self.words)
        for options in self.spellings:
            exact.update(options)
        return _TypedForms(frozenset(exact), tuple(w for w in self.words if len(w) >= 4))


@dataclass(frozen=True)
class _TypedForms:
    exact: frozenset[str]
    prefixes: tuple[str, ...]


REAL_WORD_MIN_COUNT = 50
"""How often a word must occur in pyspellchecker's English frequency list (built from
OpenSubtitles) to count as a real word rather than a common misspelling."""


@functools.cache
def _english_counts() -> dict[str, int]:
    """English words and how often each occurs; loaded (~150 ms) with the first word the
    content does not know, never before."""
    from spellchecker import SpellChecker  # noqa: PLC0415 - only for unknown words

    counts: dict[str, int] = SpellChecker(language="en").word_frequency.dictionary
    return counts


def is_english_word(word: str) -> bool:
    """Whether ``word`` (lower case) is a real English word, such as "lats" or "wrist"."""
    return _english_counts().get(word, 0) >= REAL_WORD_MIN_COUNT


@functools.cache
def _spanish_counts() -> dict[str, int]:
    """Spanish words (accents folded) and how often each occurs (pyspellchecker's Spanish
    list, from OpenSubtitles); loaded with the first unknown word of a Spanish search."""
    from spellchecker import SpellChecker  # noqa: PLC0415 - only for unknown words

    counts: dict[str, int] = {}
    for word, count in SpellChecker(language="es").word_frequency.dictionary.items():
        folded = "".join(words_of(word))
        counts[folded] = counts.get(folded, 0) + count
    return counts


def is_real_word(word: str, language: str = "en") -> bool:
    """Whether ``word`` (lower case, accents folded) is a real word of ``language``, so it
    is not a typo to be matched to a content word it looks like."""
    if language == "es":
        return _spanish_counts().get(word, 0) >= REAL_WORD_MIN_COUNT
    return is_english_word(word)


MIN_STEM = 3


@functools.cache
def _snowball(language: str) -> Any:
    """The Snowball stemmer for ``language`` (snowballstemmer; "spanish")."""
    import snowballstemmer  # noqa: PLC0415 - only a Spanish index needs it

    return snowballstemmer.stemmer(language)


@functools.lru_cache(maxsize=4096)
def _snowball_stem(language: str, word: str) -> str | None:
    """The Snowball stem of ``word`` in ``language``, or None when it is too short or the word
    itself. Remembered: ranking asks for the same typed word once per matching page on every
    keystroke, and the pure-Python stemmer costs about 0.1 ms a word."""
    stem: str = _snowball(language).stemWord(word)
    return stem if len(stem) >= MIN_STEM and stem != word else None


def _fts_terms(options: list[str], whole: bool = False, stem: str | None = None) -> list[str]:
    """The typed word as a prefix term (as a whole term when ``whole``), its stem as a prefix
    term ("calambr*" finds "calambres"), and each near spelling as an exact term."""
    typed = _quoted(options[0]) + ("" if whole else "*")
    if stem is not None and options[0].startswith(stem):
        # Every word the typed one (or its prefix) matches starts with its stem as well:
        # one term, not two that match the same words ("masaj*", not also "masaje*").
        typed = _quoted(stem) + "*"
        stem = None
    stems = [] if stem is None else [_quoted(stem) + "*"]
    return [typed, *stems, *(_quoted(option) for option in options[1:])]


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _any_match(options: list[str], words: list[str], stem: str | None = None) -> bool:
    typed, *near = options
    stem = stem or _stem(typed)
    return any(w.startswith(typed) or w.startswith(stem) or w in near for w in words)


def _fill(connection: sqlite3.Connection, library: ContentLibrary, expected: str) -> None:
    columns = ", ".join(
        f"{name} UNINDEXED" if name in ("id", "region") else name for name in COLUMNS
    )
    connection.executescript(
        f"""
        CREATE VIRTUAL TABLE pages USING fts5(
            {columns}, tokenize = 'porter unicode61 remove_diacritics 2', prefix = '2 3 4'
        );
        CREATE TABLE vocab(word TEXT PRIMARY KEY, docs INTEGER NOT NULL) WITHOUT ROWID;
        CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
        """
    )
    vocabulary: dict[str, int] = {}  # word -> number of pages it is on
    placeholders = ", ".join("?" for _ in COLUMNS)
    for page in library.pages.values():
        document = _document(page)
        connection.execute(
            f"INSERT INTO pages({', '.join(COLUMNS)}) VALUES ({placeholders})",
            [document[name] for name in COLUMNS],
        )
        page_words: set[str] = set()
        for name in ("title", "terms", "summary", "body"):
            page_words.update(w for w in words_of(document[name]) if len(w) > 2)
        for word in page_words:
            vocabulary[word] = vocabulary.get(word, 0) + 1
    connection.executemany("INSERT INTO vocab(word, docs) VALUES (?, ?)", vocabulary.items())
    connection.executemany(
        "INSERT INTO meta(key, value) VALUES (?, ?)",
        [("schema", SCHEMA_VERSION), ("fingerprint", expected)],
    )
    connection.execute("INSERT INTO pages(pages) VALUES ('optimize')")
    connection.commit()


def _open_cached(path: Path, expected: str) -> tuple[sqlite3.Connection | None, str]:
    """The cache when it is sound and matches ``expected``; else None and what was damaged.

    A missing or out-of-date cache is normal (the content changed) and gives no damage text;
    a file SQLite cannot read, or one that fails its integrity check, does.
    """
    if not path.is_file():
        return None, ""
    connection: sqlite3.Connection | None = None
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        meta = dict(connection.execute("SELECT key, value FROM meta").fetchall())
        if meta.get("schema") != SCHEMA_VERSION or meta.get("fingerprint") != expected:
            connection.close()
            return None, ""
        connection.execute("SELECT count(*) FROM pages WHERE pages MATCH 'zzzz*'").fetchone()
        (check,) = connection.execute("PRAGMA quick_check").fetchone()
        if check != "ok":
            connection.close()
            return None, str(check)
        return connection, ""
    except sqlite3.Error as error:
        if connection is not None:
            connection.close()
        return None, str(error) or type(error).__name__


def _write_cache(library: ContentLibrary, path: Path, expected: str) -> None:
    """Build into a temporary file beside the cache, then swap it in at once.

    Two copies of the app may rebuild at the same moment: each builds its own temporary file
    and the later rename wins, so the cache is always one whole index, never a mix.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    _remove_stale_temporaries(path.parent)
    handle, temporary = tempfile.mkstemp(
        prefix=TEMPORARY_PREFIX, suffix=TEMPORARY_SUFFIX, dir=path.parent
    )
    os.close(handle)
    try:
        connection = sqlite3.connect(temporary)
        try:
            # A file nobody reads until it is renamed needs no rollback journal: a build cut
            # short is thrown away whole, and no stray "-journal" file is left beside it.
            connection.execute("PRAGMA journal_mode = OFF")
            _fill(connection, library, expected)
        finally:
            connection.close()
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def _remove_stale_temporaries(folder: Path) -> None:
    """A rebuild cut short (the app killed) leaves its temporary file; clear old ones away.

    Only files older than an hour go, so another copy of the app still building is left alone.
    """
    now = time.time()
    for temporary in folder.glob(f"{TEMPORARY_PREFIX}*{TEMPORARY_SUFFIX}*"):
        with contextlib.suppress(OSError):
            if now - temporary.stat().st_mtime > STALE_TEMPORARY_SECONDS:
                temporary.unlink()
