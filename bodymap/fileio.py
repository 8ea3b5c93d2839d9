"""Saving files so that nothing is lost and nothing is left half-written.

The data goes to a hidden temporary file in the target's own folder, is flushed to the disk,
and only then renamed over the target with ``os.replace`` (atomic on one file system). If
anything fails, the temporary file is removed and any earlier file at the target is untouched.
Errors come back as :class:`WriteError` with a message a clinic receptionist can act on.
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Iterator
from pathlib import Path

TEMP_SUFFIX = ".part"
MISSING_STAMP = "missing"


def file_stamp(path: str | os.PathLike[str] | os.DirEntry[str]) -> str:
    """Size, modification and change times and inode: any save changes at least one of them.

    (An edit of the same size within one tick of a coarse clock keeps the size and mtime; a
    rename-save changes the inode, an in-place write the change time.)
    """
    try:
        info = path.stat() if isinstance(path, os.DirEntry) else os.stat(path)
    except OSError:
        return MISSING_STAMP
    return f"{info.st_size} {info.st_mtime_ns} {info.st_ctime_ns} {info.st_ino}"


class WriteError(Exception):
    """A file could not be saved; ``str(error)`` says why in plain words."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(reason)
        self.path = path
        self.reason = reason


class PendingFile:
    """The temporary file being written; bytes go straight to the operating system."""

    def __init__(self, fd: int) -> None:
        self.fd = fd

    def write(self, data: bytes | bytearray | memoryview) -> int:
        view = memoryview(data)
        while view:
            written = os.write(self.fd, view)
            view = view[written:]
        return len(data)


def atomic_write_bytes(path: Path | str, data: bytes) -> None:
    """Write ``data`` to ``path`` all at once, or not at all."""
    with atomic_writer(path) as pending:
        pending.write(data)


@contextlib.contextmanager
def atomic_writer(path: Path | str) -> Iterator[PendingFile]:
    """A file to write to; it replaces ``path`` only when the block ends without an error."""
    target = Path(path).expanduser()
    folder = target.parent
    _check_folder(target, folder)
    temp, fd = _open_temp(target, folder)
    try:
        try:
            yield PendingFile(fd)
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, target)
    except OSError as exc:
        _remove_quietly(temp)
        raise WriteError(target, describe_os_error(exc, target)) from exc
    except BaseException:
        _remove_quietly(temp)
        raise
    _sync_folder(folder)


_REASONS = {
    errno.ENOENT: "The folder {folder} does not exist.",
    errno.EACCES: "You do not have permission to write to {folder}.",
    errno.EPERM: "You do not have permission to write to {folder}.",
    errno.EROFS: "The folder {folder} is on a read-only disk.",
    errno.ENOSPC: "The disk is full, so {name} could not be saved. Free some space and try again.",
    errno.EDQUOT: "Your disk quota is used up, so {name} could not be saved. Free some space "
    "and try again.",
    errno.EISDIR: "{target} is a folder, not a file.",
    errno.ENAMETOOLONG: "The file name {name} is too long.",
}


def describe_os_error(exc: OSError, target: Path) -> str:
    """What went wrong, in words that say what to do about it."""
    template = _REASONS.get(exc.errno or 0)
    if template is not None:
        return template.format(folder=target.parent, name=target.name, target=target)
    reason = exc.strerror or str(exc)
    return f"{reason} ({target})."


def _check_folder(target: Path, folder: Path) -> None:
    if not folder.exists():
        raise WriteError(target, f"The folder {folder} does not exist.")
    if not folder.is_dir():
        raise WriteError(target, f"{folder} is not a folder.")
    if target.is_dir():
        raise WriteError(target, f"{target} is a folder, not a file.")


def _open_temp(target: Path, folder: Path) -> tuple[Path, int]:
    """A new hidden file beside the target, created with the usual permissions (umask)."""
    mode = 0o666
    with contextlib.suppress(OSError):
        mode = target.stat().st_mode & 0o777  # keep an existing file's permissions
    for _ in range(100):
        temp = folder / f".{target.name}.{os.urandom(4).hex()}{TEMP_SUFFIX}"
        try:
            fd = os.open(
                temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode
            )
        except FileExistsError:
            continue
        except OSError as exc:
            raise WriteError(target, describe_os_error(exc, target)) from exc
        return temp, fd
    raise WriteError(target, f"Could not create a temporary file in {folder}.")


def _remove_quietly(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); harmless where folders cannot be opened."""
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
