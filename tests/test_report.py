"""The quarterly report: the workbook's figures match the marts, nothing in it can act as a
formula, no small count is shown, and the Dagster run writes it for its last quarter."""

from __future__ import annotations

import subprocess
from pathlib import Path

import duckdb
import openpyxl
import pytest

from tests.conftest import EXAMWH, PipelineRun
from tests.dashboard_app import is_people_count

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def report(dashboard_run: PipelineRun, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("report")
    result = subprocess.run(
        [
            EXAMWH,
            "report",
            "--period",
            "2025Q2",
            "--warehouse",
            str(dashboard_run.warehouse),
            "--out",
            str(out),
        ],
        env=dashboard_run.env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return out / "2025Q2"


def _rows(path: Path, sheet: str) -> list[dict[str, object]]:
    book = openpyxl.load_workbook(path / "examwh-kvartalsrapport-2025Q2.xlsx")
    values = list(book[sheet].iter_rows(values_only=True))
    header = values[1]
    return [
        dict(zip(header, row, strict=False))
        for row in values[2:]
        if row and row[0] is not None and len(row) > 1
    ]


def test_workbook_matches_the_marts(report: Path, dashboard_run: PipelineRun) -> None:
    book = openpyxl.load_workbook(report / "examwh-kvartalsrapport-2025Q2.xlsx")
    assert book.sheetnames[:3] == ["Sammendrag", "AMU i alt", "AMU pr. kursus"]
    rows = [r for r in _rows(report, "Karakterfordeling") if r.get("term") == "2025-S"]
    with duckdb.connect(str(dashboard_run.warehouse), read_only=True) as con:
        expected = con.execute(
            "select education, subject, exam_form, grade, students from marts.grade_distribution "
            "where term = '2025-S' and students is not null"
        ).fetchall()
    shown = {
        (r["education"], r["subject"], r["exam_form"], r["grade"], r["students"])
        for r in rows
        if isinstance(r["students"], int)
    }
    assert shown == set(expected) and expected


def test_no_formula_and_no_small_count_anywhere(report: Path, dashboard_run: PipelineRun) -> None:
    min_cell = int(dashboard_run.env["EXAMWH_MIN_CELL"])
    book = openpyxl.load_workbook(report / "examwh-kvartalsrapport-2025Q2.xlsx")
    for sheet in book.worksheets:
        header: tuple = ()
        for index, row in enumerate(sheet.iter_rows(values_only=True)):
            if index == 1:
                header = row
            for column, value in zip(header or [None] * len(row), row, strict=False):
                if isinstance(value, str) and value[:1] in "=+-@":
                    assert value.lstrip("-").replace(".", "").isdigit(), (sheet.title, value)
                is_count = is_people_count(column)
                if is_count and isinstance(value, int) and not isinstance(value, bool):
                    assert not 1 <= value < min_cell, (sheet.title, column, value)


def test_html_has_summary_and_charts(report: Path) -> None:
    text = (report / "examwh-kvartalsrapport-2025Q2.html").read_text(encoding="utf-8")
    assert "Kvartalsrapport 2025Q2" in text and "<svg" in text and "Prøveterminen 2025-S" in text
    assert "http://" not in text.replace('xmlns="http://www.w3.org/2000/svg"', "")


def test_the_pipeline_writes_the_report_of_its_last_quarter(dashboard_run: PipelineRun) -> None:
    from dagster_project.jobs import landing_quarters

    last = max(landing_quarters(dashboard_run.landing))  # e.g. 2026Q1: the V term ends in January
    written = dashboard_run.warehouse.parent / "reports" / last
    assert (written / f"examwh-kvartalsrapport-{last}.xlsx").exists(), sorted(
        p.name for p in written.parent.iterdir()
    )


def test_unknown_period_fails_with_one_line(dashboard_run: PipelineRun, tmp_path: Path) -> None:
    result = subprocess.run(
        [
            EXAMWH,
            "report",
            "--period",
            "2025-Q9",
            "--warehouse",
            str(dashboard_run.warehouse),
            "--out",
            str(tmp_path),
        ],
        env=dashboard_run.env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1
    assert (
        result.stderr.strip().splitlines()[-1]
        == "examwh report: period '2025-Q9' is not a quarter like 2025Q3"
    )
