"""PySide6 asks of every module imported after it whether the module uses PySide6; answer
that from the file's bytes instead of through ``inspect`` and Python's line cache.

PySide6 (since 6.4, PYSIDE-2029) hooks ``import`` so that each newly imported module is
looked at once: a module whose source contains "PySide6" may switch PySide's ``__feature__``
options (``snake_case``, ``true_property``). It finds the source with ``inspect.getsource``,
which splits the whole file into lines and keeps them in ``linecache`` for the life of the
process: for the window's hundred-odd modules (our code, msgspec, markupsafe, breame...)
that is 3-4 MiB of memory that is never used again and several milliseconds of start-up.

``quicken`` replaces that one check, in PySide's own module, with a search of the file's
bytes for the same word: the same answer for every module with a ``.py`` file, and the
original check for anything else (a module with no file, a file that cannot be read). When
a PySide6 version no longer has the check, nothing is changed.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

FEATURE_MODULE = "shibokensupport.feature"
CHECK = "_mod_uses_pyside"
MARKER = b"PySide6"


def quicken() -> bool:
    """Install the quicker check once PySide6's ``shiboken6`` is loaded; whether it is in
    place (False when this PySide6 has no such check)."""
    import shiboken6  # noqa: F401, PLC0415 - loads PySide's import hook and its feature module

    feature = sys.modules.get(FEATURE_MODULE)
    original = getattr(feature, CHECK, None)
    if feature is None or not callable(original):
        return False
    if getattr(original, "quick", False):
        return True
    setattr(feature, CHECK, _quick_check(original))
    return True


def _quick_check(original: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    def uses_pyside(module: ModuleType) -> bool:
        """Whether ``module``'s source file mentions PySide6 (PySide's own question)."""
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as file:
                    return MARKER in file.read()
            except OSError:
                pass
        return bool(original(module))

    uses_pyside.quick = True  # type: ignore[attr-defined]
    uses_pyside.original = original  # type: ignore[attr-defined]
    return uses_pyside
