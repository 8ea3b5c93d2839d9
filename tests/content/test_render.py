"""The page text: content is shown as text, warnings come first, the emergency number is filled."""

from __future__ import annotations

import re

import msgspec

from bodymap.content.model import ContentLibrary, PhysicianWarning, RegionPage
from bodymap.content.outline import plain_text
from bodymap.content.render import PageColors, RenderOptions, render_page

COLORS = PageColors(
    text="#000000",
    muted="#444444",
    link="#0000ee",
    warning_text="#000000",
    warning_background="#ffeeee",
    warning_border="#aa0000",
    caution_text="#000000",
    caution_background="#ffffee",
    caution_border="#aa8800",
)


def render(library: ContentLibrary, page_id: str, number: str = "999") -> str:
    page = library.get(page_id)
    assert page is not None
    return render_page(page, library, RenderOptions(colors=COLORS, emergency_number=number))


def text_of(markup: str) -> str:
    return re.sub(r"<[^>]+>", "", markup)


def test_region_page_has_every_section_in_order(shipped_library: ContentLibrary) -> None:
    text = text_of(render(shipped_library, "back"))
    order = [
        "Likely causes",
        "When to see a doctor",
        "now if you have:",
        "See your doctor soon",
        "Recommended massage",
        "Self-massage at home",
        "Prevention",
        "Sources",
        "Last reviewed",
    ]
    positions = [text.index(heading) for heading in order]
    assert positions == sorted(positions)


def test_calf_clot_warning_comes_before_any_technique(shipped_library: ContentLibrary) -> None:
    calf = shipped_library.region("calf")
    assert calf is not None and calf.warning is not None
    text = text_of(render(shipped_library, "calf"))
    assert text.index(f"Warning: {calf.warning.heading}") < text.index("Recommended massage")
    lowered = text.lower()
    assert lowered.index("do not massage") < lowered.index(calf.techniques[0].name.lower())


def test_emergency_placeholder_becomes_the_local_number(shipped_library: ContentLibrary) -> None:
    markup = render(shipped_library, "chest", number="999")
    assert "{emergency}" not in markup
    assert "Call 999 now if you have:" in text_of(markup)


def test_markup_in_content_is_shown_literally(shipped_library: ContentLibrary) -> None:
    calf = shipped_library.region("calf")
    assert isinstance(calf, RegionPage)
    evil = msgspec.structs.replace(
        calf,
        title="<b>Calf</b><script>alert(1)</script>",
        summary='<img src="file:///etc/passwd"> <a href="http://example.com">x</a>',
        warning=PhysicianWarning(heading="<i>x</i>", text="&amp; {emergency}"),
    )
    markup = render_page(evil, shipped_library, RenderOptions(colors=COLORS))
    assert "<script>" not in markup and '<img src="file' not in markup
    assert 'http://example.com"' not in markup
    assert "&lt;b&gt;Calf&lt;/b&gt;&lt;script&gt;" in markup
    assert "&amp;amp; <b>911</b>" in markup


def test_related_topics_become_page_links(shipped_library: ContentLibrary) -> None:
    markup = render(shipped_library, "neck")
    assert '<a href="page:when-not-to-massage">' in markup


def test_plain_text_covers_what_a_person_reads(shipped_library: ContentLibrary) -> None:
    calf = shipped_library.region("calf")
    assert calf is not None
    text = plain_text(calf)
    assert calf.causes[0].text in text and calf.prevention[-1] in text
    assert calf.red_flags.emergency[0] in text


def test_the_three_tiers_are_boxed_apart_with_the_same_words_and_routes(
    shipped_library: ContentLibrary,
) -> None:
    calf = shipped_library.region("calf")
    assert calf is not None
    flags = msgspec.structs.replace(calf.red_flags, today=("A calf that is red and swollen.",))
    page = msgspec.structs.replace(calf, red_flags=flags)
    options = RenderOptions(colors=COLORS, emergency_number="999", same_day="NHS 111")
    markup = render_page(page, shipped_library, options)
    text = text_of(markup)
    emergency = text.index("Call 999 now if you have:")
    today = text.index("Get medical help today if you have:")
    soon = text.index("See your doctor soon if you have:")
    assert emergency < today < soon
    assert text.index("Contact NHS 111.") < text.index("A calf that is red and swollen.")
    assert markup.count("<table") == 4  # the physician warning, then one box per tier
    assert COLORS.caution_border in markup and COLORS.warning_border in markup


def test_a_page_with_no_same_day_signs_shows_no_empty_box(shipped_library: ContentLibrary) -> None:
    chest = shipped_library.region("chest")
    assert chest is not None
    page = msgspec.structs.replace(
        chest, red_flags=msgspec.structs.replace(chest.red_flags, today=())
    )
    text = text_of(render_page(page, shipped_library, RenderOptions(colors=COLORS)))
    assert "Get medical help today" not in text and "See your doctor soon" in text
