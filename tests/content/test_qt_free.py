"""The core and the command line never import Qt, so they work on any machine."""

from __future__ import annotations

import subprocess
import sys


def test_core_and_cli_do_not_import_pyside6() -> None:
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
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
