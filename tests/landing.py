"""Writing small landing trees for tests, the way source systems deliver them."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

from dagster_project.feeds import AMU_RESULTS


def cpr(day: int, month: int, yy: int, serial: int) -> str:
    """A test CPR number; serial's first digit with yy gives the century (1900s for 0-3)."""
    return f"{day:02d}{month:02d}{yy:02d}-{serial:04d}"


def amu_row(
    team: str,
    start: str,
    end: str,
    person: str,
    fagkode: str = "49360",
    title: str = "Måling og vurdering af rengøringskvalitet",
    level: str = "-",
    fkb: str = "2679",
    self_study: str = "Nej",
    result: str = "1",
    edited: str = "",
) -> list[str]:
    return [team, start, end, person, fagkode, title, level, fkb, self_study, result, edited]


def write_csv(
    path: Path,
    header: Sequence[str],
    rows: Sequence[Sequence[str]],
    encoding: str = "utf-8",
    delimiter: str = ";",
    newline: str = "\n",
) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding=encoding, newline="") as fh:
        writer = csv.writer(fh, delimiter=delimiter, lineterminator=newline)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def write_amu(landing: Path, name: str, rows: Sequence[Sequence[str]], **style: str) -> Path:
    return write_csv(landing / "amu" / name, AMU_RESULTS.columns, rows, **style)


def source_document_screen() -> list[list[str]]:
    """The 21 participations of amu-exam-result-reporting, Figur 1: team 36 and 01, course 49360,
    September 2019, no result registered. The document masks the CPR numbers; these are made up."""
    rows = []
    for i in range(17):
        rows.append(
            amu_row("36", "16-09-2019", "19-09-2019", cpr(i + 1, 3, 85, 1000 + i), result="0")
        )
    title = "Måling og vurdering af rengøringshygiejne"
    for i, (start, end) in enumerate(
        [
            ("16-09-2019", "16-09-2019"),
            ("19-09-2019", "19-09-2019"),
            ("16-09-2019", "19-09-2019"),
            ("16-09-2019", "16-09-2019"),
        ]
    ):
        rows.append(
            amu_row(
                "01", start, end, cpr(i + 1, 4, 90, 2000 + i), title=title, level="B", result="0"
            )
        )
    return rows
