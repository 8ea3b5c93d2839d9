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
from pathlib import Path
from types import TracebackType
from typing import TextIO

from bodymap import APP_NAME, __version__
from bodymap.paths import log_file

MAX_BYTES = 1_000_000
BACKUPS = 3
logger = logging.getLogger("bodymap")


class ErrorLogHandler(logging.Handler):
    """The log file: errors rotated at ``MAX_BYTES`` with ``BACKUPS`` older files, and crashes.

    A native crash (a segmentation fault in Qt, an abort) writes every thread's stack into the
    same file, where a normal exception goes. The file is opened at once for that; Python's
    rotating handler (``logging.handlers``, which imports socket, pickle and queue: ~4 ms of
    every start) is made with the first record, so a start with nothing to log never loads it.
    A full disk or a deleted log folder never prints a traceback of its own.
    """

    def __init__(self, path: Path) -> None:
        """Open ``path`` for appending; raises OSError when it cannot be opened."""
        super().__init__(logging.INFO)
        self.path = path
        self._waiting: TextIO | None = path.open("a", encoding="utf-8")
        self._file: logging.FileHandler | None = None
        _follow_crashes(self._waiting)

    @property
    def stream(self) -> TextIO | None:
        """The open file that records and crashes go to now (None once closed)."""
        return self._file.stream if self._file is not None else self._waiting

    def emit(self, record: logging.LogRecord) -> None:
        if self._file is None:
            try:
                self._file = _rotating_file(self.path)
            except OSError:
                return
            self._file.setFormatter(self.formatter)
            _follow_crashes(self._file.stream)
            self._close_waiting()
        self._file.emit(record)

    def flush(self) -> None:
        with contextlib.suppress(OSError, ValueError):
            if self.stream is not None:
                self.stream.flush()

    def handleError(self, record: logging.LogRecord) -> None:
        return None

    def close(self) -> None:
        with contextlib.suppress(RuntimeError, ValueError, OSError):
            faulthandler.disable()  # before its file is closed
        self._close_waiting()
        if self._file is not None:
            with contextlib.suppress(OSError, ValueError):  # a full disk, a vanished file
                self._file.close()
        super().close()

    def _close_waiting(self) -> None:
        waiting, self._waiting = self._waiting, None
        if waiting is not None:
            with contextlib.suppress(OSError, ValueError):
                waiting.close()


def _rotating_file(path: Path) -> logging.FileHandler:
    """Python's rotating handler on ``path``, quiet on errors, the fault handler following it."""
    from logging.handlers import RotatingFileHandler  # noqa: PLC0415 - with the first record

    class QuietRotatingFileHandler(RotatingFileHandler):
        def handleError(self, record: logging.LogRecord) -> None:
            return None

        def doRollover(self) -> None:
            super().doRollover()
            _follow_crashes(self.stream)  # the old stream was closed: point the fault handler anew

    return QuietRotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")


def _follow_crashes(stream: TextIO | None) -> None:
    """Send native crashes to ``stream``'s file (faulthandler writes to its descriptor)."""
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
        handler = ErrorLogHandler(target)
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    return target


def close_error_log() -> None:
    """Stop writing to any log file (at exit, and between tests)."""
    for handler in list(logger.handlers):
        if isinstance(handler, ErrorLogHandler):
            logger.removeHandler(handler)
            handler.close()


def active_log() -> Path | None:
    """The file errors are being written to, if any."""
    for handler in logger.handlers:
        if isinstance(handler, ErrorLogHandler):
            return handler.path
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
