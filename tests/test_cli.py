"""The command line: unknown ids exit with status 2 and list the valid ones."""

from __future__ import annotations

from importlib.metadata import entry_points
from pathlib import Path

import pytest

from bodymap.cli import main
from tests.children import ChildPython


def test_unknown_region_exits_2_and_lists_valid_ids(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--region", "elbow"]) == 2
    err = capsys.readouterr().err
    assert "unknown region 'elbow'" in err
    for region_id in ("neck", "chest", "stomach", "back", "calf", "foot"):
        assert region_id in err


def test_unknown_topic_exits_2_and_lists_valid_ids(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--topic", "nonsense"]) == 2
    err = capsys.readouterr().err
    assert "unknown topic 'nonsense'" in err
    assert "hydration" in err and "home" in err


def test_region_and_topic_together_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--region", "calf", "--topic", "hydration"])
    assert exited.value.code == 2
    assert "not allowed with argument" in capsys.readouterr().err


def test_python_dash_m_and_main_py_share_the_entry_point(child_python: ChildPython) -> None:
    for entry in (["-m", "bodymap"], ["main.py"]):
        result = child_python.run(*entry, "--version")
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith("BodyMap ")


def test_installed_bodymap_command_runs_the_same_entry_point() -> None:
    scripts = entry_points(group="console_scripts")
    (bodymap,) = [script for script in scripts if script.name == "bodymap"]
    assert bodymap.load() is main


def test_unknown_region_from_the_command_line_needs_no_display(
    child_python: ChildPython,
) -> None:
    no_display = {"QT_QPA_PLATFORM": None, "DISPLAY": None, "WAYLAND_DISPLAY": None}
    result = child_python.run("-m", "bodymap", "--region", "knee", env=no_display)
    assert result.returncode == 2
    assert "Valid region ids:" in result.stderr
    assert "Traceback" not in result.stderr


def test_handout_command_is_wired_in(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from pypdf import PdfReader

    target = tmp_path / "calf.pdf"
    assert main(["handout", "calf", "--output", str(target)]) == 0
    text = " ".join(PdfReader(target).pages[0].extract_text().split())
    assert "Calf" in text and "blood clot" in text
    assert main(["handout", "knee", "--output", str(target)]) == 2
    assert "knee" in capsys.readouterr().err


def test_usage_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    for command in ("bodymap search", "bodymap handout", "bodymap check"):
        assert command in out


def test_output_cut_short_by_a_pipe_shows_no_traceback(child_python: ChildPython) -> None:
    """`bodymap check --grades | head -1`: the reader leaves early; the command stops quietly."""
    process = child_python.popen("-m", "bodymap", "check", "--grades")
    assert process.stdout is not None and process.stderr is not None
    assert process.stdout.readline()
    process.stdout.close()
    errors = process.stderr.read()
    process.wait(timeout=120)
    assert "Traceback" not in errors
