"""What ``bodymap check`` reports: a content folder loaded, and every page's problems and grade.

The rules themselves are in ``checks.py`` and already ran while loading (the loader checks
every page it reads), so the problems here are exactly those the window shows and printing
obeys.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from bodymap.content.checks import PageReport, check_page
from bodymap.content.loader import load_library
from bodymap.content.model import ContentLibrary, Problem


@dataclass(frozen=True)
class Report:
    """A whole folder checked: every problem (loading and rules), and each page's report."""

    library: ContentLibrary
    problems: list[Problem]
    grades: dict[str, float]
    pages: dict[str, PageReport] = field(default_factory=dict)

    @property
    def clean(self) -> bool:
        """Whether ``check`` passes: no problem of any kind."""
        return not self.problems


def check_content(root: Path, shipped: Path | None = None) -> Report:
    """Load a content folder and report every page (``bodymap check``); with ``shipped``,
    ``root`` is a clinic folder laid over those shipped pages."""
    library = load_library(root, shipped=shipped)
    problems = sorted(library.problems, key=lambda p: (str(p.path), p.line or 0))
    reports = {page.id: check_page(page) for page in library.pages.values()}
    grades = {page_id: r.grade for page_id, r in reports.items() if r.grade is not None}
    return Report(library, problems, grades, reports)
