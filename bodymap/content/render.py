"""Turn a page into the rich text shown in the page pane.

Every piece of content text is escaped before it goes into the markup, so anything that looks
like HTML in a YAML file is shown as those characters and never acted on. Links use the
``page:`` scheme and are handled by the app; nothing is ever fetched.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from html import escape
from typing import TYPE_CHECKING

from bodymap.content.model import (
    EMERGENCY_PLACEHOLDER,
    ContentLibrary,
    Page,
    PhysicianWarning,
    RegionPage,
    TopicPage,
)

if TYPE_CHECKING:  # the YAML reader is only needed when content is parsed, not to show a page
    from bodymap.content.yamlfile import KeyPath

PAGE_SCHEME = "page"
WARNING_ICON = "bodymap-icon:warning"


@dataclass(frozen=True)
class PageColors:
    """Colours for one appearance (light or dark); each text/background pair is >= 4.5:1."""

    text: str
    muted: str
    link: str
    warning_text: str
    warning_background: str
    warning_border: str
    caution_text: str
    caution_background: str
    caution_border: str


@dataclass(frozen=True)
class RenderOptions:
    colors: PageColors
    emergency_number: str = "911"


def page_link(page_id: str) -> str:
    return f"{PAGE_SCHEME}:{page_id}"


def page_id_from_link(link: str) -> str | None:
    scheme, sep, rest = link.partition(":")
    return rest if sep and scheme == PAGE_SCHEME and rest else None


class _Writer:
    def __init__(self, library: ContentLibrary, options: RenderOptions) -> None:
        self.library = library
        self.options = options
        self.parts: list[str] = []

    def text(self, value: str) -> str:
        """Escape content text, then fill in the emergency number."""
        number = escape(self.options.emergency_number)
        return escape(value).replace(escape(EMERGENCY_PLACEHOLDER), f"<b>{number}</b>")

    def add(self, markup: str) -> None:
        self.parts.append(markup)

    def heading(self, level: int, title: str) -> None:
        self.add(f"<h{level}>{escape(title)}</h{level}>")

    def paragraph(self, value: str, css: str = "") -> None:
        style = f' style="{css}"' if css else ""
        self.add(f"<p{style}>{self.text(value)}</p>")

    def bullets(self, items: tuple[str, ...] | list[str], numbered: bool = False) -> None:
        tag = "ol" if numbered else "ul"
        body = "".join(f"<li>{item}</li>" for item in items)
        self.add(f"<{tag}>{body}</{tag}>")

    def boxed(self, inner: list[str], text: str, background: str, border: str) -> None:
        """A full-width box with a warning icon; the icon and heading carry the meaning too."""
        self.add(
            f'<table width="100%" cellspacing="0" cellpadding="10" border="2" '
            f'style="border-color:{border}; border-style:solid; border-collapse:collapse; '
            f'background-color:{background};">'
            f'<tr><td width="44" valign="top" style="background-color:{background};">'
            f'<img src="{WARNING_ICON}" width="32" height="32"></td>'
            f'<td valign="top" style="color:{text}; background-color:{background};">'
            + "".join(inner)
            + "</td></tr></table>"
        )

    def link(self, page_id: str) -> str:
        target = self.library.get(page_id)
        title = target.title if target is not None else page_id
        return f'<a href="{escape(page_link(page_id))}">{escape(title)}</a>'


def render_page(page: Page, library: ContentLibrary, options: RenderOptions) -> str:
    """The page as rich text for QTextDocument."""
    colors = options.colors
    w = _Writer(library, options)
    w.add(f'<html><body style="color:{colors.text};">')
    w.heading(1, page.title)
    w.paragraph(page.summary, "font-size:large;")
    if page.warning is not None:
        _warning_box(w, page.warning)
    if isinstance(page, RegionPage):
        _region_body(w, page)
    elif isinstance(page, TopicPage):
        _topic_body(w, page)
    if page.related:
        w.heading(2, "See also")
        w.bullets([w.link(target) for target in page.related])
    if page.sources:
        w.heading(2, "Sources")
        w.bullets(
            [
                f"{w.text(s.organisation)}: {w.text(s.title)}"
                f' <span style="color:{colors.muted};">({w.text(s.url)})</span>'
                for s in page.sources
            ]
        )
    w.paragraph(f"Last reviewed: {page.reviewed:%d %B %Y}", f"color:{colors.muted};")
    w.add("</body></html>")
    return "".join(w.parts)


def _warning_box(w: _Writer, warning: PhysicianWarning) -> None:
    colors = w.options.colors
    w.boxed(
        [
            f"<h2>Warning: {w.text(warning.heading)}</h2>",
            f"<p>{w.text(warning.text)}</p>",
        ],
        colors.warning_text,
        colors.warning_background,
        colors.warning_border,
    )


def _region_body(w: _Writer, page: RegionPage) -> None:
    colors = w.options.colors
    w.heading(2, "Likely causes")
    w.bullets([f"<b>{w.text(c.name)}.</b> {w.text(c.text)}" for c in page.causes])

    flags = page.red_flags
    number = w.text(EMERGENCY_PLACEHOLDER)
    w.heading(2, "When to see a doctor")
    w.boxed(
        [
            f"<h3>Call emergency services now ({number}) if you have:</h3>",
            "<ul>" + "".join(f"<li>{w.text(item)}</li>" for item in flags.emergency) + "</ul>",
            "<h3>See a doctor soon if you have:</h3>",
            "<ul>" + "".join(f"<li>{w.text(item)}</li>" for item in flags.doctor_soon) + "</ul>",
        ],
        colors.caution_text,
        colors.caution_background,
        colors.caution_border,
    )

    w.heading(2, "Recommended massage")
    w.heading(3, "What a massage therapist may do")
    items = []
    for technique in page.techniques:
        name = w.text(technique.name)
        if technique.topic is not None:
            name = f'<a href="{escape(page_link(technique.topic))}">{name}</a>'
        items.append(f"<b>{name}.</b> {w.text(technique.text)}")
    w.bullets(items)
    w.heading(3, "Self-massage at home")
    massage = page.self_massage
    if massage.not_safe is not None:
        w.paragraph(massage.not_safe, "font-weight:bold;")
    else:
        if massage.intro is not None:
            w.paragraph(massage.intro)
        w.bullets([w.text(step) for step in massage.steps], numbered=True)

    w.heading(2, "Prevention")
    w.bullets([w.text(tip) for tip in page.prevention])


def _topic_body(w: _Writer, page: TopicPage) -> None:
    for section in page.sections:
        if section.heading is not None:
            w.heading(2, section.heading)
        if section.text is not None:
            w.paragraph(section.text)
        if section.points:
            w.bullets([w.text(point) for point in section.points])


def page_texts(page: Page) -> Iterator[tuple[KeyPath, str]]:
    """Every piece of text a person reads on the page, with the field it came from."""
    yield ("title",), page.title
    yield ("summary",), page.summary
    if page.warning is not None:
        yield ("warning", "heading"), page.warning.heading
        yield ("warning", "text"), page.warning.text
    if isinstance(page, RegionPage):
        yield from _region_texts(page)
    elif isinstance(page, TopicPage):
        yield from _topic_texts(page)


def _region_texts(page: RegionPage) -> Iterator[tuple[KeyPath, str]]:
    for i, cause in enumerate(page.causes):
        yield ("causes", i, "text"), f"{_sentence(cause.name)} {cause.text}"
    for group in ("emergency", "doctor_soon"):
        items: tuple[str, ...] = getattr(page.red_flags, group)
        for i, item in enumerate(items):
            yield ("red_flags", group, i), item
    for i, technique in enumerate(page.techniques):
        yield ("techniques", i, "text"), f"{_sentence(technique.name)} {technique.text}"
    massage = page.self_massage
    for key, value in (("intro", massage.intro), ("not_safe", massage.not_safe)):
        if value:
            yield ("self_massage", key), value
    for i, step in enumerate(massage.steps):
        yield ("self_massage", "steps", i), step
    for i, tip in enumerate(page.prevention):
        yield ("prevention", i), tip


def _topic_texts(page: TopicPage) -> Iterator[tuple[KeyPath, str]]:
    for i, section in enumerate(page.sections):
        if section.heading:
            yield ("sections", i, "heading"), section.heading
        if section.text:
            yield ("sections", i, "text"), section.text
        for j, point in enumerate(section.points):
            yield ("sections", i, "points", j), point


def plain_text(page: Page) -> str:
    """Everything a person reads on the page, as plain sentences (for reading-level checks)."""
    return " ".join(_sentence(text) for _, text in page_texts(page))


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?", ":")) else f"{text}."
