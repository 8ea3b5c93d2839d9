"""``bodymap handout``: one PDF from the command line, no window and no display needed."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QApplication

from bodymap import fileio
from bodymap.handout.cli import handout_main
from bodymap.qtshared.settings import open_settings
from bodymap.settings import ClinicDetails
from tests.children import ChildPython

ALL_REGIONS = ("neck", "chest", "stomach", "back", "calf", "foot")
RUN_HANDOUT = (
    "import sys; from bodymap.handout.cli import handout_main; sys.exit(handout_main(sys.argv[1:]))"
)


def page_texts(path: Path) -> list[str]:
    return ["".join(page.extract_text().split()) for page in PdfReader(path).pages]


def test_writes_the_pages_in_the_order_given(
    qapp: QApplication, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "calf-back.pdf"
    assert handout_main(["calf", "back", "--output", str(target), "--page-size", "A4"]) == 0
    texts = page_texts(target)
    assert texts[0].startswith("Calf")
    assert [t for t in texts if t.startswith("Back")]  # after the calf's pages
    assert not any(
        t.startswith("Calf")
        for t in texts[texts.index(next(t for t in texts if t.startswith("Back"))) :]
    )
    out = capsys.readouterr().out.strip()
    assert out == f"Wrote {target} ({len(texts)} pages, A4, clear print (12 pt))."
    assert [p.name for p in tmp_path.iterdir()] == ["calf-back.pdf"]


def test_page_size_letter(qapp: QApplication, tmp_path: Path) -> None:
    target = tmp_path / "neck.pdf"
    assert handout_main(["neck", "-o", str(target), "--page-size", "letter"]) == 0
    box = PdfReader(target).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_unknown_id_exits_2_and_lists_the_valid_ids(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "x.pdf"
    assert handout_main(["calf", "elbow", "--output", str(target)]) == 2
    err = capsys.readouterr().err
    assert "unknown page id 'elbow'" in err
    for page_id in (*ALL_REGIONS, "hydration", "when-not-to-massage"):
        assert page_id in err
    assert not target.exists()


def test_bad_page_size_and_missing_output_are_usage_errors(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        handout_main(["calf", "--output", str(tmp_path / "x.pdf"), "--page-size", "A5"])
    assert exited.value.code == 2
    assert "invalid paper size 'A5'" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exited:
        handout_main(["calf"])
    assert exited.value.code == 2
    assert "--output" in capsys.readouterr().err


def test_a_missing_folder_exits_1_with_a_clear_message(
    qapp: QApplication, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "not here" / "calf.pdf"
    assert handout_main(["calf", "--output", str(target)]) == 1
    err = capsys.readouterr().err
    assert f"could not save {target}: The folder {target.parent} does not exist." in err
    assert not target.parent.exists()


def test_a_full_disk_exits_1_and_keeps_the_old_file(
    qapp: QApplication,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    target = tmp_path / "calf.pdf"
    target.write_bytes(b"last week's handout")

    def full(fd: int, data: bytes) -> int:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(fileio.os, "write", full)
    assert handout_main(["calf", "--output", str(target)]) == 1
    monkeypatch.undo()
    assert "The disk is full" in capsys.readouterr().err
    assert target.read_bytes() == b"last week's handout"
    assert [p.name for p in tmp_path.iterdir()] == ["calf.pdf"]


def test_uses_the_clinic_details_from_preferences(qapp: QApplication, tmp_path: Path) -> None:
    store = open_settings()
    store.clinic = ClinicDetails(name="Harbourside Massage", phone="023 9200 1234")
    store.paper_size_choice = "Letter"
    store.sync()
    target = tmp_path / "stomach.pdf"
    assert handout_main(["stomach", "--output", str(target)]) == 0
    text = page_texts(target)[0]
    assert "HarboursideMassage" in text and "02392001234" in text
    box = PdfReader(target).pages[0].mediabox
    assert round(float(box.height)) == 792  # the clinic's paper size


def test_content_dir_is_used(qapp: QApplication, content_copy: Path, tmp_path: Path) -> None:
    calf = content_copy / "regions" / "calf.yaml"
    calf.write_text(
        calf.read_text(encoding="utf-8").replace("title: Calf", "title: Lower leg"),
        encoding="utf-8",
    )
    target = tmp_path / "calf.pdf"
    assert handout_main(["calf", "-o", str(target), "--content-dir", str(content_copy)]) == 0
    assert page_texts(target)[0].startswith("Lowerleg")


def test_runs_without_a_display(tmp_path: Path, child_python: ChildPython) -> None:
    target = tmp_path / "all.pdf"
    no_display = {"QT_QPA_PLATFORM": None, "DISPLAY": None, "WAYLAND_DISPLAY": None}
    result = child_python.run("-c", RUN_HANDOUT, *ALL_REGIONS, "-o", target, env=no_display)
    assert result.returncode == 0, result.stderr
    assert len(PdfReader(target).pages) >= len(ALL_REGIONS)


def font_sizes(path: Path) -> list[float]:
    """The size of every run of text, in points, as pypdf reads it from the PDF."""
    sizes: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            scale = abs(tm[0] * cm[0] + tm[1] * cm[2]) if tm[1] == 0 else 0.0
            sizes.append(size * (scale or abs(tm[3] * cm[3])))

    for page in PdfReader(path).pages:
        page.extract_text(visitor_text=visit)
    return sizes


def test_large_print_client_and_note_on_the_command_line(
    qapp: QApplication, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "calf-large.pdf"
    argv = ["calf", "-o", str(target), "--large-print", "--client", "Ana Silva"]
    assert handout_main([*argv, "--note", "Stretch after walks & rest."]) == 0
    assert "large print (16 pt)" in capsys.readouterr().out
    assert min(font_sizes(target)) >= 14 - 0.01
    first = page_texts(target)[0]
    assert "For:AnaSilva" in first and "Stretchafterwalks&rest." in first
    clear = tmp_path / "calf-clear.pdf"
    assert handout_main(["calf", "-o", str(clear)]) == 0
    assert 11 - 0.01 <= min(font_sizes(clear)) < 14
    assert "AnaSilva" not in "".join(page_texts(clear))


def test_a_note_too_long_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "x.pdf"
    assert handout_main(["calf", "-o", str(target), "--note", "word " * 200]) == 2
    assert "--note is 999 characters long; a handout has room for 600" in capsys.readouterr().err
    assert not target.exists()


def test_the_print_size_set_in_preferences_is_the_default(
    qapp: QApplication, tmp_path: Path
) -> None:
    from bodymap.settings import PrintSize

    store = open_settings()
    store.print_size = PrintSize.LARGE
    store.sync()
    target = tmp_path / "neck.pdf"
    assert handout_main(["neck", "-o", str(target)]) == 0
    assert min(font_sizes(target)) >= 14 - 0.01
    assert handout_main(["neck", "-o", str(target), "--clear-print"]) == 0
    assert min(font_sizes(target)) < 14
