"""What ``bodymap check`` reports: a content folder loaded, and every page's problems and grade.

The rules themselves are in ``checks.py`` and already ran while loading (the loader checks
every page it reads), so the problems here are exactly those the window shows and printing
obeys.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from bodymap.content.checks import PageReport, check_page
from bodymap.content.languages import ENGLISH, LANGUAGES, language_folder
from bodymap.content.loader import load_library
from bodymap.content.model import CONTENT_FOLDERS, ContentLibrary, Problem


@dataclass(frozen=True)
class Report:
    """A whole folder checked: every problem (loading and rules), and each page's report."""

    library: ContentLibrary
    problems: list[Problem]
    grades: dict[str, float]
    pages: dict[str, PageReport] = field(default_factory=dict)
    translations: dict[str, ContentLibrary] = field(default_factory=dict)
    """Each other language with pages ("es"), loaded over the English pages."""
    scores: dict[str, dict[str, float]] = field(default_factory=dict)
    """Each other language's reading score by page id (Fernández-Huerta for Spanish)."""

    @property
    def clean(self) -> bool:
        """Whether ``check`` passes: no problem of any kind."""
        return not self.problems


def check_content(
    root: Path, shipped: Path | None = None, languages: tuple[str, ...] | None = None
) -> Report:
    """Load a content folder and report every page (``bodymap check``); with ``shipped``,
    ``root`` is a clinic folder laid over those shipped pages.

    Every language with a folder of pages (``es/``) is checked too, by its own rules
    (``rules_es.py``); ``languages`` limits the check to those codes ("en", "es").
    """
    wanted = languages or tuple(LANGUAGES)
    library = load_library(root, shipped=shipped)
    found = list(library.problems) if ENGLISH in wanted else []
    reports = {page.id: check_page(page) for page in library.pages.values()}
    grades = {page_id: r.grade for page_id, r in reports.items() if r.grade is not None}
    translations: dict[str, ContentLibrary] = {}
    scores: dict[str, dict[str, float]] = {}
    for language in wanted:
        if language == ENGLISH or not _has_pages(root, shipped, language):
            continue
        translated = load_library(root, shipped=shipped, language=language)
        translations[language] = translated
        seen = set(library.problems)
        found.extend(p for p in translated.problems if p not in seen)
        scores[language] = {
            page.id: grade
            for page in translated.pages.values()
            if page.id not in translated.fallback_ids
            and (grade := check_page(page).grade) is not None
        }
    problems = sorted(found, key=lambda p: (str(p.path), p.line or 0))
    return Report(library, problems, grades, reports, translations, scores)


def _has_pages(root: Path, shipped: Path | None, language: str) -> bool:
    """Whether either folder has a folder of pages in ``language``."""
    folders = [language_folder(f, language) for f in (root, shipped) if f is not None]
    return any((f / kind).is_dir() for f in folders for kind in CONTENT_FOLDERS)
