"""Sessions as FHIR R4: written, validated by fhir.resources (its R4B models, R4-compatible),
read back unchanged; broken, newer and foreign files refused in plain words."""

from __future__ import annotations

import copy
import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest
from fhir.resources.R4B.codesystem import CodeSystem
from fhir.resources.R4B.questionnaire import Questionnaire
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse
from pydantic import ValidationError

from bodymap.artwork import Artwork
from bodymap.chart import fhir
from bodymap.chart.model import MarkedArea, SessionChart

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "docs" / "examples"


def test_a_session_round_trips_through_its_file(
    chart: SessionChart, artwork: Artwork, tmp_path: Path
) -> None:
    path = tmp_path / "session.json"
    fhir.save_session(path, chart, artwork)
    assert fhir.read_session(path, artwork) == chart
    data = json.loads(path.read_text("utf-8"))
    assert data["subject"] == {"display": "Sample Client"}
    assert data["authored"] == "2026-11-26"


def test_the_session_is_a_valid_fhir_r4_questionnaire_response(chart: SessionChart) -> None:
    response = QuestionnaireResponse.model_validate_json(fhir.session_json(chart))
    assert response.questionnaire == f"{fhir.QUESTIONNAIRE_URL}|{fhir.FORMAT_VERSION}"
    areas = [item for item in response.item or [] if item.linkId == "area"]
    calf = {part.linkId: part.answer[0] for part in areas[0].item or [] if part.answer}
    codings = {link: answer.valueCoding for link, answer in calf.items() if answer.valueCoding}
    assert codings["area.site"].system == "http://snomed.info/sct"
    assert codings["area.site"].code == "53840002"
    assert codings["area.laterality"].code == "7771000"
    assert calf["area.score"].valueInteger == 7
    assert codings["area.kind"].code == "cramp"
    assert codings["area.frequency"].system == fhir.FREQUENCY_SYSTEM


def test_the_validator_can_fail() -> None:
    """A negative control: the library rejects a score that is not an integer."""
    response: dict[str, Any] = {
        "resourceType": "QuestionnaireResponse",
        "status": "completed",
        "item": [{"linkId": "area.score", "answer": [{"valueInteger": "seven"}]}],
    }
    with pytest.raises(ValidationError):
        QuestionnaireResponse.model_validate(response)
    with pytest.raises(ValidationError):
        QuestionnaireResponse.model_validate({**response, "status": "finished-ish"})


def test_the_definitions_are_valid_and_match_what_sessions_use(chart: SessionChart) -> None:
    questionnaire = Questionnaire.model_validate(fhir.questionnaire())
    assert questionnaire.url == fhir.QUESTIONNAIRE_URL
    assert questionnaire.version == str(fhir.FORMAT_VERSION)
    systems = {s["url"]: CodeSystem.model_validate(s) for s in fhir.code_systems()}
    assert set(systems) == {fhir.KIND_SYSTEM, fhir.FREQUENCY_SYSTEM}
    # Every linkId a session writes is declared, with the declared type.
    declared: dict[str, str] = {}

    def walk(items: list[Any]) -> None:
        for item in items:
            declared[item.linkId] = item.type
            walk(item.item or [])

    walk(questionnaire.item or [])
    used: set[str] = set()

    def walk_answers(items: list[dict[str, Any]]) -> None:
        for item in items:
            used.add(item["linkId"])
            walk_answers(item.get("item", []))

    walk_answers(fhir.session_response(chart)["item"])
    assert used <= set(declared)
    assert declared["area.score"] == "integer" and declared["area"] == "group"
    # Every code a session can write is in its code system.
    kind_codes = {c.code for c in systems[fhir.KIND_SYSTEM].concept or []}
    assert kind_codes == {"cramp", "spasm", "tightness", "twitching"}


def test_the_shipped_definitions_and_examples_are_current_and_valid(artwork: Artwork) -> None:
    for name, resource in fhir.definitions().items():
        assert (ROOT / "docs" / "fhir" / name).read_bytes() == fhir.definition_json(resource), name
    for path in sorted(EXAMPLES.glob("*.json")):
        QuestionnaireResponse.model_validate_json(path.read_bytes())
        chart = fhir.read_session(path, artwork)
        assert chart.client_name == "Sample Client"
        assert len(chart.areas) >= 5


def test_every_region_of_the_map_has_a_snomed_code(artwork: Artwork) -> None:
    assert set(artwork.region_ids) <= set(fhir.BODY_SITES)
    codes = [code for code, _ in fhir.BODY_SITES.values()]
    assert len(set(codes)) == len(codes)


def test_a_region_the_clinic_added_is_saved_in_bodymaps_own_code_system(
    chart: SessionChart,
) -> None:
    knee = dataclasses.replace(chart, areas=(MarkedArea("knee", "left", 3),))
    site = fhir.session_response(knee)["item"][1]["item"][0]["answer"][0]["valueCoding"]
    assert site["system"] == fhir.REGION_SYSTEM and site["code"] == "knee"


def refused(tmp_path: Path, artwork: Artwork, data: bytes, words: str) -> None:
    path = tmp_path / "broken.json"
    path.write_bytes(data)
    before = path.read_bytes()
    with pytest.raises(fhir.SessionFileError, match=words) as caught:
        fhir.read_session(path, artwork)
    assert caught.value.path == path
    assert "Traceback" not in str(caught.value)
    assert path.read_bytes() == before  # nothing changed


def saved(chart: SessionChart) -> dict[str, Any]:
    return copy.deepcopy(fhir.session_response(chart))


def test_broken_json_is_refused_with_its_line(
    chart: SessionChart, artwork: Artwork, tmp_path: Path
) -> None:
    text = fhir.session_json(chart)[:-40]
    refused(tmp_path, artwork, text, r"damaged: it is not valid JSON \(line \d+")
    refused(tmp_path, artwork, b"\xff\xfe\x00binary", "not text")


def test_a_session_from_a_newer_bodymap_is_refused(
    chart: SessionChart, artwork: Artwork, tmp_path: Path
) -> None:
    data = saved(chart)
    data["questionnaire"] = f"{fhir.QUESTIONNAIRE_URL}|{fhir.FORMAT_VERSION + 1}"
    refused(tmp_path, artwork, json.dumps(data).encode(), "saved by a newer BodyMap")


@pytest.mark.parametrize(
    "data",
    [
        {"resourceType": "Patient", "name": [{"text": "Someone"}]},
        [1, 2, 3],
        {"resourceType": "QuestionnaireResponse", "status": "completed"},
        {
            "resourceType": "QuestionnaireResponse",
            "questionnaire": "http://example.org/Questionnaire/phq-9",
            "status": "completed",
        },
    ],
)
def test_other_files_are_not_bodymap_sessions(
    artwork: Artwork, tmp_path: Path, data: object
) -> None:
    refused(tmp_path, artwork, json.dumps(data).encode(), "this is not a BodyMap session")


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (lambda area: area[2]["answer"][0].update(valueInteger=11), "from 0 to 10, not 11"),
        (lambda area: area[2]["answer"][0].update(valueInteger="7"), "not a whole number"),
        (lambda area: area[0]["answer"][0]["valueCoding"].update(code="1"), "SNOMED CT 1 is not"),
        (lambda area: area[1]["answer"][0]["valueCoding"].update(code="9"), "Left or Right"),
        (lambda area: area[3]["answer"][0]["valueCoding"].update(code="ache"), "'ache'"),
        (lambda area: area.pop(1), "say 'left' or 'right'"),
        (lambda area: area.pop(2), "no body site or no score"),
    ],
)
def test_values_a_chart_cannot_hold_are_refused(
    chart: SessionChart, artwork: Artwork, tmp_path: Path, change: Any, words: str
) -> None:
    data = saved(chart)
    change(data["item"][1]["item"])  # the left calf: site, side, score, kind, often, note
    refused(tmp_path, artwork, json.dumps(data).encode(), words)


def test_a_missing_file_is_refused(artwork: Artwork, tmp_path: Path) -> None:
    with pytest.raises(fhir.SessionFileError, match="cannot be read"):
        fhir.read_session(tmp_path / "nowhere.json", artwork)
