"""Settings a person edits by hand are read as they meant them, by the window and the CLI."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from bodymap.handout.cli import handout_main


def test_a_hand_written_address_with_a_comma_is_printed_by_the_handout_command(
    tmp_path: Path, fresh_settings: Path
) -> None:
    """The clinic typed its address into the settings file, comma and all, unquoted."""
    folder = fresh_settings / "BodyMap"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "BodyMap.ini").write_text(
        "[handout]\nname=Harbour Massage\naddress=12 High Street, Springfield\n",
        encoding="utf-8",
    )
    target = tmp_path / "calf.pdf"
    assert handout_main(["calf", "--output", str(target)]) == 0
    text = " ".join("".join(p.extract_text() for p in PdfReader(str(target)).pages).split())
    assert "12 High Street, Springfield" in text
