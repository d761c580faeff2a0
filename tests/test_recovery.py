"""A run killed at any stage, then run again, leaves exactly what a clean run leaves."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pytest

from dagster_project.publish import current_publication
from tests.conftest import build_small_landing, run_examwh

pytestmark = pytest.mark.slow


def snapshot(warehouse: Path) -> dict[str, list[tuple]]:
    """Everything a reader relies on, without the timestamps of when it was computed."""
    with duckdb.connect(str(warehouse), read_only=True) as con:
        marts = con.execute(
            "select table_name from information_schema.tables where table_schema = 'marts' order by 1"
        ).fetchall()
        state = {
            f"marts.{t}": sorted(con.execute(f"select * from marts.{t}").fetchall(), key=repr)
            for (t,) in marts
        }
        state["failures"] = sorted(
            con.execute(
                "select check_id, severity, feed, institution_id, source_file, source_line, "
                "record_key, detail, resolved_at is null from quality.check_failures"
            ).fetchall(),
            key=repr,
        )
        state["quarantined"] = sorted(
            con.execute(
                "select feed, source_file, reason from quality.quarantined_files"
            ).fetchall()
        )
        state["raw"] = con.execute(
            "select count(*), count(distinct source_file) from raw.amu_results"
        ).fetchall()
    return state


def environment() -> dict[str, str]:
    return {**os.environ, "EXAMWH_PSEUDONYM_KEY": "recovery-test-key", "EXAMWH_MIN_CELL": "5"}


@pytest.fixture(scope="module")
def clean_state(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple]]:
    root = tmp_path_factory.mktemp("clean")
    build_small_landing(root / "landing")
    result = run_examwh(root / "landing", root / "w.duckdb", environment())
    assert result.returncode == 0, result.stderr[-2000:]
    return snapshot(root / "w.duckdb")


@pytest.mark.parametrize("stage", ["ingest:2", "dbt", "checks", "publish"])
def test_killed_run_recovers_to_the_clean_result(stage: str, tmp_path: Path, clean_state) -> None:
    build_small_landing(tmp_path / "landing")
    warehouse = tmp_path / "w.duckdb"
    killed = run_examwh(
        tmp_path / "landing", warehouse, {**environment(), "EXAMWH_CRASH_AT": stage}
    )
    assert killed.returncode != 0, f"the run was not killed at {stage}"
    rerun = run_examwh(tmp_path / "landing", warehouse, environment())
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    assert snapshot(warehouse) == clean_state
    published = current_publication(tmp_path / "w.published")
    assert published is not None and (published / "marts.amu_certificate_rates.parquet").exists()
    # A publication interrupted before its swap leaves no half-written directory behind.
    assert not list((tmp_path / "w.published").glob(".incoming-*"))
