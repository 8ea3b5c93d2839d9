"""Every red flag of every region is printed, under the heading of its own urgency tier.

The handout is read back from the PDF with pypdf, as a person checking the printout would:
each item must appear after its tier's heading and before the next tier's heading.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QApplication

from bodymap.content.model import EMERGENCY_PLACEHOLDER, SAME_DAY_PLACEHOLDER, ContentLibrary
from bodymap.content.outline import DEFAULT_SAME_DAY, FLAG_FIELDS, FLAG_HEADINGS, FLAG_NOTES
from bodymap.content.spelling import US, respell
from bodymap.handout.compose import HandoutRequest
from bodymap.handout.pdf import write_pdf
from bodymap.qtshared.diagram import BodyDiagram
from bodymap.settings import ClinicDetails

EMERGENCY_NUMBER = "999"
SAME_DAY = "NHS 111 or your GP"


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def filled(text: str) -> str:
    return squash(
        text.replace(EMERGENCY_PLACEHOLDER, EMERGENCY_NUMBER).replace(
            SAME_DAY_PLACEHOLDER, SAME_DAY
        )
    )


@pytest.fixture(scope="module")
def printed(
    qapp: QApplication, shipped_library: ContentLibrary, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, str]:
    """Each region's handout (A4, no clinic details) as one run of text, white space removed."""
    diagram = BodyDiagram()
    folder = tmp_path_factory.mktemp("tiers")
    texts = {}
    for region in shipped_library.regions:
        target = folder / f"{region.id}.pdf"
        request = HandoutRequest(
            (region.id,), ClinicDetails(), "A4", EMERGENCY_NUMBER, dt.date(2026, 11, 29), SAME_DAY
        )
        write_pdf(target, request, shipped_library, diagram)
        texts[region.id] = "".join(squash(page.extract_text()) for page in PdfReader(target).pages)
    return texts


def tier_segments(text: str) -> dict[str, str]:
    """The text under each tier heading, up to the next tier heading (the last tier runs to
    the next section, "Recommended massage")."""
    heads = {}
    for urgency, heading in FLAG_HEADINGS.items():
        mark = filled(heading)
        assert text.count(mark) == 1, (heading, text.count(mark))
        heads[FLAG_FIELDS[urgency]] = (text.index(mark), text.index(mark) + len(mark))
    order = sorted(heads, key=lambda key: heads[key][0])
    assert order == ["emergency", "today", "doctor_soon"], "tiers are printed most urgent first"
    ends = [heads[key][0] for key in order[1:]]
    ends.append(text.index(squash("Recommended massage"), heads[order[-1]][1]))
    return {key: text[heads[key][1] : end] for key, end in zip(order, ends, strict=True)}


def test_every_red_flag_is_printed_in_its_tier(
    shipped_library: ContentLibrary, printed: dict[str, str]
) -> None:
    assert set(printed) == {r.id for r in shipped_library.regions}
    for region in shipped_library.regions:
        segments = tier_segments(printed[region.id])
        for key in ("emergency", "today", "doctor_soon"):
            items = getattr(region.red_flags, key)
            assert items, (region.id, key)
            for item in items:
                shown = filled(respell(item, US))  # printed in the default (US) spelling
                where = [tier for tier, segment in segments.items() if shown in segment]
                assert where == [key], (region.id, key, item, where)


def test_the_today_tier_says_whom_to_contact(
    shipped_library: ContentLibrary, printed: dict[str, str]
) -> None:
    (note,) = FLAG_NOTES.values()
    for region in shipped_library.regions:
        today = tier_segments(printed[region.id])["today"]
        assert today.startswith(filled(note)), region.id
        assert squash(DEFAULT_SAME_DAY) not in today  # the clinic's own route was printed


def test_the_emergency_heading_carries_the_number(printed: dict[str, str]) -> None:
    for text in printed.values():
        assert f"Call{EMERGENCY_NUMBER}nowifyouhave:" in text
        assert EMERGENCY_PLACEHOLDER not in text and SAME_DAY_PLACEHOLDER not in text


def test_a_tier_segment_check_can_tell_tiers_apart(printed: dict[str, str]) -> None:
    """The check above would notice an item printed in the wrong tier."""
    segments = tier_segments(printed["calf"])
    clot = squash("This can be a blood clot. Do not massage it.")
    assert clot in segments["today"]
    assert clot not in segments["emergency"] and clot not in segments["doctor_soon"]
