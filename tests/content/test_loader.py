"""Loading the content folder: the shipped pages, and every kind of broken file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bodymap.content.loader import load_library
from bodymap.content.model import REGION_IDS, ContentLibrary, RegionPage, TopicPage

REQUIRED_TOPICS = {
    "home",
    "muscle-cramps",
    "electrolytes",
    "hydration",
    "heat-and-cold",
    "stretching",
    "reciprocal-inhibition",
    "swedish-massage",
    "deep-tissue-massage",
    "neuromuscular-massage",
    "myofascial-release",
    "remedial-massage",
    "sports-massage",
    "when-not-to-massage",
    "soreness-after-massage",
    "massage-devices",
}


def messages(library: ContentLibrary) -> list[str]:
    return [p.describe(library.root) for p in library.problems]


def test_shipped_content_loads_without_problems(shipped_library: ContentLibrary) -> None:
    assert messages(shipped_library) == []
    assert {page.id for page in shipped_library.regions} == set(REGION_IDS)
    assert set(shipped_library.pages) >= REQUIRED_TOPICS


def test_every_region_page_is_complete(shipped_library: ContentLibrary) -> None:
    for region in shipped_library.regions:
        assert region.summary and region.causes and region.techniques and region.prevention
        assert region.red_flags.doctor_soon and region.red_flags.emergency, region.id
        assert region.sources, region.id
        assert "when-not-to-massage" in region.related, region.id


def test_chest_and_stomach_always_carry_a_physician_warning(
    shipped_library: ContentLibrary,
) -> None:
    for region_id in ("chest", "stomach"):
        region = shipped_library.region(region_id)
        assert region is not None and region.warning is not None


def test_calf_warns_about_a_blood_clot_and_not_to_massage(shipped_library: ContentLibrary) -> None:
    calf = shipped_library.region("calf")
    assert calf is not None and calf.warning is not None
    warning = f"{calf.warning.heading} {calf.warning.text}".lower()
    assert "clot" in warning
    assert "do not massage" in warning
    assert all(word in warning for word in ("swell", "warm", "red"))


def test_chest_self_massage_is_not_offered(shipped_library: ContentLibrary) -> None:
    chest = shipped_library.region("chest")
    assert chest is not None
    assert chest.self_massage.not_safe and not chest.self_massage.steps


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def problem_for(library: ContentLibrary, file_name: str) -> str:
    found = [p.describe(library.root) for p in library.problems if p.path.name == file_name]
    assert found, f"no problem reported for {file_name}: {messages(library)}"
    return "\n".join(found)


def test_malformed_yaml_names_file_and_line_and_other_pages_still_load(
    content_copy: Path,
) -> None:
    write(content_copy / "topics", "stretching.yaml", "id: stretching\ntitle: [unclosed\n")
    library = load_library(content_copy)
    assert "topics/stretching.yaml:2:" in problem_for(library, "stretching.yaml")
    assert "stretching" not in library.pages
    # One problem, reported once: links to the broken page are not listed again.
    assert len(library.problems) == 1, messages(library)
    assert {page.id for page in library.regions} == set(REGION_IDS)


def test_missing_field_is_named_with_its_line(content_copy: Path) -> None:
    path = content_copy / "regions" / "neck.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    kept = [line for line in lines if not line.startswith("title:")]
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    library = load_library(content_copy)
    assert "regions/neck.yaml:1: title: this field is missing" in problem_for(library, "neck.yaml")
    assert library.region("neck") is None
    assert library.region("calf") is not None


def test_wrong_type_names_the_field_and_line(content_copy: Path) -> None:
    path = content_copy / "regions" / "foot.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("\nprevention:\n", "\nprevention: yes\nunused_prevention:\n", 1)
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index("prevention: yes") + 1
    library = load_library(content_copy)
    reported = problem_for(library, "foot.yaml")
    assert f"regions/foot.yaml:{line}: prevention: should be a list" in reported
    assert "unknown field 'unused_prevention'" in reported


def test_unknown_region_id_is_reported(content_copy: Path) -> None:
    path = content_copy / "regions" / "elbow.yaml"
    text = (content_copy / "regions" / "foot.yaml").read_text(encoding="utf-8")
    path.write_text(text.replace("id: foot", "id: elbow", 1), encoding="utf-8")
    library = load_library(content_copy)
    reported = problem_for(library, "elbow.yaml")
    assert "id: 'elbow' is not a region" in reported
    assert "foot, calf, back, neck, chest, stomach" in reported


def test_duplicate_id_is_reported_and_first_page_kept(content_copy: Path) -> None:
    text = (content_copy / "topics" / "hydration.yaml").read_text(encoding="utf-8")
    write(content_copy / "topics", "zz-copy.yaml", text.replace("title:", "title: Copy of", 1))
    library = load_library(content_copy)
    assert "id: the id 'hydration' is already used by hydration.yaml" in problem_for(
        library, "zz-copy.yaml"
    )
    page = library.get("hydration")
    assert page is not None and not page.title.startswith("Copy of")


def test_link_to_missing_page_is_reported_and_dropped(content_copy: Path) -> None:
    path = content_copy / "topics" / "stretching.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("related:\n", "related:\n  - no-such-page\n", 1)
    path.write_text(text, encoding="utf-8")
    line = text.splitlines().index("  - no-such-page") + 1
    library = load_library(content_copy)
    assert (
        f"topics/stretching.yaml:{line}: related, item 1: links to 'no-such-page'"
        in problem_for(library, "stretching.yaml")
    )
    page = library.get("stretching")
    assert page is not None and "no-such-page" not in page.related


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"", "1: the file is empty"),
        (b"id: x\n\ttitle: y\n", "2: a tab character is not allowed here"),
        (b"id: !!python/object/apply:os.system ['echo hi']\n", "the tag !!python/object"),
        (b"a: &x [1, 2]\nb: *x\n", "anchors and aliases"),
        (b"id: x\nid: y\n", "2: the field 'id' appears twice (first on line 1)"),
        (b"id: caf\xe9\n", "not UTF-8 text"),
        (b"- just\n- a list\n", "should be a set of fields, not a list"),
    ],
)
def test_broken_files_get_a_clear_message(content_copy: Path, raw: bytes, expected: str) -> None:
    (content_copy / "topics" / "broken.yaml").write_bytes(raw)
    library = load_library(content_copy)
    reported = problem_for(library, "broken.yaml")
    assert expected in reported
    assert "Traceback" not in reported
    assert library.region("calf") is not None


def test_impossible_date_names_the_field_and_line(content_copy: Path) -> None:
    path = content_copy / "topics" / "stretching.yaml"
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    line = next(i for i, value in enumerate(lines, 1) if value.startswith("reviewed:"))
    lines[line - 1] = "reviewed: 2026-13-45"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    library = load_library(content_copy)
    assert f"topics/stretching.yaml:{line}: reviewed: '2026-13-45' is not a date" in problem_for(
        library, "stretching.yaml"
    )


def test_a_bom_is_accepted(content_copy: Path) -> None:
    path = content_copy / "topics" / "stretching.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    library = load_library(content_copy)
    assert library.get("stretching") is not None


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_symlink_outside_the_content_folder_is_not_read(content_copy: Path, tmp_path: Path) -> None:
    secret = write(tmp_path, "secret.yaml", "id: secret\ntitle: Secret\n")
    (content_copy / "topics" / "secret.yaml").symlink_to(secret)
    library = load_library(content_copy)
    assert "links outside the content folder" in problem_for(library, "secret.yaml")
    assert "secret" not in library.pages


def test_missing_content_folder_is_reported(tmp_path: Path) -> None:
    library = load_library(tmp_path / "nowhere")
    assert library.pages == {}
    assert "the content folder does not exist" in messages(library)[0]


def test_page_types(shipped_library: ContentLibrary) -> None:
    assert isinstance(shipped_library.get("calf"), RegionPage)
    assert isinstance(shipped_library.get("hydration"), TopicPage)
    calf = shipped_library.get("calf")
    assert calf is not None and calf.region_id == "calf"
    hydration = shipped_library.get("hydration")
    assert hydration is not None and hydration.region_id is None
