"""`bodymap check`: completeness, reading grade and the medical safety rules."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from bodymap.cli import main
from bodymap.content.checks import MAX_GRADE, check_content

Data = dict[str, Any]


def edit(path: Path, change: Callable[[Data], None]) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


def line_of(path: Path, startswith: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if line.startswith(startswith))


def problems_after(content: Path, file: str, change: Callable[[Data], None]) -> str:
    edit(content / file, change)
    report = check_content(content)
    return "\n".join(p.describe(content) for p in report.problems)


def test_shipped_content_passes_every_check() -> None:
    from bodymap.paths import content_dir

    report = check_content(content_dir())
    assert [p.describe(report.library.root) for p in report.problems] == []
    assert len(report.grades) == len(report.library.pages)
    assert all(0 < grade <= MAX_GRADE for grade in report.grades.values()), report.grades


def test_check_command_exit_codes(
    content_copy: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["check", str(content_copy)]) == 0
    assert "pass every check" in capsys.readouterr().out
    (content_copy / "topics" / "hydration.yaml").write_text("id: [\n", encoding="utf-8")
    assert main(["check", str(content_copy)]) == 1
    out = capsys.readouterr().out
    assert "topics/hydration.yaml:1: not valid YAML" in out
    assert "showing the shipped page until this file is fixed" in out  # the clinic folder
    assert "2 problems in 1 file" in out
    assert main(["check", str(tmp_path / "missing")]) == 2
    with pytest.raises(SystemExit) as exited:
        main(["check", "--nonsense"])
    assert exited.value.code == 2


def test_check_lists_reading_grades(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--grades"]) == 0
    out = capsys.readouterr().out
    assert "Reading grade (Flesch-Kincaid; the limit is 8)" in out
    assert " calf\n" in out


def test_hard_reading_is_reported_with_the_grade(content_copy: Path) -> None:
    wordy = (
        "Musculoskeletal hyperexcitability, consequent upon multifactorial physiological "
        "perturbations including electrolyte dysregulation and neuromuscular fatigue, "
        "characteristically precipitates involuntary, sustained, intensely uncomfortable "
        "contractions necessitating comprehensive interdisciplinary evaluation."
    )

    def change(data: Data) -> None:
        data["summary"] = wordy
        for section in data["sections"]:
            section["text"] = wordy

    found = problems_after(content_copy, "topics/stretching.yaml", change)
    assert "topics/stretching.yaml:1: reading grade" in found
    assert "is above 8" in found


@pytest.mark.parametrize(
    ("file", "change", "expected"),
    [
        (
            "regions/chest.yaml",
            lambda d: d.update(self_massage={"steps": ["Rub the sore spot."]}),
            "self_massage: self-massage is not safe here",
        ),
        (
            "regions/calf.yaml",
            lambda d: d["warning"].update(text="Rest it and it will pass. Call {emergency}."),
            "warning: safety: must mention do not massage",
        ),
        (
            "regions/stomach.yaml",
            lambda d: d["red_flags"].update(emergency=["Bad pain: call {emergency}."]),
            "red_flags, emergency: safety: must mention vomiting blood",
        ),
        (
            "regions/back.yaml",
            lambda d: d["red_flags"].update(emergency=["Severe pain: call {emergency}."]),
            "red_flags, emergency: safety: must mention weakness or numbness in both legs",
        ),
        (
            "regions/neck.yaml",
            lambda d: d["red_flags"].update(emergency=["Severe pain: call {emergency}."]),
            "red_flags, emergency: safety: must mention dislike of bright light",
        ),
        (
            "regions/foot.yaml",
            lambda d: d["red_flags"].update(emergency=["Severe pain: call {emergency}."]),
            "safety: must mention a cramp lasting more than 10 minutes",
        ),
        (
            "regions/chest.yaml",
            lambda d: d.pop("warning"),
            "warning: this region must have a physician warning",
        ),
        (
            "regions/neck.yaml",
            lambda d: d.update(causes=d["causes"][:2]),
            "causes: needs at least 3 likely causes (has 2)",
        ),
        (
            "regions/back.yaml",
            lambda d: d.update(related=["stretching"]),
            "related: must link to the 'when-not-to-massage' page",
        ),
        (
            "regions/foot.yaml",
            lambda d: d.update(sources=d["sources"][:1]),
            "sources: needs at least 2 sources from trusted health organisations (has 1",
        ),
        (
            "regions/foot.yaml",
            lambda d: d["prevention"].append("Eat a banana every day to stop cramps."),
            "safety: 'a banana prevents or stops cramps' is not supported",
        ),
        (
            "topics/hydration.yaml",
            lambda d: d["sections"][0].update(text="Everyone needs half a gallon of water."),
            "safety: 'everyone needs half a gallon of water' is not supported",
        ),
        (
            "topics/muscle-cramps.yaml",
            lambda d: d.update(summary="Most cramps are caused by low electrolytes."),
            "summary: safety: 'most spasms come from electrolytes' is not supported",
        ),
        (
            "regions/neck.yaml",
            lambda d: d["prevention"].append("If it gets worse, call 999 at once."),
            "write {emergency} instead of a fixed emergency number",
        ),
    ],
)
def test_rules_name_the_file_line_and_field(
    content_copy: Path, file: str, change: Callable[[Data], None], expected: str
) -> None:
    found = problems_after(content_copy, file, change)
    assert f"{file}:" in found
    assert expected in found, found


def test_a_problem_points_at_the_line_of_its_field(content_copy: Path) -> None:
    path = content_copy / "regions" / "back.yaml"
    found = problems_after(content_copy, "regions/back.yaml", lambda d: d.update(related=["x"]))
    assert f"regions/back.yaml:{line_of(path, 'related:')}: related" in found


def test_corrections_of_myths_are_allowed(content_copy: Path) -> None:
    def change(data: Data) -> None:
        data["prevention"].append(
            "You may have heard that a banana stops a cramp. This has not been shown."
        )

    found = problems_after(content_copy, "regions/foot.yaml", change)
    assert "banana" not in found
