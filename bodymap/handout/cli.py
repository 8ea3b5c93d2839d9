"""``bodymap handout ID [ID ...] --output FILE.pdf``: print handouts without opening the window.

The page ids are checked before Qt is imported, so a typo is reported at once. Qt then runs on
the offscreen platform (on Linux and other X11/Wayland systems), so no display or X server is
needed. The clinic's details, paper size and emergency number come from the same settings as
the window's Preferences.
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
from pathlib import Path

from bodymap.artwork import read_artwork
from bodymap.chart.compare import Comparison, compare
from bodymap.chart.fhir import SessionFileError, read_session
from bodymap.chart.model import SessionChart
from bodymap.cli_common import (
    CONTENT_DIR_HELP,
    EXIT_OK,
    EXIT_PROBLEMS,
    EXIT_USAGE,
    UsageParser,
)
from bodymap.content.languages import ENGLISH, UnknownLanguageError, check_language
from bodymap.content.loader import load_library
from bodymap.content.model import ContentLibrary
from bodymap.content.sides import SideKeyError, split_side_keys
from bodymap.content.spelling import SPELLINGS
from bodymap.handout.chart_page import chart_region_ids, compose_chart_handout
from bodymap.handout.compose import (
    MAX_CLIENT_NAME,
    MAX_NOTE,
    UnsafePageError,
    compose_handout,
    handout_page_ids,
    unsafe_pages,
)
from bodymap.paths import artwork_file
from bodymap.settings import PAPER_SIZES, PrintSize, normalise_paper_size

EXIT_WRITE_FAILED = EXIT_PROBLEMS
PROG = "bodymap handout"


def _languages(value: str) -> tuple[str, ...]:
    """``--language es`` or ``--language es,en``: the handout's languages, in order."""
    try:
        codes = tuple(dict.fromkeys(check_language(code) for code in value.split(",") if code))
    except UnknownLanguageError as error:
        raise argparse.ArgumentTypeError(str(error)) from None
    if not codes:
        raise argparse.ArgumentTypeError("give a language code, such as es or en")
    return codes


def _paper_size(value: str) -> str:
    size = normalise_paper_size(value)
    if size is None:
        raise argparse.ArgumentTypeError(
            f"invalid paper size '{value}' (choose from {', '.join(PAPER_SIZES)})"
        )
    return size


def build_handout_parser() -> argparse.ArgumentParser:
    parser = UsageParser(
        prog=PROG,
        description="Write a printable handout (one PDF) with these pages, in this order; "
        "or, with --chart, the handout of a session chart: the client's marked body map, then "
        "the pages of the marked areas, highest score first.",
        epilog="examples:\n  bodymap handout calf back --output calf-back-handout.pdf\n"
        "  bodymap handout --chart today.json --compare last-week.json --output chart.pdf",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("page_ids", nargs="*", metavar="ID", help="a region or topic id")
    parser.add_argument(
        "--chart",
        type=Path,
        default=None,
        metavar="FILE.json",
        help="a saved session chart (FHIR QuestionnaireResponse) to make the handout from",
    )
    parser.add_argument(
        "--compare",
        type=Path,
        default=None,
        metavar="OLD.json",
        help="with --chart: an earlier session, to show each area's change (7 → 4)",
    )
    parser.add_argument(
        "-o", "--output", required=True, type=Path, metavar="FILE.pdf", help="the PDF to write"
    )
    parser.add_argument(
        "--page-size",
        type=_paper_size,
        default=None,
        metavar="|".join(PAPER_SIZES),
        help="paper size (default: the one set in Preferences, else this computer's country)",
    )
    parser.add_argument(
        "--large-print",
        action="store_true",
        default=None,
        help="large print: body text 16 pt, one column (default: the size set in Preferences, "
        "else clear print, 12 pt)",
    )
    parser.add_argument(
        "--clear-print",
        dest="large_print",
        action="store_false",
        help="clear print: body text 12 pt, nothing below 11 pt",
    )
    parser.add_argument(
        "--client",
        default="",
        metavar="NAME",
        help=f"whom the handout is for, printed on its first page (up to {MAX_CLIENT_NAME} "
        "characters; never stored by BodyMap)",
    )
    parser.add_argument(
        "--note",
        default="",
        metavar="TEXT",
        help=f"a short note from the therapist for the first page (up to {MAX_NOTE} characters)",
    )
    parser.add_argument(
        "--language",
        type=_languages,
        default=(ENGLISH,),
        metavar="CODES",
        help="the client's language: en (English, the default) or es (Spanish); es,en prints "
        "every page in Spanish, then again in English",
    )
    parser.add_argument(
        "--spelling",
        choices=SPELLINGS,
        default=None,
        help="English spelling (default: British for a computer set up for the UK, Ireland, "
        "Australia, New Zealand or South Africa, else American)",
    )
    parser.add_argument(
        "--content-dir",
        type=Path,
        default=None,
        metavar="DIR",
        help=CONTENT_DIR_HELP,
    )
    return parser


def handout_main(argv: list[str]) -> int:
    """Exit 0 when written, 1 when the file could not be saved, 2 for a usage error."""
    parser = build_handout_parser()
    args = parser.parse_args(argv)
    if args.chart is None and not args.page_ids:
        parser.error("give the page ids to print, or --chart FILE.json")
    if args.chart is not None and args.page_ids:
        parser.error("give page ids or --chart, not both (a chart chooses its own pages)")
    if args.compare is not None and args.chart is None:
        parser.error("--compare needs --chart (the later session)")
    try:
        picked = split_side_keys(args.page_ids)
    except SideKeyError as error:
        parser.error(str(error))
    args.page_ids = [page_id for page_id, _ in picked]
    args.page_sides = [side for _, side in picked]
    from bodymap.qtshared.settings import find_content  # noqa: PLC0415

    folders = find_content(args.content_dir, PROG)
    if folders is None:
        return EXIT_USAGE
    languages: tuple[str, ...] = args.language
    libraries = {
        language: load_library(folders.clinic, shipped=folders.shipped, language=language)
        for language in languages
    }
    library = libraries[languages[0]]
    sessions = _read_sessions(args)
    if sessions is None:
        return EXIT_PROBLEMS
    chart, comparison = sessions
    page_ids = args.page_ids if chart is None else chart_region_ids(chart)
    refused = _refused(page_ids, libraries, folders.clinic)
    if refused is not None:
        return refused
    if _too_long(args):
        return EXIT_USAGE
    try:
        return _write(args, library, libraries, chart, comparison)
    except KeyboardInterrupt:
        return 130


def _refused(page_ids: list[str], libraries: dict[str, ContentLibrary], clinic: Path) -> int | None:
    """The exit status after saying why these pages cannot be printed (an unknown id, a page
    that breaks a safety rule in any of the handout's languages), or None when they can."""
    library = next(iter(libraries.values()))
    valid = handout_page_ids(library)
    unknown = [page_id for page_id in page_ids if page_id not in valid]
    if unknown:
        names = ", ".join(f"'{page_id}'" for page_id in unknown)
        choices = ", ".join(valid) if valid else "(none could be loaded)"
        print(f"{PROG}: error: unknown page id {names}. Valid ids: {choices}", file=sys.stderr)
        return EXIT_USAGE
    unsafe = {
        title: problems
        for each in libraries.values()
        for title, problems in unsafe_pages(page_ids, each).items()
    }
    if unsafe:  # the same refusal as compose_handout's, said before Qt even starts
        print(f"{PROG}: error: {UnsafePageError(unsafe, clinic)}", file=sys.stderr)
        print(
            f"{PROG}: nothing was written; run 'bodymap check' for every problem", file=sys.stderr
        )
        return EXIT_PROBLEMS
    return None


def _read_sessions(
    args: argparse.Namespace,
) -> tuple[SessionChart | None, Comparison | None] | None:
    """The chart and its comparison with the earlier session, as the arguments ask; None after
    saying why a file cannot be used (nothing is written then)."""
    if args.chart is None:
        return None, None
    artwork = read_artwork(artwork_file())
    try:
        chart = read_session(args.chart, artwork)
        earlier = read_session(args.compare, artwork) if args.compare is not None else None
    except SessionFileError as error:
        print(f"{PROG}: error: {error.path}: {error.reason}", file=sys.stderr)
        print(f"{PROG}: nothing was written", file=sys.stderr)
        return None
    if not chart.areas:
        print(
            f"{PROG}: error: {args.chart}: no area is marked on this session's chart, so "
            "there is nothing to print",
            file=sys.stderr,
        )
        return None
    return chart, compare(earlier, chart) if earlier is not None else None


def _too_long(args: argparse.Namespace) -> bool:
    """Whether --client or --note is longer than a handout has room for (after saying so)."""
    for value, limit, what in (
        (args.client, MAX_CLIENT_NAME, "--client"),
        (args.note, MAX_NOTE, "--note"),
    ):
        if len(value.strip()) > limit:
            print(
                f"{PROG}: error: {what} is {len(value.strip())} characters long; "
                f"a handout has room for {limit}",
                file=sys.stderr,
            )
            return True
    return False


def use_offscreen_platform() -> None:
    """Qt without a display: the PDF needs fonts, never a window or an X server."""
    if sys.platform not in ("win32", "darwin"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _write(
    args: argparse.Namespace,
    library: ContentLibrary,
    libraries: dict[str, ContentLibrary],
    chart: SessionChart | None = None,
    comparison: Comparison | None = None,
) -> int:
    """Write the PDF the arguments ask for (a session chart's when ``chart`` is given, its
    first page in the first of the handout's languages); the client's name and notes go
    only into it."""
    output: Path = args.output
    use_offscreen_platform()
    # QApplication rather than QGuiApplication, so a caller that later needs widgets (the
    # window, or tests in the same process) can still have them.
    from PySide6.QtWidgets import QApplication  # noqa: PLC0415 - only once the ids are good

    from bodymap import APP_NAME, ORG_NAME  # noqa: PLC0415
    from bodymap.fileio import WriteError, atomic_write_bytes  # noqa: PLC0415
    from bodymap.handout.pdf import render_composed  # noqa: PLC0415
    from bodymap.handout.request import handout_request  # noqa: PLC0415
    from bodymap.qtshared.diagram import BodyDiagram  # noqa: PLC0415
    from bodymap.qtshared.settings import open_settings  # noqa: PLC0415

    if QApplication.instance() is None:
        app = QApplication([sys.argv[0] if sys.argv else "bodymap"])
        app.setApplicationName(APP_NAME)
        app.setOrganizationName(ORG_NAME)
    settings = open_settings()
    size = settings.print_size
    if args.large_print is not None:
        size = PrintSize.LARGE if args.large_print else PrintSize.CLEAR
    request = dataclasses.replace(
        handout_request(
            args.page_ids or ("session",),
            settings,
            args.page_size,
            page_sides=getattr(args, "page_sides", ()),
        ),
        print_size=size,
        client_name=args.client.strip(),
        note=args.note.strip(),
        languages=args.language,
    )
    if args.spelling is not None:
        request = dataclasses.replace(request, spelling=args.spelling)
    if chart is None:
        handout = compose_handout(request, library, libraries)
    else:
        handout = compose_chart_handout(chart, request, library, comparison, libraries)
    data, result = render_composed(handout, BodyDiagram())
    try:
        atomic_write_bytes(output, data)
    except WriteError as error:
        print(f"{PROG}: error: could not save {error.path}: {error.reason}", file=sys.stderr)
        return EXIT_WRITE_FAILED
    for notice in result.notices:
        print(f"{PROG}: warning: {notice}", file=sys.stderr)
    pages = "1 page" if result.sheets == 1 else f"{result.sheets} pages"
    print(f"Wrote {output} ({pages}, {request.paper_size}, {size.label.lower()}).")
    return EXIT_OK
