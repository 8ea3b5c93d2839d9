"""The clinic's own pages, laid over the shipped ones: the same loader, schema, checks, cache."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from bodymap.cli import main
from bodymap.content.cache import CachedLibrary, load_library_cached
from bodymap.content.layers import SHIPPED_NOTE, clinic_file, copy_to_clinic
from bodymap.content.loader import load_library
from bodymap.content.model import ContentLibrary, Problem, RegionPage, TopicPage
from bodymap.content.report import check_content
from bodymap.fileio import WriteError
from bodymap.paths import clinic_content_dir, content_dir


@pytest.fixture
def shipped(tmp_path: Path) -> Path:
    """A copy of the shipped pages, which a test may make newer (as an update would)."""
    target = tmp_path / "shipped"
    shutil.copytree(content_dir(), target)
    return target


@pytest.fixture
def clinic(tmp_path: Path) -> Path:
    folder = tmp_path / "clinic"
    (folder / "regions").mkdir(parents=True)
    (folder / "topics").mkdir()
    return folder


def copy_page(shipped: Path, clinic: Path, relative: str, *changes: tuple[str, str]) -> Path:
    text = (shipped / relative).read_text(encoding="utf-8")
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new)
    target = clinic / relative
    target.write_text(text, encoding="utf-8")
    return target


def problems_in(library: ContentLibrary, path: Path) -> list[Problem]:
    return [problem for problem in library.problems if problem.path == path]


def test_a_clinic_page_replaces_the_shipped_one_by_id_and_new_ids_add_pages(
    shipped: Path, clinic: Path
) -> None:
    calf = copy_page(shipped, clinic, "regions/calf.yaml", ("title: Calf", "title: Our calf"))
    extra = copy_page(
        shipped,
        clinic,
        "topics/hydration.yaml",
        ("id: hydration", "id: cupping"),
        ("title: Drinking enough fluid", "title: Cupping at our clinic"),
    )
    extra.rename(clinic / "topics" / "cupping.yaml")
    library = load_library(clinic, shipped=shipped)
    assert library.problems == []
    page = library.region("calf")
    assert page is not None and page.title == "Our calf" and page.path == calf
    assert library.get("hydration") is not None  # the shipped page is still there
    added = library.get("cupping")
    assert isinstance(added, TopicPage) and added.title == "Cupping at our clinic"
    assert {p.id for p in library.regions} == {p.id for p in load_library(shipped).regions}
    foot = library.region("foot")
    assert foot is not None and foot.path.is_relative_to(shipped)


def test_a_clinic_page_is_validated_like_any_other_and_names_the_clinic_file(
    shipped: Path, clinic: Path
) -> None:
    calf = copy_page(shipped, clinic, "regions/calf.yaml", ("title: Calf", "title: ''"))
    library = load_library(clinic, shipped=shipped)
    found = problems_in(library, calf)
    assert any(p.field == "title" and p.line == 2 for p in found), found
    # The shipped calf stays on screen, with a note saying why.
    assert any(p.message == SHIPPED_NOTE for p in found)
    page = library.region("calf")
    assert page is not None and page.title == "Calf" and page.path.is_relative_to(shipped)
    assert main(["check", str(clinic)]) == 1


def test_the_safety_checks_apply_to_clinic_pages(
    shipped: Path, clinic: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    chest = copy_page(shipped, clinic, "regions/chest.yaml")
    text = chest.read_text(encoding="utf-8")
    start = text.index("warning:")
    end = text.index("\n", text.index("text:", start))
    chest.write_text(text[:start] + text[end + 1 :], encoding="utf-8")
    report = check_content(clinic, shipped)
    assert any(p.path == chest and "physician warning" in p.message for p in report.problems)


def test_a_clinic_page_cannot_replace_a_page_of_another_kind(shipped: Path, clinic: Path) -> None:
    topic = copy_page(shipped, clinic, "topics/hydration.yaml", ("id: hydration", "id: calf"))
    library = load_library(clinic, shipped=shipped)
    (problem,) = problems_in(library, topic)
    assert problem.field == "id" and "region page in the shipped content" in problem.message
    assert isinstance(library.get("calf"), RegionPage)


def test_an_older_clinic_copy_of_a_newer_shipped_page_is_reported_with_what_changed(
    shipped: Path,
    clinic: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    shipped_calf = shipped / "regions" / "calf.yaml"
    reviewed = re.search(r"^reviewed: (\S+)$", shipped_calf.read_text(encoding="utf-8"), re.M)
    assert reviewed is not None
    shipped_date = dt.date.fromisoformat(reviewed.group(1))
    calf = copy_page(shipped, clinic, "regions/calf.yaml", ("title: Calf", "title: Our calf"))
    assert load_library(clinic, shipped=shipped).problems == []  # same review date: nothing
    # The copy was made in June; an update since ships a safety fix: a new sign to act on,
    # reviewed later than the copy.
    copy = calf.read_text(encoding="utf-8").replace(reviewed.group(0), "reviewed: 2026-06-01")
    calf.write_text(copy, encoding="utf-8")
    text = shipped_calf.read_text(encoding="utf-8")
    text = text.replace("  emergency:\n", "  emergency:\n    - Your calf turns pale and cold.\n", 1)
    shipped_calf.write_text(text, encoding="utf-8")
    library = load_library(clinic, shipped=shipped)
    (stale,) = library.problems
    assert stale.path == calf and stale.field == "reviewed" and stale.severity == "warning"
    assert stale.line == calf.read_text().splitlines().index("reviewed: 2026-06-01") + 1
    when = f"{shipped_date.day} {shipped_date:%B %Y}"
    assert f"reviewed on {when}, after this copy (1 June 2026)" in stale.message
    assert "red_flags" in stale.message and "title" in stale.message
    assert "Your calf turns pale and cold." in stale.message
    monkeypatch.setattr("bodymap.cli_common.content_dir", lambda: shipped)  # the update
    assert main(["check", str(clinic)]) == 1
    out = capsys.readouterr().out
    assert "clinic/regions/calf.yaml" in out and "Your calf turns pale and cold." in out


def test_the_cache_follows_edits_in_the_clinic_folder(
    shipped: Path, clinic: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache.json"
    load_library_cached(clinic, cache, shipped)
    cached = load_library_cached(clinic, cache, shipped)
    assert isinstance(cached, CachedLibrary) and cached.shipped == shipped
    calf = cached.region("calf")
    assert calf is not None and calf.title == "Calf"
    copy_page(shipped, clinic, "regions/calf.yaml", ("title: Calf", "title: Our calf"))
    fresh = load_library_cached(clinic, cache, shipped)
    calf = fresh.region("calf")
    assert calf is not None and calf.title == "Our calf"
    # And an update of the shipped pages reaches the cache too.
    hydration = shipped / "topics" / "hydration.yaml"
    hydration.write_text(
        hydration.read_text().replace("title: ", "title: New ", 1), encoding="utf-8"
    )
    page = load_library_cached(clinic, cache, shipped).get("hydration")
    assert page is not None and page.title.startswith("New ")


def test_copying_a_page_to_the_clinic_folder_never_overwrites_its_edits(
    shipped: Path, tmp_path: Path
) -> None:
    clinic = clinic_content_dir()  # not made until the first page is edited
    library = load_library(clinic, shipped=shipped)
    assert library.problems == []  # a clinic folder that does not exist yet is no problem
    page = library.region("neck")
    assert page is not None
    target = copy_to_clinic(page, clinic, shipped)
    assert target == clinic / "regions" / "neck.yaml" == clinic_file(page, clinic, shipped)
    assert target.read_bytes() == page.path.read_bytes()
    target.write_text("id: neck\n# ours\n", encoding="utf-8")
    assert copy_to_clinic(page, clinic, shipped) == target
    assert target.read_text(encoding="utf-8") == "id: neck\n# ours\n"


def test_copying_into_a_folder_that_cannot_be_made_says_why(shipped: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    page = load_library(shipped).region("neck")
    assert page is not None
    with pytest.raises(WriteError) as raised:
        copy_to_clinic(page, blocker / "clinic", shipped)
    assert raised.value.reason


def test_a_chosen_clinic_folder_that_has_gone_is_reported(shipped: Path, tmp_path: Path) -> None:
    gone = tmp_path / "usb-stick" / "pages"
    library = load_library(gone, shipped=shipped)
    (problem,) = library.problems
    assert problem.path == gone and "not there" in problem.message
    assert library.region("calf") is not None
    # The usual folder, before anything was edited, is simply empty.
    assert load_library(clinic_content_dir(), shipped=shipped).problems == []


def test_commands_use_the_default_clinic_folder_over_the_shipped_pages(
    capsys: pytest.CaptureFixture[str],
) -> None:
    clinic = clinic_content_dir()
    (clinic / "regions").mkdir(parents=True)
    copy_page(content_dir(), clinic, "regions/calf.yaml", ("title: Calf", "title: Charley calf"))
    assert main(["search", "charley", "--json"]) == 0
    assert '"title": "Charley calf"' in capsys.readouterr().out
    assert main(["check"]) == 0
    assert "over the shipped pages" in capsys.readouterr().out
