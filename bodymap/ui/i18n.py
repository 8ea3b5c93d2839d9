"""The interface's language: Qt translators for BodyMap's words and for Qt's own dialogs.

BodyMap's words are marked with ``self.tr()`` / ``QCoreApplication.translate()`` in the code,
collected by ``pyside6-lupdate`` into ``resources/translations/bodymap_<code>.ts`` (written by
translators, e.g. in Qt Linguist) and compiled by ``pyside6-lrelease`` into the ``.qm`` files
loaded here (``scripts/update-translations.sh`` does both). Qt's own ``qtbase_<code>.qm``
translates the standard dialogs: print, file, the message boxes' buttons.

English is the source language: it needs no translator at all, so an English start-up loads
nothing. A switch (Preferences) swaps the translators while the app runs; every text set with
``live`` is set again, and Qt's own widgets follow the ``LanguageChange`` event.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    Qt,
    QTranslator,
)

from bodymap.paths import resource
from bodymap.qtshared.languages import SOURCE_LANGUAGE


def QT_TRANSLATE_NOOP(context: str, source: str) -> str:
    """Mark ``source`` for translation in ``context`` (lupdate collects it) and return it as it
    is; it is translated where it is shown, with ``QCoreApplication.translate(context, ...)``.
    PySide6's own marker is typed as returning ``object``; this one keeps the ``str``."""
    del context
    return source


_installed: list[QTranslator] = []
_current = SOURCE_LANGUAGE


def translations_dir() -> str:
    """Where BodyMap's compiled ``.qm`` files are (``resources/translations``)."""
    return str(resource("translations"))


def current_language() -> str:
    """The interface language now installed ("en" when no translator is)."""
    return _current


def locale_for(language: str) -> QLocale:
    """The locale for dates and numbers in ``language``: the computer's own when it speaks
    that language (es_MX stays es_MX), else that language in the computer's country
    (Spanish on a US computer is es_US: "29 de noviembre de 2026", Letter paper)."""
    system = QLocale.system()
    if QLocale.languageToCode(system.language()) == language:
        return system
    return QLocale(QLocale.codeToLanguage(language), system.territory())


def set_language(language: str) -> bool:
    """Show the interface in ``language`` from now on: install its translators (none for
    English), make its locale the default for dates and numbers, and set every ``live``
    text again. False when BodyMap has no translation for it (English is then shown).
    """
    global _current  # noqa: PLW0603 - the application's one translator state
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("set_language needs a QApplication")
    fresh: list[QTranslator] = []
    found = True
    if language != SOURCE_LANGUAGE:
        own = QTranslator(app)
        found = own.load(f"bodymap_{language}", translations_dir())
        if found:
            fresh.append(own)
            qt = QTranslator(app)
            qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if qt.load(f"qtbase_{language}", qt_dir):
                fresh.append(qt)
    if not found:
        language = SOURCE_LANGUAGE
    if language == _current and not fresh and not _installed:
        return found  # English start-up: nothing to load, nothing to tell
    for translator in _installed:
        QCoreApplication.removeTranslator(translator)
        translator.deleteLater()
    _installed[:] = fresh
    for translator in fresh:
        QCoreApplication.installTranslator(translator)
    QLocale.setDefault(locale_for(language))
    _current = language
    # Each install or removal posted a LanguageChange to every window: deliver them now, so
    # the whole interface has changed when this returns.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    return found


LIVE_TEXTS = "bodymap-live-texts"


class _LiveTexts(QObject):
    """The texts of one widget that follow the language; a child of that widget, so it gets
    the ``LanguageChange`` Qt passes down every window's tree, and dies with the widget."""

    def __init__(self, host: QObject) -> None:
        super().__init__(host)
        self.setObjectName(LIVE_TEXTS)
        self.setters: list[Callable[[], None]] = []

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange:
            for setter in self.setters:
                setter()
            return True
        return super().event(event)


def live(owner: QObject, setter: Callable[[], None]) -> None:
    """Call ``setter`` now, and again after each language switch for as long as ``owner``
    (or, for a plain QObject such as an action's owner, the widget it belongs to) lives.

    ``setter`` sets translated texts, e.g. ``lambda: action.setText(self.tr("&Back"))``; it
    must be cheap and safe to call any time.
    """
    host = owner
    while not host.isWidgetType() and (parent := host.parent()) is not None:
        host = parent
    # Found in C++ by name, so no Python object is made for the host's other children.
    texts = host.findChild(_LiveTexts, LIVE_TEXTS, Qt.FindChildOption.FindDirectChildrenOnly)
    if texts is None:
        texts = _LiveTexts(host)
    texts.setters.append(setter)
    setter()
