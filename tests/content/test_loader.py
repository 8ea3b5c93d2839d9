"""Loading the shipped content folder. Broken files of every kind: see test_corpus.py."""

from __future__ import annotations

from bodymap.artwork import read_artwork
from bodymap.content.model import ContentLibrary, RegionPage, TopicPage
from bodymap.paths import artwork_file

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
    assert {page.id for page in shipped_library.regions} == set(
        read_artwork(artwork_file()).region_ids
    )
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


def test_page_types(shipped_library: ContentLibrary) -> None:
    assert isinstance(shipped_library.get("calf"), RegionPage)
    assert isinstance(shipped_library.get("hydration"), TopicPage)
    calf = shipped_library.get("calf")
    assert calf is not None and calf.region_id == "calf"
    hydration = shipped_library.get("hydration")
    assert hydration is not None and hydration.region_id is None
