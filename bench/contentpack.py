"""Generate a large content pack on disk by cloning the shipped pages (nothing big is committed)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

from bodymap.content.languages import language_folder
from bodymap.paths import content_dir

REGION_HEADINGS = {
    "en": ("Likely causes", "Massage", "Prevention", "When to see a doctor"),
    "es": ("Causas probables", "Masaje", "Prevención", "Cuándo ver al médico"),
}
"""The section headings a region page gets when it is cloned as a topic, per language."""


def make_pack(target: Path, factor: int = 100, languages: tuple[str, ...] = ("en",)) -> Path:
    """Write ``factor`` copies of every shipped page into ``target``; return ``target``.

    The regions stay as they are; every page (regions included, rewritten as topics) is
    cloned ``factor - 1`` more times with its own id, title and related links, so the pack has
    about ``factor`` times as many pages and words as the shipped content. Each language in
    ``languages`` other than English ("es") gets the same clones of its own pages in its
    folder (``es/``), with the same ids, so the pack reads alike in every language.
    """
    if target.exists():
        shutil.rmtree(target)
    for language in languages:
        _clone_language(target, factor, language)
    return target


def _clone_language(target: Path, factor: int, language: str) -> None:
    source = language_folder(content_dir(), language)
    folder = language_folder(target, language)
    (folder / "regions").mkdir(parents=True)
    (folder / "topics").mkdir()
    for path in sorted((source / "regions").glob("*.yaml")):
        shutil.copy(path, folder / "regions" / path.name)
    for path in sorted((source / "topics").glob("*.yaml")):
        shutil.copy(path, folder / "topics" / path.name)
    pages = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in _all(source)]
    for copy in range(1, factor):
        for page in pages:
            clone = _as_topic(page, copy, REGION_HEADINGS[language])
            name = f"{clone['id']}.yaml"
            text = yaml.safe_dump(clone, sort_keys=False, allow_unicode=True)
            (folder / "topics" / name).write_text(text, encoding="utf-8")


def _all(source: Path) -> list[Path]:
    return sorted((source / "regions").glob("*.yaml")) + sorted((source / "topics").glob("*.yaml"))


def _as_topic(page: dict[str, Any], copy: int, headings: tuple[str, ...]) -> dict[str, Any]:
    sections = page.get("sections")
    if sections is None:  # a region page, told as a topic
        causes, massage, prevention, doctor = headings
        sections = [
            {
                "heading": causes,
                "points": [f"{c['name']}. {c['text']}" for c in page["causes"]],
            },
            {
                "heading": massage,
                "points": [f"{t['name']}. {t['text']}" for t in page["techniques"]],
            },
            {"heading": prevention, "points": list(page["prevention"])},
            {"heading": doctor, "points": list(page["red_flags"]["doctor_soon"])},
        ]
    clone: dict[str, Any] = {
        "id": f"{page['id']}-copy-{copy}",
        "title": f"{page['title']} (copy {copy})",
        "summary": page["summary"],
        "sections": sections,
        "related": [r for r in page.get("related", []) if r != page["id"]],
        "terms": list(page.get("terms", [])),
        "sources": page["sources"],
        "reviewed": page["reviewed"],
    }
    if page.get("warning"):
        clone["warning"] = page["warning"]
    return clone
