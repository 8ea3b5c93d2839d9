"""Child Python processes for tests, all started one way (see the ``child_python`` fixture).

A child runs this checkout's code (``PYTHONPATH`` starts with the project folder, which is
also its working folder) on Qt's offscreen platform, with its own empty home, settings, cache
and data folders, in text mode, and is never left running after its test.

``unprivileged=True`` runs a child that file permissions bind. As an ordinary user that is any
child; as root (CI runs as root) the child gives up, before it starts, the capabilities that
let root read, write and search anything (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER).
It keeps root's user id, so it can still read this checkout and the interpreter wherever they
were installed, but a file or folder whose mode forbids something now forbids it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

from bodymap.paths import PROJECT_DIR

LIMIT = 300  # seconds; a guard against a hung child, never a speed check

# Runs as the child's first step when it must not override permissions: drop the capabilities
# from the bounding set (so the program it then starts never gets them back), then start it.
_WITHOUT_OVERRIDES = """
import ctypes, os, sys
PR_CAPBSET_DROP = 24
libc = ctypes.CDLL(None, use_errno=True)
for capability in (1, 2, 3):  # CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH, CAP_FOWNER
    if libc.prctl(PR_CAPBSET_DROP, capability, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), f"could not give up capability {capability}")
os.execv(sys.executable, [sys.executable, *sys.argv[1:]])
"""

Arg = str | Path


class ChildPython:
    """Starts child Pythons for one test, each in the same isolated set-up."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.home = folder / "home"
        self.config = folder / "config"
        self.cache = folder / "cache"
        self.data = folder / "data"
        for path in (self.home, self.config, self.cache, self.data):
            path.mkdir(parents=True, exist_ok=True)
        self._started: list[subprocess.Popen[str]] = []

    def env(self, changes: Mapping[str, str | None] | None = None) -> dict[str, str]:
        """This process's environment as a child gets it; a ``None`` in ``changes`` removes."""
        env = dict(os.environ)
        inherited = [env["PYTHONPATH"]] if env.get("PYTHONPATH") else []
        env.update(
            PYTHONPATH=os.pathsep.join([str(PROJECT_DIR), *inherited]),
            QT_QPA_PLATFORM="offscreen",
            HOME=str(self.home),
            XDG_CONFIG_HOME=str(self.config),
            XDG_CACHE_HOME=str(self.cache),
            XDG_DATA_HOME=str(self.data),
        )
        for key, value in (changes or {}).items():
            if value is None:
                env.pop(key, None)
            else:
                env[key] = value
        return env

    def command(self, args: tuple[Arg, ...], unprivileged: bool = False) -> list[str]:
        """The command line for ``python ARGS`` (``-c CODE``, ``-m MODULE``, a script...)."""
        first = [sys.executable]
        if unprivileged and os.geteuid() == 0:
            first += ["-c", _WITHOUT_OVERRIDES]  # which then runs python ARGS itself
        return [*first, *map(str, args)]

    def run(
        self,
        *args: Arg,
        env: Mapping[str, str | None] | None = None,
        stdin: str | None = None,
        timeout: float = LIMIT,
        unprivileged: bool = False,
    ) -> subprocess.CompletedProcess[str]:
        """Run ``python ARGS`` to the end and return its exit code and output."""
        return subprocess.run(
            self.command(args, unprivileged),
            input=stdin,
            capture_output=True,
            text=True,
            cwd=PROJECT_DIR,
            env=self.env(env),
            timeout=timeout,
            check=False,
        )

    def popen(
        self,
        *args: Arg,
        env: Mapping[str, str | None] | None = None,
        unprivileged: bool = False,
    ) -> subprocess.Popen[str]:
        """Start ``python ARGS`` with pipes for stdin, stdout and stderr; ended after the test."""
        process = subprocess.Popen(
            self.command(args, unprivileged),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=PROJECT_DIR,
            env=self.env(env),
        )
        self._started.append(process)
        return process

    def end_all(self) -> None:
        """Kill whatever a test left running, and reap it."""
        for process in self._started:
            if process.poll() is None:
                process.kill()
            process.communicate(timeout=LIMIT)
        self._started.clear()
