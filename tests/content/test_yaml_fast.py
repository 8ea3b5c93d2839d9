"""The libyaml reader gives exactly what the Python one gives, and never a different message.

``parse_yaml`` reads each file with libyaml's parser first (``FastContentLoader``) and reads
it again with the pure-Python ``ContentLoader`` when anything is wrong, so that the plain-words
message and line are always the Python reader's.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bodymap.content import yamlfile
from bodymap.content.yamlfile import ContentLoader, FastContentLoader, YamlFileError, parse_yaml
from bodymap.paths import content_dir

CORPUS = Path(__file__).parent / "corpus"
FILES = sorted(content_dir().rglob("*.yaml")) + sorted(CORPUS.rglob("*.yaml"))


def _read(loader_type: type, raw: bytes) -> yamlfile.YamlDocument:
    return yamlfile._compose(loader_type(raw.decode("utf-8-sig")))


@pytest.mark.skipif(FastContentLoader is None, reason="PyYAML without libyaml")
@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_both_readers_agree_on_every_shipped_and_corpus_file(path: Path) -> None:
    raw = path.read_bytes()
    try:
        expected = _read(ContentLoader, raw)
    except (yaml.YAMLError, YamlFileError, UnicodeDecodeError, ValueError):
        return  # a broken file: parse_yaml reports it with ContentLoader (next test)
    assert FastContentLoader is not None
    got = _read(FastContentLoader, raw)
    assert got.data == expected.data
    assert got.lines == expected.lines


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        ("title: Calf\nsummary x\nid: calf\n", "colon is missing", 2),
        ("a: &x [1]\nb: *x\n", "anchors and aliases", 2),
        ("a:\n\t- tab\n", "tab character", 2),
        ("a: b: c\n", "double quotes", 1),
        ("a: 'open\n", "never closed", 1),
    ],
)
def test_a_broken_file_is_explained_by_the_python_reader(
    text: str, message: str, line: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    with pytest.raises(YamlFileError) as fast:
        parse_yaml(text.encode())
    monkeypatch.setattr(yamlfile, "FastContentLoader", None)
    with pytest.raises(YamlFileError) as python_only:
        parse_yaml(text.encode())
    assert message in fast.value.message
    assert (fast.value.message, fast.value.line) == (
        python_only.value.message,
        python_only.value.line,
    )
    assert fast.value.line == line
