"""End to end: `examwh run` on a small landing tree, the marts worked out by hand."""

from __future__ import annotations

import json
import re
from pathlib import Path

import duckdb
import pytest

from dagster_project.publish import current_publication
from tests.conftest import PipelineRun, run_examwh

pytestmark = pytest.mark.slow

MART_COLUMNS = (
    "participations, results_registered, results_missing, certificates_issued, "
    "result_code_1, result_code_2, result_code_3, result_code_4, result_code_5, result_code_6, "
    "certificate_rate, suppressed"
)


def mart(warehouse: Path) -> dict[tuple[str, str, str], tuple]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        rows = con.execute(
            f"select quarter, institution_id, fagkode, {MART_COLUMNS} from marts.amu_certificate_rates"
        ).fetchall()
    return {r[:3]: r[3:] for r in rows}


def test_certificate_rates_match_the_deliveries(pipeline_run: PipelineRun) -> None:
    rates = mart(pipeline_run.warehouse)
    # 6 certificates and one missing result: the count of 1 is suppressed, the row says so.
    assert rates[("2025Q3", "100001", "49360")] == (7, 6, None, 6, 6, 0, 0, 0, 0, 0, 1.0, True)
    assert rates[("2025Q3", "100001", "40010")] == (5, 5, 0, 0, 0, 0, 0, 5, 0, 0, 0.0, False)
    # The corrected delivery supersedes the first: results registered, one row deleted.
    assert rates[("2025Q3", "100002", "49360")] == (7, 7, 0, 7, 7, 0, 0, 0, 0, 0, 1.0, False)
    # The source document's screen: 21 participations, 21 without a result.
    assert rates[("2019Q3", "200001", "49360")] == (21, 0, 21, 0, 0, 0, 0, 0, 0, 0, None, False)
    assert len(rates) == 4


def test_result_missing_failures_name_file_and_line(pipeline_run: PipelineRun) -> None:
    with duckdb.connect(str(pipeline_run.warehouse), read_only=True) as con:
        failures = con.execute(
            "select check_id, severity, feed, institution_id, source_file, source_line, detail "
            "from quality.check_failures where resolved_at is null order by source_file, source_line"
        ).fetchall()
    assert len(failures) == 22
    assert failures[0][:6] == (
        "amu.result_missing",
        "error",
        "amu",
        "100001",
        "amu_results_100001_2025Q3_20251020.csv",
        7,
    )
    assert "ended 04-07-2025 inside 2025Q3" in failures[0][6]
    assert {f[4] for f in failures[1:]} == {"amu_results_200001_2019Q3_20191010.csv"}
    assert [f[5] for f in failures[1:]] == list(range(1, 22))


def test_bad_header_is_quarantined_and_the_rest_loads(pipeline_run: PipelineRun) -> None:
    with duckdb.connect(str(pipeline_run.warehouse), read_only=True) as con:
        quarantined = con.execute(
            "select feed, source_file, reason from quality.quarantined_files"
        ).fetchall()
        loaded = con.execute("select count(*) from raw._file_loads").fetchone()[0]
    assert [(q[0], q[1]) for q in quarantined] == [
        ("amu", "amu_results_100003_2025Q3_20251020.csv")
    ]
    assert "missing 'Hold-id'" in quarantined[0][2]
    assert loaded == 4


def test_no_person_number_anywhere_in_the_warehouse(pipeline_run: PipelineRun) -> None:
    numbers = set()
    for path in (pipeline_run.landing / "amu").iterdir():
        numbers |= set(re.findall(r"\b\d{6}-?\d{4}\b", path.read_bytes().decode("latin-1")))
    digits = {n.replace("-", "") for n in numbers}
    assert len(digits) > 30
    found = []
    with duckdb.connect(str(pipeline_run.warehouse), read_only=True) as con:
        columns = con.execute(
            "select table_schema, table_name, column_name from information_schema.columns "
            "where data_type = 'VARCHAR'"
        ).fetchall()
        for schema, table, column in columns:
            values = con.execute(f'select distinct "{column}" from "{schema}"."{table}"').fetchall()
            for (value,) in values:
                if value and any(d in re.sub(r"\D", "", value) for d in digits):
                    found.append((schema, table, column))
    assert found == []
    assert not any(n in pipeline_run.output for n in numbers | digits)


def test_publication_holds_the_marts_and_quality_tables(pipeline_run: PipelineRun) -> None:
    published_dir = pipeline_run.warehouse.parent / f"{pipeline_run.warehouse.stem}.published"
    current = current_publication(published_dir)
    assert current is not None
    manifest = json.loads((current / "manifest.json").read_text())
    assert manifest["tables"]["marts.amu_certificate_rates"]["rows"] == 4
    assert manifest["tables"]["quality.check_failures"]["rows"] == 22
    count = duckdb.sql(
        f"select count(*) from '{current / 'marts.amu_certificate_rates.parquet'}'"
    ).fetchall()[0][0]
    assert count == 4


def test_second_run_changes_nothing_and_keeps_failure_history(
    pipeline_run: PipelineRun, tmp_path: Path
) -> None:
    before = mart(pipeline_run.warehouse)
    with duckdb.connect(str(pipeline_run.warehouse), read_only=True) as con:
        first_seen = con.execute(
            "select failure_key, first_seen_at from quality.check_failures order by 1"
        ).fetchall()
    result = run_examwh(pipeline_run.landing, pipeline_run.warehouse, pipeline_run.env)
    assert result.returncode == 0, result.stderr[-2000:]
    assert mart(pipeline_run.warehouse) == before
    with duckdb.connect(str(pipeline_run.warehouse), read_only=True) as con:
        again = con.execute(
            "select failure_key, first_seen_at from quality.check_failures order by 1"
        ).fetchall()
        open_now = con.execute(
            "select count(*) from quality.check_failures where resolved_at is null"
        ).fetchone()[0]
    assert again == first_seen
    assert open_now == 22


def test_run_fails_with_one_line_for_a_missing_landing_tree(
    tmp_path: Path, pipeline_run: PipelineRun
) -> None:
    result = run_examwh(tmp_path / "nowhere", tmp_path / "w.duckdb", pipeline_run.env)
    assert result.returncode != 0
    assert result.stderr.strip().splitlines()[-1].startswith("examwh run: landing directory")
