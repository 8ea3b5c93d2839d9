"""What every command-line entry shares: exit codes, usage errors and the content folder."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bodymap.paths import content_dir

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2


class UsageParser(argparse.ArgumentParser):
    """argparse that exits with status 2 and a one-line reason for any usage error."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def content_root(given: Path | None, prog: str) -> Path | None:
    """The content folder to use, or None after saying that it does not exist."""
    root = given or content_dir()
    if not root.is_dir():
        print(f"{prog}: error: no content folder at {root}", file=sys.stderr)
        return None
    return root
