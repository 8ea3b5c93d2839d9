"""The error log and the command line's last line of defence (no Qt needed)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bodymap import cli, errorlog
from bodymap.paths import data_dir, log_file
from tests.children import ChildPython


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


FULL_DISK = Path("/dev/full")  # Linux: every write fails with "No space left on device"


@pytest.mark.skipif(not FULL_DISK.exists(), reason="needs /dev/full")
def test_a_full_disk_while_logging_is_not_an_error_of_its_own(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert errorlog.open_error_log(FULL_DISK) == FULL_DISK
    assert errorlog.log_unexpected("Traceback: details of a failure") == FULL_DISK
    assert errorlog.log_unexpected("and a second one") == FULL_DISK
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


def test_a_native_crash_leaves_its_stack_in_the_error_log(
    tmp_path: Path, child_python: ChildPython
) -> None:
    log = tmp_path / "logs" / "bodymap.log"
    result = child_python.run("-c", CRASHING_CHILD, log)
    assert result.returncode != 0
    text = log.read_text(encoding="utf-8")
    assert "an ordinary error first" in text
    assert "Fatal Python error: Segmentation fault" in text
    assert 'File "<string>", line 7' in text  # where it happened


ROTATING_CHILD = """
import faulthandler, sys
from pathlib import Path
from bodymap import errorlog
errorlog.open_error_log(Path(sys.argv[1]))
for number in range(2 * errorlog.MAX_BYTES // 1000):
    errorlog.logger.error("error %d %s", number, "x" * 1000)
faulthandler._sigsegv()
"""


def test_the_fault_handler_follows_the_log_when_it_rotates(
    tmp_path: Path, child_python: ChildPython
) -> None:
    log = tmp_path / "bodymap.log"
    result = child_python.run("-c", ROTATING_CHILD, log)
    assert result.returncode != 0
    assert (tmp_path / "bodymap.log.1").is_file()  # it did rotate
    assert "Fatal Python error: Segmentation fault" in log.read_text(encoding="utf-8")
    assert "Fatal Python error" not in (tmp_path / "bodymap.log.1").read_text(encoding="utf-8")


def test_a_start_with_nothing_to_log_does_not_load_the_rotating_handler(
    tmp_path: Path, child_python: ChildPython
) -> None:
    child = (
        "import sys; from pathlib import Path; from bodymap import errorlog; "
        "errorlog.open_error_log(Path(sys.argv[1])); "
        "print('logging.handlers' in sys.modules, end=' '); "
        "errorlog.logger.error('the first error'); "
        "print('logging.handlers' in sys.modules)"
    )
    log = tmp_path / "bodymap.log"
    result = child_python.run("-c", child, log)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "False True\n"
    assert "ERROR bodymap: the first error" in log.read_text(encoding="utf-8")
