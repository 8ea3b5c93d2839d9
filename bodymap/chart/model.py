"""The session chart as plain data, and the edits made to it as undoable commands (no Qt).

A chart is what a therapist records in one session: the client's name (optional), the date,
a note, and the marked areas. An area is a region of the body map (its page id, such as
``calf``) on the person's own ``"left"`` or ``"right"`` for a paired part, or ``None`` for an
unpaired one (the artwork says which: ``Artwork.sides``); a score from 0 (no pain) to 10 (the
worst imaginable), the 11-point numeric rating scale used for pain intensity (Hawker et al.,
"Measures of adult pain", Arthritis Care & Research 63 S11, 2011); what it feels like; how
often it happens; and a short note.

Charts are immutable. An edit is an ``Edit``: a pair of pure functions from chart to chart
(``redo`` and ``undo``) with a label, so the window's QUndoStack (``ui/chart_commands.py``)
and a test alike can apply and revert it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum

from bodymap.artwork import Artwork

MIN_SCORE = 0
MAX_SCORE = 10
"""The 0-10 numeric rating scale (0: no pain, 10: the worst pain imaginable)."""
MAX_CLIENT_NAME = 80
"""Characters in a client's name (as on a handout)."""
MAX_NOTE = 600
"""Characters in the therapist's note for the session (as on a handout's first page)."""
MAX_AREA_NOTE = 200
"""Characters in the note on one marked area: a line or two."""


class Kind(Enum):
    """What the client feels in an area; the value is the code in the session file."""

    CRAMP = "cramp"
    SPASM = "spasm"
    TIGHTNESS = "tightness"
    TWITCHING = "twitching"

    @property
    def label(self) -> str:
        """As a person reads it: ``"Cramp"``."""
        return self.value.capitalize()


class Frequency(Enum):
    """How often it happens, least to most often; the value is the code in the session file."""

    ONCE = "once"
    WEEKLY = "weekly"
    SEVERAL_A_WEEK = "several-a-week"
    DAILY = "daily"
    SEVERAL_A_DAY = "several-a-day"

    @property
    def label(self) -> str:
        """As a person reads it: ``"Several times a week"``."""
        return _FREQUENCY_LABELS[self]


_FREQUENCY_LABELS = {
    Frequency.ONCE: "Once",
    Frequency.WEEKLY: "Weekly",
    Frequency.SEVERAL_A_WEEK: "Several times a week",
    Frequency.DAILY: "Daily",
    Frequency.SEVERAL_A_DAY: "Several times a day",
}


class ChartError(ValueError):
    """A chart or an edit asks for something a chart cannot hold; ``str()`` says what, plainly,
    in English (the command line, the session file's messages).

    ``code`` says which problem it is, as a stable word, and ``params`` its values, so the
    window can say it in the interface's language (``ui.chart_words.error_text``):

    - ``"not-an-area"``: ``region`` (an id the map does not draw);
    - ``"needs-side"`` / ``"no-sides"``: ``key`` (the AreaKey asked for);
    - ``"bad-score"``: ``score`` (the value given, as written);
    - ``"already-marked"`` / ``"not-marked"`` / ``"marked-twice"``: ``key``;
    - ``"client-name-too-long"``: ``limit``; ``"area-note-too-long"`` and
      ``"session-note-too-long"``: ``length`` and ``limit`` (characters).
    """

    def __init__(self, message: str, code: str, **params: object) -> None:
        super().__init__(message)
        self.code = code
        self.params = params


AreaKey = tuple[str, str | None]
"""Which area: (region id, the person's side or None), e.g. ``("calf", "left")``."""


@dataclass(frozen=True)
class MarkedArea:
    """One marked area: where (``region_id`` and ``side``), how much (``score``, 0-10), what
    kind and how often (None: not asked), and a note."""

    region_id: str
    side: str | None
    score: int
    kind: Kind | None = None
    frequency: Frequency | None = None
    note: str = ""

    @property
    def key(self) -> AreaKey:
        return self.region_id, self.side


@dataclass(frozen=True)
class SessionChart:
    """One session: the date, who (``client_name``, "" for nobody named), the therapist's
    ``note`` and the marked ``areas`` in the order they were marked."""

    date: dt.date
    client_name: str = ""
    note: str = ""
    areas: tuple[MarkedArea, ...] = ()

    def area(self, key: AreaKey) -> MarkedArea | None:
        """The marked area at ``key``, or None when it is not marked."""
        return next((area for area in self.areas if area.key == key), None)

    def by_score(self) -> list[MarkedArea]:
        """The areas, highest score first (ties keep the order they were marked in)."""
        return sorted(self.areas, key=lambda area: -area.score)


def area_name(region_title: str, side: str | None) -> str:
    """``"Left calf"`` from ``("Calf", "left")``; ``"Neck"`` for an unpaired region."""
    if side is None:
        return region_title
    return f"{side.capitalize()} {region_title.lower()}"


def check_score(score: object) -> int:
    """``score`` when it is a whole number from 0 to 10; ChartError otherwise."""
    if isinstance(score, bool) or not isinstance(score, int):
        raise ChartError(
            f"the score must be a whole number from 0 to 10, not {score!r}",
            "bad-score",
            score=repr(score),
        )
    if not MIN_SCORE <= score <= MAX_SCORE:
        raise ChartError(
            f"the score must be from {MIN_SCORE} to {MAX_SCORE}, not {score}",
            "bad-score",
            score=str(score),
        )
    return score


def check_area(area: MarkedArea, artwork: Artwork) -> None:
    """ChartError unless the artwork draws the region on that side, and the score and note fit.

    A paired part (the artwork draws a left and a right outline) needs its side; an unpaired
    one (neck, back) takes none.
    """
    try:
        sides = artwork.sides(area.region_id)
    except KeyError:
        valid = ", ".join(artwork.region_ids)
        raise ChartError(
            f"'{area.region_id}' is not an area of the body map (the areas are: {valid})",
            "not-an-area",
            region=area.region_id,
        ) from None
    if sides and area.side not in sides:
        raise ChartError(
            f"the {area.region_id} is marked on each side: say 'left' or 'right'"
            + (f", not '{area.side}'" if area.side is not None else ""),
            "needs-side",
            key=area.key,
        )
    if not sides and area.side is not None:
        raise ChartError(
            f"the {area.region_id} has no left or right side (got '{area.side}')",
            "no-sides",
            key=area.key,
        )
    check_score(area.score)
    if len(area.note.strip()) > MAX_AREA_NOTE:
        raise ChartError(
            f"the note on the {area.region_id} is {len(area.note.strip())} characters long; "
            f"an area has room for {MAX_AREA_NOTE}",
            "area-note-too-long",
            length=len(area.note.strip()),
            limit=MAX_AREA_NOTE,
        )


def check_chart(chart: SessionChart, artwork: Artwork) -> None:
    """ChartError for the first thing wrong: a name or note too long, an area the map does not
    draw, a bad side or score, or one area marked twice."""
    if len(chart.client_name.strip()) > MAX_CLIENT_NAME:
        raise ChartError(
            f"the client's name is longer than {MAX_CLIENT_NAME} characters",
            "client-name-too-long",
            limit=MAX_CLIENT_NAME,
        )
    if len(chart.note.strip()) > MAX_NOTE:
        raise ChartError(
            f"the note is {len(chart.note.strip())} characters long; a session has room for "
            f"{MAX_NOTE}",
            "session-note-too-long",
            length=len(chart.note.strip()),
            limit=MAX_NOTE,
        )
    seen: set[AreaKey] = set()
    for area in chart.areas:
        check_area(area, artwork)
        if area.key in seen:
            raise ChartError(
                f"the {_key_words(area.key)} is marked twice", "marked-twice", key=area.key
            )
        seen.add(area.key)


def _key_words(key: AreaKey) -> str:
    region, side = key
    return f"{side} {region}" if side else region


# The edits ------------------------------------------------------------------------------------


ChartStep = Callable[[SessionChart], SessionChart]


@dataclass(frozen=True)
class Edit:
    """One undoable change: ``redo`` makes it, ``undo`` takes it back (both pure).

    ``label`` names it in English for a log or a test ("Mark left calf"); a window names it in
    its own language from ``action`` (one of ``EDIT_ACTIONS``), ``key`` (the area edited, None
    for the session's note or the client's name) and ``score`` (the new score of a score
    change). ``merge_key`` is set for edits that a run of the same kind may fold into one undo
    step (score changes on one area, as a spin box sends them), None for the others.
    """

    label: str
    redo: ChartStep
    undo: ChartStep
    merge_key: tuple[str, AreaKey] | None = None
    action: str = ""
    key: AreaKey | None = None
    score: int | None = None


EDIT_ACTIONS = (
    "mark",
    "remove",
    "score",
    "kind",
    "frequency",
    "area-note",
    "session-note",
    "client-name",
)
"""What an ``Edit`` does, as ``Edit.action`` says it (the window words each one)."""


def mark_area(chart: SessionChart, area: MarkedArea, artwork: Artwork) -> Edit:
    """Mark a new area. ChartError if it is already marked or the map cannot hold it."""
    check_area(area, artwork)
    if chart.area(area.key) is not None:
        raise ChartError(
            f"the {_key_words(area.key)} is already marked", "already-marked", key=area.key
        )

    def redo(c: SessionChart) -> SessionChart:
        return dataclasses.replace(c, areas=(*c.areas, area))

    def undo(c: SessionChart) -> SessionChart:
        return dataclasses.replace(c, areas=tuple(a for a in c.areas if a.key != area.key))

    return Edit(f"Mark {_key_words(area.key)}", redo, undo, action="mark", key=area.key)


def remove_area(chart: SessionChart, key: AreaKey) -> Edit:
    """Unmark an area; undo puts it back where it was. ChartError if it is not marked."""
    index = _index(chart, key)
    area = chart.areas[index]

    def redo(c: SessionChart) -> SessionChart:
        return dataclasses.replace(c, areas=tuple(a for a in c.areas if a.key != key))

    def undo(c: SessionChart) -> SessionChart:
        areas = list(c.areas)
        areas.insert(min(index, len(areas)), area)
        return dataclasses.replace(c, areas=tuple(areas))

    return Edit(f"Remove {_key_words(key)}", redo, undo, action="remove", key=key)


def change_score(chart: SessionChart, key: AreaKey, score: int) -> Edit:
    """Set an area's score (0-10). ChartError for a bad score or an unmarked area."""
    check_score(score)
    edit = _change(chart, key, f"Score {_key_words(key)} {score}", "score", score=score)
    return dataclasses.replace(edit, merge_key=("score", key), score=score)


def change_kind(chart: SessionChart, key: AreaKey, kind: Kind | None) -> Edit:
    """Set what the client feels in an area (None: not recorded)."""
    return _change(chart, key, f"Set kind of {_key_words(key)}", "kind", kind=kind)


def change_frequency(chart: SessionChart, key: AreaKey, frequency: Frequency | None) -> Edit:
    """Set how often it happens (None: not recorded)."""
    return _change(
        chart, key, f"Set how often for {_key_words(key)}", "frequency", frequency=frequency
    )


def change_area_note(chart: SessionChart, key: AreaKey, note: str) -> Edit:
    """Set an area's note. ChartError when it is longer than MAX_AREA_NOTE."""
    if len(note.strip()) > MAX_AREA_NOTE:
        raise ChartError(
            f"the note is {len(note.strip())} characters long; an area has room for "
            f"{MAX_AREA_NOTE}",
            "area-note-too-long",
            length=len(note.strip()),
            limit=MAX_AREA_NOTE,
        )
    return _change(chart, key, f"Edit note on {_key_words(key)}", "area-note", note=note.strip())


def change_session_note(chart: SessionChart, note: str) -> Edit:
    """Set the therapist's note for the session. ChartError when longer than MAX_NOTE."""
    if len(note.strip()) > MAX_NOTE:
        raise ChartError(
            f"the note is {len(note.strip())} characters long; a session has room for {MAX_NOTE}",
            "session-note-too-long",
            length=len(note.strip()),
            limit=MAX_NOTE,
        )
    old, new = chart.note, note.strip()
    return Edit(
        "Edit session note",
        lambda c: dataclasses.replace(c, note=new),
        lambda c: dataclasses.replace(c, note=old),
        action="session-note",
    )


def change_client_name(chart: SessionChart, name: str) -> Edit:
    """Set the client's name ("" for nobody named). ChartError when longer than
    MAX_CLIENT_NAME."""
    if len(name.strip()) > MAX_CLIENT_NAME:
        raise ChartError(
            f"the client's name is longer than {MAX_CLIENT_NAME} characters",
            "client-name-too-long",
            limit=MAX_CLIENT_NAME,
        )
    old, new = chart.client_name, name.strip()
    return Edit(
        "Edit client's name",
        lambda c: dataclasses.replace(c, client_name=new),
        lambda c: dataclasses.replace(c, client_name=old),
        action="client-name",
    )


def _index(chart: SessionChart, key: AreaKey) -> int:
    for index, area in enumerate(chart.areas):
        if area.key == key:
            return index
    raise ChartError(f"the {_key_words(key)} is not marked", "not-marked", key=key)


def _change(chart: SessionChart, key: AreaKey, label: str, action: str, **values: object) -> Edit:
    """An edit that sets ``values`` on one area and undo that restores the old ones."""
    area = chart.areas[_index(chart, key)]
    old = {name: getattr(area, name) for name in values}

    def setter(changes: dict[str, object]) -> ChartStep:
        def step(c: SessionChart) -> SessionChart:
            areas = tuple(
                dataclasses.replace(a, **changes) if a.key == key else a  # type: ignore[arg-type]
                for a in c.areas
            )
            return dataclasses.replace(c, areas=areas)

        return step

    return Edit(label, setter(values), setter(old), action=action, key=key)


def merged(first: Edit, then: Edit) -> Edit:
    """One edit doing ``first`` then ``then`` (undo: back past both); they share a merge key."""
    return Edit(
        then.label,
        lambda c: then.redo(first.redo(c)),
        lambda c: first.undo(then.undo(c)),
        then.merge_key,
        then.action,
        then.key,
        then.score,
    )
