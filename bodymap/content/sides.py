"""How the person's side of a paired part is named, for the screen, handouts and search.

A side is always the person's own (anatomical) left or right, ``"left"`` or ``"right"`` as in
``bodymap.artwork.SIDES``; None stands for the whole region (both sides, or an unpaired part).
"""

from __future__ import annotations

from collections.abc import Sequence

from bodymap.artwork import SIDES

SIDE_NAMES: dict[str, dict[str, str]] = {
    "es": {"left": "lado izquierdo", "right": "lado derecho"},
}
"""The side's name in each language that puts it after the title, in brackets: Spanish
"Pantorrilla (lado izquierdo)" (the noun "lado" keeps it right whatever the title's gender).
English, and any language not listed, puts "Left"/"Right" before the title."""


def side_title(title: str, side: str | None, language: str = "en") -> str:
    """A page title with the side named: ``("Calf", "left")`` -> ``"Left calf"``; in
    Spanish ``("Pantorrilla", "left", "es")`` -> ``"Pantorrilla (lado izquierdo)"``.

    In English the title's first letter is lowered unless its second is a capital too (an
    abbreviation such as "TMJ" stays as written); with no side the title is returned unchanged.
    Raises ValueError for a side other than SIDES.
    """
    if side is None:
        return title
    if side not in SIDES:
        raise ValueError(f"a side is one of {', '.join(SIDES)}, not {side!r}")
    names = SIDE_NAMES.get(language)
    if names is not None:
        return f"{title} ({names[side]})"
    keeps_case = len(title) > 1 and title[1].isupper()
    rest = title if keeps_case or not title else title[0].lower() + title[1:]
    return f"{side.capitalize()} {rest}"


def side_key(page_id: str, side: str | None) -> str:
    """One string for a page and side, as settings keep the last page: ``"calf:left"``,
    or just ``"calf"`` for the whole region."""
    return page_id if side is None else f"{page_id}:{side}"


def parse_side_key(key: str) -> tuple[str, str | None]:
    """The page id and side of a ``side_key`` string; an unknown side reads as none."""
    page_id, _, side = key.partition(":")
    return page_id, side if side in SIDES else None


class SideKeyError(ValueError):
    """A page given as ``id:side`` on the command line names a side that cannot be picked."""


def split_side_keys(keys: Sequence[str]) -> list[tuple[str, str | None]]:
    """``["calf:left", "neck"]`` -> ``[("calf", "left"), ("neck", None)]``, as given on the
    command line (``--region``, ``bodymap handout``).

    The sides a page may have are those the shipped artwork draws for it, read once and only
    when a key names a side. Raises SideKeyError with a plain message for a side that is not
    left or right, or one the page does not have.
    """
    sides_of: dict[str, tuple[str, ...]] | None = None
    found: list[tuple[str, str | None]] = []
    for key in keys:
        page_id, colon, side = key.partition(":")
        if not colon:
            found.append((key, None))
            continue
        if side not in SIDES:
            raise SideKeyError(f"'{key}': the side must be 'left' or 'right' (the client's own)")
        if sides_of is None:
            sides_of = _shipped_sides()
        if side not in sides_of.get(page_id, ()):
            raise SideKeyError(f"'{key}': {page_id} is not picked by side; give '{page_id}' alone")
        found.append((page_id, side))
    return found


def _shipped_sides() -> dict[str, tuple[str, ...]]:
    """Each region the shipped artwork draws, with its sides (empty for an unpaired one)."""
    from bodymap.artwork import read_artwork  # noqa: PLC0415 - only when a side is given
    from bodymap.paths import artwork_file  # noqa: PLC0415

    artwork = read_artwork(artwork_file())
    return {region: artwork.sides(region) for region in artwork.region_ids}
