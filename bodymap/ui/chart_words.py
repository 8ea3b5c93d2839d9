"""The session chart's words in the interface's language.

The chart model (``bodymap.chart.model``) is Qt-free and names things in English: ``Kind.label``
("Cramp"), ``Frequency.label`` ("Several times a week"), ``Edit.label`` ("Score neck 9"), the
words of its session files. What the window shows or a screen reader speaks comes from here
instead: the kinds and frequencies marked with ``QT_TRANSLATE_NOOP`` (keyed by the enum), an
area named as the body map names it (``content.sides.side_title`` in the pages' language:
"Pantorrilla (lado izquierdo)"), an undo step worded from ``Edit.action``, and what is read
after an area's name ("calambre, 7 de 10"), and a ``ChartError`` said from its ``code``
(``error_text``: "Pantorrilla (lado izquierdo) ya está en la ficha."). Each is translated when
it is called, so a language switch needs only a new call.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from bodymap.chart.model import AreaKey, ChartError, Edit, Frequency, Kind, MarkedArea
from bodymap.content.sides import side_title
from bodymap.ui.i18n import QT_TRANSLATE_NOOP

CONTEXT = "ChartWords"
"""The translation context of these words (lupdate reads it written out in each marker)."""

KIND_WORDS = {
    Kind.CRAMP: QT_TRANSLATE_NOOP("ChartWords", "Cramp"),
    Kind.SPASM: QT_TRANSLATE_NOOP("ChartWords", "Spasm"),
    Kind.TIGHTNESS: QT_TRANSLATE_NOOP("ChartWords", "Tightness"),
    Kind.TWITCHING: QT_TRANSLATE_NOOP("ChartWords", "Twitching"),
}
"""``Kind`` -> its English word, marked for translation (as ``Kind.label``)."""

FREQUENCY_WORDS = {
    Frequency.ONCE: QT_TRANSLATE_NOOP("ChartWords", "Once"),
    Frequency.WEEKLY: QT_TRANSLATE_NOOP("ChartWords", "Weekly"),
    Frequency.SEVERAL_A_WEEK: QT_TRANSLATE_NOOP("ChartWords", "Several times a week"),
    Frequency.DAILY: QT_TRANSLATE_NOOP("ChartWords", "Daily"),
    Frequency.SEVERAL_A_DAY: QT_TRANSLATE_NOOP("ChartWords", "Several times a day"),
}
"""``Frequency`` -> its English words, marked for translation (as ``Frequency.label``)."""

EDIT_WORDS = {
    "mark": QT_TRANSLATE_NOOP("ChartWords", "Mark {area}"),
    "remove": QT_TRANSLATE_NOOP("ChartWords", "Remove {area}"),
    "score": QT_TRANSLATE_NOOP("ChartWords", "Score {area} {score}"),
    "kind": QT_TRANSLATE_NOOP("ChartWords", "Set kind of {area}"),
    "frequency": QT_TRANSLATE_NOOP("ChartWords", "Set how often for {area}"),
    "area-note": QT_TRANSLATE_NOOP("ChartWords", "Edit note on {area}"),
    "session-note": QT_TRANSLATE_NOOP("ChartWords", "Edit session note"),
    "client-name": QT_TRANSLATE_NOOP("ChartWords", "Edit client's name"),
}
"""``Edit.action`` -> the undo step's name ("Undo Mark left calf" in the Edit menu)."""


ERROR_WORDS = {
    "not-an-area": QT_TRANSLATE_NOOP("ChartWords", "“{region}” is not an area of the body map."),
    "needs-side": QT_TRANSLATE_NOOP(
        "ChartWords", "The {area} is marked on each side: choose the left or the right."
    ),
    "no-sides": QT_TRANSLATE_NOOP("ChartWords", "The {area} has no left or right side."),
    "bad-score": QT_TRANSLATE_NOOP(
        "ChartWords", "The score must be a whole number from 0 to 10, not {score}."
    ),
    "already-marked": QT_TRANSLATE_NOOP("ChartWords", "The {area} is already marked."),
    "not-marked": QT_TRANSLATE_NOOP("ChartWords", "The {area} is not marked."),
    "marked-twice": QT_TRANSLATE_NOOP("ChartWords", "The {area} is marked twice."),
    "client-name-too-long": QT_TRANSLATE_NOOP(
        "ChartWords", "The client's name is longer than {limit} characters."
    ),
    "area-note-too-long": QT_TRANSLATE_NOOP(
        "ChartWords", "The note is {length} characters long; an area has room for {limit}."
    ),
    "session-note-too-long": QT_TRANSLATE_NOOP(
        "ChartWords", "The note is {length} characters long; a session has room for {limit}."
    ),
}
"""``ChartError.code`` -> what the window says (``{area}`` the area's name in a sentence,
the other fields ``ChartError.params``)."""


def _tr(source: str) -> str:
    return QCoreApplication.translate(CONTEXT, source)


def kind_word(kind: Kind) -> str:
    """``"Cramp"`` in the interface's language ("Calambre")."""
    return _tr(KIND_WORDS[kind])


def frequency_word(frequency: Frequency) -> str:
    """``"Several times a week"`` in the interface's language ("Varias veces por semana")."""
    return _tr(FREQUENCY_WORDS[frequency])


def area_title(titles: dict[str, str], key: AreaKey, language: str) -> str:
    """An area named as the body map names it: ``"Left calf"``, or in Spanish pages
    ``"Pantorrilla (lado izquierdo)"``. ``titles`` are the region pages' titles by id (in
    the pages' ``language``); a region with no page is named by its id."""
    region, side = key
    return side_title(titles.get(region, region.capitalize()), side, language)


def edit_text(edit: Edit, names: dict[AreaKey, str]) -> str:
    """The undo step's name in the interface's language, ``names`` giving each area's name
    (``area_title``); the model's English ``label`` for an edit of no known action."""
    words = EDIT_WORDS.get(edit.action)
    if words is None:
        return edit.label
    area = ""
    if edit.key is not None:
        area = in_sentence(names.get(edit.key) or edit.key[0])
    return _tr(words).format(area=area, score="" if edit.score is None else edit.score)


def in_sentence(name: str) -> str:
    """An area's name inside a sentence: its first letter lowered ("Mark left calf", "Marcar
    pantorrilla (lado izquierdo)") unless its second is a capital too ("TMJ" stays)."""
    if len(name) > 1 and name[1].isupper():
        return name
    return name[:1].lower() + name[1:]


def spoken(area: MarkedArea, before: int | None = None) -> str:
    """What a screen reader hears after the area's name, and a tooltip shows: ``"cramp, 7 out
    of 10"`` ("calambre, 7 de 10"), with ``", was 9"`` while comparing with an earlier
    session in which it scored ``before``."""
    if area.kind is not None:
        text = QCoreApplication.translate("ChartWords", "{kind}, {score} out of 10").format(
            kind=kind_word(area.kind).lower(), score=area.score
        )
    else:
        text = QCoreApplication.translate("ChartWords", "{score} out of 10").format(
            score=area.score
        )
    if before is not None:
        text = QCoreApplication.translate("ChartWords", "{now}, was {before}").format(
            now=text, before=before
        )
    return text


def error_text(error: ChartError, names: dict[AreaKey, str]) -> str:
    """``error`` as one sentence in the interface's language, for the status bar or a
    message box ("Pantorrilla (lado izquierdo) ya está en la ficha."): its ``code`` chooses
    the words, ``names`` names its area (``area_title``; an unnamed area by its region id).
    An error of no known code is said as the model wrote it (English)."""
    words = ERROR_WORDS.get(error.code)
    if words is None:
        text = str(error)
    else:
        values = {name: str(value) for name, value in error.params.items()}
        key = error.params.get("key")
        if isinstance(key, tuple):
            name = names.get(key) or names.get((key[0], None)) or str(key[0])
            values["area"] = in_sentence(name)
        text = _tr(words).format(**values)
    return text[:1].upper() + text[1:]
