"""The clinic's own pages, kept apart from the shipped ones.

The shipped pages (``paths.content_dir()``) are replaced by every update. A clinic's changes
live in its own folder (``paths.clinic_content_dir()`` by default; Preferences or
``--content-dir`` choose another), laid over the shipped pages by the loader:

- a page in the clinic folder replaces the shipped page with the same id; a new id adds a page;
- an update of the shipped pages never writes to the clinic folder;
- when the shipped page has been reviewed since the clinic's copy (a safety fix, perhaps),
  ``stale_overrides`` says so, with what the shipped page has that the copy lacks; the app's
  problems bar and ``bodymap check`` both show it.

The clinic folder may be a git repository shared by several desks or clinics
(docs/user-guide.md); ``folder_revision`` is the revision About shows.
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path

import msgspec

from bodymap.content.model import Page, Problem
from bodymap.content.outline import page_texts
from bodymap.content.schema import field_name
from bodymap.content.yamlfile import FileLines
from bodymap.fileio import WriteError, atomic_write_bytes, describe_os_error

SHIPPED_NOTE = "showing the shipped page until this file is fixed"
MAX_LISTED = 3  # texts quoted in a stale-override message; the rest are counted
MAX_QUOTE = 90  # characters of each quoted text
GIT_TIMEOUT_S = 5
UNCOMPARED_FIELDS = frozenset({"path", "reviewed"})


def stale_overrides(overrides: Iterable[tuple[Page, Page]]) -> list[Problem]:
    """A note for each clinic page whose shipped page was reviewed after it.

    ``overrides`` is (shipped page, clinic page) pairs. The note names the clinic's file and
    its ``reviewed`` line, the two dates, the fields that differ, and (quoted, shortened) the
    shipped page's texts that the clinic's copy does not have.
    """
    problems = []
    for shipped, clinic in overrides:
        if shipped.reviewed <= clinic.reviewed:
            continue
        message = (
            f"the shipped page was reviewed on {_date(shipped.reviewed)}, after this copy "
            f"({_date(clinic.reviewed)}); it may carry a safety fix: compare this file with "
            f"{shipped.path}, take its changes, then set 'reviewed' to the day you did"
        )
        fields = differing_fields(shipped, clinic)
        if fields:
            message += f". The pages differ in: {', '.join(fields)}"
        missing = missing_texts(shipped, clinic)
        if missing:
            quoted = [f"{where}: “{_shortened(text)}”" for where, text in missing[:MAX_LISTED]]
            more = len(missing) - MAX_LISTED
            message += f". The shipped page has text this copy lacks: {'; '.join(quoted)}"
            if more > 0:
                message += f" (and {more} more)"
        line = FileLines(clinic.path).line_of(("reviewed",))
        problems.append(Problem(clinic.path, line, message, field="reviewed", severity="warning"))
    return problems


def differing_fields(shipped: Page, clinic: Page) -> list[str]:
    """The page fields (YAML keys) whose values differ, in the order the page type declares."""
    return [
        info.encode_name
        for info in msgspec.structs.fields(shipped)
        if info.name not in UNCOMPARED_FIELDS
        and getattr(shipped, info.name) != getattr(clinic, info.name, None)
    ]


def missing_texts(shipped: Page, clinic: Page) -> list[tuple[str, str]]:
    """(field, text) for each text of the shipped page that the clinic's page never says."""
    said = {" ".join(text.split()) for _, text in page_texts(clinic)}
    return [
        (field_name(key), text)
        for key, text in page_texts(shipped)
        if " ".join(text.split()) not in said
    ]


def clinic_file(page: Page, clinic: Path, shipped: Path | None) -> Path:
    """Where the clinic's copy of ``page`` is (or would be): the same place under ``clinic``."""
    if shipped is None or not page.path.is_relative_to(shipped):
        return page.path
    return clinic / page.path.relative_to(shipped)


def copy_to_clinic(page: Page, clinic: Path, shipped: Path | None) -> Path:
    """The clinic's own file for ``page``, copied from the shipped one if there is none yet.

    A file already in the clinic folder is never overwritten. Raises ``WriteError`` (with a
    plain reason) when the folder or the copy cannot be written.
    """
    target = clinic_file(page, clinic, shipped)
    if target.exists() or target == page.path:
        return target
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        data = page.path.read_bytes()
    except OSError as error:
        raise WriteError(target, describe_os_error(error, target)) from error
    atomic_write_bytes(target, data)
    return target


def folder_revision(folder: Path) -> str | None:
    """The git revision of ``folder`` as About shows it, or None when it is not in git.

    For example ``3f2a9c1 of 2026-11-02 (“Calf: our own stretches”)``, with ``, plus edits
    not committed yet`` when files in the folder differ from that revision.
    """
    git = shutil.which("git")
    if git is None or not folder.is_dir():
        return None
    head = _git(git, folder, "log", "-1", "--format=%h%x00%cs%x00%s")
    if not head:
        return None
    short, date, subject = [*head.split("\0"), "", ""][:3]
    text = f"{short} of {date} (“{_shortened(subject)}”)"
    if _git(git, folder, "status", "--porcelain", "--", "."):
        text += ", plus edits not committed yet"
    return text


def _git(git: str, folder: Path, *arguments: str) -> str:
    try:
        done = subprocess.run(
            [git, "-C", str(folder), *arguments],
            capture_output=True,
            text=True,
            timeout=GIT_TIMEOUT_S,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout.strip() if done.returncode == 0 else ""


def _date(day: dt.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _shortened(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_QUOTE else text[: MAX_QUOTE - 1].rstrip() + "…"
