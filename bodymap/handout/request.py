"""What the person asked to print, with the clinic's current settings around it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from bodymap.content.spelling import spelling_for_territory
from bodymap.handout.compose import HandoutRequest
from bodymap.settings import Settings


def handout_request(
    page_ids: Iterable[str],
    settings: Settings,
    paper_size: str | None = None,
    sides: Iterable[tuple[str, str]] = (),
    page_sides: Iterable[str | None] = (),
) -> HandoutRequest:
    """The request for these pages, printed today, with the clinic's details, paper size
    (unless ``paper_size`` is given), print size, emergency number, same-day route and
    English spelling (British for a computer set up for the UK, else American): the
    same for the window and the CLI. It is for nobody in particular; a client's name and note
    are added per handout. ``sides`` gives the side picked per page, as
    ``HandoutRequest.sides``, or by position in ``page_sides`` (``HandoutRequest.page_sides``).
    """
    return HandoutRequest(
        page_ids=tuple(page_ids),
        clinic=settings.clinic,
        paper_size=paper_size or settings.paper_size,
        emergency_number=settings.emergency_number,
        same_day=settings.same_day,
        printed=dt.date.today(),
        print_size=settings.print_size,
        spelling=spelling_for_territory(settings.territory),
        sides=tuple(sides),
        page_sides=tuple(page_sides),
    )
