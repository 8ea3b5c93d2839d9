"""The broken-content corpus: every kind of bad file a clinic's content folder may hold.

A case is one file (or link) put into a content folder, with the problems the clinic owner must
then see: the line and how the message starts. The cases come from four places:

- ``corpus/*.yaml``: files that read best as files. Each says in its comments what it is and
  what must be reported (``# expect: LINE: message``) and whether its page still loads
  (``# loads: yes``).
- files generated at test time: too big to commit, or bytes an editor would mangle;
- shipped pages edited one way (a region without its warning, markup in every field, ...);
- links: to outside the folder, to a folder, in a circle, to nothing.

``watch`` records what loading a folder cost and touched: time, peak memory (tracemalloc), and
through Python's audit hooks every file opened and every process or socket started.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import sys
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

from bodymap.content.loader import load_library
from bodymap.content.model import ContentLibrary
from bodymap.paths import artwork_file, content_dir

CORPUS_DIR = Path(__file__).with_name("corpus")
MARKER_PREFIX = "corpus-marker"
"""Files the unsafe-tag cases would create in the working folder if anything in them ran."""

Expected = tuple[int | None, str]
"""The line a problem names (None for the whole file) and how its message starts."""


@dataclass(frozen=True)
class Case:
    """One broken (or odd) file, where it goes, and what the clinic owner must see."""

    path: str  # inside the content folder, e.g. "topics/tabs.yaml"
    write: Callable[[Path], None]  # puts the file (or link) into a content folder
    expected: tuple[Expected, ...]
    loads: bool = False  # whether its page still loads despite the problems


# -- files in corpus/ ---------------------------------------------------------------------

EXPECT = re.compile(rb"^# expect: (-|\d+): (.+)$", re.MULTILINE)


def _copy_to(relative: str, source: Path) -> Callable[[Path], None]:
    def write(root: Path) -> None:
        shutil.copyfile(source, root / relative)

    return write


def _file_case(source: Path) -> Case:
    raw = source.read_bytes()
    expected = tuple(
        (None if line == b"-" else int(line), message.decode().rstrip())
        for line, message in EXPECT.findall(raw)
    )
    relative = f"topics/{source.name}"
    return Case(relative, _copy_to(relative, source), expected, b"\n# loads: yes" in raw)


# -- files generated at test time ---------------------------------------------------------


def _bytes(relative: str, make: Callable[[], bytes]) -> Callable[[Path], None]:
    def write(root: Path) -> None:
        (root / relative).write_bytes(make())

    return write


def _deep_block(levels: int) -> bytes:
    return b"".join(b"  " * i + b"level:\n" for i in range(levels)) + b"  " * levels + b"x\n"


TWENTY_MB = 20 * 1024 * 1024

GENERATED: dict[str, tuple[Callable[[], bytes], tuple[Expected, ...]]] = {
    "empty": (lambda: b"", ((1, "the file is empty"),)),
    "blank-lines": (lambda: b"\n   \n\t\n", ((1, "the file is empty"),)),
    "twenty-megabytes": (
        lambda: (b"id: big\nsummary: " + b"lorem ipsum " * (TWENTY_MB // 12 + 1))[:TWENTY_MB],
        ((None, "the file is too large (20,971,520 bytes; the limit is 1,000,000)"),),
    ),
    "near-the-size-limit-many-values": (
        lambda: b"[" + b"1," * 499_000 + b"1]\n",
        ((1, "the file has too many values (over 10,000)"),),
    ),
    "many-fields": (
        lambda: b"".join(b"field%d: value\n" % i for i in range(40_000)),
        ((5000, "the file has too many values (over 10,000)"),),
    ),
    "deeply-nested-brackets": (
        lambda: b"a: " + b"[" * 100_000,
        ((1, "the data is nested too deeply"),),
    ),
    "deeply-nested-fields": (lambda: _deep_block(500), ((41, "the data is nested too deeply"),)),
    # Editors and other programs save text in other encodings.
    "utf-16": (
        lambda: "id: utf-16\ntitle: Saved as UTF-16\n".encode("utf-16"),
        ((1, "the file is not UTF-8 text (bad byte 0xff); save it as UTF-8 in your editor"),),
    ),
    # Pasted from a PDF, a terminal or a word processor: YAML forbids these characters.
    "nul-byte": (
        lambda: b"id: nul-byte\ntitle: Nul\nsummary: a\x00b\n",
        ((3, "the file contains an invisible control character (U+0000)"),),
    ),
    "form-feed": (
        lambda: b"id: form-feed\r\ntitle: Feed\r\n\x0csummary: x\r\n",
        ((3, "the file contains an invisible control character (U+000C)"),),
    ),
    "terminal-colour-code": (
        lambda: b"id: colour\ntitle: \x1b[31mRed\x1b[0m\n",
        ((2, "the file contains an invisible control character (U+001B)"),),
    ),
    # Values YAML reads as something other than text, and cannot make.
    "huge-number": (
        lambda: b"id: huge\ntitle: " + b"9" * 5_000 + b"\n",
        ((2, "'9999999999999999999999999999999999999999…' cannot be read (exceeds the limit"),),
    ),
    "impossible-tagged-date": (
        lambda: b"id: date\ntitle: x\nreviewed: !!timestamp 2026-13-45\n",
        ((3, "'2026-13-45' cannot be read (month must be in 1..12)"),),
    ),
}


# -- shipped pages, edited ----------------------------------------------------------------


def _shipped(relative: str) -> str:
    return (content_dir() / relative).read_text(encoding="utf-8")


def _line_of(text: str, start: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if line.startswith(start))


def _text(relative: str, text: str) -> Callable[[Path], None]:
    def write(root: Path) -> None:
        (root / relative).write_text(text, encoding="utf-8")

    return write


def _without_lines(text: str, start: str) -> str:
    """The text without the line starting with ``start`` and the indented lines under it."""
    kept: list[str] = []
    skipping = False
    for line in text.splitlines():
        if line.startswith(start):
            skipping = True
            continue
        if skipping and (line.startswith((" ", "-")) or not line.strip()):
            continue
        skipping = False
        kept.append(line)
    return "\n".join(kept) + "\n"


NOT_SHOWN = frozenset({"id", "related", "topic", "reviewed", "terms"})
"""Fields that are ids, dates or search words: everything else is text a person reads."""


def payload(field_path: str) -> str:
    """Markup that would do something if it were ever rendered instead of shown."""
    return f'<script>alert("{field_path}")</script><b>{field_path}</b>&amp;<!--'


def _with_markup(data: Any, path: tuple[str, ...] = ()) -> Any:
    """The page with every text a person reads replaced by ``payload`` naming its field."""
    if isinstance(data, dict):
        return {
            key: value if key in NOT_SHOWN else _with_markup(value, (*path, key))
            for key, value in data.items()
        }
    if isinstance(data, list):
        return [_with_markup(item, (*path, str(i))) for i, item in enumerate(data)]
    return payload(".".join(path)) if isinstance(data, str) else data


def markup_everywhere(relative: str) -> str:
    data = yaml.safe_load(_shipped(relative))
    return yaml.safe_dump(_with_markup(data), sort_keys=False, allow_unicode=True, width=1000)


def markup_payloads(relative: str) -> list[tuple[str, str]]:
    """(field, payload) for every text field that ``markup_everywhere`` filled."""
    found: list[tuple[str, str]] = []

    def walk(data: Any, path: tuple[str, ...]) -> None:
        if isinstance(data, dict):
            for key, value in data.items():
                if key not in NOT_SHOWN:
                    walk(value, (*path, key))
        elif isinstance(data, list):
            for i, item in enumerate(data):
                walk(item, (*path, str(i)))
        elif isinstance(data, str):
            found.append((".".join(path), payload(".".join(path))))

    walk(yaml.safe_load(_shipped(relative)), ())
    return found


MARKUP_REGION = "regions/back.yaml"
MARKUP_TOPIC = "topics/heat-and-cold.yaml"


def _edited_cases() -> dict[str, Case]:
    cases: dict[str, Case] = {}

    neck = _without_lines(_shipped("regions/neck.yaml"), "title:")
    cases["missing-title"] = Case(
        "regions/neck.yaml",
        _text("regions/neck.yaml", neck),
        ((1, "title: this field is missing"),),
    )

    foot = _shipped("regions/foot.yaml").replace(
        "\nprevention:\n", "\nprevention: yes\nunused_prevention:\n", 1
    )
    at = _line_of(foot, "prevention: yes")
    cases["wrong-type-in-a-region"] = Case(
        "regions/foot.yaml",
        _text("regions/foot.yaml", foot),
        (
            (at, "prevention: should be a list (lines starting with '- '), not yes/no (true)"),
            (at + 1, "warning: unused_prevention: unknown field 'unused_prevention' is ignored"),
        ),
    )

    chest = _without_lines(_shipped("regions/chest.yaml"), "warning:")
    cases["chest-without-its-warning"] = Case(
        "regions/chest.yaml",
        _text("regions/chest.yaml", chest),
        ((1, "warning: this region must have a physician warning"),),
    )

    elbow = _shipped("regions/foot.yaml").replace("id: foot", "id: elbow", 1)
    cases["unknown-region"] = Case(
        "regions/elbow.yaml",
        _text("regions/elbow.yaml", elbow),
        ((1, "warning: id: the body map has no outline for 'elbow', so the page is not on the"),),
        loads=True,
    )

    calf = _shipped("regions/calf.yaml").replace("topic: ", "topic: no-such-technique  # ", 1)
    techniques = yaml.safe_load(calf)["techniques"]
    item = next(i for i, t in enumerate(techniques, 1) if t.get("topic") == "no-such-technique")
    field_name = f"techniques, item {item}, topic"
    cases["technique-links-to-a-missing-page"] = Case(
        "regions/calf.yaml",
        _text("regions/calf.yaml", calf),
        (
            (
                _line_of(calf, "    topic: no-such-technique"),
                f"{field_name}: links to 'no-such-technique', which is not a page",
            ),
        ),
        loads=True,
    )

    stretching = "id: stretching\ntitle: [unclosed\n"
    cases["malformed-page-others-link-to"] = Case(
        "topics/stretching.yaml",
        _text("topics/stretching.yaml", stretching),
        ((2, "not valid YAML: expected ',' or ']', but got 'the end of the file'"),),
    )

    hydration = "\ufeff" + _shipped("topics/hydration.yaml")
    cases["shipped-page-saved-with-a-bom"] = Case(
        "topics/hydration.yaml", _text("topics/hydration.yaml", hydration), (), loads=True
    )

    for name, relative in (
        ("markup-in-every-region-field", MARKUP_REGION),
        ("markup-in-every-topic-field", MARKUP_TOPIC),
    ):
        text = markup_everywhere(relative)
        cases[name] = Case(relative, _text(relative, text), (), loads=True)
    return cases


# -- links --------------------------------------------------------------------------------


def _outside(root: Path) -> Path:
    """A folder beside the content folder, holding a page that must never be read."""
    outside = root.parent / "outside"
    outside.mkdir(exist_ok=True)
    secret = outside / "secret.yaml"
    secret.write_text(_shipped("topics/hydration.yaml").replace("id: hydration", "id: secret"))
    return outside


def _link(relative: str, target: Callable[[Path], Path | str]) -> Callable[[Path], None]:
    def write(root: Path) -> None:
        (root / relative).symlink_to(target(root))

    return write


OUTSIDE = "the file links outside the content folder; it was not read"


def _link_cases() -> dict[str, Case]:
    if not hasattr(os, "symlink"):
        return {}
    return {
        "link-to-a-file-outside": Case(
            "topics/secret.yaml",
            _link("topics/secret.yaml", lambda root: _outside(root) / "secret.yaml"),
            ((None, OUTSIDE),),
        ),
        "link-to-a-folder-outside": Case(
            "topics/outside.yaml",
            _link("topics/outside.yaml", _outside),
            ((None, OUTSIDE),),
        ),
        "link-to-itself": Case(
            "topics/loop.yaml",
            _link("topics/loop.yaml", lambda root: "loop.yaml"),
            ((None, "the file is a link that cannot be followed"),),
        ),
        "link-to-nothing": Case(
            "topics/gone.yaml",
            _link("topics/gone.yaml", lambda root: "deleted.yaml"),
            ((None, "the file is a link to a file that is not there"),),
        ),
    }


def _all_cases() -> dict[str, Case]:
    cases = {path.stem: _file_case(path) for path in sorted(CORPUS_DIR.glob("*.yaml"))}
    for name, (make, expected) in GENERATED.items():
        relative = f"topics/{name}.yaml"
        cases[name] = Case(relative, _bytes(relative, make), expected)
    cases.update(_edited_cases())
    cases.update(_link_cases())
    return cases


CASES = _all_cases()


def empty_folder(root: Path) -> Path:
    (root / "regions").mkdir(parents=True)
    (root / "topics").mkdir()
    return root


def build_corpus(root: Path) -> Path:
    """The shipped content with every case in it at once."""
    shutil.copytree(content_dir(), root)
    for case in CASES.values():
        target = root / case.path
        if target.exists() or target.is_symlink():
            target.unlink()
        case.write(root)
    return root


# -- watching what loading costs and touches ----------------------------------------------

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


@dataclass
class Watched:
    """A content folder as the app loaded it, and what loading it cost and touched."""

    root: Path
    library: ContentLibrary
    seconds: float
    peak_bytes: int | None
    events: list[tuple[str, tuple[Any, ...]]] = field(default_factory=list)

    def problems(self, case: Case) -> list[tuple[int | None, str]]:
        """What the clinic owner reads about reading one case's file: line and message.

        The ``check`` rules also run on every page that loads (``Problem.rule``); the corpus
        is about reading files, so those are left to the rule tests."""
        path = self.root / case.path
        return [
            (p.line, p.describe_what())
            for p in self.library.problems
            if p.path == path and not p.rule
        ]

    def outside_reads(self) -> list[str]:
        inside = self.root.resolve()
        artwork = artwork_file().resolve()  # the shipped body diagram: which regions exist
        outside = []
        for event, args in self.events:
            if event in READ_EVENTS and isinstance(args[0], str | bytes | os.PathLike):
                path = Path(os.fsdecode(args[0])).resolve()
                if path == artwork:
                    continue
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


def watch(root: Path, trace_memory: bool = True) -> Watched:
    """``load_library`` with its time, peak memory, files read and processes started recorded."""
    events: list[tuple[str, tuple[Any, ...]]] = []
    _recorders.append(events)
    if trace_memory:
        tracemalloc.start()
    started = time.perf_counter()
    try:
        library = load_library(root)
        seconds = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1] if trace_memory else None
    finally:
        if trace_memory:
            tracemalloc.stop()
        _recorders.pop()
    return Watched(root, library, seconds, peak, events)


def assert_contained(watched: Watched) -> None:
    """Nothing ran, nothing outside the folder was read, and the cost stayed bounded."""
    assert watched.forbidden() == []
    assert watched.outside_reads() == []
    assert watched.seconds < MAX_SECONDS, f"took {watched.seconds:.1f} s"
    if watched.peak_bytes is not None:
        assert watched.peak_bytes < MAX_PEAK_BYTES, f"peak {watched.peak_bytes / 1e6:.0f} MB"
    for problem in watched.library.problems:
        message = problem.describe()
        assert "Traceback" not in message and "<unicode string>" not in message, message


def refuse_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to reach the network fails the test at once."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
