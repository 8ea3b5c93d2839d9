"""Handouts in the client's language (issue #16), chosen per handout: Spanish, or Spanish
then English; a page not yet written in Spanish is printed in English with a note."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QApplication

from bodymap.content.emergency import same_day_route_for
from bodymap.content.languages import FALLBACK_NOTES
from bodymap.content.loader import load_library
from bodymap.content.model import ContentLibrary
from bodymap.handout.cli import handout_main
from bodymap.handout.compose import (
    HANDOUT_WORDS,
    BlockKind,
    HandoutRequest,
    RequestError,
    compose_handout,
)
from bodymap.paths import content_dir


def squash(text: str) -> str:
    return "".join(text.split())


def page_texts(path: Path) -> list[str]:
    return [squash(page.extract_text()) for page in PdfReader(path).pages]


@pytest.fixture(scope="module")
def libraries() -> dict[str, ContentLibrary]:
    return {"en": load_library(content_dir()), "es": load_library(content_dir(), language="es")}


def test_a_spanish_handout_has_spanish_words_around_spanish_pages(
    libraries: dict[str, ContentLibrary],
) -> None:
    request = HandoutRequest(
        ("calf",),
        emergency_number="112",
        same_day=same_day_route_for("US"),  # the default route, never set by the clinic
        client_name="Ana",
        note="Estire cada noche.",
        printed=dt.date(2026, 11, 29),
        languages=("es",),
    )
    handout = compose_handout(request, libraries["es"])
    (page,) = handout.pages
    assert page.title == "Pantorrilla" and page.language == "es"
    assert page.kicker == HANDOUT_WORDS["es"].region_kicker
    assert handout.disclaimer.startswith("Este folleto es solo educativo")
    assert handout.printed_text == "Impreso el 29 de noviembre de 2026"
    assert handout.page_label(1, 2) == "Página 1 de 2"
    kinds = {block.kind: block for block in page.blocks}
    assert kinds[BlockKind.CLIENT].text.startswith("<b>Para:</b> Ana")
    assert kinds[BlockKind.NOTE].heading == "Una nota de su masajista"
    assert kinds[BlockKind.WARNING].heading.startswith("Atención:")
    flags = [b for b in page.blocks if b.kind is BlockKind.RED_FLAGS]
    assert flags[0].heading == "Llame al <b>112</b> ahora si tiene:"
    # The country's English default route gives way to Spanish words.
    assert "su médico o un centro de urgencias" in flags[1].text
    assert "urgent care" not in flags[1].text


def test_a_route_the_clinic_wrote_is_kept(libraries: dict[str, ContentLibrary]) -> None:
    request = HandoutRequest(("calf",), same_day="el centro de salud", languages=("es",))
    handout = compose_handout(request, libraries["es"])
    flags = [b for b in handout.pages[0].blocks if b.kind is BlockKind.RED_FLAGS]
    assert "el centro de salud" in flags[1].text


def test_both_languages_one_after_the_other(libraries: dict[str, ContentLibrary]) -> None:
    request = HandoutRequest(("calf", "back"), languages=("es", "en"))
    handout = compose_handout(request, libraries["es"], {"en": libraries["en"]})
    titles = [(page.title, page.language) for page in handout.pages]
    assert titles == [("Pantorrilla", "es"), ("Espalda", "es"), ("Calf", "en"), ("Back", "en")]
    assert "Este folleto" in handout.disclaimer and "for education only" in handout.disclaimer
    english = [b for b in handout.pages[2].blocks if b.kind is BlockKind.HEADING]
    assert english[0].text == "Likely causes"


def test_a_language_without_its_pages_is_refused(libraries: dict[str, ContentLibrary]) -> None:
    request = HandoutRequest(("calf",), languages=("es", "en"))
    with pytest.raises(RequestError, match="no pages were loaded in en"):
        compose_handout(request, libraries["es"])


def test_a_page_not_in_spanish_is_printed_in_english_with_a_note(
    libraries: dict[str, ContentLibrary], content_copy: Path
) -> None:
    request = HandoutRequest(("hydration",), languages=("es",))
    shipped = compose_handout(request, libraries["es"]).pages[0]
    assert shipped.title == "Beber suficiente líquido"  # every shipped topic is in Spanish
    assert all(block.text != FALLBACK_NOTES["es"] for block in shipped.blocks)
    (content_copy / "es" / "topics" / "hydration.yaml").unlink()
    handout = compose_handout(request, load_library(content_copy, language="es"))
    blocks = handout.pages[0].blocks
    assert blocks[1].kind is BlockKind.PARAGRAPH
    assert blocks[1].text == FALLBACK_NOTES["es"]


def test_handout_command_in_spanish(qapp: QApplication, tmp_path: Path) -> None:
    """A clinic's own topic written only in English is printed in English with the note."""
    clinic = tmp_path / "clinic"
    (clinic / "topics").mkdir(parents=True)
    english = (content_dir() / "topics" / "hydration.yaml").read_text(encoding="utf-8")
    own = english.replace("id: hydration", "id: clinic-drinks")
    (clinic / "topics" / "clinic-drinks.yaml").write_text(own, encoding="utf-8")
    target = tmp_path / "es.pdf"
    folder = ["--content-dir", str(clinic)]
    assert (
        handout_main(["calf", "clinic-drinks", "--language", "es", "-o", str(target), *folder]) == 0
    )
    texts = page_texts(target)
    assert texts[0].startswith("Pantorrilla")
    assert squash(FALLBACK_NOTES["es"]) in "".join(texts)
    assert squash("Página 1 de") in texts[0]
    assert squash("DELANTE") in texts[0].upper()


def test_handout_command_in_both_languages(qapp: QApplication, tmp_path: Path) -> None:
    target = tmp_path / "es-en.pdf"
    assert handout_main(["calf", "--language", "es,en", "-o", str(target)]) == 0
    texts = page_texts(target)
    first_english = next(i for i, t in enumerate(texts) if t.startswith("Calf"))
    assert texts[0].startswith("Pantorrilla") and first_english > 0
    assert not any(t.startswith("Pantorrilla") for t in texts[first_english:])


def test_an_unknown_handout_language_is_a_usage_error(
    qapp: QApplication, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        handout_main(["calf", "--language", "fr", "-o", str(tmp_path / "x.pdf")])
    assert exit_info.value.code == 2
    assert "'fr' is not a language" in capsys.readouterr().err
    assert not (tmp_path / "x.pdf").exists()


def test_a_picked_side_is_named_in_each_language(libraries: dict[str, ContentLibrary]) -> None:
    request = HandoutRequest(("calf",), languages=("es", "en"), sides=(("calf", "left"),))
    handout = compose_handout(request, libraries["es"], {"en": libraries["en"]})
    assert [page.title for page in handout.pages] == ["Pantorrilla (lado izquierdo)", "Left calf"]
    assert handout.title.startswith("Pantorrilla (lado izquierdo): espasmos")
    for page in handout.pages:
        diagrams = [b for b in page.blocks if b.kind is BlockKind.DIAGRAM]
        assert diagrams and all(b.side == "left" for b in diagrams)
        assert page.blocks[0].text in page.title  # the heading names the side too
