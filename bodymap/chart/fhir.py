"""A session chart saved as FHIR R4: a ``QuestionnaireResponse`` answering BodyMap's
``Questionnaire``, with body sites in SNOMED CT; read back with plain-words refusals.

Identifiers (all under ``https://bodymap.app/fhir/``; they name things, nothing is served there):

- ``Questionnaire/session-chart`` (``QUESTIONNAIRE_URL``) is the questionnaire a session answers;
  its business ``version`` is ``FORMAT_VERSION``, a whole number raised whenever a file written
  by this BodyMap could not be read correctly by an older one. A session file names it as
  ``questionnaire: "<url>|<version>"``; a file with a higher version is refused ("made by a
  newer BodyMap") rather than half read.
- ``CodeSystem/spasm-kind`` (``KIND_SYSTEM``): cramp, spasm, tightness, twitching.
- ``CodeSystem/how-often`` (``FREQUENCY_SYSTEM``): once, weekly, several-a-week, daily,
  several-a-day.
- ``CodeSystem/body-region`` (``REGION_SYSTEM``): BodyMap's own region ids, used only for a
  region the clinic added that has no SNOMED CT code below.

The file is one QuestionnaireResponse (JSON): ``authored`` is the session date,
``subject.display`` the client's name (no Patient resource: BodyMap keeps no client records),
item ``note`` the therapist's note, and one repeated group ``area`` per marked area with
``area.site`` (SNOMED CT body structure), ``area.laterality`` (SNOMED CT Left 7771000 or Right
24028007: the values of the Laterality attribute 272741003, so site + laterality is the
post-coordinated ``site:272741003=side``), ``area.score`` (integer 0-10), ``area.kind``,
``area.frequency`` (codings from the code systems above) and ``area.note``.
``docs/fhir/`` holds the Questionnaire and the two CodeSystems (``resources()`` writes them).

SNOMED CT codes. No SNOMED browser is reachable from here, so each code was checked against
at least two published code tables that agree on it: DICOM PS3.16 CID 4031 "Common Anatomic
Regions" as shipped in DCMTK (``dcmtk/dcmsr`` code tables) and dicom3tools
(``DisplayableAnatomicConcept``: 53840002 Calf of leg, 56459004 Foot, 45048000 Neck, 51185008
Thorax/Chest, 113345001 Abdomen, 77568009 Back, 85562004 Hand, 68367000 Thigh, 16982005
Shoulder), and FHIR implementation guides' value sets (HL7 Europe eHDSI Body Site; the
fully specified names "Structure of calf of leg", "Structure of back of trunk", "Abdominal
structure (body structure)", "Hand structure (body structure)", "Thigh structure (body
structure)", "Shoulder region structure (body structure)", "Thoracic structure"). Laterality
7771000 "Left (qualifier value)" and 24028007 "Right (qualifier value)": DICOM CID 244 and
the CQL code definitions of HL7 eCQMs. A terminologist should confirm them against the
current SNOMED CT International release before the files are sent to another system.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from bodymap.artwork import Artwork
from bodymap.chart.model import (
    ChartError,
    Frequency,
    Kind,
    MarkedArea,
    SessionChart,
    check_chart,
)
from bodymap.fileio import atomic_write_bytes

BASE = "https://bodymap.app/fhir"
QUESTIONNAIRE_URL = f"{BASE}/Questionnaire/session-chart"
KIND_SYSTEM = f"{BASE}/CodeSystem/spasm-kind"
FREQUENCY_SYSTEM = f"{BASE}/CodeSystem/how-often"
REGION_SYSTEM = f"{BASE}/CodeSystem/body-region"
SNOMED = "http://snomed.info/sct"
FORMAT_VERSION = 1
"""The version of the session format this BodyMap writes and the newest it reads."""
FILE_SUFFIX = ".json"
E = TypeVar("E", Kind, Frequency)

BODY_SITES: dict[str, tuple[str, str]] = {
    "neck": ("45048000", "Neck structure"),
    "shoulder": ("16982005", "Shoulder region structure"),
    "chest": ("51185008", "Thoracic structure"),
    "back": ("77568009", "Structure of back of trunk"),
    "stomach": ("113345001", "Abdominal structure"),
    "hand": ("85562004", "Hand structure"),
    "thigh": ("68367000", "Thigh structure"),
    "calf": ("53840002", "Structure of calf of leg"),
    "foot": ("56459004", "Foot structure"),
}
"""Region id -> (SNOMED CT concept id, preferred term); sources in the module docstring."""
LATERALITY: dict[str, tuple[str, str]] = {
    "left": ("7771000", "Left"),
    "right": ("24028007", "Right"),
}
"""The person's side -> SNOMED CT qualifier value (Laterality, 272741003)."""

KIND_DEFINITIONS = {
    Kind.CRAMP: "A sudden, painful tightening of a muscle that does not let go at once.",
    Kind.SPASM: "A muscle tightening by itself, often with pain, and letting go again.",
    Kind.TIGHTNESS: "A muscle that feels stiff, short or hard to stretch, without a sudden grip.",
    Kind.TWITCHING: "Small movements of a muscle under the skin, usually without pain.",
}
FREQUENCY_DEFINITIONS = {
    Frequency.ONCE: "It happened once.",
    Frequency.WEEKLY: "About once a week.",
    Frequency.SEVERAL_A_WEEK: "Two to six times a week.",
    Frequency.DAILY: "About once a day.",
    Frequency.SEVERAL_A_DAY: "More than once on most days.",
}

LINK_NOTE = "note"
LINK_AREA = "area"
LINK_SITE = "area.site"
LINK_LATERALITY = "area.laterality"
LINK_SCORE = "area.score"
LINK_KIND = "area.kind"
LINK_FREQUENCY = "area.frequency"
LINK_AREA_NOTE = "area.note"


class SessionFileError(Exception):
    """A session file cannot be opened: ``reason`` says why in plain words (broken, from a
    newer BodyMap, not a BodyMap session, or holding a value a chart cannot take), ``path``
    which file. Nothing is changed when it is raised."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


# Writing -------------------------------------------------------------------------------------


def _coding(system: str, code: str, display: str) -> dict[str, str]:
    return {"system": system, "code": code, "display": display}


def _site_coding(region_id: str) -> dict[str, str]:
    if region_id in BODY_SITES:
        code, display = BODY_SITES[region_id]
        return _coding(SNOMED, code, display)
    return _coding(REGION_SYSTEM, region_id, region_id.capitalize())


def _answer(link_id: str, text: str, value: dict[str, Any]) -> dict[str, Any]:
    return {"linkId": link_id, "text": text, "answer": [value]}


def session_response(chart: SessionChart) -> dict[str, Any]:
    """The chart as a FHIR R4 QuestionnaireResponse (a JSON-ready dict)."""
    items: list[dict[str, Any]] = []
    if chart.note.strip():
        items.append(_answer(LINK_NOTE, "Therapist's note", {"valueString": chart.note.strip()}))
    for area in chart.areas:
        parts = [_answer(LINK_SITE, "Body site", {"valueCoding": _site_coding(area.region_id)})]
        if area.side is not None:
            code, display = LATERALITY[area.side]
            coding = _coding(SNOMED, code, display)
            parts.append(_answer(LINK_LATERALITY, "Side", {"valueCoding": coding}))
        parts.append(_answer(LINK_SCORE, "Score (0-10)", {"valueInteger": area.score}))
        if area.kind is not None:
            coding = _coding(KIND_SYSTEM, area.kind.value, area.kind.label)
            parts.append(_answer(LINK_KIND, "What it feels like", {"valueCoding": coding}))
        if area.frequency is not None:
            f = area.frequency
            coding = _coding(FREQUENCY_SYSTEM, f.value, f.label)
            parts.append(_answer(LINK_FREQUENCY, "How often", {"valueCoding": coding}))
        if area.note.strip():
            parts.append(_answer(LINK_AREA_NOTE, "Note", {"valueString": area.note.strip()}))
        items.append({"linkId": LINK_AREA, "text": "Marked area", "item": parts})
    response: dict[str, Any] = {
        "resourceType": "QuestionnaireResponse",
        "questionnaire": f"{QUESTIONNAIRE_URL}|{FORMAT_VERSION}",
        "status": "completed",
    }
    if chart.client_name.strip():
        response["subject"] = {"display": chart.client_name.strip()}
    response["authored"] = chart.date.isoformat()
    if items:
        response["item"] = items
    return response


def session_json(chart: SessionChart) -> bytes:
    """The session file's bytes: the QuestionnaireResponse as indented UTF-8 JSON."""
    text = json.dumps(session_response(chart), ensure_ascii=False, indent=2)
    return (text + "\n").encode("utf-8")


def save_session(path: Path, chart: SessionChart, artwork: Artwork) -> None:
    """Check the chart, then write it to ``path`` all at once or not at all.

    Raises ChartError for a chart the map cannot hold, WriteError when the file cannot be saved.
    """
    check_chart(chart, artwork)
    atomic_write_bytes(path, session_json(chart))


# Reading -------------------------------------------------------------------------------------


@dataclass
class _Reader:
    path: Path
    artwork: Artwork

    def fail(self, reason: str) -> SessionFileError:
        return SessionFileError(self.path, reason)

    def chart(self, data: object) -> SessionChart:
        if not isinstance(data, dict) or data.get("resourceType") != "QuestionnaireResponse":
            raise self.fail(
                "this is not a BodyMap session (it is not a FHIR QuestionnaireResponse)"
            )
        url, _, version = str(data.get("questionnaire", "")).partition("|")
        if url != QUESTIONNAIRE_URL:
            raise self.fail(
                "this is not a BodyMap session (it answers another questionnaire"
                + (f", {url}" if url else "")
                + ")"
            )
        number = int(version) if version.isdigit() else None
        if number is None:
            raise self.fail(f"the session format version '{version}' is not a whole number")
        if number > FORMAT_VERSION:
            raise self.fail(
                f"this session was saved by a newer BodyMap (session format {number}; this one "
                f"reads up to {FORMAT_VERSION}). Update BodyMap to open it."
            )
        try:
            date = dt.date.fromisoformat(str(data.get("authored", ""))[:10])
        except ValueError:
            raise self.fail("the session has no date it can be read by ('authored')") from None
        subject = data.get("subject", {})
        name = subject.get("display", "") if isinstance(subject, dict) else ""
        note = ""
        areas: list[MarkedArea] = []
        items = data.get("item", [])
        if not isinstance(items, list):
            raise self.fail("the session's answers ('item') are not a list")
        for item in items:
            link = item.get("linkId") if isinstance(item, dict) else None
            if link == LINK_NOTE:
                note = self.string(item, "the therapist's note")
            elif link == LINK_AREA:
                areas.append(self.area(item, len(areas) + 1))
        chart = SessionChart(date, str(name), note, tuple(areas))
        try:
            check_chart(chart, self.artwork)
        except ChartError as exc:
            raise self.fail(str(exc)) from None
        return chart

    def value(self, item: dict[str, Any], key: str, what: str) -> object:
        answers = item.get("answer")
        if not isinstance(answers, list) or len(answers) != 1 or not isinstance(answers[0], dict):
            raise self.fail(f"{what} has no single answer")
        if key not in answers[0]:
            raise self.fail(f"{what} is not given as {key}")
        return answers[0][key]

    def string(self, item: dict[str, Any], what: str) -> str:
        value = self.value(item, "valueString", what)
        if not isinstance(value, str):
            raise self.fail(f"{what} is not text")
        return value

    def coding(self, item: dict[str, Any], what: str) -> tuple[str, str]:
        value = self.value(item, "valueCoding", what)
        if not isinstance(value, dict):
            raise self.fail(f"{what} is not a coding")
        return str(value.get("system", "")), str(value.get("code", ""))

    def area(self, group: dict[str, Any], number: int) -> MarkedArea:
        where = f"area {number}"
        parts = {p.get("linkId"): p for p in group.get("item", []) if isinstance(p, dict)}
        if LINK_SITE not in parts or LINK_SCORE not in parts:
            raise self.fail(f"{where} has no body site or no score")
        region = self.region(*self.coding(parts[LINK_SITE], f"the body site of {where}"))
        side: str | None = None
        if LINK_LATERALITY in parts:
            system, code = self.coding(parts[LINK_LATERALITY], f"the side of {where}")
            sides = [s for s, (c, _) in LATERALITY.items() if system == SNOMED and c == code]
            if not sides:
                raise self.fail(f"the side of {where} is not SNOMED CT Left or Right ({code})")
            side = sides[0]
        score = self.value(parts[LINK_SCORE], "valueInteger", f"the score of {where}")
        if isinstance(score, bool) or not isinstance(score, int):
            raise self.fail(f"the score of {where} is not a whole number ({score!r})")
        kind = self.choice(parts.get(LINK_KIND), KIND_SYSTEM, Kind, f"what {where} feels like")
        frequency = self.choice(
            parts.get(LINK_FREQUENCY), FREQUENCY_SYSTEM, Frequency, f"how often for {where}"
        )
        note = ""
        if LINK_AREA_NOTE in parts:
            note = self.string(parts[LINK_AREA_NOTE], f"the note on {where}")
        return MarkedArea(region, side, score, kind, frequency, note)

    def region(self, system: str, code: str) -> str:
        if system == SNOMED:
            for region, (site, _) in BODY_SITES.items():
                if site == code:
                    return region
            raise self.fail(f"the body site SNOMED CT {code} is not an area of the body map")
        if system == REGION_SYSTEM:
            return code
        raise self.fail(f"a body site is coded in '{system}', which BodyMap does not know")

    def choice(
        self, item: dict[str, Any] | None, system: str, kind: type[E], what: str
    ) -> E | None:
        if item is None:
            return None
        found_system, code = self.coding(item, what)
        for member in kind:
            if found_system == system and member.value == code:
                return member
        raise self.fail(f"{what} is '{code}', which is not one of its choices")


def read_session(path: Path, artwork: Artwork) -> SessionChart:
    """The chart saved in the session file at ``path``.

    Raises SessionFileError, with the reason in plain words, when the file cannot be read, is
    not JSON (with the line), is not a BodyMap session, was saved by a newer BodyMap, or holds
    something a chart cannot (an area the map does not draw, a score of 11...).
    """
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise SessionFileError(path, f"the file cannot be read ({exc.strerror or exc})") from None
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise SessionFileError(path, "this is not a BodyMap session (it is not text)") from None
    except json.JSONDecodeError as exc:
        raise SessionFileError(
            path,
            f"the file is damaged: it is not valid JSON (line {exc.lineno}, column {exc.colno}: "
            f"{exc.msg.lower()})",
        ) from None
    return _Reader(path, artwork).chart(data)


# The definitions: the Questionnaire and the code systems a session refers to -------------------

PUBLISHER = "BodyMap"
DEFINITIONS_DATE = "2026-11-29"


def _option(coding: dict[str, str]) -> dict[str, Any]:
    return {"valueCoding": coding}


def _integer_limit(name: str, value: int) -> dict[str, Any]:
    return {"url": f"http://hl7.org/fhir/StructureDefinition/{name}", "valueInteger": value}


def questionnaire() -> dict[str, Any]:
    """BodyMap's session-chart Questionnaire (FHIR R4), which every session file answers."""
    sites = [_option(_coding(SNOMED, code, term)) for code, term in BODY_SITES.values()]
    sides = [_option(_coding(SNOMED, code, term)) for code, term in LATERALITY.values()]
    kinds = [_option(_coding(KIND_SYSTEM, k.value, k.label)) for k in Kind]
    often = [_option(_coding(FREQUENCY_SYSTEM, f.value, f.label)) for f in Frequency]
    return {
        "resourceType": "Questionnaire",
        "id": "session-chart",
        "url": QUESTIONNAIRE_URL,
        "version": str(FORMAT_VERSION),
        "name": "BodyMapSessionChart",
        "title": "BodyMap session chart",
        "status": "active",
        "subjectType": ["Patient"],
        "date": DEFINITIONS_DATE,
        "publisher": PUBLISHER,
        "description": (
            "Where a client's muscle cramps, spasms, tightness or twitching are, on BodyMap's "
            "body map; how bad each is on the 0-10 numeric rating scale; what kind and how "
            "often; and the therapist's notes. A body site outside the listed SNOMED CT codes "
            f"is coded in {REGION_SYSTEM} (a region the clinic added to the map)."
        ),
        "item": [
            {"linkId": LINK_NOTE, "text": "Therapist's note", "type": "text"},
            {
                "linkId": LINK_AREA,
                "text": "Marked area",
                "type": "group",
                "repeats": True,
                "item": [
                    {
                        "linkId": LINK_SITE,
                        "text": "Body site",
                        "type": "open-choice",
                        "required": True,
                        "answerOption": sites,
                    },
                    {
                        "linkId": LINK_LATERALITY,
                        "text": "Side (for a part of the body that has a left and a right)",
                        "type": "choice",
                        "answerOption": sides,
                    },
                    {
                        "extension": [
                            _integer_limit("minValue", 0),
                            _integer_limit("maxValue", 10),
                        ],
                        "linkId": LINK_SCORE,
                        "text": "Score (0 no pain - 10 worst imaginable)",
                        "type": "integer",
                        "required": True,
                    },
                    {
                        "linkId": LINK_KIND,
                        "text": "What it feels like",
                        "type": "choice",
                        "answerOption": kinds,
                    },
                    {
                        "linkId": LINK_FREQUENCY,
                        "text": "How often",
                        "type": "choice",
                        "answerOption": often,
                    },
                    {"linkId": LINK_AREA_NOTE, "text": "Note", "type": "string"},
                ],
            },
        ],
    }


def _code_system(
    identifier: str, url: str, name: str, title: str, concepts: dict[Any, str]
) -> dict[str, Any]:
    return {
        "resourceType": "CodeSystem",
        "id": identifier,
        "url": url,
        "version": str(FORMAT_VERSION),
        "name": name,
        "title": title,
        "status": "active",
        "date": DEFINITIONS_DATE,
        "publisher": PUBLISHER,
        "caseSensitive": True,
        "content": "complete",
        "count": len(concepts),
        "concept": [
            {"code": member.value, "display": member.label, "definition": definition}
            for member, definition in concepts.items()
        ],
    }


def code_systems() -> list[dict[str, Any]]:
    """The CodeSystems for what an area feels like and how often (FHIR R4)."""
    return [
        _code_system(
            "spasm-kind", KIND_SYSTEM, "BodyMapSpasmKind", "What it feels like", KIND_DEFINITIONS
        ),
        _code_system(
            "how-often", FREQUENCY_SYSTEM, "BodyMapHowOften", "How often", FREQUENCY_DEFINITIONS
        ),
    ]


def definitions() -> dict[str, dict[str, Any]]:
    """File name -> resource, for ``docs/fhir/``: the Questionnaire and the CodeSystems."""
    found = {"Questionnaire-session-chart.json": questionnaire()}
    for system in code_systems():
        found[f"CodeSystem-{system['id']}.json"] = system
    return found


def definition_json(resource: dict[str, Any]) -> bytes:
    """A definition as the indented UTF-8 JSON kept in ``docs/fhir/``."""
    return (json.dumps(resource, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
