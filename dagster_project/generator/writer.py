"""Writing delivered files the way source systems do: varied encodings, delimiters and BOMs."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np


@dataclass(frozen=True)
class FileStyle:
    encoding: str  # "utf-8", "utf-8-sig" (with BOM) or "cp1252"
    delimiter: str  # ";" or "\t"
    newline: str  # "\n" or "\r\n"


def pick_style(rng: np.random.Generator) -> FileStyle:
    encoding = ("utf-8", "utf-8-sig", "cp1252")[int(rng.integers(0, 3))]
    delimiter = ";" if rng.random() < 0.7 else "\t"
    newline = "\r\n" if encoding == "cp1252" or rng.random() < 0.3 else "\n"
    return FileStyle(encoding, delimiter, newline)


def write_delivery(
    path: Path, header: Sequence[str], rows: Iterable[Sequence[str]], style: FileStyle
) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding=style.encoding, newline="") as fh:
        writer = csv.writer(
            fh, delimiter=style.delimiter, lineterminator=style.newline, quoting=csv.QUOTE_MINIMAL
        )
        writer.writerow(header)
        writer.writerows(rows)
