"""Safe YAML reading that remembers on which line every value stood.

Only ``yaml.SafeLoader`` is used: tags such as ``!!python/object`` are refused, never run.
Anchors and aliases are refused too: content never needs them, and refusing them closes the
door on "billion laughs" alias bombs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

MAX_FILE_BYTES = 1_000_000
MAX_NODES = 10_000  # the largest shipped page holds about 220 values
MAX_DEPTH = 40

KeyPath = tuple[str | int, ...]
STR_TAG = "tag:yaml.org,2002:str"
PLAIN_KEY_TAGS = frozenset(
    f"tag:yaml.org,2002:{kind}" for kind in ("null", "bool", "int", "float", "timestamp")
)
"""What YAML would make of a field name like ``~``, ``yes``, ``1`` or ``1.5``: kept as text."""


class _Guarded:
    """Counts values and depth while a file is composed, and stops at the first alias, the
    first value past ``MAX_NODES`` or the first level past ``MAX_DEPTH``: a hostile or runaway
    file is refused after reading only that much, so it costs little time and memory."""

    _nodes = 0  # per loader: each loader reads one file
    _depth = 0

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        line = self.peek_event().start_mark.line + 1  # type: ignore[attr-defined]
        if self.check_event(yaml.AliasEvent):  # type: ignore[attr-defined]
            raise YamlFileError("anchors and aliases (& and *) are not allowed in content", line)
        self._nodes += 1
        if self._nodes > MAX_NODES:
            raise YamlFileError(f"the file has too many values (over {MAX_NODES:,})", line)
        if self._depth > MAX_DEPTH:
            raise YamlFileError("the data is nested too deeply", line)
        self._depth += 1
        try:
            node: yaml.Node | None = super().compose_node(parent, index)  # type: ignore[misc]
            return node
        finally:
            self._depth -= 1

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        """Name the line of a value that cannot be made (a 5,000-digit number, day 99)."""
        try:
            return super().construct_object(node, deep)  # type: ignore[misc]
        except (ValueError, TypeError, OverflowError) as exc:
            raise YamlFileError(_unreadable_value(node, exc), node.start_mark.line + 1) from exc


class ContentLoader(_Guarded, yaml.SafeLoader):
    """SafeLoader that leaves dates as text, so a bad date is reported with its line, and
    refuses aliases, runaway sizes and depths (``_Guarded``). Pure Python: its errors are the
    ones ``_explain`` puts in plain words."""


ContentLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

FastContentLoader: type | None = None
"""``ContentLoader`` with libyaml's scanner and parser (C) under the same composer, resolver
and constructor (Python): the same values, lines and refusals, read about six times faster.
None when PyYAML was built without libyaml. Used for files that read without a problem; any
problem is read again by ``ContentLoader``, so every message is the same either way."""
if yaml.__with_libyaml__:  # pragma: no branch - the wheels on PyPI include libyaml
    from yaml._yaml import CParser  # only where PyYAML has it

    class _FastContentLoader(
        _Guarded,
        yaml.composer.Composer,
        CParser,
        yaml.constructor.SafeConstructor,
        yaml.resolver.Resolver,
    ):
        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            yaml.composer.Composer.__init__(self)
            yaml.constructor.SafeConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)

    _FastContentLoader.yaml_implicit_resolvers = ContentLoader.yaml_implicit_resolvers
    FastContentLoader = _FastContentLoader


class YamlFileError(Exception):
    """A file that cannot be read as content, with the line to blame (1-based) when known."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.line = line


@dataclass(frozen=True)
class YamlDocument:
    """The parsed data with the line of each key path, e.g. ``("causes", 2, "text")``."""

    data: Any
    lines: dict[KeyPath, int]

    def line_of(self, path: KeyPath) -> int | None:
        """The line of ``path``, or of its nearest parent that has one."""
        while True:
            if path in self.lines:
                return self.lines[path]
            if not path:
                return None
            path = path[:-1]


class FileLines:
    """Line numbers of one file's fields, read only when a problem first needs one."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._document: YamlDocument | None = None

    def line_of(self, key: KeyPath) -> int | None:
        if self._document is None:
            try:
                self._document = read_yaml(self.path)
            except YamlFileError:
                self._document = YamlDocument(None, {})
        return self._document.line_of(key)


def read_yaml(path: Path) -> YamlDocument:
    """Read one content file; raise YamlFileError with a plain-words message on any problem."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise YamlFileError(
                f"the file is too large ({size:,} bytes; the limit is {MAX_FILE_BYTES:,})"
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise YamlFileError(f"cannot read the file ({exc.strerror or exc})") from exc
    return parse_yaml(raw)


def parse_yaml(raw: bytes) -> YamlDocument:
    text = _decode(raw)
    if not text.strip():
        raise YamlFileError("the file is empty", 1)
    try:
        loader = ContentLoader(text)  # also refuses control characters, before any parsing
    except yaml.reader.ReaderError as exc:
        raise _control_character(text, exc) from exc
    if FastContentLoader is not None:
        try:
            document = _compose(FastContentLoader(text))
        except Exception:  # read again below by ContentLoader, to say what is wrong
            pass
        else:
            # Unused: let it go now. A loader refers to itself (its parser's next state is a
            # bound method), so only the cycle collector would free it, and its copy of the
            # text, at a start that reads thousands of files.
            loader.dispose()
            return document
    try:
        return _compose(loader)
    except yaml.MarkedYAMLError as exc:
        error = _explain(exc)
        last_line = len(text.rstrip().splitlines())
        if error.line is not None and error.line > last_line:
            error.line = last_line  # "found the end of the file": point at the last real line
        raise error from exc
    except yaml.YAMLError as exc:
        raise YamlFileError(f"not valid YAML ({exc})") from exc
    except RecursionError as exc:
        raise YamlFileError("the data is nested too deeply") from exc
    except (ValueError, TypeError, OverflowError) as exc:
        raise YamlFileError(f"a value cannot be read ({exc})") from exc


def _compose(loader: Any) -> YamlDocument:
    """The document ``loader`` reads, with the line of every value."""
    try:
        node = loader.get_single_node()
        if node is None:
            raise YamlFileError("the file has no content", 1)
        lines: dict[KeyPath, int] = {}
        _index(node, (), lines)
        return YamlDocument(loader.construct_document(node), lines)
    finally:
        loader.dispose()


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise YamlFileError(
            f"the file is not UTF-8 text (bad byte 0x{raw[exc.start]:02x}); "
            "save it as UTF-8 in your editor",
            line,
        ) from exc


def _unreadable_value(node: yaml.Node, exc: Exception) -> str:
    reason = str(exc).split(":")[0]  # Python's advice after the colon is not for the owner
    reason = reason[:1].lower() + reason[1:]
    if not isinstance(node, yaml.ScalarNode):
        return f"a value cannot be read ({reason})"
    value = node.value if len(node.value) <= 40 else f"{node.value[:40]}…"
    return f"'{value}' cannot be read ({reason}); put it in double quotes if it is text"


def _control_character(text: str, exc: yaml.reader.ReaderError) -> YamlFileError:
    """A character YAML forbids anywhere (NUL, form feed, a terminal colour code), often
    pasted in by accident: say which and on what line, as the text hides it."""
    line = len(text[: exc.position + 1].splitlines()) or 1
    return YamlFileError(
        f"the file contains an invisible control character (U+{exc.character:04X}), which "
        "is not allowed; delete it, or retype the line",
        line,
    )


def _index(node: yaml.Node, path: KeyPath, lines: dict[KeyPath, int]) -> None:
    """Record each value's line; keep field names as text, and refuse repeated or nested ones."""
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        keys: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlFileError("a field name must be plain text", key_node.start_mark.line + 1)
            if key_node.tag in PLAIN_KEY_TAGS:
                key_node.tag = STR_TAG  # a field name is a name, never a number or nothing
            key = key_node.value
            line = key_node.start_mark.line + 1
            if key in keys:
                raise YamlFileError(
                    f"the field '{key}' appears twice (first on line {keys[key]})", line
                )
            keys[key] = line
            _index(value_node, (*path, key), lines)
            lines[(*path, key)] = line
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _index(item, (*path, index), lines)


INDENTATION = (
    "this line is not lined up with the lines above it: check its indentation (the items of "
    'one list each start with "- " at the same column, and the fields of one part start at '
    "the same column)"
)
TOKEN_WORDS = {
    "<stream end>": "the end of the file",
    "<block end>": "the end of an indented part",
    "'<block sequence start>'": "a list",
    "'<block mapping start>'": "a field",
    "'<block end>'": "the end of an indented part",
    "'<scalar>'": "text",
    "<scalar>": "text",
    "'-'": '"-"',
}
"""PyYAML's names for the pieces of a file, in the words a clinic owner uses."""


def _explain(exc: yaml.MarkedYAMLError) -> YamlFileError:
    """PyYAML's error in plain words, on the line the person has to change."""
    mark = exc.problem_mark or exc.context_mark
    line = mark.line + 1 if mark is not None else None
    started = exc.context_mark.line + 1 if exc.context_mark is not None else None
    raw = exc.problem or str(exc)
    context = exc.context or ""
    problem = raw.replace("<stream end>", "the end of the file")
    if "'\\t'" in problem or "\\t" in problem:
        problem = "a tab character is not allowed here; indent with spaces"
    elif isinstance(exc, yaml.constructor.ConstructorError) and "tag" in problem:
        problem = f"the tag {_tag_name(problem)} is not allowed; only text, lists and fields are"
    elif "could not find expected ':'" in problem:
        # PyYAML notices on the next line; the colon is missing where the field name is.
        problem = 'a colon is missing after the field name (write it like "title: Calf")'
        line = started or line
    elif "mapping values are not allowed" in problem:
        problem = 'text containing ": " must be put in double quotes (or is this line indented?)'
    elif "found another document" in problem:
        problem = 'a second page starts here ("---"); put each page in a file of its own'
    elif raw.startswith("expected <block end>") or raw.startswith("did not find expected"):
        problem = INDENTATION
    elif "quoted scalar" in context and ("end of stream" in raw or "end of the file" in problem):
        problem = "a quotation mark is opened here and never closed"
        line = started or line
    elif "cannot start any token" in problem:
        character = re.search(r"'(.)'", raw)
        shown = character.group(1) if character else "this character"
        problem = f'text cannot begin with "{shown}": put the whole text in double quotes'
    else:
        for token, words in TOKEN_WORDS.items():
            problem = problem.replace(token, words)
        problem = f"not valid YAML: {problem}"
        if started is not None and started != line:
            problem += f" (in what starts on line {started})"
            if "end of the file" in problem:
                line = started
    return YamlFileError(problem, line)


def _tag_name(problem: str) -> str:
    quoted = re.search(r"'([^']*)'", problem)
    tag = quoted.group(1) if quoted else "?"
    return tag.replace("tag:yaml.org,2002:", "!!")
