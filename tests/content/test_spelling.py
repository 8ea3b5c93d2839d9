"""English spelling by the clinic's locale (issue #16): one British source, US by default."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from bodymap.content import spelling
from bodymap.content.checks import check_page
from bodymap.content.languages import language_of
from bodymap.content.loader import load_library
from bodymap.content.outline import block_texts, outline
from bodymap.content.render import PageColors, RenderOptions, render_page
from bodymap.content.spelling import GB, US, respell, spelling_for_territory
from bodymap.handout.compose import HandoutRequest, compose_handout
from bodymap.paths import content_dir

COLORS = PageColors(*(["#000000"] * 9))


def shown_words(library_page: object, spelling: str | None) -> str:
    return " ".join(
        text.plain
        for block in outline(library_page, spelling=spelling)  # type: ignore[arg-type]
        for text in block_texts(block)
    )


def test_respell_keeps_capitals_and_leaves_other_words() -> None:
    assert respell("Colour, COLOUR and colour of pee", US) == "Color, COLOR and color of pee"
    assert respell("Diarrhoea or a tumour.", US) == "Diarrhea or a tumor."
    assert respell("Diarrhoea or a tumour.", GB) == "Diarrhoea or a tumour."
    # Words that only look American are never "corrected" to British ones.
    assert respell("Muscles tire; the groin.", US) == "Muscles tire; the groin."
    assert respell("Call {emergency} now.", US) == "Call {emergency} now."


def test_the_locale_decides_the_spelling() -> None:
    assert spelling_for_territory("GB") == GB and spelling_for_territory("ie") == GB
    assert spelling_for_territory("US") == US and spelling_for_territory("") == US


def test_a_page_is_shown_in_us_spelling_by_default_and_uk_for_en_gb() -> None:
    library = load_library(content_dir())
    calf = library.region("calf")
    assert calf is not None
    assert "diarrhoea" in shown_words(calf, None)  # the source, as check reads it
    assert "diarrhea" in shown_words(calf, US) and "diarrhoea" not in shown_words(calf, US)
    assert "diarrhoea" in shown_words(calf, GB)
    assert "colour of cola" not in render_page(calf, library, RenderOptions(COLORS))
    assert "color of cola" in render_page(calf, library, RenderOptions(COLORS))
    british = render_page(calf, library, RenderOptions(COLORS, spelling=GB))
    assert "colour of cola" in british


def test_handouts_follow_the_spelling_too() -> None:
    library = load_library(content_dir())
    request = HandoutRequest(("calf",), printed=dt.date(2026, 11, 29))
    us = " ".join(
        b.text + " ".join(b.items) for b in compose_handout(request, library).pages[0].blocks
    )
    assert "diarrhea" in us and "diarrhoea" not in us
    gb_request = HandoutRequest(("calf",), printed=dt.date(2026, 11, 29), spelling=GB)
    gb = " ".join(
        b.text + " ".join(b.items) for b in compose_handout(gb_request, library).pages[0].blocks
    )
    assert "diarrhoea" in gb


def test_check_reads_the_source_spelling(content_copy: Path) -> None:
    """The safety rule for lost fluid still finds "diarrhoea" as written."""
    library = load_library(content_copy)
    calf = library.region("calf")
    assert calf is not None
    assert not [p for p in check_page(calf).problems if p.blocks_output]


def test_spanish_pages_are_never_respelt() -> None:
    spanish = load_library(content_dir(), language="es").region("calf")
    assert spanish is not None
    assert outline(spanish, "es", US) == outline(spanish, "es")


SHOWN_FROM_THE_CACHE = """
import json, sys
from pathlib import Path
from bodymap.content.cache import load_library_cached
from bodymap.content.languages import language_of
from bodymap.content.outline import block_texts, outline

cache = Path(sys.argv[1])
load_library_cached(Path(sys.argv[2]), cache)  # reads the YAML and writes the cache
for name in [name for name in sys.modules if name.startswith("bodymap")]:
    del sys.modules[name]  # start afresh, as the next start would
sys.modules["breame"] = None  # importing it now fails
from bodymap.content.cache import load_library_cached
from bodymap.content.outline import block_texts, outline
library = load_library_cached(Path(sys.argv[2]), cache)
shown = {
    page_id: [text.plain for block in outline(library.get(page_id), spelling="en-US")
              for text in block_texts(block)]
    for page_id in library.page_ids()
    if language_of(library.get(page_id).path) == "en"
}
print(json.dumps(shown))
"""


def test_pages_from_the_cache_are_respelt_the_same_without_breame(
    child_python: Any, tmp_path: Path
) -> None:
    """A cache hit shows every English page in US spelling from the words kept in the cache,
    exactly as breame spells them, with breame never loaded (it is not needed before the
    first frame; ``tests/ui/test_first_frame.py``)."""
    import json

    done = child_python.run("-c", SHOWN_FROM_THE_CACHE, tmp_path / "cache.json", content_dir())
    assert done.returncode == 0, done.stderr
    shown = json.loads(done.stdout)
    library = load_library(content_dir())
    expected = {
        page_id: [text.plain for block in outline(page, spelling=US) for text in block_texts(block)]
        for page_id, page in library.pages.items()
        if language_of(page.path) == "en"
    }
    assert shown == expected
    assert any("color" in " ".join(texts) for texts in shown.values())  # respelt, not as written


def test_a_word_the_cache_does_not_know_is_looked_up_in_breame() -> None:
    spelling.remember("the pain", {})
    assert respell("The colour of the pain", US) == "The color of the pain"
