"""The error log: every unexpected error, with its full details, in a small rotating file.

A clinic computer runs all day. When something goes wrong the person at the desk sees a short
message; whoever supports the app finds the whole story here. The file never grows past a few
megabytes (1 MB, with three older files kept), and a log that cannot be written never stops
the app: the details then only go to stderr. Qt-free, so the command line logs the same way.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import faulthandler
import logging
import platform
import sys
import traceback
from collections.abc import Sequence
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from bodymap import APP_NAME, __version__
from bodymap.paths import log_file

MAX_BYTES = 1_000_000
BACKUPS = 3
logger = logging.getLogger("bodymap")


class _QuietRotatingFileHandler(RotatingFileHandler):
    """A full disk or a deleted log folder must not print a traceback of its own.

    It also takes Python's fault handler: a native crash (a segmentation fault in Qt, an
    abort) writes every thread's stack into the same file, where a normal exception goes.
    """

    def handleError(self, record: logging.LogRecord) -> None:
        return None

    def doRollover(self) -> None:
        super().doRollover()
        self.follow_crashes()  # the old stream was closed: point the fault handler anew

    def follow_crashes(self) -> None:
        """Send native crashes to this file (faulthandler writes to its descriptor)."""
        stream = self.stream
        if stream is None:
            return
        with contextlib.suppress(OSError, ValueError, RuntimeError):
            faulthandler.enable(file=stream, all_threads=True)


def open_error_log(path: Path | None = None) -> Path | None:
    """Start writing errors to the log; returns its path, or None when it cannot be written."""
    target = (path or log_file()).absolute()
    if active_log() == target:
        return target
    close_error_log()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handler = _QuietRotatingFileHandler(
            target, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
        )
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    handler.follow_crashes()
    return target


def close_error_log() -> None:
    """Stop writing to any log file (at exit, and between tests)."""
    for handler in list(logger.handlers):
        if isinstance(handler, _QuietRotatingFileHandler):
            with contextlib.suppress(RuntimeError, ValueError, OSError):
                faulthandler.disable()  # before its file is closed
            logger.removeHandler(handler)
            with contextlib.suppress(OSError, ValueError):  # a full disk, a vanished file
                handler.close()


def active_log() -> Path | None:
    """The file errors are being written to, if any."""
    for handler in logger.handlers:
        if isinstance(handler, _QuietRotatingFileHandler):
            return Path(handler.baseFilename)
    return None


def error_details(
    kind: type[BaseException],
    error: BaseException,
    trace: TracebackType | None,
    versions: Sequence[str] = (),
) -> str:
    """Everything support needs to find the cause: versions, platform, time and traceback."""
    return describe_environment(versions) + error_trace(kind, error, trace)


def error_trace(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None
) -> str:
    """The traceback alone: the same failure gives the same text, whenever it happens."""
    return "".join(traceback.format_exception(kind, error, trace))


def describe_environment(versions: Sequence[str] = ()) -> str:
    lines = [
        f"{APP_NAME} {__version__}",
        f"Python {platform.python_version()} ({sys.executable})",
        *versions,
        f"Platform: {platform.platform()}",
        f"Time: {dt.datetime.now().astimezone():%Y-%m-%d %H:%M:%S %z}",
    ]
    return "\n".join(lines) + "\n\n"


def log_unexpected(details: str) -> Path | None:
    """Write one unexpected error to the log; returns its path, or None when there is no log.

    Without a log file nothing is written here: Python's last-resort handler would put the
    traceback on the screen of whoever runs the command, which is the caller's choice to make.
    """
    path = active_log()
    if path is not None:
        logger.error("Unexpected error\n%s", details.rstrip())
    return path


def log_repeats(count: int) -> None:
    """One line for an error that repeated while its message was open, not a flood."""
    if active_log() is not None:
        logger.error("The same error happened %d more time(s) while its message was open.", count)
