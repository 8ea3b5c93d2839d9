"""The core and the command line never import Qt, so they work on any machine."""

from __future__ import annotations

from tests.children import ChildPython


def test_core_and_cli_do_not_import_pyside6(child_python: ChildPython) -> None:
    code = (
        "import sys\n"
        "import bodymap.content.loader, bodymap.content.model, bodymap.content.render\n"
        "import bodymap.content.yamlfile, bodymap.content.emergency, bodymap.cli\n"
        "import bodymap.content.cache\n"
        "from bodymap.content.loader import load_library\n"
        "from bodymap.paths import content_dir\n"
        "assert load_library(content_dir()).pages\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))))\n"
    )
    result = child_python.run("-c", code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
