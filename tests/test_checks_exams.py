"""The grade, censor, complaint, FVU and Komvux checks on a landing tree with exactly one planted
fault per check (tests/landing_faults.py): each found at its file and line (or set key), nothing
else flagged, and no person number in any failure."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

from dagster_project.checks.registry import CHECKS_BY_ID, QUALITY_CHECKS
from tests.conftest import run_examwh
from tests.landing_faults import FaultLanding, build_fault_landing


@dataclass(frozen=True)
class FaultRun:
    landing: FaultLanding
    failures: list[tuple[str, str, str, str, str, str]]


@pytest.fixture(scope="module")
def fault_run(tmp_path_factory: pytest.TempPathFactory) -> FaultRun:
    root = tmp_path_factory.mktemp("faults")
    landing = build_fault_landing(root / "landing")
    warehouse = root / "w.duckdb"
    env = {**os.environ, "EXAMWH_PSEUDONYM_KEY": "fault-tree-test-key-42"}
    result = run_examwh(landing.root, warehouse, env)
    assert result.returncode == 0, result.stderr[-3000:]
    with duckdb.connect(str(warehouse), read_only=True) as con:
        quarantined = con.execute("select count(*) from quality.quarantined_files").fetchone()
        assert quarantined == (0,), "every fault-tree file must load"
        failures = con.execute(
            """
            select check_id, coalesce(source_file, ''), coalesce(cast(source_line as varchar), ''),
                   coalesce(record_key, ''), severity, detail
            from quality.check_failures where resolved_at is null
            """
        ).fetchall()
    return FaultRun(landing, failures)


def test_every_exam_check_has_one_planted_fault() -> None:
    landing = build_fault_landing(Path("/nonexistent-never-written"))  # only reads `expected`
    planted = {check for check, _, _ in landing.expected}
    exam_checks = {c.check_id for c in QUALITY_CHECKS if not c.check_id.startswith("amu.")}
    assert planted == exam_checks
    assert len(landing.expected) == len(exam_checks) == 16


def test_each_check_finds_its_fault_and_nothing_else(fault_run: FaultRun) -> None:
    found = {
        (check, source_file, line) if source_file else (check, "", key)
        for check, source_file, line, key, _, _ in fault_run.failures
    }
    assert len(found) == len(fault_run.failures), "one failure per row or set"
    assert sorted(found - fault_run.landing.expected) == [], "flagged a clean row or set"
    assert sorted(fault_run.landing.expected - found) == [], "missed a planted fault"


def test_failures_carry_the_registry_severity(fault_run: FaultRun) -> None:
    for check, _, _, _, severity, _ in fault_run.failures:
        assert severity == CHECKS_BY_ID[check].severity, check
    severities = {f[0]: f[4] for f in fault_run.failures}
    assert severities["censor.not_appointed"] == "warning"
    assert severities["grade.invalid"] == "error"


def test_details_say_what_is_wrong_without_person_numbers(fault_run: FaultRun) -> None:
    details = {f[0]: f[5] for f in fault_run.failures}
    assert "13" in details["grade.invalid"]
    assert "give 10" in details["grade.final_inconsistent"]
    assert "C202" in details["censor.same_institution"]
    assert "C299" in details["censor.not_appointed"]
    assert "9 working days" in details["fvu.grading_late"]
    assert "used 4 times" in details["fvu.exam_set_overuse"]
    assert "expected PRÖ:KC25VTENG05" in details["komvux.group_name_invalid"]
    assert "T5, T6" in details["komvux.group_teachers"]
    everything = " ".join(str(v) for row in fault_run.failures for v in row)
    for number in fault_run.landing.person_numbers:
        assert number not in everything
        assert number.replace("-", "") not in everything
