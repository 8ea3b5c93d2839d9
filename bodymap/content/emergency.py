"""The local emergency number, chosen from the country the computer is set up for."""

from __future__ import annotations

DEFAULT_NUMBER = "112"

NUMBERS_BY_COUNTRY = {
    # North America and places using the North American plan
    "US": "911", "CA": "911", "MX": "911", "PR": "911", "PH": "911", "AR": "911",
    # United Kingdom and places using 999
    "GB": "999", "IE": "112", "HK": "999", "MY": "999", "SG": "995",
    # Others that differ from 112
    "AU": "000", "NZ": "111", "JP": "119", "KR": "119", "CN": "120", "ZA": "112", "IN": "112",
    "BR": "192",
}  # fmt: skip


def emergency_number_for(country_code: str) -> str:
    """Unknown countries get 112, which mobile phones connect to emergency services widely."""
    return NUMBERS_BY_COUNTRY.get(country_code.upper(), DEFAULT_NUMBER)
