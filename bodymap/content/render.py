"""Turn a page's outline into the rich text shown in the page pane.

Content text is escaped in one place (``outline.markup``), so anything that looks like HTML
in a YAML file is shown as those characters and never acted on. Links use the ``page:``
scheme and are handled by the app; nothing is ever fetched.
"""

from __future__ import annotations

import msgspec
from markupsafe import Markup, escape

from bodymap.content.languages import ENGLISH, FALLBACK_NOTES
from bodymap.content.model import ContentLibrary, Page
from bodymap.content.outline import (
    Diagram,
    FlagGroup,
    Heading,
    Items,
    Paragraph,
    RedFlags,
    Related,
    Sources,
    Summary,
    Text,
    Title,
    Urgency,
    Warning,
    fill_values,
    markup,
    outline,
    page_link,
    same_day_in,
    with_side,
    words_for,
)
from bodymap.content.spelling import DEFAULT_SPELLING

WARNING_ICON = "bodymap-icon:warning"


class PageColors(msgspec.Struct, frozen=True):
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


class RenderOptions(msgspec.Struct, frozen=True):
    """How to show a page: the appearance's colours and the clinic's emergency number."""

    colors: PageColors
    emergency_number: str = "911"
    same_day: str = ""
    spelling: str = DEFAULT_SPELLING
    """English spelling by the clinic's locale: "en-US" or "en-GB" (``spelling.py``)."""
    side: str | None = None
    """The person's side picked on a paired region ("left", "right"): the title then names
    it ("Left calf"); None for the whole region."""


def render_page(page: Page, library: ContentLibrary, options: RenderOptions) -> str:
    """The page as rich text for QTextDocument (a string of HTML 4 subset markup)."""
    return str(_Screen(library, options).page(page))


class _Screen:
    """Renders an outline as the page pane's rich text."""

    def __init__(self, library: ContentLibrary, options: RenderOptions) -> None:
        self.library = library
        self.options = options
        self.language = library.language
        self.words = words_for(library.language)
        same_day = same_day_in(options.same_day, self.language)  # Spanish words, not English
        self.placeholders = fill_values(options.emergency_number, same_day, self.language)

    def text(self, text: Text) -> Markup:
        return markup(text, self.placeholders, self.link)

    @staticmethod
    def link(page_id: str, inner: Markup) -> Markup:
        return Markup('<a href="%s">%s</a>') % (page_link(page_id), inner)

    def page(self, page: Page) -> Markup:
        colors = self.options.colors
        parts = [Markup('<html><body style="color:%s;">') % colors.text]
        for index, block in enumerate(outline(page, self.language, self.options.spelling)):
            parts.append(self.block(block))
            if index == 0:  # under the title: nothing of the page may be trusted above it
                parts.append(self.unsafe(page))
                parts.append(self.fallback(page))
        parts.append(
            Markup('<p style="color:%s;">%s: %s</p></body></html>')
            % (colors.muted, self.words.last_reviewed, self.words.date(page.reviewed))
        )
        return Markup("").join(parts)

    def block(self, block: object) -> Markup:  # noqa: PLR0911 - one branch per kind of block
        colors = self.options.colors
        if isinstance(block, Title):
            return Markup("<h1>%s</h1>") % self.text(
                with_side(block.text, self.options.side, self.language)
            )
        if isinstance(block, Summary):
            return Markup('<p style="font-size:large;">%s</p>') % self.text(block.text)
        if isinstance(block, Warning):
            return self.boxed(
                Markup("<h2>%s: %s</h2><p>%s</p>")
                % (self.words.warning, self.text(block.heading), self.text(block.text)),
                colors.warning_text,
                colors.warning_background,
                colors.warning_border,
            )
        if isinstance(block, Heading):
            tag = Markup(f"h{block.level}")
            return Markup("<%s>%s</%s>") % (tag, self.text(block.text), tag)
        if isinstance(block, Paragraph):
            style = Markup(' style="font-weight:bold;"') if block.emphasis else Markup("")
            return Markup("<p%s>%s</p>") % (style, self.text(block.text))
        if isinstance(block, Items):
            return self.items([self.text(item) for item in block.items], block.numbered)
        if isinstance(block, RedFlags):
            return Markup("").join(self.flag_group(group) for group in block.groups)
        if isinstance(block, Related):
            titles = [self.related_title(page_id) for page_id in block.page_ids]
            links = [
                self.link(page_id, title)
                for page_id, title in zip(block.page_ids, titles, strict=True)
            ]
            return Markup("<h2>%s</h2>") % self.words.see_also + self.items(links)
        if isinstance(block, Sources):
            muted = colors.muted
            return Markup("<h2>%s</h2>") % self.words.sources + self.items(
                [
                    Markup('%s: %s <span style="color:%s;">(%s)</span>')
                    % (s.organisation, s.title, muted, s.url)
                    for s in block.sources
                ]
            )
        if isinstance(block, Diagram):
            return Markup("")  # the map beside the page shows the region
        raise TypeError(f"no screen rendering for {block!r}")

    def fallback(self, page: Page) -> Markup:
        """A note under the title of a page not yet written in the library's language."""
        if page.id not in self.library.fallback_ids:
            return Markup("")
        note = FALLBACK_NOTES.get(self.language, FALLBACK_NOTES[ENGLISH])
        colors = self.options.colors
        return self.boxed(
            Markup("<p>%s</p>") % note,
            colors.caution_text,
            colors.caution_background,
            colors.caution_border,
            icon=False,
        )

    def unsafe(self, page: Page) -> Markup:
        """A red box naming each safety rule the page breaks (``content/checks.py``): the
        page cannot be printed or exported until its file is fixed."""
        found = self.library.blocking_problems(page.id)
        if not found:
            return Markup("")
        colors = self.options.colors
        root = self.library.root
        inner = Markup(
            "<h2>This page breaks a safety rule</h2><p>It cannot be printed or exported until "
            "its file is fixed. Ask the person who edits your pages to correct it:</p>%s"
        ) % self.items([escape(problem.describe(root)) for problem in found])
        return self.boxed(
            inner, colors.warning_text, colors.warning_background, colors.warning_border
        )

    def flag_group(self, group: FlagGroup) -> Markup:
        """One tier's box: red with an icon for emergencies, amber with an icon for the same
        day, a plain outline for "soon"; the heading's words say the tier too."""
        colors = self.options.colors
        note = Markup("<p>%s</p>") % self.text(group.note) if group.note else Markup("")
        inner = Markup("<h3>%s</h3>%s%s") % (
            self.text(group.heading),
            note,
            self.items([self.text(item) for item in group.items]),
        )
        if group.urgency is Urgency.EMERGENCY:
            style = (colors.warning_text, colors.warning_background, colors.warning_border)
        elif group.urgency is Urgency.TODAY:
            style = (colors.caution_text, colors.caution_background, colors.caution_border)
        else:
            return self.boxed(inner, colors.text, "transparent", colors.muted, icon=False)
        return self.boxed(inner, *style)

    def related_title(self, page_id: str) -> Markup:
        target = self.library.get(page_id)
        return escape(target.title if target is not None else page_id)

    @staticmethod
    def items(items: list[Markup], numbered: bool = False) -> Markup:
        tag = Markup("ol" if numbered else "ul")
        body = Markup("").join(Markup("<li>%s</li>") % item for item in items)
        return Markup("<%s>%s</%s>") % (tag, body, tag)

    @staticmethod
    def boxed(inner: Markup, text: str, background: str, border: str, icon: bool = True) -> Markup:
        """A full-width box, with a warning icon unless ``icon`` is False; the icon and the
        heading carry the meaning too, so it reads without colour."""
        picture = (
            Markup(
                '<td width="44" valign="top" style="background-color:%s;">'
                '<img src="%s" width="32" height="32"></td>'
            )
            % (background, WARNING_ICON)
            if icon
            else Markup("")
        )
        return Markup(
            '<table width="100%%" cellspacing="0" cellpadding="10" border="2" '
            'style="border-color:%s; border-style:solid; border-collapse:collapse; '
            'background-color:%s;"><tr>%s'
            '<td valign="top" style="color:%s; background-color:%s;">%s</td></tr></table>'
        ) % (border, background, picture, text, background, inner)
