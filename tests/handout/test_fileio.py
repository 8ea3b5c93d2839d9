"""Saving never loses the old file and never leaves half a file, and says why it failed."""

from __future__ import annotations

import errno
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from bodymap import fileio
from bodymap.fileio import WriteError, atomic_write_bytes, atomic_writer

OLD = b"%PDF-1.4 the handout printed last week"
NEW = b"%PDF-1.4 today's handout" * 1000


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(fileio.TEMP_SUFFIX))


def test_writes_a_new_file(tmp_path: Path) -> None:
    target = tmp_path / "calf-spasms-handout.pdf"
    atomic_write_bytes(target, NEW)
    assert target.read_bytes() == NEW
    assert leftovers(tmp_path) == []


def test_replaces_an_existing_file_and_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "handout.pdf"
    target.write_bytes(OLD)
    target.chmod(0o640)
    atomic_write_bytes(target, NEW)
    assert target.read_bytes() == NEW
    assert target.stat().st_mode & 0o777 == 0o640
    assert leftovers(tmp_path) == []


def test_a_missing_folder_is_named(tmp_path: Path) -> None:
    target = tmp_path / "no such folder" / "handout.pdf"
    with pytest.raises(WriteError) as raised:
        atomic_write_bytes(target, NEW)
    assert raised.value.reason == f"The folder {target.parent} does not exist."
    assert raised.value.path == target
    assert not target.parent.exists()


def test_a_folder_as_the_target_is_refused(tmp_path: Path) -> None:
    with pytest.raises(WriteError, match="is a folder, not a file"):
        atomic_write_bytes(tmp_path, NEW)


def refuse_writes_in(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make ``folder`` read-only; root ignores file modes, so then refuse as the OS would."""
    folder.chmod(0o555)
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        real_open = os.open

        def fake_open(path: str | os.PathLike[str], flags: int, *args: int) -> int:
            if Path(path).parent == folder and flags & os.O_CREAT:
                raise PermissionError(errno.EACCES, "Permission denied", str(path))
            return real_open(path, flags, *args)

        monkeypatch.setattr(fileio.os, "open", fake_open)


def test_a_read_only_folder_leaves_the_old_file_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    target = folder / "handout.pdf"
    target.write_bytes(OLD)
    refuse_writes_in(folder, monkeypatch)
    try:
        with pytest.raises(WriteError) as raised:
            atomic_write_bytes(target, NEW)
    finally:
        folder.chmod(0o755)
    assert raised.value.reason == f"You do not have permission to write to {folder}."
    assert target.read_bytes() == OLD
    assert leftovers(folder) == []


def failing_write(after: int, code: int) -> Callable[[int, bytes | memoryview], int]:
    """os.write that writes ``after`` bytes, then fails the way a full disk does."""
    real_write = os.write
    written = 0

    def write(fd: int, data: bytes | memoryview) -> int:
        nonlocal written
        if written >= after:
            raise OSError(code, os.strerror(code))
        count = real_write(fd, bytes(data)[: min(len(data), after - written)])
        written += count
        return count

    return write


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EDQUOT])
def test_a_full_disk_leaves_the_old_file_and_no_partial_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    target = tmp_path / "handout.pdf"
    target.write_bytes(OLD)
    monkeypatch.setattr(fileio.os, "write", failing_write(len(NEW) // 2, code))
    with pytest.raises(WriteError) as raised:
        atomic_write_bytes(target, NEW)
    monkeypatch.undo()
    assert "could not be saved. Free some space and try again." in raised.value.reason
    assert target.read_bytes() == OLD
    assert leftovers(tmp_path) == []


def test_a_full_disk_with_no_earlier_file_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "handout.pdf"
    monkeypatch.setattr(fileio.os, "write", failing_write(10, errno.ENOSPC))
    with pytest.raises(WriteError, match="The disk is full"):
        atomic_write_bytes(target, NEW)
    monkeypatch.undo()
    assert list(tmp_path.iterdir()) == []


def test_an_error_while_producing_the_data_keeps_the_old_file(tmp_path: Path) -> None:
    target = tmp_path / "handout.pdf"
    target.write_bytes(OLD)
    with pytest.raises(RuntimeError), atomic_writer(target) as pending:
        pending.write(NEW[:100])
        raise RuntimeError("the renderer failed half-way")
    assert target.read_bytes() == OLD
    assert leftovers(tmp_path) == []
