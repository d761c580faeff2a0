"""Encoding, delimiter and header handling of delivered files."""

from __future__ import annotations

from pathlib import Path

import pytest

from dagster_project.feeds import AMU_RESULTS
from dagster_project.ingest.files import (
    RejectedFile,
    inspect_file,
    match_header,
    read_header,
    scrub,
)


def test_utf8_with_bom_and_cp1252_are_told_apart(tmp_path: Path) -> None:
    utf = tmp_path / "a.csv"
    utf.write_bytes("\ufeffFag;Karakter\nDansk;12\n".encode())
    win = tmp_path / "b.csv"
    win.write_bytes("Fag;Karakter\nMåling – €;12\n".encode("cp1252"))
    assert inspect_file(utf).encoding == "utf-8"
    assert inspect_file(win).encoding == "cp1252"
    assert read_header(utf, "utf-8") == "Fag;Karakter"


def test_bytes_undefined_in_cp1252_are_rejected_with_line_and_column(tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"a;b\n1;2\nxy\xe6\x81z;3\n")
    with pytest.raises(RejectedFile, match=r"line 3, column 4"):
        inspect_file(bad)


def test_empty_file_is_rejected(tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(RejectedFile, match="empty"):
        inspect_file(empty)


@pytest.mark.parametrize("delimiter", [";", "\t"])
def test_header_accepts_either_delimiter(delimiter: str) -> None:
    assert match_header(delimiter.join(AMU_RESULTS.columns), AMU_RESULTS.columns) == delimiter


def test_header_mismatch_names_the_missing_and_unexpected_columns() -> None:
    header = ";".join(c if c != "Fkb" else "FKB-kode" for c in AMU_RESULTS.columns)
    with pytest.raises(RejectedFile, match=r"missing 'Fkb'; unexpected 'FKB-kode'"):
        match_header(header, AMU_RESULTS.columns)


def test_scrub_removes_anything_shaped_like_a_person_number() -> None:
    text = "line 4: '010190-1234' and 0101901234 and 198112189876 but not 2025Q3 or 49360"
    scrubbed = scrub(text)
    assert "0101901234" not in scrubbed.replace("-", "")
    assert "198112189876" not in scrubbed
    assert "49360" in scrubbed


def test_utf8_that_turns_into_something_else_is_rejected_not_garbled(tmp_path: Path) -> None:
    mixed = tmp_path / "mixed.csv"
    mixed.write_bytes("Fag;Navn\nDansk;Søren\n".encode() + b"Dansk;S\xf8ren\n")
    with pytest.raises(RejectedFile, match=r"mixed encodings: .* line 3, column 8"):
        inspect_file(mixed)


def test_utf8_cut_inside_a_character_is_rejected(tmp_path: Path) -> None:
    cut = tmp_path / "cut.csv"
    cut.write_bytes("Fag;Navn\nDansk;Søren\nDansk;Å".encode()[:-1])
    with pytest.raises(RejectedFile, match="ends in the middle of a UTF-8 character"):
        inspect_file(cut)


def test_scrub_removes_control_characters() -> None:
    assert scrub("bad \x1b[31mred\x00") == "bad ?[31mred?"
