"""The committed translations are current: every string of the code is in each .ts, translated,
and each .qm is its .ts compiled (scripts/update-translations.sh keeps them so)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
TOOLS = Path(sys.executable).parent
SOURCES = sorted([*ROOT.glob("bodymap/ui/*.py"), *ROOT.glob("bodymap/qtshared/*.py")])
TS_FILES = sorted(TRANSLATIONS.glob("bodymap_*.ts"))


def messages(ts: Path) -> dict[tuple[str, str], list[str]]:
    """(context, source) -> the translation(s) ("" for one not yet translated)."""
    found: dict[tuple[str, str], list[str]] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            unfinished = translation.get("type") == "unfinished"
            forms = [form.text or "" for form in translation.iter("numerusform")]
            texts = forms or [translation.text or ""]
            found[(name, message.findtext("source") or "")] = [
                "" if unfinished else text for text in texts
            ]
    return found


def test_there_is_a_spanish_translation() -> None:
    assert [ts.name for ts in TS_FILES] == ["bodymap_es.ts"]


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda ts: ts.stem)
def test_the_code_has_no_string_the_translation_lacks(ts: Path, tmp_path: Path) -> None:
    fresh = tmp_path / ts.name
    shutil.copy(ts, fresh)
    subprocess.run(
        [str(TOOLS / "pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none"]
        + [str(path) for path in SOURCES]
        + ["-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    committed, collected = messages(ts), messages(fresh)
    assert sorted(set(collected) - set(committed)) == []  # run scripts/update-translations.sh
    assert sorted(set(committed) - set(collected)) == []
    untranslated = [key for key, texts in committed.items() if not all(texts)]
    assert untranslated == []


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda ts: ts.stem)
def test_each_translation_keeps_the_placeholders(ts: Path) -> None:
    for (context, source), texts in messages(ts).items():
        wanted = sorted(re.findall(r"\{\w+\}", source))
        for text in texts:
            assert sorted(re.findall(r"\{\w+\}", text)) == wanted, (context, source, text)
            assert source.count("&") == text.count("&") or "&" not in source, (source, text)


@pytest.mark.parametrize("ts", TS_FILES, ids=lambda ts: ts.stem)
def test_the_compiled_translation_is_current(ts: Path, tmp_path: Path) -> None:
    compiled = tmp_path / f"{ts.stem}.qm"
    subprocess.run(
        [str(TOOLS / "pyside6-lrelease"), "-silent", str(ts), "-qm", str(compiled)],
        check=True,
        capture_output=True,
    )
    committed = ts.with_suffix(".qm")
    assert committed.read_bytes() == compiled.read_bytes()  # run scripts/update-translations.sh
