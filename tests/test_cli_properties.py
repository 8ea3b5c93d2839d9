"""Property-based tests of the command line: any arguments, a clear answer and no traceback.

Arbitrary argument lists for the window (``--region``, ``--topic``, ``--content-dir``) and
for ``check``, ``search`` and ``handout`` end with one of the documented exit statuses (0 done,
1 problems found or not saved, 2 usage error, 130 interrupted); never with a traceback or the
last-resort "unexpected error"; and a failure always says something. ``main`` runs in-process:
the window's ``run`` and the PDF writer are replaced by recorders (no event loop, no files),
and the content folder is loaded and checked once per folder rather than once per example.
"""

from __future__ import annotations

import functools
import io
import shutil
from collections.abc import Iterator
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from hypothesis import event, example, given, settings
from hypothesis import strategies as st

import bodymap.cli
import bodymap.content.report
import bodymap.handout.cli
import bodymap.handout.pdf
import bodymap.ui.app
from bodymap.cli import main
from bodymap.content.loader import LibraryLoader, load_library
from bodymap.content.model import ContentLibrary
from bodymap.handout.pdf import HandoutResult
from bodymap.paths import content_dir

EXIT_STATUSES = frozenset({0, 1, 2, 130})
STABLE = settings(max_examples=150, deadline=None, derandomize=True, database=None)
"""The same examples on every run (CI stays stable); no example database on disk."""


@dataclass
class Recorded:
    """What the command line asked of the window and the PDF writer."""

    windows: list[tuple[ContentLibrary, str | None]] = field(default_factory=list)
    handouts: list[tuple[Path, tuple[str, ...]]] = field(default_factory=list)


def once_per_folder(function: Any) -> Any:
    """The real loader or checker, remembered per folder: the folders never change here."""
    remembered = functools.cache(function)
    return lambda root, shipped=None, *more, **options: remembered(
        Path(root).absolute(), shipped, *more, **options
    )


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A scratch working folder holding a copy of the content with one broken page."""
    work = tmp_path_factory.mktemp("cli")
    broken = work / "broken"
    shutil.copytree(content_dir(), broken)
    (broken / "topics" / "hydration.yaml").write_text("id: hydration\n\ttitle: tab\n")
    return work


@pytest.fixture(scope="module")
def recorded(folders: Path) -> Iterator[Recorded]:
    found = Recorded()

    def open_window(
        library: ContentLibrary, start_page: str | None = None, loader: object = None
    ) -> int:
        found.windows.append((library, start_page))
        return 0

    def write_pdf(path: Path, request: Any, library: ContentLibrary, diagram: Any) -> Any:
        found.handouts.append((Path(path), tuple(request.page_ids)))
        return HandoutResult(sheets=len(request.page_ids))

    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folders)  # relative paths typed land in the scratch folder
        patch.setattr(bodymap.ui.app, "run", open_window)
        patch.setattr(bodymap.handout.pdf, "write_pdf", write_pdf)
        load = once_per_folder(load_library)
        patch.setattr(
            bodymap.cli,
            "load_library_cached",
            lambda root, _cache, shipped=None, language="en": load(
                root, shipped=shipped, language=language
            ),
        )
        patch.setattr(bodymap.handout.cli, "load_library", load)
        check = once_per_folder(bodymap.content.report.check_content)
        patch.setattr(bodymap.content.report, "check_content", check)
        yield found


def run_cli(argv: list[str]) -> tuple[int, str, str]:
    """Exit status, standard output and standard error of ``bodymap ARGV``."""
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        try:
            status = main(argv)
        except SystemExit as exited:  # argparse: --help, --version and usage errors
            status = exited.code if isinstance(exited.code, int) else int(exited.code is not None)
    return status, out.getvalue(), err.getvalue()


ANY_TEXT = st.text(st.characters(exclude_characters="\x00"), max_size=12)  # argv has no NUL
IDS = st.sampled_from(["calf", "neck", "home", "hydration", "elbow", "CALF", "", "-"]) | ANY_TEXT
FOLDERS = st.sampled_from([str(content_dir()), "broken", "nowhere", ".", ""]) | ANY_TEXT
WORDS = st.sampled_from(["charley", "horse", "tummy", "NEAR(", '"', "*", "-calf", "é"]) | ANY_TEXT
NUMBERS = st.sampled_from(["0", "-1", "3", "40", "x", "1e3", ""]) | ANY_TEXT
PDFS = st.sampled_from(["x.pdf", "out/x.pdf", "x", ""]) | ANY_TEXT
PAPER = st.sampled_from(["A4", "letter", "Legal", ""]) | ANY_TEXT


def command(
    name: list[str], options: dict[str, st.SearchStrategy[str] | None], words: Any
) -> st.SearchStrategy[list[str]]:
    """``name`` followed by options (with values where they take one) and words, any order."""

    def with_value(flag: str) -> st.SearchStrategy[list[str]]:
        values = options[flag]
        return st.just([flag]) if values is None else values.map(lambda value: [flag, value])

    option = st.sampled_from(sorted(options)).flatmap(with_value)
    parts = st.lists(option | words.map(lambda word: [word]), max_size=6)
    return parts.map(lambda found: [*name, *(arg for part in found for arg in part)])


def argument_lists() -> st.SearchStrategy[list[str]]:
    """Each command with its own options and values, and plain jumbles of words and options."""
    jumble = st.sampled_from(
        [
            *("check", "search", "handout", "--region", "--topic", "--content-dir", "--limit"),
            *("-o", "--json", "--grades", "--output", "--page-size", "--version", "--help", "--"),
        ]
    )
    return st.one_of(
        command([], {"--region": IDS, "--topic": IDS, "--content-dir": FOLDERS}, st.nothing()),
        command(["check"], {"--grades": None}, FOLDERS),
        command(["search"], {"--limit": NUMBERS, "--json": None, "--content-dir": FOLDERS}, WORDS),
        command(
            ["handout"],
            {"-o": PDFS, "--output": PDFS, "--page-size": PAPER, "--content-dir": FOLDERS},
            IDS,
        ),
        st.lists(jumble | IDS, max_size=8),
    )


@STABLE
@given(argv=argument_lists())
@example(argv=["--region", "calf"]).via("opens the window at a region")
@example(argv=["check", "broken"]).via("a content folder with a broken page")
@example(argv=["handout", "calf", "home", "-o", "x.pdf"]).via("a page that cannot be printed")
@example(argv=["search", "--limit", "3", "charley", "horse"]).via("a search with results")
def test_any_arguments_end_in_a_documented_status_with_a_message(
    recorded: Recorded, argv: list[str]
) -> None:
    windows, handouts = len(recorded.windows), len(recorded.handouts)
    status, out, err = run_cli(argv)
    kind = argv[0] if argv and argv[0] in ("check", "search", "handout") else "window"
    event(f"{kind} exits {status}")  # shown by --hypothesis-show-statistics
    assert status in EXIT_STATUSES
    assert "Traceback" not in out + err
    assert "unexpected error" not in err, err  # the last line of defence was never needed
    if status == 2:
        assert "error:" in err, err  # a usage error says what was wrong
    if status == 1:
        assert (out + err).strip()  # problems found, no results, or not saved: said which
    if len(recorded.windows) > windows:
        library, start = recorded.windows[-1]
        assert status == 0 and (start is None or start in library.pages)
    if len(recorded.handouts) > handouts:
        assert status == 0 and out.startswith("Wrote ")


def test_interrupted_with_ctrl_c_exits_130_quietly(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(*_args: object, **_kwargs: object) -> ContentLibrary:
        raise KeyboardInterrupt

    # Every way the commands read content (some replaced by the recorder above, so here too).
    monkeypatch.setattr(LibraryLoader, "load", interrupted)
    monkeypatch.setattr(bodymap.cli, "load_library_cached", interrupted)
    monkeypatch.setattr(bodymap.handout.cli, "load_library", interrupted)
    for argv in (["search", "calf"], ["handout", "calf", "-o", "x.pdf"], ["--region", "calf"]):
        assert main(argv) == 130
        assert "Traceback" not in capsys.readouterr().err
