"""The handout made from a session chart: its blocks, the PDF's reading order, the command
line, and the same safety refusal as every handout."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from io import BytesIO
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader
from PySide6.QtWidgets import QApplication

from bodymap.artwork import Artwork
from bodymap.chart import fhir
from bodymap.chart.compare import compare
from bodymap.chart.model import MarkedArea, SessionChart
from bodymap.content.loader import load_library
from bodymap.content.model import ContentLibrary
from bodymap.handout.chart_page import (
    CHART_TITLE,
    CHART_WORDS,
    chart_region_ids,
    compose_chart_handout,
)
from bodymap.handout.cli import handout_main
from bodymap.handout.compose import (
    BlockKind,
    HandoutRequest,
    RequestError,
    UnsafePageError,
    compose_handout,
)
from bodymap.handout.pdf import render_composed
from bodymap.qtshared.diagram import BodyDiagram

EXAMPLES = Path(__file__).resolve().parents[2] / "docs" / "examples"


def request() -> HandoutRequest:
    return HandoutRequest(page_ids=(), printed=dt.date(2026, 11, 26))


def flat(text: str) -> str:
    return "".join(text.split())


def test_the_chart_page_comes_first_then_regions_by_score(
    chart: SessionChart, shipped_library: ContentLibrary
) -> None:
    handout = compose_chart_handout(chart, request(), shipped_library)
    assert [page.page_id for page in handout.pages] == [
        "session-chart",
        "shoulder",
        "calf",
        "neck",
    ]
    first = handout.pages[0]
    kinds = [block.kind for block in first.blocks]
    assert kinds[:4] == [BlockKind.TITLE, BlockKind.CLIENT, BlockKind.CHART, BlockKind.HEADING]
    assert kinds[-1] is BlockKind.NOTE
    chart_block = first.blocks[2]
    assert [(m.name, m.side, m.score) for m in chart_block.marks] == [
        ("Right shoulder", "right", 9),
        ("Left calf", "left", 7),
        ("Neck", None, 4),
    ]
    items = [b.text for b in first.blocks if b.kind is BlockKind.LIST_ITEM]
    assert items[0] == "<b>Right shoulder:</b> 9 out of 10 \u00b7 spasm"
    assert "Left calf:</b> 7 out of 10 · cramp, daily. Wakes her at night" in items[1]
    assert "Sample Client" in first.blocks[1].text and "26 November 2026" in first.blocks[1].text
    # The region pages keep their red flags before the massage, with no client on them.
    calf = handout.pages[2]
    calf_kinds = [b.kind for b in calf.blocks]
    assert BlockKind.RED_FLAGS in calf_kinds and BlockKind.CLIENT not in calf_kinds
    headings = [b.text for b in calf.blocks if b.kind is BlockKind.HEADING]
    flags = calf_kinds.index(BlockKind.RED_FLAGS)
    massage = next(
        i
        for i, b in enumerate(calf.blocks)
        if "massage" in b.text.lower() and b.kind is BlockKind.HEADING
    )
    assert flags < massage, headings


def test_each_region_page_puts_its_red_flags_first_then_the_note_on_that_area(
    chart: SessionChart, shipped_library: ContentLibrary
) -> None:
    """As the issue orders it: each marked region's page starts (after its title, warning
    and diagram) with its red flags, then the therapist's note on that area, then the rest."""
    handout = compose_chart_handout(chart, request(), shipped_library)
    plain = compose_handout(
        HandoutRequest(page_ids=("calf",), page_sides=("left",)), shipped_library
    ).pages[0]
    calf = handout.pages[2]
    kinds = [b.kind for b in calf.blocks]
    first_heading = kinds.index(BlockKind.HEADING)
    assert calf.blocks[first_heading].text == "When to see a doctor"
    flags = [i for i, kind in enumerate(kinds) if kind is BlockKind.RED_FLAGS]
    assert flags == list(range(first_heading + 1, first_heading + 1 + len(flags)))
    note = calf.blocks[flags[-1] + 1]
    assert note.kind is BlockKind.NOTE
    assert note.text == "<b>Left calf:</b> Wakes her at night"
    # Nothing lost or added but the note: the same blocks as the calf's own handout.
    assert sorted(b.text for b in calf.blocks if b.kind is not BlockKind.NOTE) == sorted(
        b.text for b in plain.blocks
    )
    assert [b.kind for b in plain.blocks].index(BlockKind.RED_FLAGS) > flags[0]
    # A marked area with no note gets no note box.
    shoulder = handout.pages[1]
    assert BlockKind.NOTE not in [b.kind for b in shoulder.blocks]
    assert shoulder.blocks[[b.kind for b in shoulder.blocks].index(BlockKind.HEADING) + 1].kind is (
        BlockKind.RED_FLAGS
    )


def test_a_region_marked_on_one_side_prints_that_sides_page(
    chart: SessionChart, shipped_library: ContentLibrary
) -> None:
    """The left calf marked: its page is the left calf's (title and shaded side), as the
    basket prints calf:left; both calves marked: the whole region."""
    handout = compose_chart_handout(chart, request(), shipped_library)
    titles = {page.page_id: page.title for page in handout.pages}
    assert titles["calf"] == "Left calf" and titles["shoulder"] == "Right shoulder"
    assert titles["neck"] == "Neck"
    calf = handout.pages[2]
    diagram = next(b for b in calf.blocks if b.kind is BlockKind.DIAGRAM)
    assert diagram.side == "left"
    both = dataclasses.replace(
        chart, areas=(MarkedArea("calf", "left", 3), MarkedArea("calf", "right", 8))
    )
    calf = compose_chart_handout(both, request(), shipped_library).pages[1]
    assert calf.title == "Calf"
    assert next(b for b in calf.blocks if b.kind is BlockKind.DIAGRAM).side is None


def test_one_region_scored_on_both_sides_is_printed_once(
    chart: SessionChart, shipped_library: ContentLibrary
) -> None:
    both = dataclasses.replace(
        chart, areas=(MarkedArea("calf", "left", 3), MarkedArea("calf", "right", 8))
    )
    assert chart_region_ids(both) == ["calf"]
    handout = compose_chart_handout(both, request(), shipped_library)
    assert [page.page_id for page in handout.pages] == ["session-chart", "calf"]


def test_the_request_name_and_note_replace_the_charts_and_are_escaped(
    chart: SessionChart, shipped_library: ContentLibrary
) -> None:
    asked = dataclasses.replace(request(), client_name="<Ann & Bo>", note="Rest <b>today</b>")
    first = compose_chart_handout(chart, asked, shipped_library).pages[0]
    assert "&lt;Ann &amp; Bo&gt;" in first.blocks[1].text
    assert first.blocks[-1].text == "Rest &lt;b&gt;today&lt;/b&gt;"
    with pytest.raises(RequestError, match="longer than 80"):
        compose_chart_handout(
            chart, dataclasses.replace(request(), client_name="x" * 90), shipped_library
        )


def test_a_chart_with_no_name_names_the_session_with_its_month_capitalised(
    chart: SessionChart, shipped_library: ContentLibrary
) -> None:
    nameless = dataclasses.replace(chart, client_name="")
    first = compose_chart_handout(nameless, request(), shipped_library).pages[0]
    assert first.blocks[1].text == "Session of 26 November 2026"


def test_an_empty_chart_is_refused(chart: SessionChart, shipped_library: ContentLibrary) -> None:
    with pytest.raises(RequestError, match="no area is marked"):
        compose_chart_handout(dataclasses.replace(chart, areas=()), request(), shipped_library)


def test_the_comparison_lists_each_change(
    chart: SessionChart, shipped_library: ContentLibrary
) -> None:
    later = dataclasses.replace(
        chart,
        date=dt.date(2026, 12, 3),
        areas=(MarkedArea("calf", "left", 4), MarkedArea("foot", "right", 2)),
    )
    first = compose_chart_handout(later, request(), shipped_library, compare(chart, later)).pages[0]
    texts = [b.text for b in first.blocks]
    assert "Since your last session (26 November 2026)" in texts
    changes = texts[texts.index("Since your last session (26 November 2026)") + 1 :]
    assert changes[:4] == [
        "<b>Left calf:</b> 7 \u2192 4 (better)",
        "<b>Right foot:</b> new: 2 (new)",
        "<b>Right shoulder:</b> 9 \u2192 not marked (resolved)",
        "<b>Neck:</b> 4 \u2192 not marked (resolved)",
    ]


def test_an_unsafe_page_refuses_the_whole_chart_handout(
    chart: SessionChart, content_copy: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    calf = content_copy / "regions" / "calf.yaml"
    data = yaml.safe_load(calf.read_text(encoding="utf-8"))
    data["warning"] = {"heading": "Tight calves", "text": "A gentle massage may help."}
    calf.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    with pytest.raises(UnsafePageError, match="The Calf page cannot be printed"):
        compose_chart_handout(chart, request(), load_library(content_copy))
    session = tmp_path / "s.json"
    session.write_bytes(fhir.session_json(chart))
    target = tmp_path / "out.pdf"
    code = handout_main(
        ["--chart", str(session), "-o", str(target), "--content-dir", str(content_copy)]
    )
    assert code == 1
    assert "The Calf page cannot be printed" in capsys.readouterr().err
    assert not target.exists()


def test_the_pdf_reads_chart_areas_changes_note_then_pages(
    qapp: QApplication, chart: SessionChart, shipped_library: ContentLibrary
) -> None:
    later = dataclasses.replace(chart, areas=(MarkedArea("calf", "left", 4), *chart.areas[1:]))
    handout = compose_chart_handout(later, request(), shipped_library, compare(chart, later))
    data, result = render_composed(handout, BodyDiagram())
    pages = [flat(page.extract_text()) for page in PdfReader(BytesIO(data)).pages]
    assert result.sheets == len(pages)
    first = pages[0]
    order = [
        CHART_TITLE,
        "SampleClient",
        "Scores:0nopain",
        CHART_WORDS["en"].areas_heading,
        "Rightshoulder:9outof10",
        "Leftcalf:4outof10",  # ties keep the order they were marked in
        "Neck:4outof10",
        "Sinceyourlastsession",
        "Leftcalf:7→4(better)",
        "Anotefromyourtherapist",
        "Stretchbeforebed.",
    ]
    at = [first.find(flat(words)) for words in order]
    assert -1 not in at, list(zip(order, at, strict=True))
    assert at == sorted(at)
    # Then the region pages by score: shoulder, calf, neck (each starts a sheet).
    starts = [
        next(i for i, p in enumerate(pages) if p.startswith(t))
        for t in ("Rightshoulder", "Leftcalf", "Neck")
    ]
    assert 0 < starts[0] < starts[1] < starts[2]


def test_the_command_line_writes_the_example_and_its_comparison(
    qapp: QApplication, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "chart.pdf"
    code = handout_main(
        [
            "--chart",
            str(EXAMPLES / "sample-session.json"),
            "--compare",
            str(EXAMPLES / "sample-session-earlier.json"),
            "--output",
            str(target),
        ]
    )
    assert code == 0, capsys.readouterr().err
    first = flat(PdfReader(target).pages[0].extract_text())
    assert "SampleClient" in first and "Leftcalf:7→4(better)" in first
    assert "Leftthigh:4→notmarked(resolved)" in first


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b'{"resourceType": "QuestionnaireResponse",', "damaged: it is not valid JSON (line 1"),
        (json.dumps({"resourceType": "Patient"}).encode(), "this is not a BodyMap session"),
    ],
)
def test_a_bad_session_file_exits_1_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, words: str
) -> None:
    session = tmp_path / "bad.json"
    session.write_bytes(content)
    target = tmp_path / "out.pdf"
    assert handout_main(["--chart", str(session), "-o", str(target)]) == 1
    err = capsys.readouterr().err
    assert words in err and str(session) in err and "Traceback" not in err
    assert "nothing was written" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.json"]


def test_newer_and_missing_files_exit_1(
    chart: SessionChart, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = fhir.session_response(chart)
    data["questionnaire"] = f"{fhir.QUESTIONNAIRE_URL}|99"
    newer = tmp_path / "newer.json"
    newer.write_text(json.dumps(data), encoding="utf-8")
    target = tmp_path / "out.pdf"
    assert handout_main(["--chart", str(newer), "-o", str(target)]) == 1
    assert "saved by a newer BodyMap" in capsys.readouterr().err
    session = tmp_path / "ok.json"
    session.write_bytes(fhir.session_json(chart))
    missing = tmp_path / "old.json"
    assert (
        handout_main(["--chart", str(session), "--compare", str(missing), "-o", str(target)]) == 1
    )
    assert "cannot be read" in capsys.readouterr().err
    assert not target.exists()


# Every English word the chart page itself prints (not the client's own notes, in the example
# written in English by the therapist, nor the region pages that follow).
ENGLISH_CHART_WORDS = (
    "Your session",
    "session of",
    "out of 10",
    "Where it hurts",
    "Since your last",
    "Scores:",
    "no pain",
    "better",
    "the same",
    "not marked",
    "resolved",
    "new:",
    "Right shoulder",
    "Left calf",
    "Left thigh",
    "Neck:",
    "tightness",
    "cramp",
    "spasm",
    "twitching",
    "several times",
    "daily",
    "weekly",
    "November",
    "FRONT",
    "BACK",
    "A note from your therapist",
    "For:",
)


def _chart_pdf(tmp_path: Path, language: str) -> list[str]:
    target = tmp_path / f"chart-{language}.pdf"
    code = handout_main(
        [
            "--chart",
            str(EXAMPLES / "sample-session.json"),
            "--compare",
            str(EXAMPLES / "sample-session-earlier.json"),
            "--language",
            language,
            "--output",
            str(target),
        ]
    )
    assert code == 0
    return [" ".join(page.extract_text().split()) for page in PdfReader(target).pages]


def test_a_spanish_chart_handout_speaks_spanish_on_its_first_page(
    qapp: QApplication, tmp_path: Path
) -> None:
    pages = _chart_pdf(tmp_path, "es")
    first = pages[0]
    for words in (
        "Su ficha de la sesión",
        "SU SESIÓN",
        "Para: Sample Client · sesión del 26 de noviembre de 2026",
        "DELANTE",
        "DETRÁS",
        "Puntuación: 0 sin dolor, 10 el peor dolor imaginable.",
        "Dónde le duele, de mayor a menor puntuación",
        "Hombro (lado derecho): 6 de 10 · espasmo, varias veces por semana",
        "Cuello: 5 de 10 · tensión, a diario.",
        "Pie (lado izquierdo): 1 de 10 · tic muscular, una vez",
        "Desde su última sesión (12 de noviembre de 2026)",
        "Pantorrilla (lado izquierdo): 7 → 4 (mejor)",
        "Pantorrilla (lado derecho): 2 (nueva)",
        "Muslo (lado izquierdo): 4 → sin marcar (resuelta)",
        "Una nota de su masajista",
    ):
        assert words in first, words
    english = [w for w in ENGLISH_CHART_WORDS if re.search(rf"\b{re.escape(w)}", first, re.I)]
    assert english == []
    # The region pages that follow are the Spanish pages.
    assert pages[1].startswith("Hombro")


def test_a_chart_handout_in_both_languages_has_its_chart_page_in_the_first(
    qapp: QApplication, tmp_path: Path
) -> None:
    pages = _chart_pdf(tmp_path, "es,en")
    assert pages[0].startswith("Su ficha de la sesión")
    assert sum("Your session chart" in page for page in pages) == 0
    assert any(page.startswith("Right shoulder") for page in pages)


def test_an_english_chart_page_has_every_english_word(qapp: QApplication, tmp_path: Path) -> None:
    first = _chart_pdf(tmp_path, "en")[0]
    missing = [words for words in ENGLISH_CHART_WORDS if words not in first]
    assert missing == []
    assert "Your session chart" in first and "26 November 2026" in first


def test_usage_errors_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = str(tmp_path / "x.pdf")
    session = str(EXAMPLES / "sample-session.json")
    for argv, words in (
        (["-o", out], "give the page ids to print, or --chart"),
        (["calf", "--chart", session, "-o", out], "not both"),
        (["calf", "--compare", session, "-o", out], "--compare needs --chart"),
    ):
        with pytest.raises(SystemExit) as exit_:
            handout_main(argv)
        assert exit_.value.code == 2
        assert words in capsys.readouterr().err


def test_the_example_session_is_what_the_chart_code_expects(artwork: Artwork) -> None:
    chart = fhir.read_session(EXAMPLES / "sample-session.json", artwork)
    assert len(chart.areas) == 6
