"""Content problems in plain words, on the line the person has to change."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bodymap.content.loader import load_library
from bodymap.content.yamlfile import YamlFileError, parse_yaml
from bodymap.paths import PROJECT_DIR

CASES = [
    # (file text, line to change, words the message must hold)
    ("id: calf\ntitle Calf\nsummary: x\n", 2, "colon is missing"),
    ("id: calf\ncauses:\n  - name: a\n    text b\n  - name: c\n", 4, "colon is missing"),
    ("id: calf\nterms:\n  - a\n  - b\n - c\n", 5, "not lined up"),
    ("id: calf\ncauses:\n  - name: a\n    text: b\n - name: c\n   text: d\n", 5, "not lined up"),
    ("id: calf\ncauses:\n  - name: a\n   text: b\n", 4, "not lined up"),
    ('id: calf\ntitle: "Calf\nsummary: x\n', 2, "quotation mark is opened here and never closed"),
    ("id: calf\ntitle: @Calf\n", 2, 'cannot begin with "@"'),
]
PYYAML_WORDS = re.compile(r"<block|<stream|<scalar|block sequence|block mapping|simple key")


@pytest.mark.parametrize(("text", "line", "words"), CASES)
def test_yaml_mistakes_are_said_in_plain_words_on_their_own_line(
    text: str, line: int, words: str
) -> None:
    with pytest.raises(YamlFileError) as raised:
        parse_yaml(text.encode())
    assert raised.value.line == line
    message = str(raised.value)
    assert words in message
    assert not PYYAML_WORDS.search(message), message


def test_an_unknown_field_close_to_a_real_one_is_pointed_out(content_copy: Path) -> None:
    path = content_copy / "topics" / "hydration.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("summary:", "summry:", 1))
    problems = [p.describe(content_copy) for p in load_library(content_copy).problems]
    assert any("unknown field 'summry' is ignored: did you mean 'summary'?" in p for p in problems)
    assert any("summary: this field is missing ('summry' in this file" in p for p in problems)


def test_the_two_readmes_agree_that_edits_need_no_restart() -> None:
    for readme in (PROJECT_DIR / "README.md", PROJECT_DIR / "content" / "README.md"):
        text = readme.read_text(encoding="utf-8")
        assert "start the app again" not in text, readme
        assert "within a second" in text, readme
