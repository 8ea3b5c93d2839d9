"""The broken-content corpus, tried for real (the cases are in corpus_cases.py and corpus/).

For every case: the clinic owner sees a message naming the file and line (and the field where
there is one); every other page still loads; nothing in the file runs; nothing outside the
content folder is read; nothing touches the network; and loading stays within generous bounds
of time and memory. ``bodymap check`` says the same, and exits 1 without a traceback.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import markupsafe
import pytest

from bodymap.artwork import read_artwork
from bodymap.cli import main
from bodymap.content.loader import load_library
from bodymap.content.render import WARNING_ICON, PageColors, RenderOptions, render_page
from bodymap.content.search import SearchIndex
from bodymap.paths import artwork_file, content_dir
from tests.content.corpus_cases import (
    CASES,
    MARKER_PREFIX,
    MARKUP_REGION,
    MARKUP_TOPIC,
    Watched,
    assert_contained,
    build_corpus,
    empty_folder,
    markup_payloads,
    refuse_network,
    watch,
)


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    refuse_network(monkeypatch)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Watched]:
    """The shipped content with every case in it, loaded once from inside a scratch folder
    (where an unsafe tag that ran would leave its marker file)."""
    root = build_corpus(tmp_path_factory.mktemp("corpus") / "content")
    # What the loader reads once a process, whatever the content (the modules it imports when
    # first needed, the pronouncing and hyphenation dictionaries of the reading grade), is
    # read first, so the watched load shows only what the corpus itself makes it read, in
    # whatever order the tests run.
    load_library(content_dir())
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root.parent)
        yield watch(root, trace_memory=False)


def case_ids() -> list[str]:
    return sorted(CASES)


# -- what the clinic owner sees -------------------------------------------------------------


@pytest.mark.parametrize("case_id", case_ids())
def test_each_case_is_reported_with_its_file_and_line(corpus: Watched, case_id: str) -> None:
    case = CASES[case_id]
    assert case.expected or case.loads, "a case must expect a problem, or its page to load"
    reported = corpus.problems(case)
    for line, message in case.expected:
        assert any(at == line and what.startswith(message) for at, what in reported), reported
    assert len(reported) == len(case.expected), reported  # one clear message each, no noise
    pages = [page for page in corpus.library.pages.values() if page.path == corpus.root / case.path]
    assert bool(pages) == case.loads


def test_every_other_page_still_loads(corpus: Watched) -> None:
    shipped = load_library(content_dir())
    touched = {Path(case.path).stem for case in CASES.values() if not case.loads}
    assert set(shipped.pages) - touched <= set(corpus.library.pages)
    case_files = {corpus.root / case.path for case in CASES.values()}
    elsewhere = [p for p in corpus.library.problems if p.path not in case_files]
    assert [p.describe(corpus.root) for p in elsewhere] == []


def test_the_corpus_runs_nothing_reads_nothing_outside_and_stays_offline(corpus: Watched) -> None:
    assert_contained(corpus)
    assert list(corpus.root.parent.glob(f"{MARKER_PREFIX}*")) == []
    assert "secret" not in corpus.library.pages  # the page behind the links to outside


# -- what each case costs on its own ----------------------------------------------------------


@pytest.mark.parametrize("case_id", case_ids())
def test_each_case_alone_stays_within_bounds(
    case_id: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Loaded in a folder of its own, so the time and memory measured are this case's."""
    case = CASES[case_id]
    root = empty_folder(tmp_path / "content")
    case.write(root)
    monkeypatch.chdir(tmp_path)  # an unsafe tag that ran would leave its marker file here
    watched = watch(root)
    assert_contained(watched)
    assert list(tmp_path.glob(f"{MARKER_PREFIX}*")) == []
    pages = [p for p in watched.library.pages.values() if p.path == watched.root / case.path]
    assert watched.problems(case) or pages  # the file was accounted for, one way or the other


# -- cases that need a folder of their own ---------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_a_topics_folder_linked_from_outside_is_not_even_listed(content_copy: Path) -> None:
    outside = content_copy.parent / "elsewhere"
    shutil.move(content_copy / "topics", outside)
    (content_copy / "topics").symlink_to(outside, target_is_directory=True)
    watched = watch(content_copy)
    assert_contained(watched)  # the linked folder's listing is outside too
    message = "the folder links outside the content folder; its files were not read"
    assert (None, message) in [
        (p.line, p.message) for p in watched.library.problems if p.path.name == "topics"
    ]
    assert [page.id for page in watched.library.regions] == list(
        read_artwork(artwork_file()).region_ids
    )
    assert watched.library.topics == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_pipe_named_like_a_page_is_never_opened(content_copy: Path) -> None:
    """Reading a named pipe would wait for ever: it is passed over, and the rest loads."""
    pipe = content_copy / "topics" / "pipe.yaml"
    os.mkfifo(pipe)
    watched = watch(content_copy)
    assert_contained(watched)
    assert all(pipe.name not in str(args[0]) for event, args in watched.events if event == "open")
    assert watched.library.errors == []


def test_a_file_that_cannot_be_read_is_named(
    content_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Tests often run as root, where file permissions do not stop reading: refuse by hand."""
    locked = content_copy / "topics" / "hydration.yaml"
    read_bytes = Path.read_bytes

    def refuse_locked(path: Path) -> bytes:
        if path == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", refuse_locked)
    library = load_library(content_copy)
    assert [p.describe(content_copy) for p in library.problems] == [
        "topics/hydration.yaml: cannot read the file (Permission denied)"
    ]
    assert "hydration" not in library.pages and "calf" in library.pages


def test_a_missing_content_folder_is_named(tmp_path: Path) -> None:
    library = load_library(tmp_path / "nowhere")
    assert library.pages == {}
    assert [p.describe() for p in library.problems] == [
        f"{tmp_path / 'nowhere'}: the content folder does not exist"
    ]


# -- markup, addresses and search --------------------------------------------------------------

ATTRIBUTE = re.compile(r'\b(href|src)="([^"]*)"')


def test_every_corpus_page_links_only_to_pages_and_loads_only_the_warning_icon(
    corpus: Watched,
) -> None:
    """Whatever a file holds, the page pane gets no address to fetch and no link to follow."""
    colors = PageColors(*(["#000000"] * 9))
    for page in corpus.library.pages.values():
        markup = render_page(page, corpus.library, RenderOptions(colors=colors))
        for attribute, value in ATTRIBUTE.findall(markup):
            if attribute == "src":
                assert value == WARNING_ICON, (page.id, value)
            else:
                assert value.startswith("page:") and value[5:] in corpus.library.pages, value


@pytest.mark.parametrize("relative", [MARKUP_REGION, MARKUP_TOPIC])
def test_markup_in_every_field_is_escaped_in_the_page(corpus: Watched, relative: str) -> None:
    page = next(p for p in corpus.library.pages.values() if p.path == corpus.root / relative)
    markup = render_page(page, corpus.library, RenderOptions(colors=PageColors(*["#000"] * 9)))
    for field_path, text in markup_payloads(relative):
        assert markupsafe.escape(text) in markup, field_path
    assert "<script" not in markup and "<!--" not in markup
    assert "<b>title</b>" not in markup and "&amp;amp;" in markup


def test_search_over_the_corpus_finds_only_its_pages_and_shows_text(corpus: Watched) -> None:
    index = SearchIndex.open(corpus.library)
    results = index.search("script alert").results
    assert {r.id for r in results} >= {"back", "heat-and-cold"}
    assert {r.id for r in results} <= set(corpus.library.pages)
    shown = ["".join(text for text, _ in r.snippet_parts()) for r in results]
    assert any("<script>alert(" in text for text in shown), shown  # the characters, as text


# -- the same corpus through `bodymap check` ----------------------------------------------------


def test_check_command_names_every_case_and_exits_1(
    corpus: Watched, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(corpus.root)
    assert main(["check", "."]) == 1
    out, err = capsys.readouterr()
    lines = out.splitlines()
    for case in CASES.values():
        for line, message in case.expected:
            where = f"{case.path}:{line or 1}: {message}"
            assert any(printed.startswith(where) for printed in lines), where
    assert "Traceback" not in out + err and err == ""
    summary = r"\d+ problems in \d+ files; \d+ pages loaded from \. over the shipped pages\."
    assert re.fullmatch(summary, lines[-1])
