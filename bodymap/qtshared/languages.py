"""Which language the interface and the pages are shown in: the computer's, or the one chosen.

QtCore only, so the command line can decide the pages' language before the window (and its
translators) load; ``bodymap.ui.i18n`` installs the interface's translators.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from PySide6.QtCore import QLocale

from bodymap.settings import INTERFACE_LANGUAGES, Settings

SOURCE_LANGUAGE = "en"
"""The language the code's strings are written in: it needs no translator."""


def system_language(environ: Mapping[str, str] | None = None) -> str:
    """The interface language the computer asks for, among INTERFACE_LANGUAGES.

    ``LANGUAGE`` (a colon list of preferences, as gettext reads it, when a locale is set),
    then ``LC_ALL``, ``LC_MESSAGES`` and ``LANG`` win in that order, as on any Linux desktop;
    without them, Qt's idea of the user's languages (``QLocale.system().uiLanguages()``, the
    user's setting on Windows and macOS). English when none of them is translated; ``C`` and
    ``POSIX`` mean English.
    """
    env = os.environ if environ is None else environ
    wanted: list[str] = []
    locale_names = ("LC_ALL", "LC_MESSAGES", "LANG")
    if any(env.get(name) for name in locale_names):
        wanted.extend(part for part in env.get("LANGUAGE", "").split(":") if part)
        wanted.append(next(env[name] for name in locale_names if env.get(name)))
    else:
        wanted = list(QLocale.system().uiLanguages())
    for tag in wanted:
        code = tag.replace("-", "_").split("_")[0].split(".")[0].casefold()
        if code in ("c", "posix"):
            return SOURCE_LANGUAGE
        if code in INTERFACE_LANGUAGES:
            return code
    return SOURCE_LANGUAGE


def interface_language(choice: str, environ: Mapping[str, str] | None = None) -> str:
    """The language to show: ``choice`` from Preferences ("en", "es"), or for "" the
    computer's (``system_language``)."""
    return choice if choice in INTERFACE_LANGUAGES else system_language(environ)


def page_language(settings: Settings, environ: Mapping[str, str] | None = None) -> str:
    """The language pages are shown in: the one chosen in Preferences, else the interface's
    (a page not written in it is shown in English, with a note saying so)."""
    return settings.page_language_choice or interface_language(settings.language_choice, environ)
