"""The command line: ``bodymap`` opens the window.

Arguments are checked before Qt is imported, so a wrong ``--region`` is reported at once and
works on a machine without a display.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bodymap import APP_NAME, __version__
from bodymap.content.loader import load_library
from bodymap.content.model import ContentLibrary
from bodymap.paths import content_dir

EXIT_OK = 0
EXIT_USAGE = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="bodymap",
        description=f"{APP_NAME}: explore the causes of and massage for muscle spasms and cramps.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    start = parser.add_mutually_exclusive_group()
    start.add_argument("--region", metavar="ID", help="open the app at this body region")
    start.add_argument("--topic", metavar="ID", help="open the app at this topic page")
    parser.add_argument(
        "--content-dir",
        metavar="DIR",
        type=Path,
        default=None,
        help="read the content from DIR instead of the shipped content folder",
    )
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(sys.argv[1:] if argv is None else argv)
    try:
        return _run(args)
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # the last line of defence: a message, never a traceback
        print(f"bodymap: unexpected error: {exc}", file=sys.stderr)
        return 1


def _run(args: argparse.Namespace) -> int:
    library = load_library(args.content_dir or content_dir())
    start_page = _start_page(library, args.region, args.topic)
    if isinstance(start_page, int):
        return start_page
    from bodymap.ui.app import run  # noqa: PLC0415 - Qt only loads when the window is wanted

    return run(library, start_page)


def _start_page(library: ContentLibrary, region: str | None, topic: str | None) -> str | int | None:
    """The page to open, or an exit status after saying what the valid ids are."""
    if region is not None:
        valid = [page.id for page in library.regions]
        if region not in valid:
            return _unknown("region", region, valid)
        return region
    if topic is not None:
        valid = [page.id for page in library.topics]
        if "home" in library.pages:
            valid.insert(0, "home")
        if topic not in valid:
            return _unknown("topic", topic, valid)
        return topic
    return None


def _unknown(kind: str, given: str, valid: list[str]) -> int:
    choices = ", ".join(valid) if valid else "(none could be loaded)"
    print(f"bodymap: error: unknown {kind} '{given}'. Valid {kind} ids: {choices}", file=sys.stderr)
    return EXIT_USAGE
