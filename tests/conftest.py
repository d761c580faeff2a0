"""Shared fixtures: one real `examwh run` over a small landing tree, reused by several tests."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.landing import amu_row, cpr, source_document_screen, write_amu, write_csv

EXAMWH = str(Path(sys.executable).with_name("examwh"))


@dataclass(frozen=True)
class PipelineRun:
    landing: Path
    warehouse: Path
    env: dict[str, str]
    output: str


def build_small_landing(landing: Path) -> None:
    """A landing tree whose expected marts can be worked out by hand (see test_pipeline.py)."""
    # Institution 100001, 2025Q3: course 49360 with 6 certificates and 1 result missing;
    # course 40010 with 5 code-4 results.
    rows = [
        amu_row("A1", "01-07-2025", "04-07-2025", cpr(i + 1, 6, 81, 1300 + i), result="1")
        for i in range(6)
    ]
    rows.append(amu_row("A1", "01-07-2025", "04-07-2025", cpr(7, 6, 81, 1306), result="0"))
    rows += [
        amu_row(
            "A2",
            "01-09-2025",
            "02-09-2025",
            cpr(i + 1, 7, 82, 1400 + i),
            fagkode="40010",
            title="Praktisk gaffeltruck",
            fkb="2767",
            result="4",
        )
        for i in range(5)
    ]
    write_amu(landing, "amu_results_100001_2025Q3_20251020.csv", rows)
    # Institution 100002, 2025Q3: a first delivery, superseded by a corrected one that registers
    # the results and deletes one participation that was never held.
    first = [
        amu_row("B1", "08-09-2025", "12-09-2025", cpr(i + 1, 8, 83, 1500 + i), result="0")
        for i in range(8)
    ]
    write_amu(
        landing, "amu_results_100002_2025Q3_20251005.csv", first, encoding="cp1252", delimiter="\t"
    )
    corrected = [[*r[:9], "1", "15-09-2025 10:30"] for r in first[:7]]
    write_amu(landing, "amu_results_100002_2025Q3_20251025.csv", corrected, encoding="utf-8-sig")
    # The source document's own screen, delivered as a Windows-1252 tab-separated file.
    write_amu(
        landing,
        "amu_results_200001_2019Q3_20191010.csv",
        source_document_screen(),
        encoding="cp1252",
        delimiter="\t",
        newline="\r\n",
    )
    # A file whose header does not match its feed.
    write_csv(
        landing / "amu" / "amu_results_100003_2025Q3_20251020.csv",
        ["Hold", "Cpr-nummer"],
        [["1", cpr(1, 1, 80, 1000)]],
    )


def run_examwh(
    landing: Path, warehouse: Path, env: dict[str, str]
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [EXAMWH, "run", "--landing", str(landing), "--warehouse", str(warehouse)],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


@pytest.fixture(scope="session")
def pipeline_run(tmp_path_factory: pytest.TempPathFactory) -> PipelineRun:
    root = tmp_path_factory.mktemp("pipeline")
    landing = root / "landing"
    build_small_landing(landing)
    warehouse = root / "warehouse.duckdb"
    env = {**os.environ, "EXAMWH_PSEUDONYM_KEY": "pipeline-test-key", "EXAMWH_MIN_CELL": "5"}
    result = run_examwh(landing, warehouse, env)
    assert result.returncode == 0, result.stderr[-3000:]
    return PipelineRun(landing, warehouse, env, result.stdout + result.stderr)


@pytest.fixture(scope="session")
def dashboard_run(tmp_path_factory: pytest.TempPathFactory) -> PipelineRun:
    """Every feed published from the generated demo data (one year, with its planted faults):
    what a newcomer sees after the README's first command."""
    from dagster_project.generator import generate

    root = tmp_path_factory.mktemp("dashboard")
    landing = root / "landing"
    generate(landing, scale="demo", seed=7, years=1, fault_rate=0.01)
    warehouse = root / "warehouse.duckdb"
    env = {**os.environ, "EXAMWH_PSEUDONYM_KEY": "dashboard-test-key-0123", "EXAMWH_MIN_CELL": "5"}
    result = run_examwh(landing, warehouse, env)
    assert result.returncode == 0, result.stderr[-3000:]
    return PipelineRun(landing, warehouse, env, result.stdout + result.stderr)
