"""The command line: ``bodymap`` opens the window; ``bodymap check`` checks a content folder.

Arguments are checked before Qt is imported, so a wrong ``--region`` is reported at once and
works on a machine without a display.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import sys
from pathlib import Path

from bodymap import APP_NAME, __version__
from bodymap.cli_common import (
    CONTENT_DIR_HELP,
    EXIT_OK,
    EXIT_PROBLEMS,
    EXIT_USAGE,
    ContentFolders,
    UsageParser,
)
from bodymap.content.cache import load_library_cached
from bodymap.content.languages import ENGLISH, LANGUAGES, UnknownLanguageError, check_language
from bodymap.content.model import ContentLibrary, counted
from bodymap.paths import content_cache

COMMANDS_HELP = """commands:
  bodymap search QUERY [--limit N] [--json] [--language es]   search in your own words
  bodymap handout ID [ID ...] --output FILE.pdf   write a printable handout (PDF)
  bodymap check [CONTENT_DIR]                 check content files for problems (run after editing)
  bodymap check --install-hook [CONTENT_DIR]  check before every git commit of the clinic folder
  bodymap menu-entry [--remove]               add BodyMap to your applications menu
"""


def build_parser() -> argparse.ArgumentParser:
    parser = UsageParser(
        prog="bodymap",
        description=f"{APP_NAME}: explore the causes of and massage for muscle spasms and cramps.",
        epilog=COMMANDS_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    start = parser.add_mutually_exclusive_group()
    start.add_argument(
        "--region",
        metavar="ID",
        help="open the app at this body region (calf; calf:left for the client's left calf)",
    )
    start.add_argument("--topic", metavar="ID", help="open the app at this topic page")
    parser.add_argument(
        "--content-dir",
        metavar="DIR",
        type=Path,
        default=None,
        help=CONTENT_DIR_HELP,
    )
    return parser


def build_check_parser() -> argparse.ArgumentParser:
    parser = UsageParser(
        prog="bodymap check",
        description="Check the pages: fields, links, required sections, sources, review "
        "dates, reading grade and medical safety rules; and every clinic page whose shipped "
        "page was reviewed after it.",
    )
    parser.add_argument(
        "content_dir",
        nargs="?",
        type=Path,
        default=None,
        metavar="CONTENT_DIR",
        help="the clinic's folder to check, over the shipped pages (default: the one in use)",
    )
    parser.add_argument(
        "--grades", action="store_true", help="also list every page's reading grade"
    )
    parser.add_argument(
        "--language",
        type=_languages,
        default=None,
        metavar="CODES",
        help="check only the pages in these languages, e.g. es or en,es (default: every "
        "language the content has)",
    )
    parser.add_argument(
        "--install-hook",
        action="store_true",
        help="make the git repository that holds CONTENT_DIR run this check before each commit",
    )
    return parser


def build_search_parser() -> argparse.ArgumentParser:
    parser = UsageParser(
        prog="bodymap search",
        description="Search every page in your own words; prints id, title and region, best first.",
    )
    parser.add_argument("query", nargs="+", metavar="QUERY", help="what to look for")
    parser.add_argument(
        "--limit", type=_positive, default=10, metavar="N", help="at most N results"
    )
    parser.add_argument("--json", action="store_true", help="print a JSON array instead")
    parser.add_argument(
        "--language",
        type=_language,
        default=ENGLISH,
        metavar="CODE",
        help="search the pages in this language: en (English, the default) or es (Spanish)",
    )
    parser.add_argument(
        "--content-dir", type=Path, default=None, metavar="DIR", help=CONTENT_DIR_HELP
    )
    return parser


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"'{value}' is not a whole number of 1 or more")
    return number


def search_main(argv: list[str]) -> int:
    args = build_search_parser().parse_args(argv)
    from bodymap.content.search import SearchIndex  # noqa: PLC0415
    from bodymap.paths import search_cache  # noqa: PLC0415

    folders = find_content(args.content_dir, "bodymap search")
    if folders is None:
        return EXIT_USAGE
    library = load_content(folders, args.language)
    index = SearchIndex.open(library, search_cache(folders.clinic, args.language))
    query = " ".join(args.query)
    response = index.search(query, limit=args.limit)
    if args.json:
        rows = [
            {"id": r.id, "title": r.title, "region": r.region, "score": r.score}
            for r in response.results
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        for result in response.results:
            print(f"{result.id}\t{result.title}\t{result.region or ''}")
    if not response.results:
        hint = f" Did you mean: {', '.join(response.suggestions)}?" if response.suggestions else ""
        print(f"No results for '{query}'.{hint}", file=sys.stderr)
        return EXIT_PROBLEMS
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    """Every command runs inside one guard, so no traceback ever reaches a person."""
    arguments = sys.argv[1:] if argv is None else argv
    try:
        return _dispatch(arguments)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # e.g. `bodymap check | head`: the reader has gone; stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_PROBLEMS
    except Exception as exc:  # the last line of defence: a message, never a traceback
        _report_unexpected(exc)
        return EXIT_PROBLEMS


def _report_unexpected(error: Exception) -> None:
    """One line for the person; the full details go to the error log for whoever supports it."""
    from bodymap import errorlog  # noqa: PLC0415 - only when something has gone wrong

    path = errorlog.open_error_log()
    if path is not None:
        errorlog.log_unexpected(errorlog.error_details(type(error), error, error.__traceback__))
    where = f"\nThe details were saved in {path}" if path is not None else ""
    print(f"bodymap: unexpected error: {error or type(error).__name__}{where}", file=sys.stderr)


def find_content(given: Path | None, prog: str) -> ContentFolders | None:
    """See ``qtshared.settings.find_content`` (Preferences are read with QtCore: loaded here)."""
    from bodymap.qtshared.settings import find_content  # noqa: PLC0415

    return find_content(given, prog)


def window_page_language() -> str:
    """The language the window shows pages in (Preferences, else the interface's, which
    follows the computer's); read with QtCore, so loaded here."""
    from bodymap.qtshared.languages import page_language  # noqa: PLC0415
    from bodymap.qtshared.settings import open_settings  # noqa: PLC0415

    return page_language(open_settings())


def load_content(folders: ContentFolders, language: str = ENGLISH) -> ContentLibrary:
    """The pages in ``language`` (another language's pages over the English ones), from the
    content cache of that language when the folders have not changed."""
    cache = content_cache(folders.clinic, language)
    return load_library_cached(folders.clinic, cache, folders.shipped, language)


def _dispatch(arguments: list[str]) -> int:
    commands = {
        "check": check_main,
        "search": search_main,
        "handout": handout_main,
        "menu-entry": menu_entry_main,
    }
    if arguments and arguments[0] in commands:
        return commands[arguments[0]](arguments[1:])
    if not arguments:
        # The usual start, from a menu or an icon: no parser to build (setting up its
        # translated messages costs the start-up a few milliseconds).
        return _run(None, None, None)
    args = build_parser().parse_args(arguments)
    return _run(args.content_dir, args.region, args.topic)


def handout_main(argv: list[str]) -> int:
    from bodymap.handout import cli  # noqa: PLC0415 - the window does not need it

    return cli.handout_main(argv)


def menu_entry_main(argv: list[str]) -> int:
    from bodymap.desktop import menu_entry_main  # noqa: PLC0415 - only for this command

    return menu_entry_main(argv)


def _run(folder: Path | None, region: str | None, topic: str | None) -> int:
    folders = find_content(folder, "bodymap")
    if folders is None:
        return EXIT_USAGE
    library = load_content(folders, window_page_language())
    start_page = _start_page(library, region, topic)
    if isinstance(start_page, int):
        return start_page
    # Making the window creates tens of thousands of objects that live as long as the app;
    # looking for garbage among them while they are made is wasted work. The window turns
    # collection back on once it is drawn (bodymap.ui.app.run).
    gc.disable()
    from bodymap.ui.app import run  # noqa: PLC0415 - Qt only loads when the window is wanted

    return run(library, start_page)


def check_main(argv: list[str]) -> int:
    args = build_check_parser().parse_args(argv)
    from bodymap.content.checks import MAX_GRADE  # noqa: PLC0415
    from bodymap.content.report import check_content  # noqa: PLC0415

    folders = find_content(args.content_dir, "bodymap check")
    if folders is None:
        return EXIT_USAGE
    root = folders.clinic
    if args.install_hook:
        from bodymap.hook import install_hook  # noqa: PLC0415 - only for this option

        return install_hook(root)
    report = check_content(root, folders.shipped, args.language)
    for problem in report.problems:
        print(f"{_shown(problem.path)}:{problem.line or 1}: {problem.describe_what()}")
    if args.grades and (args.language is None or ENGLISH in args.language):
        print(f"\nReading grade (Flesch-Kincaid; the limit is {MAX_GRADE:g}):")
        for page_id, grade in sorted(report.grades.items(), key=lambda item: -item[1]):
            print(f"  {grade:4.1f}  {page_id}")
    for language, translated in report.translations.items():
        _print_language(language, translated, report.scores[language], args.grades)
    pages = len(report.library.pages)
    where = _shown(root) if root.is_dir() else "the shipped pages"
    if folders.shipped is not None and root.is_dir():
        where += " over the shipped pages"
    if report.clean:
        print(f"All {pages} pages in {where} pass every check.")
        return EXIT_OK
    files = len({p.path for p in report.problems})
    print(
        f"{counted(len(report.problems), 'problem')} in {counted(files, 'file')}; "
        f"{counted(pages, 'page')} loaded from {where}."
    )
    return EXIT_PROBLEMS


def _print_language(
    language: str, library: ContentLibrary, scores: dict[str, float], grades: bool
) -> None:
    """How much of the content is written in ``language``, and (with ``grades``) each
    page's reading score by that language's formula."""
    name = LANGUAGES[language]
    written = len(library.pages) - len(library.fallback_ids)
    print(f"\n{name} ({language}): {written} of {len(library.pages)} pages written", end="")
    if library.fallback_ids:
        print(f"; shown in English until written: {', '.join(sorted(library.fallback_ids))}")
    else:
        print()
    if grades:
        from bodymap.content.checks import RULES  # noqa: PLC0415 - only for this option

        rules = RULES[language]
        print(f"Reading ease ({rules.reading_formula}; at least {rules.reading_limit:g}):")
        for page_id, score in sorted(scores.items(), key=lambda item: item[1]):
            print(f"  {score:4.1f}  {page_id}")


def _language(value: str) -> str:
    """``--language es``: one language code, checked."""
    try:
        return check_language(value)
    except UnknownLanguageError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _languages(value: str) -> tuple[str, ...]:
    """``--language es`` or ``--language es,en``: language codes, checked."""
    try:
        return tuple(dict.fromkeys(check_language(code) for code in value.split(",") if code))
    except UnknownLanguageError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def _shown(path: Path) -> str:
    """A path as the person typing the command would write it.

    Links are not followed: the file to fix is the link in the folder, and a link that loops
    cannot be followed at all.
    """
    try:
        return str(Path(os.path.abspath(path)).relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _start_page(library: ContentLibrary, region: str | None, topic: str | None) -> str | int | None:
    """The page to open, or an exit status after saying what the valid ids are."""
    if region is not None:
        return _start_region(library, region)
    if topic is not None:
        valid = [heading.id for heading in library.topic_headings()]
        if library.get("home") is not None:
            valid.insert(0, "home")
        if topic not in valid:
            return _unknown("topic", topic, valid)
        return topic
    return None


def _start_region(library: ContentLibrary, region: str) -> str | int:
    """``--region calf`` or ``--region calf:left`` (the client's left calf), checked."""
    from bodymap.content.sides import SideKeyError, split_side_keys  # noqa: PLC0415

    try:
        ((region_id, side),) = split_side_keys([region])
    except SideKeyError as error:
        print(f"bodymap: error: {error}", file=sys.stderr)
        return EXIT_USAGE
    why = library.region_problem_text(region_id)
    if why is not None:
        print(f"bodymap: error: {why}", file=sys.stderr)
        return EXIT_PROBLEMS
    valid = [page.id for page in library.regions]
    if region_id not in valid:
        return _unknown("region", region_id, valid)
    return region if side is not None else region_id


def _unknown(kind: str, given: str, valid: list[str]) -> int:
    choices = ", ".join(valid) if valid else "(none could be loaded)"
    print(f"bodymap: error: unknown {kind} '{given}'. Valid {kind} ids: {choices}", file=sys.stderr)
    return EXIT_USAGE
