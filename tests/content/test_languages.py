"""Content in Spanish (issue #16): a language layer over the English pages, with fallback,
the app's words in Spanish, and ``check``'s safety rules in Spanish.

Every Spanish safety rule has a test that breaks the shipped Spanish page in that one way
and shows ``check`` catches it, so no Spanish rule can silently match nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from bodymap.cli import main
from bodymap.content.checks import ENGLISH_RULES, TIER_FIELDS, check_page, safety_problems
from bodymap.content.languages import FALLBACK_NOTES, UnknownLanguageError, check_language
from bodymap.content.loader import _load_page, load_library
from bodymap.content.model import RULE_LANGUAGE, RULE_SAFETY, RegionPage
from bodymap.content.outline import FlagGroup, RedFlags, outline
from bodymap.content.render import PageColors, RenderOptions, render_page
from bodymap.content.report import check_content
from bodymap.content.rules import Flag, fold
from bodymap.content.rules_es import MIN_EASE, SPANISH_RULES

Data = dict[str, Any]
REGIONS = ("foot", "calf", "back", "neck", "chest", "stomach", "hand", "thigh", "shoulder")
COLORS = PageColors(*(["#000000"] * 9))


def edit(path: Path, change: Callable[[Data], None]) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def spanish_safety_after(content: Path, region: str, change: Callable[[Data], None]) -> str:
    path = content / "es" / "regions" / f"{region}.yaml"
    edit(path, change)
    loading: list[Any] = []
    page = _load_page(path, RegionPage, loading)
    assert page is not None, loading
    return "\n".join(p.message for p in safety_problems(page))


# -- the layer and its fallback ----------------------------------------------------------------


def test_spanish_library_has_every_page_in_spanish_and_a_missing_one_in_english(
    content_copy: Path,
) -> None:
    (content_copy / "es" / "topics" / "hydration.yaml").unlink()
    library = load_library(content_copy, language="es")
    assert library.language == "es"
    for region in REGIONS:
        page = library.region(region)
        assert page is not None
        assert page.path == content_copy / "es" / "regions" / f"{region}.yaml"
        assert region not in library.fallback_ids
    assert library.region("calf").title == "Pantorrilla"  # type: ignore[union-attr]
    english = load_library(content_copy)
    assert english.fallback_ids == frozenset()
    assert english.region("calf").title == "Calf"  # type: ignore[union-attr]
    # Every other topic is in Spanish; the one taken away is the English page, recorded.
    assert library.fallback_ids == frozenset({"hydration"})
    assert library.get("hydration") == english.get("hydration")
    for topic in library.topics:
        if topic.id != "hydration":
            assert topic.path == content_copy / "es" / "topics" / f"{topic.id}.yaml"
    assert not library.errors


def test_a_page_missing_in_spanish_falls_back_to_english_with_a_visible_note(
    content_copy: Path,
) -> None:
    (content_copy / "es" / "regions" / "neck.yaml").unlink()
    library = load_library(content_copy, language="es")
    neck = library.region("neck")
    assert neck is not None and neck.title == "Neck"
    assert "neck" in library.fallback_ids
    shown = render_page(neck, library, RenderOptions(COLORS))
    assert FALLBACK_NOTES["es"] in shown
    calf = library.region("calf")
    assert calf is not None
    assert FALLBACK_NOTES["es"] not in render_page(calf, library, RenderOptions(COLORS))


def test_a_broken_spanish_file_is_reported_and_the_english_page_is_shown(
    content_copy: Path,
) -> None:
    path = content_copy / "es" / "regions" / "calf.yaml"
    edit(path, lambda data: data.pop("causes"))
    library = load_library(content_copy, language="es")
    calf = library.region("calf")
    assert calf is not None and calf.title == "Calf"
    assert "calf" in library.fallback_ids
    assert any(p.path == path and p.severity == "error" for p in library.problems)


def test_a_spanish_page_of_the_wrong_kind_is_refused(content_copy: Path) -> None:
    """A Spanish topic with a region's id does not replace the region's page."""
    (content_copy / "es" / "regions" / "calf.yaml").unlink()
    source = content_copy / "topics" / "hydration.yaml"
    text = source.read_text(encoding="utf-8").replace("id: hydration", "id: calf")
    (content_copy / "es" / "topics" / "calf.yaml").write_text(text, encoding="utf-8")
    library = load_library(content_copy, language="es")
    assert any("must be one too" in p.message for p in library.problems)
    assert library.region("calf") == load_library(content_copy).region("calf")


def test_the_app_words_on_a_spanish_page_are_spanish(shipped_spanish: Any) -> None:
    calf = shipped_spanish.region("calf")
    blocks = outline(calf, "es")
    (flags,) = [b for b in blocks if isinstance(b, RedFlags)]
    headings = [group.heading.plain for group in flags.groups if isinstance(group, FlagGroup)]
    assert headings == [
        "Llame al {emergency} ahora si tiene:",
        "Busque atención médica hoy si tiene:",
        "Vea a su médico pronto si tiene:",
    ]
    shown = render_page(calf, shipped_spanish, RenderOptions(COLORS, emergency_number="112"))
    for words in ("Causas probables", "Masaje recomendado", "Prevención", "Última revisión"):
        assert words in shown
    assert "Llame al <b>112</b> ahora si tiene:" in shown
    assert "Likely causes" not in shown and "Last reviewed" not in shown
    # With no number set, the Spanish page says so in Spanish.
    unset = render_page(calf, shipped_spanish, RenderOptions(COLORS, emergency_number=""))
    assert "su número local de emergencias" in unset


def test_an_unknown_language_is_refused_by_name() -> None:
    assert check_language("ES") == "es"
    assert check_language("es_MX") == "es"
    with pytest.raises(UnknownLanguageError, match="'xx' is not a language"):
        check_language("xx")
    with pytest.raises(UnknownLanguageError):
        load_library(Path("."), language="klingon")


# -- check in Spanish --------------------------------------------------------------------------


def test_every_spanish_page_passes_every_rule_at_an_easy_reading_level(
    shipped_spanish: Any,
) -> None:
    for region in REGIONS:
        page = shipped_spanish.region(region)
        report = check_page(page)
        assert report.problems == (), [p.message for p in report.problems]
        assert report.grade is not None and report.grade >= MIN_EASE


def test_spanish_rules_list_the_same_red_flags_in_the_same_tiers_as_english() -> None:
    def signature(flags: tuple[Flag, ...]) -> list[tuple[str, str]]:
        return sorted((flag.tier, flag.what) for flag in flags)

    assert signature(SPANISH_RULES.every_region) == signature(ENGLISH_RULES.every_region)
    assert set(SPANISH_RULES.region_flags) == set(ENGLISH_RULES.region_flags)
    for region, flags in ENGLISH_RULES.region_flags.items():
        assert signature(SPANISH_RULES.region_flags[region]) == signature(flags), region
    for table in ("warning_signs", "self_massage_cautions", "topic_must_say", "not_in_soon"):
        spanish, english = getattr(SPANISH_RULES, table), getattr(ENGLISH_RULES, table)
        assert set(spanish) == set(english), table
        for key in english:
            assert [what for what, *_ in spanish[key]] == [what for what, *_ in english[key]]


SPANISH_FLAGS = [
    pytest.param(region, flag, id=f"{region}-{flag.tier}-{index}")
    for region in REGIONS
    for index, flag in enumerate(
        (*SPANISH_RULES.every_region, *SPANISH_RULES.region_flags.get(region, ()))
    )
]


@pytest.mark.parametrize(("region", "flag"), SPANISH_FLAGS)
def test_dropping_a_spanish_red_flag_fails_check(
    content_copy: Path, region: str, flag: Flag
) -> None:
    key = TIER_FIELDS[flag.tier]

    def change(data: Data) -> None:
        items = data["red_flags"][key]
        kept = [i for i in items if not all(re.search(p, fold(i), re.I) for p in flag.patterns)]
        assert len(kept) < len(items), "the shipped Spanish page should list this flag"
        data["red_flags"][key] = kept or ["Calambres que vuelven una y otra vez."]

    found = spanish_safety_after(content_copy, region, change)
    assert f"must list {flag.what}" in found


def test_an_urgent_word_in_the_spanish_soon_tier_fails(content_copy: Path) -> None:
    def change(data: Data) -> None:
        data["red_flags"]["doctor_soon"].append("Dolor en la pierna: vaya a urgencias hoy.")

    found = spanish_safety_after(content_copy, "calf", change)
    assert 'says "hoy"' in found or 'says "urgencias"' in found


def test_a_spanish_twitch_in_the_emergency_tier_fails(content_copy: Path) -> None:
    def change(data: Data) -> None:
        data["red_flags"]["emergency"].append("Un tic en el párpado.")

    assert "twitching alone is not urgent" in spanish_safety_after(content_copy, "calf", change)


def test_a_literal_emergency_number_in_spanish_fails(content_copy: Path) -> None:
    def change(data: Data) -> None:
        data["summary"] = "Si tiene dolor en el pecho, llame al 112."

    assert "instead of a fixed emergency number" in spanish_safety_after(
        content_copy, "calf", change
    )


def test_a_spanish_warning_must_keep_its_advice(content_copy: Path) -> None:
    def change(data: Data) -> None:
        data["warning"] = {"heading": "Dolor", "text": "El dolor suele pasar solo."}

    found = spanish_safety_after(content_copy, "calf", change)
    assert "that it could be a blood clot" in found
    assert "not to massage the leg" in found


def test_a_spanish_myth_is_only_mentioned_to_correct_it(content_copy: Path) -> None:
    def change(data: Data) -> None:
        data["prevention"].append("Coma un plátano al día para evitar los calambres.")

    found = spanish_safety_after(content_copy, "calf", change)
    assert "a banana prevents or stops cramps" in found

    def corrected(data: Data) -> None:
        data["prevention"][-1] = "Comer plátano no evita los calambres."

    assert "banana" not in spanish_safety_after(content_copy, "calf", corrected)


def test_accents_are_optional_for_the_spanish_rules(content_copy: Path) -> None:
    """A writer who types without accents ("coagulo") is held to the same rules."""

    def change(data: Data) -> None:
        data["warning"]["text"] = fold(data["warning"]["text"])
        data["red_flags"] = {k: [fold(i) for i in v] for k, v in data["red_flags"].items()}

    assert spanish_safety_after(content_copy, "calf", change) == ""


def test_hard_spanish_reading_is_reported_with_its_score(content_copy: Path) -> None:
    hard = (
        "La sintomatología concomitante, caracterizada por contracciones involuntarias "
        "persistentes de la musculatura esquelética gastrocnemia, requiere evaluación "
        "diagnóstica exhaustiva, considerando etiologías neurológicas, metabólicas, "
        "vasculares e iatrogénicas potencialmente subyacentes."
    )

    def change(data: Data) -> None:
        data["summary"] = hard
        data["prevention"] = [hard] * 3
        for cause in data["causes"]:
            cause["text"] = hard

    edit(content_copy / "es" / "regions" / "calf.yaml", change)
    report = check_content(content_copy, languages=("es",))
    language = [p for p in report.problems if p.rule == RULE_LANGUAGE]
    assert any("fernandez_huerta" in p.message and "below 80" in p.message for p in language)
    assert not [p for p in report.problems if p.rule == RULE_SAFETY]


def test_check_command_checks_spanish_pages_and_says_what_is_not_translated(
    content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check", "--grades", str(content_copy)]) == 0
    out = capsys.readouterr().out
    assert "Español (es): 27 of 27 pages written" in out
    assert "fernandez_huerta" in out
    edit(
        content_copy / "es" / "regions" / "calf.yaml",
        lambda d: d["red_flags"].update(today=d["red_flags"]["today"][1:]),
    )
    assert main(["check", "--language", "es", str(content_copy)]) == 1
    out = capsys.readouterr().out
    assert "es/regions/calf.yaml" in out and "a possible blood clot" in out
    # English alone does not look at the Spanish pages.
    assert main(["check", "--language", "en", str(content_copy)]) == 0
    capsys.readouterr()
    with pytest.raises(SystemExit):
        main(["check", "--language", "fr", str(content_copy)])
    assert "'fr' is not a language" in capsys.readouterr().err


@pytest.fixture(scope="module")
def shipped_spanish() -> Any:
    from bodymap.paths import content_dir

    return load_library(content_dir(), language="es")
