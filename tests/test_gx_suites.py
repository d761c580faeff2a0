"""Great Expectations suites on the staging layer (expectations/suites/*.json).

Each suite passes on good rows and fails on a frame with one bad row, for each of its
expectations; the rows go through a small in-memory DuckDB staging table so the suite's column
expressions are tested with it. The asset checks themselves run on a copy of the session
pipeline's warehouse.
"""

from __future__ import annotations

import json
import shutil
import time
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd
import pytest
from dagster import AssetCheckKey, AssetCheckSeverity, AssetKey, AssetSelection, materialize

from dagster_project.assets.gx_checks import GX_SUITES, gx_asset_checks
from dagster_project.checks.gx_suites import (
    SUITES_DIR,
    DocsTarget,
    failed_expectations,
    load_suites,
    merge_results,
    read_chunks,
    read_frame,
    validate_frame,
    validate_frames,
)
from dagster_project.resources import WarehouseResource
from tests.conftest import PipelineRun

SOURCES = {source.name: source for source in GX_SUITES}

# The staging columns the suites read, with their warehouse types, and good rows.
TABLES: dict[str, dict[str, str]] = {
    "stg_amu__participations": {
        "source_file": "varchar",
        "source_line": "bigint",
        "result_code": "integer",
        "course_start_date": "date",
        "course_end_date": "date",
        "fagkode": "varchar",
        "fkb": "varchar",
        "is_self_study": "boolean",
        "person_number_valid": "boolean",
    },
    "stg_grades__exam_sittings": {
        "source_file": "varchar",
        "source_line": "bigint",
        "status": "varchar",
        "attempt": "varchar",
        "exam_form": "varchar",
        "exam_date": "date",
        "examiner_grades": "varchar[]",
        "censor_grades": "varchar[]",
        "reported_grade": "varchar",
    },
    "stg_komvux__grades": {
        "source_file": "varchar",
        "source_line": "bigint",
        "grade": "varchar",
        "grade_date": "date",
        "person_number_valid": "boolean",
    },
    "stg_komvux__groups": {
        "source_file": "varchar",
        "source_line": "bigint",
        "term": "varchar",
        "group_name": "varchar",
        "starts_on": "date",
        "ends_on": "date",
    },
}

GOOD: dict[str, list[dict[str, Any]]] = {
    "stg_amu__participations": [
        {
            "result_code": code,
            "course_start_date": date(2025, 7, 1),
            "course_end_date": date(2025, 7, 4),
            "fagkode": "49360",
            "fkb": "2767",
            "is_self_study": code % 2 == 0,
            "person_number_valid": True,
        }
        for code in range(7)
    ],
    "stg_grades__exam_sittings": [
        {
            "status": "assessed",
            "attempt": "ordinary",
            "exam_form": "written",
            "exam_date": date(2025, 5, 6),
            "examiner_grades": ["12", "10"],
            "censor_grades": ["10"],
            "reported_grade": "10",
        },
        {
            "status": "assessed",
            "attempt": "retake",
            "exam_form": "oral",
            "exam_date": date(2025, 6, 2),
            "examiner_grades": ["-3"],
            "censor_grades": ["00", "02"],
            "reported_grade": "00",
        },
        {
            "status": "assessed",
            "attempt": "ordinary",
            "exam_form": "practical",
            "exam_date": date(2025, 6, 3),
            "examiner_grades": ["B"],
            "censor_grades": ["IB"],
            "reported_grade": "IB",
        },
        # Not assessed: no grades at all; digital self-scoring: no assessor grades.
        {
            "status": "absent",
            "attempt": "ordinary",
            "exam_form": "written",
            "exam_date": date(2025, 5, 7),
            "examiner_grades": None,
            "censor_grades": [],
            "reported_grade": None,
        },
        {
            "status": "assessed",
            "attempt": "sick_exam",
            "exam_form": "digital",
            "exam_date": date(2025, 6, 20),
            "examiner_grades": None,
            "censor_grades": None,
            "reported_grade": "7",
        },
    ],
    "stg_komvux__grades": [
        {"grade": grade, "grade_date": date(2025, 5, 20), "person_number_valid": True}
        for grade in "ABCDEF"
    ],
    "stg_komvux__groups": [
        # The last day of each term is still inside it.
        {
            "term": "2025VT",
            "group_name": "PRÖ:KC25VTMAT03B",
            "starts_on": date(2025, 1, 10),
            "ends_on": date(2025, 6, 30),
        },
        {
            "term": "2024HT",
            "group_name": "PRÖ:KC24HTSVE012",
            "starts_on": date(2024, 8, 18),
            "ends_on": date(2024, 12, 31),
        },
        {
            "term": "2024HT",
            "group_name": "PRÖ:KC24HTENG05",
            "starts_on": date(2024, 12, 4),
            "ends_on": date(2024, 12, 4),
        },
    ],
}

# (suite, column, bad value, failing expectation type, column the failure is reported on)
BAD_ROWS = [
    ("stg_amu__participations", "result_code", 7, "expect_column_values_to_be_between", "result_code"),
    ("stg_amu__participations", "result_code", -1, "expect_column_values_to_be_between", "result_code"),
    ("stg_amu__participations", "course_start_date", None, "expect_column_values_to_not_be_null", "course_start_date"),
    ("stg_amu__participations", "course_end_date", None, "expect_column_values_to_not_be_null", "course_end_date"),
    ("stg_amu__participations", "fagkode", "4936", "expect_column_values_to_match_regex", "fagkode"),
    ("stg_amu__participations", "fagkode", "49360A", "expect_column_values_to_match_regex", "fagkode"),
    ("stg_amu__participations", "fkb", "27670", "expect_column_values_to_match_regex", "fkb"),
    ("stg_amu__participations", "is_self_study", None, "expect_column_values_to_not_be_null", "is_self_study"),
    ("stg_amu__participations", "person_number_valid", False, "expect_column_values_to_be_in_set", "person_number_valid"),
    ("stg_amu__participations", "person_number_valid", None, "expect_column_values_to_not_be_null", "person_number_valid"),
    ("stg_grades__exam_sittings", "status", None, "expect_column_values_to_not_be_null", "status"),
    ("stg_grades__exam_sittings", "attempt", None, "expect_column_values_to_not_be_null", "attempt"),
    ("stg_grades__exam_sittings", "exam_form", None, "expect_column_values_to_not_be_null", "exam_form"),
    ("stg_grades__exam_sittings", "exam_date", None, "expect_column_values_to_not_be_null", "exam_date"),
    ("stg_grades__exam_sittings", "examiner_grades", ["12", "2"], "expect_column_values_to_match_regex", "examiner_grades"),
    ("stg_grades__exam_sittings", "examiner_grades", ["11"], "expect_column_values_to_match_regex", "examiner_grades"),
    ("stg_grades__exam_sittings", "censor_grades", ["13"], "expect_column_values_to_match_regex", "censor_grades"),
    ("stg_grades__exam_sittings", "censor_grades", ["10", ""], "expect_column_values_to_match_regex", "censor_grades"),
    ("stg_grades__exam_sittings", "reported_grade", "2", "expect_column_values_to_be_in_set", "reported_grade"),
    ("stg_grades__exam_sittings", "reported_grade", "5", "expect_column_values_to_be_in_set", "reported_grade"),
    ("stg_komvux__grades", "grade", "G", "expect_column_values_to_be_in_set", "grade"),
    ("stg_komvux__grades", "grade", "a", "expect_column_values_to_be_in_set", "grade"),
    ("stg_komvux__grades", "grade", None, "expect_column_values_to_not_be_null", "grade"),
    ("stg_komvux__grades", "grade_date", None, "expect_column_values_to_not_be_null", "grade_date"),
    ("stg_komvux__grades", "person_number_valid", False, "expect_column_values_to_be_in_set", "person_number_valid"),
    ("stg_komvux__groups", "term", "2025ST", "expect_column_values_to_match_regex", "term"),
    ("stg_komvux__groups", "group_name", "KC25VTMAT03B", "expect_column_values_to_match_regex", "group_name"),
    ("stg_komvux__groups", "starts_on", None, "expect_column_values_to_not_be_null", "starts_on"),
    ("stg_komvux__groups", "ends_on", None, "expect_column_values_to_not_be_null", "ends_on"),
    ("stg_komvux__groups", "starts_on", date(2025, 7, 1), "expect_column_pair_values_a_to_be_greater_than_b", "ends_on vs starts_on"),
    ("stg_komvux__groups", "ends_on", date(2025, 7, 1), "expect_column_pair_values_a_to_be_greater_than_b", "term_ends_on vs ends_on"),
]  # fmt: skip


def staging_frame(suite: str, rows: list[dict[str, Any]]) -> pd.DataFrame:
    """The suite's columns read, through its own select, from an in-memory staging table."""
    con = staging_table(suite, rows)
    try:
        return read_frame(con, SOURCES[suite])
    finally:
        con.close()


def staging_table(suite: str, rows: list[dict[str, Any]]) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB holding `staging.<suite>` with these rows, numbered from line 1."""
    columns = TABLES[suite]
    con = duckdb.connect()
    try:
        con.execute("create schema staging")
        con.execute(
            f"create table staging.{suite} ("
            + ", ".join(f"{name} {kind}" for name, kind in columns.items())
            + ")"
        )
        for line, row in enumerate(rows, start=1):
            values = {"source_file": f"{suite}_test.csv", "source_line": line, **row}
            con.execute(
                f"insert into staging.{suite} values ({', '.join('?' for _ in columns)})",
                [values[name] for name in columns],
            )
    except Exception:
        con.close()
        raise
    return con


def test_every_suite_file_is_a_gx_suite_on_a_staging_model() -> None:
    files = sorted(SUITES_DIR.glob("*.json"))
    assert [p.stem for p in files] == sorted(TABLES)
    assert [s.name for s in load_suites()] == sorted(TABLES)
    for source in GX_SUITES:
        raw = json.loads(source.path.read_text(encoding="utf-8"))
        suite = source.suite()
        assert suite.name == raw["name"] == source.path.stem
        assert len(suite.expectations) == len(raw["expectations"])
        # The file is GX's own serialisation: building the suite and serialising it again gives
        # back the same expectations.
        reserialised = suite.to_json_dict()
        assert [(e["type"], e["kwargs"]) for e in reserialised["expectations"]] == [
            (e["type"], e["kwargs"]) for e in raw["expectations"]
        ]
        assert source.asset_key == ("staging", source.name)
        assert source.relation == f"staging.{source.name}"
        # The SQL check an expectation shadows, when it names one, exists.
        from dagster_project.checks.registry import CHECKS_BY_ID

        for expectation in raw["expectations"]:
            check_id = expectation.get("meta", {}).get("sql_check")
            assert check_id is None or check_id in CHECKS_BY_ID


def test_gx_checks_are_registered_on_the_staging_models() -> None:
    from dagster_project.definitions import defs

    graph = defs.get_repository_def().asset_graph
    for source in GX_SUITES:
        key = AssetCheckKey(AssetKey(list(source.asset_key)), source.check_name)
        assert key in graph.asset_check_keys
    specs = [spec for checks in gx_asset_checks for spec in checks.check_specs]
    assert len(specs) == len(GX_SUITES)
    assert not any(spec.blocking for spec in specs)


@pytest.mark.parametrize("suite", sorted(TABLES))
def test_suite_passes_on_good_rows(suite: str) -> None:
    frame = staging_frame(suite, GOOD[suite])
    result = validate_frame(SOURCES[suite], frame)
    assert result.success, failed_expectations(result)
    assert result.statistics["evaluated_expectations"] == len(SOURCES[suite].raw()["expectations"])


@pytest.mark.parametrize(
    ("suite", "column", "value", "expectation", "reported_on"),
    BAD_ROWS,
    ids=[f"{s}-{c}-{v}" for s, c, v, _, _ in BAD_ROWS],
)
def test_suite_fails_on_one_bad_row(
    suite: str, column: str, value: object, expectation: str, reported_on: str
) -> None:
    rows = [dict(row) for row in GOOD[suite]]
    rows[1][column] = value
    frame = staging_frame(suite, rows)
    result = validate_frame(SOURCES[suite], frame)
    assert not result.success
    failures = failed_expectations(result)
    assert [(f["expectation"], f["column"], f["unexpected_count"]) for f in failures] == [
        (expectation, reported_on, 1)
    ]
    # The failing row is named by file and line, never by a person.
    assert failures[0]["rows"] == [f"{suite}_test.csv:2"]


def test_every_suite_has_a_bad_row_for_each_expectation() -> None:
    covered = {(s, e, c) for s, _, _, e, c in BAD_ROWS}
    for source in GX_SUITES:
        for expectation in source.raw()["expectations"]:
            kwargs = expectation["kwargs"]
            column = kwargs.get("column") or f"{kwargs['column_A']} vs {kwargs['column_B']}"
            assert (source.name, expectation["type"], column) in covered


def test_gx_asset_checks_on_the_pipeline_warehouse(
    pipeline_run: PipelineRun, tmp_path: Path
) -> None:
    # `examwh run` ran the checks with the rest of the job: the Data Docs are published.
    published = pipeline_run.warehouse.parent / f"{pipeline_run.warehouse.stem}.published"
    assert (published / "gx_docs" / "index.html").is_file()
    # Run them again through Dagster on a copy, leaving the session warehouse untouched, with
    # one planted fault: a result code outside 0–6 on the first row of the first AMU file.
    warehouse = tmp_path / "copy.duckdb"
    shutil.copy(pipeline_run.warehouse, warehouse)
    with duckdb.connect(str(warehouse)) as con:
        con.execute(
            """update raw.amu_results set "Resultat" = '9'
            where source_file = 'amu_results_100001_2025Q3_20251020.csv' and source_line = 1"""
        )
    resource = WarehouseResource(
        warehouse_path=str(warehouse), landing_dir=str(pipeline_run.landing), min_cell=5
    )
    started = time.perf_counter()
    result = materialize(
        gx_asset_checks,
        resources={"warehouse": resource},
        selection=AssetSelection.all_asset_checks(),
    )
    elapsed = time.perf_counter() - started
    assert result.success
    evaluations = {e.check_name: e for e in result.get_asset_check_evaluations()}
    assert set(evaluations) == {source.check_name for source in GX_SUITES}
    for evaluation in evaluations.values():
        assert evaluation.asset_key == AssetKey(["staging", evaluation.check_name[len("gx_") :]])
        assert evaluation.severity == AssetCheckSeverity.WARN
        assert "error" not in evaluation.metadata
    amu = evaluations.pop("gx_stg_amu__participations")
    assert not amu.passed
    assert amu.metadata["rows"].value > 0
    assert amu.metadata["failed_expectations"].value == 1
    (failure,) = amu.metadata["failures"].value
    assert failure["column"] == "result_code"
    assert failure["rows"] == ["amu_results_100001_2025Q3_20251020.csv:1"]
    # The small landing tree has no grade lists or Komvux files: empty tables pass.
    assert all(evaluation.passed for evaluation in evaluations.values())
    index = DocsTarget.beside(tmp_path / "copy.published").index.read_text(encoding="utf-8")
    for source in GX_SUITES:
        assert source.name in index
    print(f"GX asset checks on the pipeline warehouse: {elapsed:.1f} s")


@pytest.mark.parametrize("suite", sorted(TABLES))
def test_a_table_validated_in_chunks_gives_the_whole_table_result(suite: str) -> None:
    """National tables are validated in chunks to bound memory; the merged result must be the one
    GX gives for the whole table: counts, percentages, success and the first failing rows."""
    bad = [(c, v) for s, c, v, _, _ in BAD_ROWS if s == suite]
    good = GOOD[suite]
    rows = [dict(good[i % len(good)]) for i in range(5_000)]
    # Each bad value twice, far apart, so failures fall in different chunks.
    for n, (column, value) in enumerate(bad):
        for line in (100 + n, 4_000 + n):
            rows[line][column] = value
    con = staging_table(suite, rows)
    try:
        source = SOURCES[suite]
        whole = validate_frame(source, read_frame(con, source))
        chunks = list(read_chunks(con, source, rows_per_chunk=2_048))
        chunked = validate_frames(source, chunks)
    finally:
        con.close()
    assert [len(c) for c in chunks] == [2_048, 2_048, 904]
    assert chunked.meta["chunks"] == 3
    assert chunked.success == whole.success is False
    assert chunked.statistics == pytest.approx(whole.statistics)
    assert failed_expectations(chunked) == failed_expectations(whole)
    for merged, direct in zip(chunked.results, whole.results, strict=True):
        for key in ("element_count", "missing_count", "unexpected_count"):
            assert merged.result.get(key) == direct.result.get(key), key
        assert merged.result.get("unexpected_percent") == pytest.approx(
            direct.result.get("unexpected_percent")
        )
        assert merged.result.get("partial_unexpected_index_list") == direct.result.get(
            "partial_unexpected_index_list"
        )


def test_an_empty_table_is_validated_once() -> None:
    con = staging_table("stg_komvux__groups", [])
    try:
        chunks = list(read_chunks(con, SOURCES["stg_komvux__groups"]))
    finally:
        con.close()
    assert [len(c) for c in chunks] == [0]
    assert validate_frames(SOURCES["stg_komvux__groups"], chunks).success


def test_results_of_a_table_level_expectation_are_not_added_up() -> None:
    from great_expectations.expectations.expectation_configuration import (
        ExpectationConfiguration,
    )

    source = SOURCES["stg_komvux__grades"]
    result = validate_frame(source, staging_frame("stg_komvux__grades", GOOD["stg_komvux__grades"]))
    result.results[0].expectation_config = ExpectationConfiguration(
        type="expect_table_row_count_to_equal", kwargs={"value": 3}
    )
    with pytest.raises(ValueError, match="not row-wise"):
        merge_results([result, result])


def test_chunked_validation_writes_one_data_docs_result(tmp_path: Path) -> None:
    source = SOURCES["stg_komvux__grades"]
    frame = staging_frame("stg_komvux__grades", GOOD["stg_komvux__grades"])
    docs = DocsTarget.beside(tmp_path)
    validate_frames(
        source, [frame, frame, frame], docs=docs, run_name="chunked", all_sources=GX_SUITES
    )
    stored = list((docs.results_dir / source.name).rglob("*.json"))
    assert len(stored) == 1
    assert json.loads(stored[0].read_text(encoding="utf-8"))["meta"]["chunks"] == 3
    assert source.name in docs.index.read_text(encoding="utf-8")
