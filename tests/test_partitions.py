"""Which reporting quarter a delivery belongs to."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from dagster_project.partitions import (
    last_complete_quarter,
    partition_key,
    period_start,
    quarter_label,
    reporting_quarter,
    reporting_quarters,
)


@pytest.mark.parametrize(
    ("period", "quarter"),
    [
        ("2025Q3", "2025Q3"),
        ("2025-S", "2025Q2"),  # May–June term ends in Q2
        ("2025-V", "2026Q1"),  # December–January term ends in January
        ("2025VT", "2025Q2"),
        ("2025HT", "2025Q4"),
        (None, "2025Q4"),  # the censor register: its extraction quarter
    ],
)
def test_reporting_quarter(period: str | None, quarter: str) -> None:
    assert reporting_quarter(period, date(2025, 11, 3)) == quarter


def test_partition_keys_round_trip_and_are_quarters_of_the_partitions_definition() -> None:
    assert partition_key("2026Q3") == "2026-07-01"
    assert quarter_label("2026-07-01") == "2026Q3"
    keys = reporting_quarters.get_partition_keys(current_time=datetime(2026, 11, 22))
    assert keys[0] == "2010-01-01"
    assert "2026-07-01" in keys and "2026-10-01" in keys and "2027-01-01" in keys
    assert all(date.fromisoformat(k).month in (1, 4, 7, 10) for k in keys)


def test_period_start_and_last_complete_quarter() -> None:
    assert period_start("2025-V") == date(2025, 12, 1)
    assert period_start("2025HT") == date(2025, 7, 1)
    assert last_complete_quarter(datetime(2026, 10, 1)) == "2026Q3"
    assert last_complete_quarter(datetime(2027, 1, 1)) == "2026Q4"
