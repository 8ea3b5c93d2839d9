"""Where to send a reader, chosen from the country the computer is set up for: the emergency
number (``{emergency}``) and the same-day route (``{same_day}``) for "Get medical help today".

Same-day routes are from the services' own pages (researched 2026-11, see
docs/clinical-review.md): NHS 111 (England, Wales), NHS 24 on 111 (Scotland; one text for
the UK, as the computer says only "GB"), HealthLink 811 (most Canadian provinces),
healthdirect 1800 022 222 (Australia), Healthline 0800 611 116 (New Zealand, where 111 is the
emergency number), GP out-of-hours (Ireland); elsewhere the reader's doctor or an urgent care
centre (MedlinePlus "When to use the emergency room").
"""

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


SAME_DAY_BY_COUNTRY = {
    "GB": "NHS 111 (call 111 or go to 111.nhs.uk), or ask your GP for an urgent appointment",
    "US": "your doctor or an urgent care center",
    "CA": "your doctor, a walk-in clinic, or 811 (the free nurse line in most provinces)",
    "AU": "your GP, or healthdirect on 1800 022 222 (24 hours)",
    "NZ": "your family doctor, or Healthline on 0800 611 116 (free, 24 hours)",
    "IE": "your GP, or your local GP out-of-hours service",
}
DEFAULT_SAME_DAY = "your doctor or an urgent care center"


def same_day_route_for(country_code: str) -> str:
    """Whom to contact the same day in that country, as words that follow "Contact"."""
    return SAME_DAY_BY_COUNTRY.get(country_code.upper(), DEFAULT_SAME_DAY)
