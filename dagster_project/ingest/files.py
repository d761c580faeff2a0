"""Byte-level inspection of a delivered file: fingerprint, encoding, delimiter, header.

A single streaming pass with bounded memory; the rows themselves are left to DuckDB's reader.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

CHUNK = 1 << 20
BOM = "\ufeff"
DELIMITERS = (";", "\t")
# Bytes that Windows-1252 leaves undefined: a file containing them is neither UTF-8 nor 1252.
_CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")


class RejectedFile(Exception):
    """The file cannot be loaded as delivered; the message is the quarantine reason."""


@dataclass(frozen=True)
class Inspection:
    sha256: str
    encoding: str  # "utf-8" or "cp1252"
    size: int
    ends_with_newline: bool


def _position(data: bytes, offset: int) -> tuple[int, int]:
    """1-based (line, column) of a byte offset in the first bytes of a file."""
    line = data.count(b"\n", 0, offset) + 1
    column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return line, column


def inspect_file(path: Path) -> Inspection:
    """Hash the file and decide its encoding without holding it in memory.

    UTF-8 when every byte decodes as UTF-8; Windows-1252 when the file has no valid multi-byte
    UTF-8 sequence before its first invalid byte (a legacy export). A file that is UTF-8 for a while
    and then not, or ends in the middle of a UTF-8 character, would be silently garbled by either
    reading, so it is rejected with the position.
    """
    digest = hashlib.sha256()
    decoder = codecs.getincrementaldecoder("utf-8")()
    utf8 = True
    seen_multibyte = False
    size = 0
    last = b""
    lines_before = 0
    first_undefined: tuple[int, int, int] | None = None  # (byte, line, column) undefined in 1252
    with path.open("rb") as fh:
        while chunk := fh.read(CHUNK):
            digest.update(chunk)
            size += len(chunk)
            last = chunk[-1:]
            if utf8:
                try:
                    seen_multibyte = seen_multibyte or not decoder.decode(chunk).isascii()
                except UnicodeDecodeError as exc:
                    line, column = _position(chunk, exc.start)
                    if seen_multibyte or not chunk[: exc.start].isascii():
                        raise RejectedFile(
                            f"mixed encodings: valid UTF-8 before byte 0x{chunk[exc.start]:02x} at "
                            f"line {lines_before + line}, column {column}, which is not UTF-8"
                        ) from None
                    utf8 = False
            if first_undefined is None:
                bad = _CP1252_UNDEFINED.intersection(chunk)
                if bad:
                    offset = min(chunk.index(bytes([b])) for b in bad)
                    line, column = _position(chunk, offset)
                    first_undefined = (chunk[offset], lines_before + line, column)
            lines_before += chunk.count(b"\n")
    if size == 0:
        raise RejectedFile("the file is empty: no header and no rows")
    if utf8:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            if seen_multibyte:
                raise RejectedFile(
                    f"the file ends in the middle of a UTF-8 character (line {lines_before + 1}): "
                    "truncated delivery?"
                ) from None
            utf8 = False
    if not utf8 and first_undefined is not None:
        byte, line, column = first_undefined
        raise RejectedFile(
            f"undecodable byte 0x{byte:02x} at line {line}, column {column}: "
            "the file is neither UTF-8 nor Windows-1252"
        )
    return Inspection(
        sha256=digest.hexdigest(),
        encoding="utf-8" if utf8 else "cp1252",
        size=size,
        ends_with_newline=last == b"\n",
    )


def read_header(path: Path, encoding: str) -> str:
    with path.open("r", encoding=encoding, newline="") as fh:
        header = fh.readline()
    return header.lstrip(BOM).rstrip("\r\n")


def _split_header(header: str, delimiter: str) -> list[str]:
    return [c.strip().strip('"') for c in header.split(delimiter)]


def match_header(header: str, expected: tuple[str, ...]) -> str:
    """Return the delimiter under which `header` names exactly the expected columns."""
    for delimiter in DELIMITERS:
        if _split_header(header, delimiter) == list(expected):
            return delimiter
    # Explain the closest reading of the header to the steward.
    delimiter = max(DELIMITERS, key=header.count)
    found = _split_header(header, delimiter)
    missing = [c for c in expected if c not in found]
    unexpected = [c for c in found if c not in expected]
    parts = []
    if missing:
        parts.append("missing " + ", ".join(repr(c) for c in missing))
    if unexpected:
        parts.append("unexpected " + ", ".join(repr(c) for c in unexpected[:10]))
    if not parts:
        parts.append("columns are in the wrong order")
    shown = "tab" if delimiter == "\t" else repr(delimiter)
    raise RejectedFile(
        f"header (line 1) does not match the feed: {'; '.join(parts)} (read with delimiter {shown})"
    )


def transcode_to_utf8(src: Path, dst: Path, encoding: str) -> None:
    """Stream-convert a Windows-1252 file to UTF-8 for DuckDB's reader, chunk by chunk."""
    with (
        src.open("r", encoding=encoding, newline="") as fin,
        dst.open("w", encoding="utf-8", newline="") as fout,
    ):
        while chunk := fin.read(CHUNK):
            fout.write(chunk)


_PERSON_NUMBER_LIKE = re.compile(r"(?<!\d)(\d{2})?\d{6}[-+ ]?\d{4}(?!\d)")


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def scrub(text: str) -> str:
    """Make a message safe to store, log and show: nothing shaped like a person number, and no
    control characters (a delivered escape sequence must not reach a steward's terminal)."""
    return _CONTROL.sub("?", _PERSON_NUMBER_LIKE.sub("[person number]", text))
