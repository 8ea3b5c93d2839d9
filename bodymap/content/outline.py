"""One walk over a page: the Qt-free outline that the screen, the handout and search render.

A page becomes a sequence of blocks in reading order (title, summary, the physician warning,
the diagram, headings, paragraphs, lists, the red-flag box with its urgency groups, related
pages, sources). Each piece of text is a ``Text`` of ``Span`` runs (plain, strong, or a link
to another page) that still holds the content's placeholders (``{emergency}``), and remembers
the field it came from, so ``check`` can name the line.

Turning an outline into markup is ``markup``: the one place where content text is escaped
(with markupsafe) and the placeholders are filled. The screen (``render.py``) and the handout
(``handout/compose.py``) both use it, so no renderer ever escapes by convention.

The blocks are frozen msgspec Structs, like the page types: the window builds this module
before its first frame, and a Struct class is made in microseconds where a frozen dataclass
compiles six methods (about half a millisecond each class).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping
from enum import Enum

import msgspec
from markupsafe import Markup, escape
from msgspec.structs import replace

from bodymap.content.emergency import DEFAULT_SAME_DAY, SAME_DAY_BY_COUNTRY
from bodymap.content.languages import language_of
from bodymap.content.model import (
    EMERGENCY_PLACEHOLDER,
    SAME_DAY_PLACEHOLDER,
    Page,
    RegionPage,
    Source,
    TopicPage,
)
from bodymap.content.sides import side_title
from bodymap.content.spelling import respell

KeyPath = tuple[str | int, ...]
PAGE_SCHEME = "page"


class Span(msgspec.Struct, frozen=True):
    """A run of content text: plain, strong (bold), or a link to the page ``link``."""

    text: str
    strong: bool = False
    link: str | None = None


class Text(msgspec.Struct, frozen=True):
    """Text a person reads, and the field it came from (None for the app's own words)."""

    spans: tuple[Span, ...]
    field: KeyPath | None = None

    @property
    def plain(self) -> str:
        """The words alone, placeholders unfilled."""
        return "".join(span.text for span in self.spans)


class Urgency(Enum):
    """How soon a reader must act on a red flag: the three tiers, most urgent first."""

    EMERGENCY = "emergency"
    TODAY = "today"
    SOON = "soon"


class Title(msgspec.Struct, frozen=True):
    text: Text


class Summary(msgspec.Struct, frozen=True):
    text: Text


class Warning(msgspec.Struct, frozen=True):
    """The physician warning: shown before anything else, boxed, with a warning icon."""

    heading: Text
    text: Text


class Diagram(msgspec.Struct, frozen=True):
    """The body diagram with ``region_id`` shaded (printed; the screen has the map)."""

    region_id: str


class Heading(msgspec.Struct, frozen=True):
    """A section heading: level 2, or 3 for a part of a section."""

    text: Text
    level: int = 2


class Paragraph(msgspec.Struct, frozen=True):
    """A paragraph; ``emphasis`` sets it in bold (why self-massage is not safe)."""

    text: Text
    emphasis: bool = False


class Items(msgspec.Struct, frozen=True):
    """A bulleted list, or numbered steps."""

    items: tuple[Text, ...]
    numbered: bool = False


class FlagGroup(msgspec.Struct, frozen=True):
    """Red flags of one urgency, under a heading that says what to do; ``note`` says whom
    to contact (the same-day route)."""

    urgency: Urgency
    heading: Text
    items: tuple[Text, ...]
    note: Text | None = None


class RedFlags(msgspec.Struct, frozen=True):
    """The box of signs that need a doctor, most urgent first."""

    groups: tuple[FlagGroup, ...]


class Related(msgspec.Struct, frozen=True):
    """Other pages to read ("See also"); links only make sense on screen."""

    page_ids: tuple[str, ...]


class Sources(msgspec.Struct, frozen=True):
    """Where the page's facts come from, and when it was last reviewed."""

    sources: tuple[Source, ...]
    reviewed: dt.date


Block = (
    Title | Summary | Warning | Diagram | Heading | Paragraph | Items | RedFlags | Related | Sources
)


class AppWords(msgspec.Struct, frozen=True):
    """The app's own words on a page, in one language: the headings every page shares."""

    flag_headings: Mapping[Urgency, str]
    flag_notes: Mapping[Urgency, str]
    causes: str
    when_to_see_a_doctor: str
    recommended_massage: str
    therapist: str
    self_massage: str
    prevention: str
    see_also: str
    sources: str
    last_reviewed: str
    default_emergency: str
    default_same_day: str
    warning: str
    months: tuple[str, ...]
    """January to December, for dates written out ("29 November 2026")."""

    def date(self, day: dt.date) -> str:
        """``day`` written out in this language: "29 November 2026", "29 de noviembre de 2026"."""
        month = self.months[day.month - 1]
        if self.months[0] == "enero":
            return f"{day.day} de {month} de {day.year}"
        return f"{day.day:02d} {month} {day.year}"


FLAG_HEADINGS = {
    Urgency.EMERGENCY: f"Call {EMERGENCY_PLACEHOLDER} now if you have:",
    Urgency.TODAY: "Get medical help today if you have:",
    Urgency.SOON: "See your doctor soon if you have:",
}
"""The words of each tier, the same on every page, on screen and in print (issue #12)."""
FLAG_NOTES = {Urgency.TODAY: f"Contact {SAME_DAY_PLACEHOLDER}."}
FLAG_FIELDS = {Urgency.EMERGENCY: "emergency", Urgency.TODAY: "today", Urgency.SOON: "doctor_soon"}
"""The ``red_flags`` list each tier is written in."""
DEFAULT_EMERGENCY = "your local emergency number"
APP_WORDS: dict[str, AppWords] = {
    "en": AppWords(
        flag_headings=FLAG_HEADINGS,
        flag_notes=FLAG_NOTES,
        causes="Likely causes",
        when_to_see_a_doctor="When to see a doctor",
        recommended_massage="Recommended massage",
        therapist="What a massage therapist may do",
        self_massage="Self-massage at home",
        prevention="Prevention",
        see_also="See also",
        sources="Sources",
        last_reviewed="Last reviewed",
        default_emergency=DEFAULT_EMERGENCY,
        default_same_day=DEFAULT_SAME_DAY,
        warning="Warning",
        months=(
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ),
    ),
    "es": AppWords(
        flag_headings={
            Urgency.EMERGENCY: f"Llame al {EMERGENCY_PLACEHOLDER} ahora si tiene:",
            Urgency.TODAY: "Busque atención médica hoy si tiene:",
            Urgency.SOON: "Vea a su médico pronto si tiene:",
        },
        flag_notes={Urgency.TODAY: f"Contacte con {SAME_DAY_PLACEHOLDER}."},
        causes="Causas probables",
        when_to_see_a_doctor="Cuándo ver a un médico",
        recommended_massage="Masaje recomendado",
        therapist="Lo que puede hacer un masajista",
        self_massage="Automasaje en casa",
        prevention="Prevención",
        see_also="Vea también",
        sources="Fuentes",
        last_reviewed="Última revisión",
        default_emergency="su número local de emergencias",
        default_same_day="su médico o un centro de urgencias",
        warning="Atención",
        months=(
            "enero",
            "febrero",
            "marzo",
            "abril",
            "mayo",
            "junio",
            "julio",
            "agosto",
            "septiembre",
            "octubre",
            "noviembre",
            "diciembre",
        ),
    ),
}
"""The app's words on a page in each language content is written in (``languages.py``);
a third language is one more entry."""


def words_for(language: str) -> AppWords:
    """The app's words in ``language``, English for a language without its own."""
    return APP_WORDS.get(language, APP_WORDS["en"])


def fill_values(emergency_number: str, same_day: str, language: str = "en") -> dict[str, str]:
    """The value of each placeholder, with plain words (in ``language``) when the clinic has
    set none."""
    words = words_for(language)
    return {
        EMERGENCY_PLACEHOLDER: emergency_number.strip() or words.default_emergency,
        SAME_DAY_PLACEHOLDER: same_day.strip() or words.default_same_day,
    }


def same_day_in(route: str, language: str) -> str:
    """The clinic's same-day route for a page in ``language``: a country's English default
    route (never changed in Preferences) gives way to "" (``fill_values`` then uses that
    language's own words, "su médico o ..."); a route the clinic wrote stays as written."""
    english_defaults = {*SAME_DAY_BY_COUNTRY.values(), DEFAULT_SAME_DAY}
    if language != "en" and route.strip() in english_defaults:
        return ""
    return route


def filled(text: str, values: Mapping[str, str]) -> str:
    """Plain ``text`` with each placeholder (``{emergency}``) replaced by its value from
    ``values`` (``fill_values``): for lists, tooltips and search snippets, which are not markup.
    """
    for placeholder, value in values.items():
        text = text.replace(placeholder, value)
    return text


def outline(page: Page, language: str = "en", spelling: str | None = None) -> tuple[Block, ...]:
    """The page's blocks in reading order, the app's own headings in ``language``.

    With ``spelling`` ("en-US", "en-GB"), an English page's own words are spelt that way
    (``spelling.respell``); without it (``check``, search) they are exactly as written.
    """
    blocks = tuple(_Walk(page, words_for(language)).blocks())
    if spelling is None or language_of(page.path) != "en":
        return blocks
    return tuple(_respelled(block, spelling) for block in blocks)


def _respelled(block: Block, spelling: str) -> Block:
    """``block`` with the content's own text respelt (the app's words are left alone)."""

    def text(value: Text) -> Text:
        if value.field is None:
            return value
        spans = tuple(replace(span, text=respell(span.text, spelling)) for span in value.spans)
        return replace(value, spans=spans)

    if isinstance(block, Title | Summary | Paragraph | Heading):
        return replace(block, text=text(block.text))
    if isinstance(block, Warning):
        return replace(block, heading=text(block.heading), text=text(block.text))
    if isinstance(block, Items):
        return replace(block, items=tuple(map(text, block.items)))
    if isinstance(block, RedFlags):
        groups = tuple(replace(g, items=tuple(map(text, g.items))) for g in block.groups)
        return replace(block, groups=groups)
    return block


def page_texts(page: Page) -> Iterator[tuple[KeyPath, str]]:
    """Every piece of the page's own text, with the field it came from, in reading order."""
    for block in outline(page):
        for text in block_texts(block):
            if text.field is not None:
                yield text.field, text.plain


def block_texts(block: Block) -> Iterator[Text]:
    """The texts of one block, headings first."""
    if isinstance(block, Title | Summary | Paragraph | Heading):
        yield block.text
    elif isinstance(block, Warning):
        yield from (block.heading, block.text)
    elif isinstance(block, Items):
        yield from block.items
    elif isinstance(block, RedFlags):
        for group in block.groups:
            yield group.heading
            if group.note is not None:
                yield group.note
            yield from group.items


def plain_text(page: Page) -> str:
    """Everything a person reads on the page, as plain sentences (for reading-level checks)."""
    return joined_sentences(text for _, text in page_texts(page))


def joined_sentences(texts: Iterable[str]) -> str:
    """``texts`` (a page's, from ``page_texts``) as one text of sentences, each ended with a
    full stop unless it has its own."""
    return " ".join(_sentence(text) for text in texts)


def page_link(page_id: str) -> str:
    """The address of a link to a page inside the app (``page:calf``); nothing is fetched."""
    return f"{PAGE_SCHEME}:{page_id}"


def page_id_from_link(link: str) -> str | None:
    """The page a ``page:`` address leads to, or None for any other address."""
    scheme, sep, rest = link.partition(":")
    return rest if sep and scheme == PAGE_SCHEME and rest else None


def markup(
    text: Text,
    placeholders: Mapping[str, str],
    link: Callable[[str, Markup], Markup] | None = None,
) -> Markup:
    """``text`` as safe markup: every character of content escaped, then each placeholder
    (``{emergency}``) filled with its value in bold, strong runs in ``<b>``, and links made
    by ``link(page_id, inner markup)`` (without it, links are plain text).

    This is the one place content text becomes markup; ``<b>`` is the only tag it adds.
    """
    parts = []
    for span in text.spans:
        if not span.text:
            continue
        inner = escape(span.text)
        for placeholder, value in placeholders.items():
            inner = Markup(inner.replace(escape(placeholder), Markup("<b>%s</b>") % value))
        if span.link is not None and link is not None:
            inner = link(span.link, inner)
        if span.strong:
            inner = Markup("<b>%s</b>") % inner
        parts.append(inner)
    return Markup("").join(parts)


def app_text(words: str) -> Text:
    """The app's own words (a section heading), as a Text with no field."""
    return Text((Span(words),))


def _field(value: str, *field: str | int) -> Text:
    return Text((Span(value),), field)


def _named(name: str, text: str, field: KeyPath, link: str | None = None) -> Text:
    """``**Name.** text``: a cause or a technique (only the name itself is the link)."""
    stop = _sentence(name)[len(name.strip()) :]
    name_spans = (Span(name.strip(), strong=True, link=link), Span(stop, strong=True))
    return Text((*name_spans, Span(" "), Span(text)), field)


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?", ":")) else f"{text}."


class _Walk:
    def __init__(self, page: Page, words: AppWords) -> None:
        self.page = page
        self.words = words

    def blocks(self) -> Iterator[Block]:
        page = self.page
        yield Title(_field(page.title, "title"))
        yield Summary(_field(page.summary, "summary"))
        if page.warning is not None:
            yield Warning(
                _field(page.warning.heading, "warning", "heading"),
                _field(page.warning.text, "warning", "text"),
            )
        if isinstance(page, RegionPage):
            yield Diagram(page.id)
            yield from self.region(page)
        elif isinstance(page, TopicPage):
            yield from self.topic(page)
        if page.related:
            yield Related(page.related)
        yield Sources(page.sources, page.reviewed)

    def region(self, page: RegionPage) -> Iterator[Block]:
        words = self.words
        yield Heading(app_text(words.causes))
        yield Items(
            tuple(_named(c.name, c.text, ("causes", i, "text")) for i, c in enumerate(page.causes))
        )
        yield Heading(app_text(words.when_to_see_a_doctor))
        flags = page.red_flags
        groups = []
        for urgency, key in FLAG_FIELDS.items():
            items: tuple[str, ...] = getattr(flags, key)
            if items:
                note = words.flag_notes.get(urgency)
                groups.append(
                    FlagGroup(
                        urgency,
                        app_text(words.flag_headings[urgency]),
                        tuple(_field(item, "red_flags", key, i) for i, item in enumerate(items)),
                        app_text(note) if note else None,
                    )
                )
        yield RedFlags(tuple(groups))
        yield Heading(app_text(words.recommended_massage))
        yield Heading(app_text(words.therapist), level=3)
        yield Items(
            tuple(
                _named(t.name, t.text, ("techniques", i, "text"), link=t.topic)
                for i, t in enumerate(page.techniques)
            )
        )
        yield Heading(app_text(words.self_massage), level=3)
        massage = page.self_massage
        if massage.not_safe is not None:
            yield Paragraph(_field(massage.not_safe, "self_massage", "not_safe"), emphasis=True)
        else:
            if massage.intro is not None:
                yield Paragraph(_field(massage.intro, "self_massage", "intro"))
            yield Items(
                tuple(
                    _field(step, "self_massage", "steps", i) for i, step in enumerate(massage.steps)
                ),
                numbered=True,
            )
        yield Heading(app_text(words.prevention))
        yield Items(tuple(_field(tip, "prevention", i) for i, tip in enumerate(page.prevention)))

    @staticmethod
    def topic(page: TopicPage) -> Iterator[Block]:
        for i, section in enumerate(page.sections):
            if section.heading is not None:
                yield Heading(_field(section.heading, "sections", i, "heading"))
            if section.text is not None:
                yield Paragraph(_field(section.text, "sections", i, "text"))
            if section.points:
                yield Items(
                    tuple(
                        _field(point, "sections", i, "points", j)
                        for j, point in enumerate(section.points)
                    )
                )


def with_side(text: Text, side: str | None, language: str = "en") -> Text:
    """A title with the picked side of a paired part named ("Left calf", "Pantorrilla (lado
    izquierdo)", by ``sides.side_title`` in ``language``); unchanged for None (the whole
    region)."""
    if side is None or not text.spans:
        return text
    first, *rest = text.spans
    return Text((replace(first, text=side_title(first.text, side, language)), *rest), text.field)
