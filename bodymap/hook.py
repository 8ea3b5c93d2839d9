"""``bodymap check --install-hook``: check the clinic's pages before every git commit.

When the clinic folder is a git repository shared by several desks or clinics
(docs/user-guide.md), a page with a mistake should never reach the others. The hook runs
``bodymap check`` on the clinic folder (over the shipped pages) and stops the commit when it
finds a problem. It checks the files as they are in the folder (what will be committed when
everything is added, the usual case for a clinic); ``git commit --no-verify`` skips it.
"""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from bodymap.cli_common import EXIT_OK, EXIT_PROBLEMS

HOOK_MARK = "# Written by `bodymap check --install-hook`"


def bodymap_command() -> str:
    """The command that runs this BodyMap, for a shell: the standalone build's program, or
    this Python with ``-m bodymap`` (so a git window with another PATH still finds it)."""
    if getattr(sys, "frozen", False):
        return shlex.quote(sys.executable)
    return f"{shlex.quote(sys.executable)} -m bodymap"


def hook_script(folder_in_repository: str) -> str:
    """The pre-commit hook's text; ``folder_in_repository`` is relative to the top (or ".")."""
    target = (
        '"$top"' if folder_in_repository == "." else f'"$top"/{shlex.quote(folder_in_repository)}'
    )
    return (
        "#!/bin/sh\n"
        f"{HOOK_MARK}: check the clinic's pages before each commit.\n"
        "# To commit without the check (not advised): git commit --no-verify\n"
        'top="$(git rev-parse --show-toplevel)" || exit 1\n'
        f"exec {bodymap_command()} check {target}\n"
    )


def install_hook(folder: Path) -> int:
    """Write the hook into the repository that holds ``folder``; 0 when done, 1 if it cannot.

    An existing pre-commit hook that BodyMap did not write is left alone (and said so).
    """
    git = shutil.which("git")
    if git is None:
        return _fail("git is not installed on this computer.")
    if not folder.is_dir():
        return _fail(f"there is no folder {folder} yet: edit a page first, or choose one.")
    top = _git(git, folder, "rev-parse", "--show-toplevel")
    hook_path = _git(git, folder, "rev-parse", "--git-path", "hooks/pre-commit")
    if top is None or hook_path is None:
        return _fail(
            f"{folder} is not in a git repository. The user guide (Sharing the pages) says "
            "how to make one."
        )
    hook = Path(hook_path) if Path(hook_path).is_absolute() else folder / hook_path
    if hook.exists() and HOOK_MARK not in hook.read_text(encoding="utf-8", errors="replace"):
        return _fail(f"{hook} already exists and BodyMap did not write it; it was left as it is.")
    relative = Path(folder).resolve().relative_to(Path(top).resolve()).as_posix()
    try:
        hook.parent.mkdir(parents=True, exist_ok=True)
        hook.write_text(hook_script(relative), encoding="utf-8")
        hook.chmod(0o755)
    except OSError as error:
        return _fail(f"could not write {hook}: {error.strerror or error}")
    print(f"Installed {hook}: each commit in {top} now runs `bodymap check` first.")
    return EXIT_OK


def _git(git: str, folder: Path, *arguments: str) -> str | None:
    try:
        done = subprocess.run(
            [git, "-C", str(folder), *arguments], capture_output=True, text=True, check=False
        )
    except OSError:
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def _fail(reason: str) -> int:
    print(f"bodymap check: error: {reason}", file=sys.stderr)
    return EXIT_PROBLEMS
