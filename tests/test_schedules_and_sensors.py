"""The reporting calendar and the landing sensor request the right partitions."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from dagster import DagsterInstance, build_schedule_context, build_sensor_context

from dagster_project.resources import WarehouseResource
from dagster_project.schedules import amu_quarterly_schedule, exam_terms_schedule
from dagster_project.sensors import landing_sensor
from tests.landing import amu_row, cpr, write_amu, write_csv

CPH = ZoneInfo("Europe/Copenhagen")


def test_amu_schedule_on_2026_10_01_requests_2026_q3() -> None:
    context = build_schedule_context(scheduled_execution_time=datetime(2026, 10, 1, tzinfo=CPH))
    request = amu_quarterly_schedule(context)
    assert request.partition_key == "2026-07-01"


def test_amu_schedule_at_its_own_tick_requests_the_quarter_just_ended() -> None:
    context = build_schedule_context(scheduled_execution_time=datetime(2027, 2, 1, 6, tzinfo=CPH))
    assert amu_quarterly_schedule(context).partition_key == "2026-10-01"


def test_terms_schedule_requests_the_quarters_the_terms_end_in() -> None:
    february = build_schedule_context(scheduled_execution_time=datetime(2027, 2, 15, 6, tzinfo=CPH))
    august = build_schedule_context(scheduled_execution_time=datetime(2027, 8, 15, 6, tzinfo=CPH))
    assert [r.partition_key for r in exam_terms_schedule(february)] == ["2026-10-01", "2027-01-01"]
    assert [r.partition_key for r in exam_terms_schedule(august)] == ["2027-04-01"]


def _evaluate(landing: Path, cursor: str | None):
    resource = WarehouseResource(
        warehouse_path=str(landing.parent / "w.duckdb"), landing_dir=str(landing)
    )
    with DagsterInstance.ephemeral() as instance:
        context = build_sensor_context(
            cursor=cursor, instance=instance, resources={"warehouse": resource}
        )
        return landing_sensor(context)


def test_sensor_requests_a_run_per_quarter_of_new_deliveries_and_then_waits(tmp_path: Path) -> None:
    landing = tmp_path / "landing"
    row = amu_row("1", "01-07-2025", "03-07-2025", cpr(1, 1, 80, 1000))
    write_amu(landing, "amu_results_100001_2025Q3_20251015.csv", [row])
    write_amu(landing, "amu_results_100002_2025Q2_20250715.csv", [row])
    write_csv(landing / "grades" / "grades_100001_2025-S_20250701.csv", ["x"], [["y"]])

    first = _evaluate(landing, None)
    assert sorted(r.partition_key for r in first.run_requests) == ["2025-04-01", "2025-07-01"]

    quiet = _evaluate(landing, first.cursor)
    assert "no new deliveries" in str(quiet)

    corrected = write_amu(landing, "amu_results_100001_2025Q3_20251101.csv", [row])
    stat = corrected.stat()
    os.utime(corrected, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    again = _evaluate(landing, first.cursor)
    assert [r.partition_key for r in again.run_requests] == ["2025-07-01"]
