"""Generate a large content pack on disk by cloning the shipped pages (nothing big is committed)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import yaml

from bodymap.paths import content_dir


def make_pack(target: Path, factor: int = 100) -> Path:
    """Write ``factor`` copies of every shipped page into ``target``; return ``target``.

    The six regions stay as they are; every page (regions included, rewritten as topics) is
    cloned ``factor - 1`` more times with its own id, title and related links, so the pack has
    about ``factor`` times as many pages and words as the shipped content.
    """
    source = content_dir()
    if target.exists():
        shutil.rmtree(target)
    (target / "regions").mkdir(parents=True)
    (target / "topics").mkdir()
    for path in sorted((source / "regions").glob("*.yaml")):
        shutil.copy(path, target / "regions" / path.name)
    for path in sorted((source / "topics").glob("*.yaml")):
        shutil.copy(path, target / "topics" / path.name)
    pages = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in _all(source)]
    for copy in range(1, factor):
        for page in pages:
            clone = _as_topic(page, copy)
            name = f"{clone['id']}.yaml"
            text = yaml.safe_dump(clone, sort_keys=False, allow_unicode=True)
            (target / "topics" / name).write_text(text, encoding="utf-8")
    return target


def _all(source: Path) -> list[Path]:
    return sorted((source / "regions").glob("*.yaml")) + sorted((source / "topics").glob("*.yaml"))


def _as_topic(page: dict[str, Any], copy: int) -> dict[str, Any]:
    sections = page.get("sections")
    if sections is None:  # a region page, told as a topic
        sections = [
            {
                "heading": "Likely causes",
                "points": [f"{c['name']}. {c['text']}" for c in page["causes"]],
            },
            {
                "heading": "Massage",
                "points": [f"{t['name']}. {t['text']}" for t in page["techniques"]],
            },
            {"heading": "Prevention", "points": list(page["prevention"])},
            {"heading": "When to see a doctor", "points": list(page["red_flags"]["doctor_soon"])},
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
