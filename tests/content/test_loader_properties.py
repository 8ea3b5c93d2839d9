"""Property-based tests of the content loader: whatever a page file holds, loading goes on.

Any bytes, any YAML-looking text and any YAML structure written as a page file gives either a
page or a problem naming that file, never an exception, and never stops the other pages
loading. A valid page that was generated, written and loaded holds exactly what was written.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import example, given, settings
from hypothesis import strategies as st

from bodymap.content.loader import load_library
from bodymap.content.model import PAGE_ID_PATTERN, ContentLibrary, TopicPage

STABLE = settings(max_examples=60, deadline=None, derandomize=True, database=None)
"""The same examples on every run (CI stays stable); no example database on disk."""

NEIGHBOURS = ("home", "steady-a", "steady-b")
YAML_LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
"""Where YAML starts a new line (NEL and the Unicode separators too, not only CR and LF)."""


def neighbour_page(page_id: str) -> dict[str, Any]:
    return {
        "id": page_id,
        "title": f"Neighbour {page_id}",
        "summary": "A page that is always valid.",
        "sections": [{"text": "Body text."}],
        "sources": [{"organisation": "NHS", "title": "Cramp", "url": "https://www.nhs.uk/"}],
        "reviewed": "2026-01-01",
    }


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A small content folder with two valid pages; each example rewrites ``topics/fuzz.yaml``."""
    root = tmp_path_factory.mktemp("fuzz") / "content"
    (root / "regions").mkdir(parents=True)
    (root / "topics").mkdir()
    for page_id in NEIGHBOURS:
        text = yaml.safe_dump(neighbour_page(page_id), sort_keys=False)
        (root / "topics" / f"{page_id}.yaml").write_text(text, encoding="utf-8")
    yield root


def load_with(folder: Path, raw: bytes) -> tuple[ContentLibrary, Path]:
    path = folder / "topics" / "fuzz.yaml"
    path.write_bytes(raw)
    return load_library(folder), path


def assert_accounted_for(library: ContentLibrary, path: Path, raw: bytes) -> None:
    """The file became a page or a problem naming it (with a line inside the file), and the
    neighbours loaded untouched."""
    problems = [p for p in library.problems if p.path == path]
    pages = [page for page in library.pages.values() if page.path == path]
    assert pages or any(p.severity == "error" for p in problems), problems
    lines = len(YAML_LINE_BREAK.split(raw.decode("utf-8", "replace")))
    for problem in problems:
        assert problem.message.strip()
        assert problem.line is None or 1 <= problem.line <= lines, problem
    for page_id in NEIGHBOURS:
        neighbour = library.get(page_id)
        assert neighbour is not None and neighbour.path.stem == page_id
    others = [
        p
        for p in library.problems
        if p.path.parent.name == "topics" and p.path != path and not p.rule  # rules: test_checks
    ]
    assert others == []


@STABLE
@given(st.binary(max_size=2_000))
def test_any_bytes_give_a_page_or_a_problem(folder: Path, raw: bytes) -> None:
    library, path = load_with(folder, raw)
    assert_accounted_for(library, path, raw)


YAMLISH = st.text(
    alphabet=st.sampled_from(
        list(":-[]{}#&*!|>'\"\n\t ,?%@`~\\.=<\r\ufeff\x00\x85\u2028") + list("idtle0129ab")
    ),
    max_size=300,
)
FIELD_NAMES = st.sampled_from(
    [
        *("id", "title", "summary", "sections", "sources", "reviewed", "related", "terms"),
        *("warning", "text", "points", "heading", "organisation", "url", "colour", "1", "~", ""),
    ]
)
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=40),
    st.dates().map(str),
    st.just("fuzz"),
)
STRUCTURES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(FIELD_NAMES, inner, max_size=6),
    max_leaves=30,
)


@STABLE
@given(YAMLISH)
def test_any_yaml_looking_text_gives_a_page_or_a_problem(folder: Path, text: str) -> None:
    raw = text.encode("utf-8", "surrogatepass")
    library, path = load_with(folder, raw)
    assert_accounted_for(library, path, raw)


@STABLE
@given(STRUCTURES)
def test_any_yaml_structure_gives_a_page_or_a_problem(folder: Path, data: Any) -> None:
    raw = yaml.safe_dump(data, allow_unicode=True).encode()
    library, path = load_with(folder, raw)
    assert_accounted_for(library, path, raw)


# -- valid pages round-trip ----------------------------------------------------------------

WORDS = st.text(alphabet=st.characters(exclude_categories=["Cs"]), min_size=1, max_size=60).filter(
    lambda text: text.strip() != ""
)
PAGE_IDS = st.from_regex(re.compile(PAGE_ID_PATTERN), fullmatch=True).filter(
    lambda page_id: page_id not in NEIGHBOURS
)
SECTIONS = st.fixed_dictionaries(
    {},
    optional={
        "heading": WORDS,
        "text": WORDS,
        "points": st.lists(WORDS, min_size=1, max_size=3),
    },
).filter(lambda section: "text" in section or "points" in section)
SOURCES = st.fixed_dictionaries({"organisation": WORDS, "title": WORDS, "url": WORDS})
TOPICS = st.fixed_dictionaries(
    {
        "id": PAGE_IDS,
        "title": WORDS,
        "summary": WORDS,
        "sections": st.lists(SECTIONS, min_size=1, max_size=3),
        "sources": st.lists(SOURCES, min_size=1, max_size=2),
        "reviewed": st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31)),
    },
    optional={
        "warning": st.fixed_dictionaries({"heading": WORDS, "text": WORDS}),
        "related": st.lists(st.sampled_from(NEIGHBOURS), unique=True),
        "terms": st.lists(WORDS, max_size=3),
    },
)


def shown(text: str) -> str:
    """What the loader keeps of a text: runs of white space become one space."""
    return " ".join(text.split())


AWKWARD = {  # text YAML would read as something else if it were written carelessly
    "id": "awkward",
    "title": "yes",
    "summary": "a: b # not a comment, - not a list, {not: fields}",
    "sections": [{"heading": "null", "text": "~", "points": ["123", "1e3", "2026-01-01"]}],
    "sources": [{"organisation": "'", "title": '"', "url": "&anchor *alias !tag"}],
    "reviewed": dt.date(2026, 2, 28),
    "terms": ["  spaced   out  ", "tab\there", "line\nbreak"],
}


@STABLE
@given(TOPICS, st.sampled_from(["plain", "flow", "bom", "crlf"]))
@example(AWKWARD, "plain").via("text YAML could misread")
@example(AWKWARD, "flow").via("text YAML could misread")
def test_a_valid_page_holds_what_was_written(
    folder: Path, written: dict[str, Any], style: str
) -> None:
    text = yaml.safe_dump(
        written, sort_keys=False, allow_unicode=True, default_flow_style=style == "flow"
    )
    raw = text.replace("\n", "\r\n").encode() if style == "crlf" else text.encode()
    if style == "bom":
        raw = b"\xef\xbb\xbf" + raw
    library, path = load_with(folder, raw)
    assert [p.describe() for p in library.problems if p.path == path and not p.rule] == []
    page = library.get(written["id"])
    assert isinstance(page, TopicPage) and page.path == path
    assert page.title == shown(written["title"])
    assert page.summary == shown(written["summary"])
    assert page.reviewed == written["reviewed"]
    assert page.related == tuple(written.get("related", ()))
    assert page.terms == tuple(shown(term) for term in written.get("terms", ()))
    warning = written.get("warning")
    assert (page.warning is None) == (warning is None)
    if warning is not None and page.warning is not None:
        assert (page.warning.heading, page.warning.text) == (
            shown(warning["heading"]),
            shown(warning["text"]),
        )
    assert [(s.heading, s.text, s.points) for s in page.sections] == [
        (
            shown(s["heading"]) if "heading" in s else None,
            shown(s["text"]) if "text" in s else None,
            tuple(shown(point) for point in s.get("points", ())),
        )
        for s in written["sections"]
    ]
    assert [(s.organisation, s.title, s.url) for s in page.sources] == [
        (shown(s["organisation"]), shown(s["title"]), shown(s["url"])) for s in written["sources"]
    ]
