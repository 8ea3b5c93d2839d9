"""Whether file permissions bind this process (not for root with its usual capabilities)."""

from __future__ import annotations

import tempfile
from pathlib import Path


def _permissions_ignored() -> bool:
    with tempfile.TemporaryDirectory() as folder:
        probe = Path(folder) / "probe"
        probe.write_text("x", encoding="utf-8")
        probe.chmod(0)
        try:
            with probe.open(encoding="utf-8"):
                return True
        except PermissionError:
            return False
        finally:
            probe.chmod(0o600)


PERMISSIONS_IGNORED = _permissions_ignored()
SKIP_REASON = "this user can read and write anything (root), so permissions cannot be tested"
