"""What goes on a handout, checked without Qt: order, escaping, names and paper sizes."""

from __future__ import annotations

import datetime as dt

import msgspec
import pytest
from markupsafe import escape

from bodymap.content.model import ContentLibrary, PhysicianWarning, RegionPage
from bodymap.content.outline import Urgency
from bodymap.handout.compose import (
    CHOOSABLE,
    DISCLAIMER,
    Block,
    BlockKind,
    HandoutRequest,
    RequestError,
    UnknownPageError,
    choosable_items,
    compose_handout,
    default_file_name,
    handout_page_ids,
    plain_html,
    printed_site,
)
from bodymap.settings import ClinicDetails, default_paper_size, normalise_paper_size


def kinds(library: ContentLibrary, page_id: str) -> list[BlockKind]:
    handout = compose_handout(HandoutRequest((page_id,)), library)
    return [block.kind for block in handout.pages[0].blocks]


def test_region_blocks_follow_the_screen_order(shipped_library: ContentLibrary) -> None:
    order = kinds(shipped_library, "calf")
    first = {kind: order.index(kind) for kind in reversed(order)}
    assert order[0] is BlockKind.TITLE
    assert first[BlockKind.WARNING] < first[BlockKind.DIAGRAM] < first[BlockKind.HEADING]
    assert first[BlockKind.RED_FLAGS] < first[BlockKind.SUBHEADING]  # before the massage
    assert order[-1] is BlockKind.SOURCES


def test_headings_are_kept_with_what_follows(shipped_library: ContentLibrary) -> None:
    handout = compose_handout(HandoutRequest(("back", "hydration")), shipped_library)
    for page in handout.pages:
        for block in page.blocks:
            if block.kind in (BlockKind.HEADING, BlockKind.SUBHEADING):
                assert block.keep_with_next


def test_self_massage_steps_are_numbered_in_order(shipped_library: ContentLibrary) -> None:
    page = shipped_library.region("calf")
    assert page is not None and page.self_massage.steps
    handout = compose_handout(HandoutRequest(("calf",)), shipped_library)
    markers = [b.marker for b in handout.pages[0].blocks if b.marker not in ("", "•")]
    assert markers == [f"{n}." for n in range(1, len(page.self_massage.steps) + 1)]


def test_every_region_red_flag_is_on_the_handout(shipped_library: ContentLibrary) -> None:
    for region in shipped_library.regions:
        request = HandoutRequest((region.id,), emergency_number="999")
        blocks = compose_handout(request, shipped_library).pages[0].blocks
        boxes = [b for b in blocks if b.kind is BlockKind.RED_FLAGS]
        assert [len(b.items) for b in boxes] == [
            len(region.red_flags.emergency),
            len(region.red_flags.today),
            len(region.red_flags.doctor_soon),
        ]
        assert [b.urgency for b in boxes] == [Urgency.EMERGENCY, Urgency.TODAY, Urgency.SOON]
        assert boxes[0].heading == "Call <b>999</b> now if you have:"
        assert not any("{emergency}" in item for b in boxes for item in b.items)


def test_content_text_is_escaped_and_the_emergency_number_filled_in(
    shipped_library: ContentLibrary,
) -> None:
    calf = shipped_library.region("calf")
    assert calf is not None
    sneaky = msgspec.structs.replace(
        calf,
        summary='<img src="http://example.com/x.png"> & <script>',
        warning=PhysicianWarning(heading="<b>Careful</b>", text="Call {emergency} <now>."),
    )
    library = ContentLibrary(
        shipped_library.root,
        {**shipped_library.pages, "calf": sneaky},
        region_order=shipped_library.region_order,
    )
    handout = compose_handout(HandoutRequest(("calf",), emergency_number="1<1>2"), library)
    blocks = {b.kind: b for b in handout.pages[0].blocks}
    assert blocks[BlockKind.SUMMARY].text == (
        "&lt;img src=&#34;http://example.com/x.png&#34;&gt; &amp; &lt;script&gt;"
    )
    assert blocks[BlockKind.WARNING].heading == "Warning: &lt;b&gt;Careful&lt;/b&gt;"
    assert blocks[BlockKind.WARNING].text == "Call <b>1&lt;1&gt;2</b> &lt;now&gt;."


def test_unknown_ids_are_refused_with_the_valid_ones(shipped_library: ContentLibrary) -> None:
    with pytest.raises(UnknownPageError) as raised:
        compose_handout(HandoutRequest(("calf", "elbow")), shipped_library)
    assert raised.value.unknown == ("elbow",)
    assert "calf" in raised.value.valid and "hydration" in raised.value.valid
    assert "home" not in raised.value.valid  # the app's own help page is not a handout


def test_handout_ids_are_regions_head_to_toe_then_topics(shipped_library: ContentLibrary) -> None:
    ids = handout_page_ids(shipped_library)
    regions = ["neck", "shoulder", "chest", "back", "stomach", "hand", "thigh", "calf", "foot"]
    assert ids[: len(regions)] == regions
    assert "when-not-to-massage" in ids


def test_titles_for_metadata(shipped_library: ContentLibrary) -> None:
    one = compose_handout(HandoutRequest(("calf",)), shipped_library)
    two = compose_handout(HandoutRequest(("calf", "back", "hydration")), shipped_library)
    assert one.title == "Calf: muscle spasms and cramps"
    assert two.title == "Handout: Calf, Back and Drinking enough fluid"


def test_default_file_names(shipped_library: ContentLibrary) -> None:
    assert default_file_name(["calf"], shipped_library) == "calf-spasms-handout.pdf"
    assert default_file_name(["hydration"], shipped_library) == "hydration-handout.pdf"
    assert default_file_name(["calf", "back"], shipped_library) == "handout-calf-back.pdf"
    many = default_file_name(handout_page_ids(shipped_library), shipped_library)
    assert many.startswith("handout-neck-shoulder-chest") and many.endswith("-and-more.pdf")
    assert len(many) <= 90


@pytest.mark.parametrize(
    ("territory", "expected"),
    [("US", "Letter"), ("CA", "Letter"), ("MX", "Letter"), ("PH", "Letter"), ("us", "Letter"),
     ("GB", "A4"), ("DE", "A4"), ("AU", "A4"), ("IN", "A4"), ("", "A4")],
)  # fmt: skip
def test_default_paper_size_follows_the_country(territory: str, expected: str) -> None:
    assert default_paper_size(territory) == expected


def test_paper_size_names_are_forgiving() -> None:
    assert normalise_paper_size("a4") == "A4"
    assert normalise_paper_size(" LETTER ") == "Letter"
    assert normalise_paper_size("A5") is None


def test_clinic_details_are_set_only_when_something_is_filled_in() -> None:
    assert not ClinicDetails().is_set
    assert not ClinicDetails(name="  ", footer_note="Open Mondays").is_set
    assert ClinicDetails(phone="555 0100").is_set
    assert ClinicDetails(logo_path="/clinic/logo.png").is_set


def test_sources_print_the_site_not_the_whole_address() -> None:
    assert printed_site("https://www.nhs.uk/conditions/leg-cramps/") == "nhs.uk"
    assert printed_site("https://cks.nice.org.uk/topics/leg-cramps/") == "cks.nice.org.uk"


def test_printed_date_and_plain_text(shipped_library: ContentLibrary) -> None:
    request = HandoutRequest(("neck",), printed=dt.date(2026, 3, 7))
    handout = compose_handout(request, shipped_library)
    assert handout.printed_text == "Printed 7 March 2026"
    html = plain_html(handout)
    region = shipped_library.region("neck")
    assert isinstance(region, RegionPage)
    assert region.causes[0].name in html and DISCLAIMER in html


# -- made for this client -----------------------------------------------------------------


def blocks_of(library: ContentLibrary, request: HandoutRequest) -> list[Block]:
    return [block for page in compose_handout(request, library).pages for block in page.blocks]


def test_the_client_name_and_note_go_on_the_first_page_escaped(
    shipped_library: ContentLibrary,
) -> None:
    request = HandoutRequest(
        ("calf", "back"),
        printed=dt.date(2026, 11, 21),
        client_name="Ana <Silva> & Co",
        note="Walk daily.\n<script>alert(1)</script>",
    )
    first, second = compose_handout(request, shipped_library).pages
    kinds = [block.kind for block in first.blocks]
    assert kinds[:2] == [BlockKind.TITLE, BlockKind.CLIENT]
    assert kinds.index(BlockKind.WARNING) < kinds.index(BlockKind.NOTE)  # warnings first
    client = first.blocks[1].text
    assert "Ana &lt;Silva&gt; &amp; Co" in client and "21 November 2026" in client
    (note,) = [block for block in first.blocks if block.kind is BlockKind.NOTE]
    assert note.heading == "A note from your therapist"
    assert note.text == "Walk daily.<br>&lt;script&gt;alert(1)&lt;/script&gt;"
    assert not {BlockKind.CLIENT, BlockKind.NOTE} & {block.kind for block in second.blocks}


def test_left_out_steps_and_techniques_are_not_printed_and_steps_renumber(
    shipped_library: ContentLibrary,
) -> None:
    calf = shipped_library.region("calf")
    assert calf is not None
    omitted = frozenset(
        {("calf", "techniques", 0), ("calf", "self_massage.steps", 0), ("calf", "prevention", 1)}
    )
    blocks = blocks_of(shipped_library, HandoutRequest(("calf",), omitted=omitted))
    text = " ".join(block.text for block in blocks)
    assert calf.techniques[0].name not in text
    assert calf.techniques[1].name in text
    assert escape(calf.prevention[1]) not in text and escape(calf.prevention[0]) in text
    steps = [block for block in blocks if block.marker.endswith(".")]
    assert [block.marker for block in steps] == [f"{n}." for n in range(1, len(steps) + 1)]
    assert len(steps) == len(calf.self_massage.steps) - 1
    assert steps[0].text == escape(calf.self_massage.steps[1])


def test_a_section_with_every_item_left_out_loses_its_heading(
    shipped_library: ContentLibrary,
) -> None:
    calf = shipped_library.region("calf")
    assert calf is not None
    omitted = frozenset(
        [("calf", "self_massage.steps", i) for i in range(len(calf.self_massage.steps))]
        + [("calf", "prevention", i) for i in range(len(calf.prevention))]
    )
    blocks = blocks_of(shipped_library, HandoutRequest(("calf",), omitted=omitted))
    headings = [
        block.text for block in blocks if block.kind in (BlockKind.HEADING, BlockKind.SUBHEADING)
    ]
    assert "Self-massage at home" not in headings and "Prevention" not in headings
    assert "What a massage therapist may do" in headings
    assert calf.self_massage.intro is not None
    assert all(escape(calf.self_massage.intro) not in block.text for block in blocks)
    assert BlockKind.SOURCES in {block.kind for block in blocks}


@pytest.mark.parametrize("field", ["red_flags.emergency", "warning", "red_flags", "causes"])
def test_red_flags_and_warnings_can_never_be_left_out(
    shipped_library: ContentLibrary, field: str
) -> None:
    request = HandoutRequest(("calf",), omitted=frozenset({("calf", field, 0)}))
    with pytest.raises(RequestError, match="cannot be left out"):
        compose_handout(request, shipped_library)


def test_every_choosable_item_is_offered_and_red_flags_are_not(
    shipped_library: ContentLibrary,
) -> None:
    calf = shipped_library.region("calf")
    assert calf is not None
    groups = {group.field: group for group in choosable_items(calf)}
    assert set(groups) == set(CHOOSABLE)
    assert [words for _, words in groups["self_massage.steps"].items] == list(
        calf.self_massage.steps
    )
    assert len(groups["techniques"].items) == len(calf.techniques)
    offered = " ".join(words for group in groups.values() for _, words in group.items)
    assert calf.red_flags.emergency[0] not in offered


def test_a_note_too_long_for_the_page_is_refused_in_words(
    shipped_library: ContentLibrary,
) -> None:
    with pytest.raises(RequestError, match="room for 600"):
        compose_handout(HandoutRequest(("calf",), note="x" * 601), shipped_library)
