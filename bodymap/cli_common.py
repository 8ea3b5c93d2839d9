"""What every command-line entry shares: exit codes, usage errors and the content folder."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import msgspec

from bodymap.paths import clinic_content_dir, content_dir, layered_under

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2


class UsageParser(argparse.ArgumentParser):
    """argparse that exits with status 2 and a one-line reason for any usage error."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


CONTENT_DIR_HELP = (
    "the clinic's own pages, laid over the shipped ones (default: the folder chosen in "
    "Preferences, else the clinic folder in your data folder)"
)


class ContentFolders(msgspec.Struct, frozen=True):
    """Where the pages come from: the clinic's folder over the shipped one.

    ``shipped`` is None when ``clinic`` is the shipped folder itself (then it holds every
    page). The clinic folder need not exist: then the shipped pages are used as they are.
    """

    clinic: Path
    shipped: Path | None


def content_folders(given: Path | None, chosen: str, prog: str) -> ContentFolders | None:
    """``--content-dir`` if ``given``, else the folder ``chosen`` in Preferences (or ""),
    else the default clinic folder; None after saying that a given folder does not exist."""
    shipped = content_dir()
    if given is not None:
        if not given.is_dir():
            print(f"{prog}: error: no content folder at {given}", file=sys.stderr)
            return None
        return ContentFolders(given, layered_under(given, shipped))
    if not shipped.is_dir():
        print(f"{prog}: error: the shipped pages are missing ({shipped})", file=sys.stderr)
        return None
    clinic = clinic_folder(chosen)
    return ContentFolders(clinic, layered_under(clinic, shipped))


def clinic_folder(chosen: str) -> Path:
    """The clinic folder chosen in Preferences (``~`` expanded), or the default one for ""."""
    return Path(chosen).expanduser() if chosen.strip() else clinic_content_dir()
