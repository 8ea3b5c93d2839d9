"""The emergency number follows the computer's country unless the clinic sets one."""

from __future__ import annotations

import pytest

from bodymap.content.emergency import emergency_number_for


@pytest.mark.parametrize(
    ("country", "number"),
    [("US", "911"), ("CA", "911"), ("GB", "999"), ("DE", "112"), ("FR", "112"), ("ie", "112"),
     ("AU", "000"), ("NZ", "111"), ("", "112"), ("ZZ", "112")],
)  # fmt: skip
def test_number_by_country(country: str, number: str) -> None:
    assert emergency_number_for(country) == number
