"""End to end: `examwh run` on a small exam landing tree (tests/landing_exams.py), the exam,
Komvux and AMU marts checked against figures worked out by hand."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pytest

from tests.conftest import run_examwh
from tests.landing_exams import (
    AMU_FILE,
    FVU_FILE,
    GRADES_FILE,
    PINGPONG_FILE,
    ExamLanding,
    build_exam_landing,
)

pytestmark = pytest.mark.slow

MIN_CELL = 5


@dataclass(frozen=True)
class ExamRun:
    landing: ExamLanding
    warehouse: Path


@pytest.fixture(scope="module")
def exam_run(tmp_path_factory: pytest.TempPathFactory) -> ExamRun:
    root = tmp_path_factory.mktemp("exams")
    landing = build_exam_landing(root / "landing")
    warehouse = root / "warehouse.duckdb"
    env = {
        **os.environ,
        "EXAMWH_PSEUDONYM_KEY": "exam-models-test-key",
        "EXAMWH_MIN_CELL": str(MIN_CELL),
    }
    result = run_examwh(root / "landing", warehouse, env)
    assert result.returncode == 0, result.stderr[-3000:]
    return ExamRun(landing, warehouse)


def query(run: ExamRun, sql: str) -> list[tuple]:
    with duckdb.connect(str(run.warehouse), read_only=True) as con:
        return con.execute(sql).fetchall()


def test_exam_results_carry_the_derived_final_grade(exam_run: ExamRun) -> None:
    rows = query(
        exam_run,
        f"select source_line, final_grade, passed, status from marts.exam_results "
        f"where source_file = '{GRADES_FILE}' order by source_line",
    )
    assert {line: final for line, final, _, _ in rows} == exam_run.landing.expected_final
    by_line = {line: (passed, status) for line, _, passed, status in rows}
    assert by_line[16] == (False, "absent")
    assert by_line[17] == (None, "assessed")  # invalid token: no grade, outcome unknown


def test_only_the_latest_delivery_counts(exam_run: ExamRun) -> None:
    files = query(
        exam_run,
        "select source_file, count(*) from marts.exam_results group by 1 order by 1",
    )
    assert files == [(GRADES_FILE, 17), (FVU_FILE, 8)]


def test_pass_fail_and_one_assessor_exams(exam_run: ExamRun) -> None:
    rows = query(
        exam_run,
        f"select source_line, education, exam_form, final_grade, passed, person_key is not null "
        f"from marts.exam_results where source_file = '{FVU_FILE}' order by source_line",
    )
    assert [r[3] for r in rows] == ["B"] * 5 + ["IB", "02", "10"]
    assert [r[4] for r in rows] == [True] * 5 + [False, True, True]
    assert rows[5][1:3] == ("FVU", "written")
    assert rows[7][2] == "digital"
    assert all(r[5] for r in rows)  # the exam number is pseudonymised too


def test_grade_distribution_suppresses_small_cells(exam_run: ExamRun) -> None:
    rows = query(
        exam_run,
        "select term, education, subject, exam_form, grade, students, share, suppressed "
        "from marts.grade_distribution order by education, subject, exam_form, grade_order",
    )
    assert rows == [
        ("2025-S", "FP9", "Dansk", "oral", "10", 5, 0.3333, False),
        ("2025-S", "FP9", "Dansk", "oral", "7", 8, 0.5333, False),
        ("2025-S", "FP9", "Dansk", "oral", "4", None, None, True),
        ("2025-S", "FP9", "Matematik", "digital", "10", None, None, True),
        ("2025-S", "FP9", "Matematik", "written", "02", None, None, True),
        ("2025-S", "FVU", "FVU-matematik", "written", "B", 5, 0.8333, False),
        ("2025-S", "FVU", "FVU-matematik", "written", "IB", None, None, True),
    ]


def test_exam_outcomes_and_censor_disagreement(exam_run: ExamRun) -> None:
    outcomes = query(
        exam_run,
        "select sittings, sittings_graded, sittings_passed, pass_rate, mean_grade, suppressed "
        "from marts.exam_outcomes where institution_id = '300001' and subject = 'Dansk'",
    )
    # 8 × 7, 5 × 10 and 2 × 4 graded; one absent and one with an invalid token.
    assert outcomes == [(17, 15, 15, 1.0, 7.6, False)]
    disagreement = query(
        exam_run,
        "select sittings_both_sides, sittings_disagreeing, censor_higher, examiner_higher, "
        "disagreement_rate, suppressed from marts.censor_disagreement where subject = 'Dansk'",
    )
    # Both sides graded on 14 sittings; 2 with the censor higher, 3 with the examiner higher.
    assert disagreement == [(14, 5, None, None, 0.3571, True)]


def test_komvux_provning_results(exam_run: ExamRun) -> None:
    rows = query(
        exam_run,
        "select term, unit, course_code, grade, exam_date::varchar, grade_date::varchar, "
        "source_file, source_line, person_key is not null "
        "from marts.komvux_provning_results order by source_line",
    )
    assert [r[3] for r in rows] == ["A", "C", "C", "E", "F", "E"]
    assert {r[:3] for r in rows} == {("2025VT", "KC", "MATMAT03b")}
    assert {r[4] for r in rows} == {"2025-05-20"}
    assert [r[5] for r in rows] == ["2025-05-20"] * 5 + ["2025-05-27"]
    assert [(r[6], r[7]) for r in rows] == [(PINGPONG_FILE, i) for i in range(1, 7)]
    assert all(r[8] for r in rows)
    course = query(
        exam_run,
        "select provningar, provningar_passed, grade_a, grade_f, pass_rate, mean_merit_points, "
        "suppressed from marts.komvux_course_results",
    )
    assert course == [(6, 5, None, None, 0.8333, 11.67, True)]


def test_amu_duplicate_participation_counts_once(exam_run: ExamRun) -> None:
    rates = query(
        exam_run,
        "select participations, results_registered, certificates_issued, certificate_rate "
        "from marts.amu_certificate_rates where institution_id = '100009'",
    )
    assert rates == [(6, 6, 6, 1.0)]
    history = query(
        exam_run,
        "select count(*), count(*) filter (where dbt_valid_to is null), "
        "count(distinct participation_key) from snapshots.amu_results_history "
        f"where source_file = '{AMU_FILE}'",
    )
    assert history == [(6, 6, 6)]


def test_trends_across_educations(exam_run: ExamRun) -> None:
    rows = query(
        exam_run,
        "select year, education, assessments, passed, pass_rate from marts.exam_result_trends "
        "order by education",
    )
    assert rows == [
        (2025, "AMU", 6, 6, 1.0),
        (2025, "FP9", 17, 17, 1.0),
        (2025, "FVU", 6, 5, 0.8333),
        (2025, "KOMVUX", 6, 5, 0.8333),
    ]


def test_no_person_number_in_any_text_column(exam_run: ExamRun) -> None:
    numbers = exam_run.landing.person_numbers
    assert len(numbers) > 40
    # Both the delivered spelling and the digits alone, with and without the separator.
    needles = sorted({n for p in numbers for n in (p, re.sub(r"\D", "", p))})
    pattern = "|".join(re.escape(n) for n in needles)
    with duckdb.connect(str(exam_run.warehouse), read_only=True) as con:
        columns = con.execute(
            "select table_schema, table_name, column_name from information_schema.columns "
            "where data_type = 'VARCHAR' or data_type like 'VARCHAR[]%'"
        ).fetchall()
        assert len(columns) > 100
        leaks = []
        for schema, table, column in columns:
            hits = con.execute(
                f'select count(*) from "{schema}"."{table}" '
                f'where regexp_matches(cast("{column}" as varchar), $p)',
                {"p": pattern},
            ).fetchone()[0]
            if hits:
                leaks.append(f"{schema}.{table}.{column}")
    assert leaks == []


def test_no_published_count_between_one_and_min_cell(exam_run: ExamRun) -> None:
    with duckdb.connect(str(exam_run.warehouse), read_only=True) as con:
        aggregates = [
            t
            for (t,) in con.execute(
                "select table_name from information_schema.columns "
                "where table_schema = 'marts' and column_name = 'suppressed'"
            ).fetchall()
        ]
        assert len(aggregates) >= 8
        checked = 0
        for table in aggregates:
            counts = con.execute(
                "select column_name from information_schema.columns "
                "where table_schema = 'marts' and table_name = $t "
                "and data_type in ('BIGINT', 'HUGEINT', 'INTEGER') "
                "and column_name not in ('year', 'grade_order')",
                {"t": table},
            ).fetchall()
            for (column,) in counts:
                small = con.execute(
                    f'select count(*) from marts."{table}" where "{column}" between 1 and $m',
                    {"m": MIN_CELL - 1},
                ).fetchone()[0]
                assert small == 0, f"marts.{table}.{column} shows a count below {MIN_CELL}"
                checked += 1
        suppressed = con.execute(
            "select count(*) from marts.grade_distribution where suppressed"
        ).fetchone()[0]
    assert checked >= 25
    assert suppressed == 4


def test_snapshot_records_changed_and_deleted_results(tmp_path: Path) -> None:
    landing = build_exam_landing(tmp_path / "landing")
    warehouse = tmp_path / "warehouse.duckdb"
    env = {**os.environ, "EXAMWH_PSEUDONYM_KEY": "exam-models-test-key", "EXAMWH_MIN_CELL": "5"}
    assert run_examwh(landing.root, warehouse, env).returncode == 0
    # A corrected delivery: the first participant failed after all, the last one was never held.
    original = (landing.root / "amu" / AMU_FILE).read_text(encoding="utf-8").splitlines()
    header, rows = original[0], original[1:6]
    first = rows[0].split(";")
    first[9] = "4"
    corrected = [header, ";".join(first), *rows[1:5]]
    (landing.root / "amu" / AMU_FILE.replace("20251020", "20251101")).write_text(
        "\n".join(corrected) + "\n", encoding="utf-8"
    )
    assert run_examwh(landing.root, warehouse, env).returncode == 0
    with duckdb.connect(str(warehouse), read_only=True) as con:
        versions = con.execute(
            "select result_code, dbt_valid_to is null from snapshots.amu_results_history "
            "where institution_id = '100009' order by participation_key, dbt_valid_from"
        ).fetchall()
        current = con.execute(
            "select count(*), count(*) filter (where result_code = 4) "
            "from snapshots.amu_results_history where institution_id = '100009' "
            "and dbt_valid_to is null"
        ).fetchone()
    # Six participations seen first; one changed (a second version), one deleted (closed).
    assert len(versions) == 7
    assert current == (5, 1)
    assert sorted(v for v in versions if not v[1]) == [(1, False), (1, False)]
