"""The broken-content corpus: every kind of bad file a clinic's content folder may hold.

Each case is dropped into a copy of the shipped content and loaded the way the app loads it.
For every case the clinic owner must see a message naming the file and line (and the field
where there is one), every other page must still load, and loading must not run anything,
read anything outside the content folder, touch the network or take unbounded time or memory.
"""

from __future__ import annotations

import os
import socket
import sys
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from bodymap.content.loader import load_library
from bodymap.content.model import ContentLibrary
from bodymap.paths import content_dir

MAX_SECONDS = 10.0
MAX_PEAK_BYTES = 50_000_000
"""Safety bounds, not speed targets (those live in bench/): loading the shipped folder takes
well under a second and a few MB, while before the loader counted values as it read, one 1 MB
file took over a minute and 290 MB to refuse."""

READ_EVENTS = frozenset({"open", "os.listdir", "os.scandir"})
FORBIDDEN_EVENTS = frozenset(
    {
        "socket.connect",
        "socket.getaddrinfo",
        "socket.gethostbyname",
        "urllib.Request",
        "webbrowser.open",
        "os.system",
        "os.exec",
        "os.posix_spawn",
        "os.spawn",
        "os.startfile",
        "subprocess.Popen",
        "ctypes.dlopen",
    }
)
_recorders: list[list[tuple[str, tuple[Any, ...]]]] = []


def _audit(event: str, args: tuple[Any, ...]) -> None:
    """Python's audit hooks see every file opened and every process or socket started."""
    if _recorders and (event in READ_EVENTS or event in FORBIDDEN_EVENTS):
        _recorders[-1].append((event, args))


sys.addaudithook(_audit)


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to reach the network fails the test at once."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


@pytest.fixture(scope="module")
def shipped_ids() -> frozenset[str]:
    return frozenset(load_library(content_dir()).pages)


@dataclass
class Loaded:
    """A content folder as the app loaded it, and what loading it cost and touched."""

    root: Path
    library: ContentLibrary
    seconds: float
    peak_bytes: int
    events: list[tuple[str, tuple[Any, ...]]] = field(default_factory=list)

    def messages(self, name: str | None = None) -> list[str]:
        """What the clinic owner reads, for one file (by name) or for all."""
        return [
            p.describe(self.root)
            for p in self.library.problems
            if name is None or p.path.name == name
        ]

    def outside_reads(self) -> list[str]:
        inside = self.root.resolve()
        outside = []
        for event, args in self.events:
            if event in READ_EVENTS and isinstance(args[0], str | bytes | Path):
                path = Path(os.fsdecode(args[0])).resolve()
                if not path.is_relative_to(inside) and not _python_module(path):
                    outside.append(str(path))
        return outside

    def forbidden(self) -> list[str]:
        return [f"{event}{args!r}" for event, args in self.events if event in FORBIDDEN_EVENTS]


def _python_module(path: Path) -> bool:
    """Python importing part of itself (a codec, say), not the loader reading a file."""
    return path.suffix in (".py", ".pyc", ".so") and any(
        path.is_relative_to(Path(folder).resolve()) for folder in sys.path if folder
    )


def load_watched(root: Path) -> Loaded:
    """``load_library`` with its time, peak memory, files read and processes started recorded."""
    events: list[tuple[str, tuple[Any, ...]]] = []
    _recorders.append(events)
    tracemalloc.start()
    started = time.perf_counter()
    try:
        library = load_library(root)
        seconds = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
        _recorders.pop()
    return Loaded(root, library, seconds, peak, events)


def assert_contained(loaded: Loaded) -> None:
    """Nothing ran, nothing outside the folder was read, and the cost stayed bounded."""
    assert loaded.forbidden() == []
    assert loaded.outside_reads() == []
    assert loaded.seconds < MAX_SECONDS, f"took {loaded.seconds:.1f} s"
    assert loaded.peak_bytes < MAX_PEAK_BYTES, f"peak {loaded.peak_bytes / 1e6:.0f} MB"
    for message in loaded.messages():
        assert "Traceback" not in message and "<unicode string>" not in message, message


def assert_others_load(loaded: Loaded, shipped_ids: frozenset[str], broken: str) -> None:
    """Every shipped page still loads, and only the broken file has anything to report."""
    assert shipped_ids - {Path(broken).stem} <= set(loaded.library.pages)
    others = [p.describe(loaded.root) for p in loaded.library.problems if p.path.name != broken]
    assert others == []


# -- files generated at test time: too big, too deep, too many --------------------------------


def billion_laughs() -> bytes:
    """The classic alias bomb: nine levels of nine aliases, a billion "lol"s if expanded."""
    lines = ['# A "billion laughs" alias bomb', 'a0: &a0 ["lol", "lol", "lol", "lol"]']
    for level in range(1, 10):
        aliases = ", ".join([f"*a{level - 1}"] * 9)
        lines.append(f"a{level}: &a{level} [{aliases}]")
    return "\n".join(lines).encode() + b"\n"


def deep_block(levels: int) -> bytes:
    return b"".join(b"  " * i + b"level:\n" for i in range(levels)) + b"  " * levels + b"x\n"


Expected = tuple[int | None, str]
"""The line a problem names (None for the whole file) and how its message starts."""

GENERATED: dict[str, tuple[Callable[[], bytes], Expected]] = {
    "twenty-megabytes": (
        lambda: (b"id: big\nsummary: " + b"lorem ipsum " * 1_747_627)[: 20 * 1024 * 1024],
        (None, "the file is too large (20,971,520 bytes; the limit is 1,000,000)"),
    ),
    "just-under-the-size-limit-many-values": (
        lambda: b"[" + b"1," * 499_000 + b"1]\n",
        (1, "the file has too many values (over 10,000)"),
    ),
    "many-fields": (
        lambda: b"".join(b"field%d: value\n" % i for i in range(40_000)),
        (5000, "the file has too many values (over 10,000)"),
    ),
    "deep-flow": (lambda: b"a: " + b"[" * 100_000, (1, "the data is nested too deeply")),
    "deep-block": (lambda: deep_block(500), (41, "the data is nested too deeply")),
    "billion-laughs": (
        billion_laughs,
        (3, "anchors and aliases (& and *) are not allowed in content"),
    ),
    # Pasted from a PDF, a terminal or a word processor: YAML forbids these characters.
    "nul-byte": (
        lambda: b"id: nul-byte\ntitle: Nul\nsummary: a\x00b\n",
        (3, "the file contains an invisible control character (U+0000)"),
    ),
    "form-feed": (
        lambda: b"id: form-feed\r\ntitle: Feed\r\n\x0csummary: x\r\n",
        (3, "the file contains an invisible control character (U+000C)"),
    ),
    # Values YAML reads as something other than text, and cannot make.
    "huge-number": (
        lambda: b"id: huge\ntitle: " + b"9" * 5_000 + b"\n",
        (2, "'9999999999999999999999999999999999999999…' cannot be read (exceeds the limit"),
    ),
    "impossible-tagged-date": (
        lambda: b"id: date\ntitle: x\nreviewed: !!timestamp 2026-13-45\n",
        (3, "'2026-13-45' cannot be read (month must be in 1..12)"),
    ),
    "terminal-colour-code": (
        lambda: b"id: colour\ntitle: \x1b[31mRed\x1b[0m\n",
        (2, "the file contains an invisible control character (U+001B)"),
    ),
}


def assert_reported(loaded: Loaded, name: str, expected: Expected) -> None:
    line, message = expected
    found = [(p.line, p.describe_what()) for p in loaded.library.problems if p.path.name == name]
    assert any(at == line and what.startswith(message) for at, what in found), found


def load_alone(folder: Path, name: str, raw: bytes) -> Loaded:
    """Load a content folder holding only this one file: what reading it alone costs."""
    (folder / "topics").mkdir(parents=True)
    (folder / "topics" / name).write_bytes(raw)
    return load_watched(folder)


@pytest.mark.parametrize("case", sorted(GENERATED))
def test_generated_file_is_refused_within_bounds_and_named(case: str, tmp_path: Path) -> None:
    make, expected = GENERATED[case]
    name = f"{case}.yaml"
    loaded = load_alone(tmp_path / "content", name, make())
    assert_reported(loaded, name, expected)
    assert_contained(loaded)


# -- pages that still load, with a warning ---------------------------------------------------


def topic_page(page_id: str, *extra: str) -> str:
    """A small valid topic page, with ``extra`` lines added after its summary (line 4 on)."""
    return "\n".join(
        [
            f"id: {page_id}",
            "title: A small page",
            "summary: Short and valid.",
            *extra,
            "sections:",
            "  - text: Some body text.",
            "sources:",
            "  - organisation: NHS",
            "    title: Page",
            "    url: https://www.nhs.uk/",
            "reviewed: 2026-01-01",
            "",
        ]
    )


def test_field_names_yaml_reads_as_numbers_or_nothing_are_named_as_typed(tmp_path: Path) -> None:
    """``~:``, ``yes:`` or ``1:`` are unknown fields like any other, named as they were typed."""
    page = topic_page("odd-names", "~: nothing", "1: one", "yes: agreed", "1.5: more")
    loaded = load_alone(tmp_path / "content", "odd-names.yaml", page.encode())
    for line, name in ((4, "~"), (5, "1"), (6, "yes"), (7, "1.5")):
        assert_reported(
            loaded, "odd-names.yaml", (line, f"warning: {name}: unknown field '{name}'")
        )
    assert loaded.library.get("odd-names") is not None
    assert_contained(loaded)


# -- links ---------------------------------------------------------------------------------

needs_symlinks = pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")


@needs_symlinks
@pytest.mark.parametrize(
    ("links", "expected"),
    [
        ({"loop.yaml": "loop.yaml"}, "the file is a link that cannot be followed"),
        ({"loop.yaml": "back.yaml", "back.yaml": "loop.yaml"}, "the file is a link that cannot"),
        ({"loop.yaml": "deleted.yaml"}, "the file is a link to a file that is not there"),
    ],
)
def test_link_that_loops_or_leads_nowhere_is_named(
    links: dict[str, str], expected: str, tmp_path: Path
) -> None:
    root = tmp_path / "content"
    (root / "topics").mkdir(parents=True)
    for name, target in links.items():
        (root / "topics" / name).symlink_to(target)
    (root / "topics" / "fine.yaml").write_text(topic_page("fine"), encoding="utf-8")
    loaded = load_watched(root)
    assert_reported(loaded, "loop.yaml", (None, expected))
    assert loaded.library.get("fine") is not None
    assert_contained(loaded)
