"""A side on the command line: ``--region calf:left`` and ``bodymap handout calf:left``."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QApplication

from bodymap.cli import _start_page, main
from bodymap.content.model import ContentLibrary


def test_region_with_a_side_opens_that_side(shipped_library: ContentLibrary) -> None:
    assert _start_page(shipped_library, "calf:left", None) == "calf:left"
    assert _start_page(shipped_library, "calf", None) == "calf"


@pytest.mark.parametrize(
    ("given", "said"),
    [
        ("calf:up", "the side must be 'left' or 'right'"),
        ("neck:left", "neck is not picked by side; give 'neck' alone"),
    ],
)
def test_a_side_that_cannot_be_picked_is_refused_plainly(
    given: str, said: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--region", given]) == 2
    err = capsys.readouterr().err
    assert said in err and "Traceback" not in err


def test_a_handout_of_one_side(
    qapp: QApplication, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "left-calf.pdf"
    assert main(["handout", "calf:left", "--output", str(target)]) == 0
    first = "".join(PdfReader(target).pages[0].extract_text().split())
    assert first.startswith("Leftcalf") and "Shadedarea:leftcalf" in first
    with pytest.raises(SystemExit) as refused:
        main(["handout", "neck:right", "--output", str(tmp_path / "neck.pdf")])
    assert refused.value.code == 2
    assert "neck is not picked by side" in capsys.readouterr().err
    assert not (tmp_path / "neck.pdf").exists()
