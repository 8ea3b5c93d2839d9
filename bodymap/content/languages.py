"""The languages content is written in: a language is data, not code.

English pages live in ``regions/`` and ``topics/``; every other language has a parallel
folder named by its code, ``es/regions/`` and ``es/topics/``, with the same ids and the same
schema (``load_library(root, language="es")``). A page missing in that language is shown in
English with ``FALLBACK_NOTES`` above it, and the library records its id
(``ContentLibrary.fallback_ids``).
"""

from __future__ import annotations

from pathlib import Path

ENGLISH = "en"
SPANISH = "es"
DEFAULT_LANGUAGE = ENGLISH
LANGUAGES: dict[str, str] = {ENGLISH: "English", SPANISH: "Español"}
"""Each language content may be written in (a code from ISO 639-1) and its own name for itself."""
FALLBACK_NOTES: dict[str, str] = {
    ENGLISH: "This page is not yet in English; it is shown in another language.",
    SPANISH: "Esta página aún no está en español; se muestra en inglés.",
}
"""Shown above a page that is not written in the reader's language (the fallback page)."""
FALLBACK_LANGUAGE = ENGLISH
"""Every page exists in this language; a page missing in another falls back to it."""


class UnknownLanguageError(ValueError):
    """A language code the content has no folder rule for; ``str()`` names the valid codes."""

    def __init__(self, given: str) -> None:
        self.given = given
        valid = ", ".join(f"{code} ({name})" for code, name in LANGUAGES.items())
        super().__init__(f"'{given}' is not a language BodyMap knows; use one of: {valid}")


def check_language(code: str) -> str:
    """``code`` in lower case when it is one of ``LANGUAGES`` ("ES" -> "es"; "es-MX" -> "es").

    Raises UnknownLanguageError for any other code.
    """
    base = code.strip().replace("_", "-").split("-")[0].casefold()
    if base not in LANGUAGES:
        raise UnknownLanguageError(code)
    return base


def language_folder(root: Path, language: str) -> Path:
    """The folder holding ``language``'s ``regions/`` and ``topics/`` under a content folder."""
    return root if language == FALLBACK_LANGUAGE else root / language


def language_of(path: Path) -> str:
    """The language a content file is written in, from where it lies: ``es/regions/x.yaml``
    is Spanish, ``regions/x.yaml`` English."""
    folder = path.parent.parent.name
    return folder if folder in LANGUAGES and folder != FALLBACK_LANGUAGE else FALLBACK_LANGUAGE
