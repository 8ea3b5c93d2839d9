"""Reloading a content folder: only edited files are re-read, and a broken save keeps the page."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bodymap.content import loader as loader_module
from bodymap.content.loader import LAST_GOOD_NOTE, LibraryLoader
from bodymap.content.model import Page, Problem


def rewrite(path: Path, old: str, new: str) -> None:
    """Edit a file as an editor would, making sure its stamp changes even within one tick."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))


def test_a_reload_reads_only_the_files_that_changed(
    content_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loader = LibraryLoader(content_copy)
    first = loader.load()
    read: list[str] = []
    real = loader_module._load_page

    def counting(path: Path, page_type: type[Page], problems: list[Problem]) -> Page | None:
        read.append(path.name)
        return real(path, page_type, problems)

    monkeypatch.setattr(loader_module, "_load_page", counting)
    rewrite(content_copy / "regions" / "calf.yaml", "title: Calf", "title: Calf and shin")
    second = loader.load()
    assert read == ["calf.yaml"]
    assert second.pages["calf"].title == "Calf and shin"
    assert set(second.pages) == set(first.pages)
    assert second.pages["neck"] == first.pages["neck"]


def test_a_broken_save_keeps_the_last_good_page_and_fixing_it_clears_the_problem(
    content_copy: Path,
) -> None:
    calf = content_copy / "regions" / "calf.yaml"
    good_text = calf.read_text(encoding="utf-8")
    loader = LibraryLoader(content_copy)
    before = loader.load()
    assert before.problems == []

    calf.write_text(good_text.replace("title: Calf", "title: [Calf"), encoding="utf-8")
    broken = loader.load()
    assert broken.pages["calf"].title == "Calf"  # the last good version is still shown
    described = [p.describe(content_copy) for p in broken.problems]
    assert any(d.startswith("regions/calf.yaml:3: not valid YAML") for d in described), described
    assert f"regions/calf.yaml: warning: {LAST_GOOD_NOTE}" in described
    assert broken.errors  # still an error the owner must fix

    rewrite(calf, "title: [Calf", "title: Calf muscles")
    fixed = loader.load()
    assert fixed.pages["calf"].title == "Calf muscles"
    assert fixed.problems == []


def test_a_page_broken_from_the_start_stays_out_until_fixed(content_copy: Path) -> None:
    neck = content_copy / "regions" / "neck.yaml"
    good_text = neck.read_text(encoding="utf-8")
    neck.write_text("id: neck\ntitle: [oops\n", encoding="utf-8")
    loader = LibraryLoader(content_copy)
    assert "neck" not in loader.load().pages
    neck.write_text(good_text, encoding="utf-8")
    library = loader.load()
    assert "neck" in library.pages
    assert library.problems == []


def test_added_and_deleted_files_come_and_go(content_copy: Path) -> None:
    loader = LibraryLoader(content_copy)
    loader.load()
    hydration = content_copy / "topics" / "hydration.yaml"
    text = hydration.read_text(encoding="utf-8")
    (content_copy / "topics" / "fluids-copy.yaml").write_text(
        text.replace("id: hydration", "id: fluids-copy").replace(
            "title: Drinking enough fluid", "title: Fluids, a second look"
        ),
        encoding="utf-8",
    )
    added = loader.load()
    assert added.pages["fluids-copy"].title == "Fluids, a second look"

    (content_copy / "topics" / "fluids-copy.yaml").unlink()
    removed = loader.load()
    assert "fluids-copy" not in removed.pages
    assert removed.problems == []


def test_a_deleted_page_is_not_brought_back_as_a_last_good_version(content_copy: Path) -> None:
    loader = LibraryLoader(content_copy)
    loader.load()
    stretch = next((content_copy / "topics").glob("*.yaml"))
    page_id = stretch.stem
    stretch.unlink()
    assert page_id not in loader.load().pages
    stretch.write_text("id: [broken\n", encoding="utf-8")
    library = loader.load()
    assert page_id not in library.pages
    assert all(p.message != LAST_GOOD_NOTE for p in library.problems)
