"""The error log and the command line's last line of defence (no Qt needed)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from bodymap import cli, errorlog
from bodymap.paths import data_dir, log_file


@pytest.fixture(autouse=True)
def no_log_left_open() -> Iterator[None]:
    yield
    errorlog.close_error_log()


def test_the_log_lives_in_the_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    assert data_dir() == tmp_path / "share" / "bodymap"
    assert log_file() == tmp_path / "share" / "bodymap" / "logs" / "bodymap.log"
    assert errorlog.open_error_log() == log_file()
    assert log_file().is_file()


def failing_check(argv: list[str]) -> int:
    raise ZeroDivisionError("the grade of an empty page")


def test_an_unexpected_error_in_a_command_is_logged_and_the_log_named(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(cli, "check_main", failing_check)
    assert cli.main(["check"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("bodymap: unexpected error: the grade of an empty page")
    assert f"The details were saved in {log_file()}" in err
    assert "Traceback" not in err
    logged = log_file().read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in logged
    assert "in failing_check" in logged
    assert "ZeroDivisionError: the grade of an empty page" in logged


def test_a_command_still_ends_calmly_when_the_log_cannot_be_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "share"
    blocker.write_text("a file where the data folder should be", encoding="utf-8")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker))
    monkeypatch.setattr(cli, "check_main", failing_check)
    assert cli.main(["check"]) == 1
    err = capsys.readouterr().err
    assert err == "bodymap: unexpected error: the grade of an empty page\n"


class FullDisk:
    """A log file whose every write fails, as on a full disk."""

    def write(self, text: str) -> int:
        raise OSError(28, "No space left on device")

    def flush(self) -> None:
        raise OSError(28, "No space left on device")

    def tell(self) -> int:
        return 0

    def seek(self, offset: int, whence: int = 0) -> int:
        return 0

    def close(self) -> None:
        return None


def test_a_full_disk_while_logging_is_not_an_error_of_its_own(
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = errorlog.open_error_log()
    assert path is not None
    for handler in errorlog.logger.handlers:
        if isinstance(handler, logging.FileHandler) and handler.stream is not None:
            handler.stream.close()
            handler.stream = FullDisk()  # type: ignore[assignment]
    assert errorlog.log_unexpected("Traceback: details of a failure") == path
    errorlog.close_error_log()  # flushing to the full disk fails quietly too
    assert capsys.readouterr().err == ""  # no "--- Logging error ---" and its traceback


CRASHING_CHILD = """
import faulthandler, sys
from pathlib import Path
from bodymap import errorlog
errorlog.open_error_log(Path(sys.argv[1]))
errorlog.logger.error("an ordinary error first")
faulthandler._sigsegv()  # what a crash inside Qt's C++ looks like to Python
"""


def test_a_native_crash_leaves_its_stack_in_the_error_log(tmp_path: Path) -> None:
    import subprocess
    import sys

    log = tmp_path / "logs" / "bodymap.log"
    result = subprocess.run(
        [sys.executable, "-c", CRASHING_CHILD, str(log)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode != 0
    text = log.read_text(encoding="utf-8")
    assert "an ordinary error first" in text
    assert "Fatal Python error: Segmentation fault" in text
    assert 'File "<string>", line 7' in text  # where it happened


def test_the_fault_handler_follows_the_log_when_it_rotates(tmp_path: Path) -> None:
    import faulthandler

    log = tmp_path / "bodymap.log"
    errorlog.open_error_log(log)
    handler = next(
        h for h in errorlog.logger.handlers if isinstance(h, errorlog._QuietRotatingFileHandler)
    )
    handler.doRollover()
    assert faulthandler.is_enabled()
    stream = handler.stream
    assert stream is not None
    faulthandler.dump_traceback(file=stream)  # where a crash would go now
    stream.flush()
    assert "test_the_fault_handler_follows_the_log" in log.read_text(encoding="utf-8")
