"""The emergency number follows the computer's country unless the clinic sets one."""

from __future__ import annotations

import pytest

from bodymap.content.emergency import emergency_number_for, same_day_route_for


@pytest.mark.parametrize(
    ("country", "number"),
    [("US", "911"), ("CA", "911"), ("GB", "999"), ("DE", "112"), ("FR", "112"), ("ie", "112"),
     ("AU", "000"), ("NZ", "111"), ("", "112"), ("ZZ", "112")],
)  # fmt: skip
def test_number_by_country(country: str, number: str) -> None:
    assert emergency_number_for(country) == number


@pytest.mark.parametrize(
    ("country", "words"),
    [("GB", "NHS 111"), ("gb", "NHS 111"), ("US", "urgent care center"), ("CA", "811"),
     ("AU", "1800 022 222"), ("NZ", "0800 611 116"), ("DE", "urgent care center")],
)  # fmt: skip
def test_same_day_route_by_country(country: str, words: str) -> None:
    assert words in same_day_route_for(country)


def test_new_zealand_same_day_route_never_says_its_emergency_number() -> None:
    """111 is New Zealand's emergency number: the same-day text must not send people there."""
    assert "111" not in same_day_route_for("NZ")
