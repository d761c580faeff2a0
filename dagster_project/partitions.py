"""The reporting cycle as Dagster partitions: one partition per calendar quarter.

Every feed is partitioned by the quarter its delivery reports into: AMU by its own quarter, a term
by the quarter in which the term ends (Danish S term May–June → Q2, V term December–January →
Q1 of the next year; Swedish VT → Q2, HT → Q4) and the censor register by the quarter it was
extracted in. One definition for all feeds because a Dagster run targets one partition range of
one partitions definition (dagster-io/dagster#22376), and `examwh run` is one run over them all.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from dagster import TimeWindowPartitionsDefinition

QUARTER_CRON = "0 0 1 1,4,7,10 *"
FIRST_QUARTER = "2010-01-01"

reporting_quarters = TimeWindowPartitionsDefinition(
    cron_schedule=QUARTER_CRON,
    start=FIRST_QUARTER,
    fmt="%Y-%m-%d",
    timezone="Europe/Copenhagen",
    # The quarter under way and the next have partitions: a V term's December exams are
    # delivered before the quarter its term ends in (Q1) has begun.
    end_offset=2,
)

_QUARTER = re.compile(r"(\d{4})Q([1-4])")
_DK_TERM = re.compile(r"(\d{4})-([SV])")
_SE_TERM = re.compile(r"(\d{4})(VT|HT)")


def quarter_label(partition_key: str) -> str:
    """`2026-07-01` → `2026Q3`."""
    day = date.fromisoformat(partition_key)
    return f"{day.year}Q{(day.month - 1) // 3 + 1}"


def partition_key(quarter: str) -> str:
    """`2026Q3` → `2026-07-01`."""
    match = _QUARTER.fullmatch(quarter)
    if not match:
        raise ValueError(f"not a quarter: {quarter!r} (expected e.g. 2025Q3)")
    year, q = int(match[1]), int(match[2])
    return date(year, 3 * (q - 1) + 1, 1).isoformat()


def quarter_of_day(day: date) -> str:
    return f"{day.year}Q{(day.month - 1) // 3 + 1}"


def reporting_quarter(period: str | None, extracted: date) -> str:
    """The quarter a delivery reports into, from its file-name period (or extraction date)."""
    if period is None:
        return quarter_of_day(extracted)
    if _QUARTER.fullmatch(period):
        return period
    if match := _DK_TERM.fullmatch(period):
        year = int(match[1])
        return f"{year}Q2" if match[2] == "S" else f"{year + 1}Q1"
    if match := _SE_TERM.fullmatch(period):
        return f"{match[1]}Q2" if match[2] == "VT" else f"{match[1]}Q4"
    raise ValueError(f"unknown period {period!r}")


def last_complete_quarter(moment: datetime) -> str:
    """The quarter that ended most recently before `moment`."""
    q = (moment.month - 1) // 3 + 1
    return f"{moment.year - 1}Q4" if q == 1 else f"{moment.year}Q{q - 1}"


def period_start(period: str | None) -> date | None:
    """First day of a file-name period: a quarter, a Danish term (S May, V December) or a
    Swedish term (VT January, HT July)."""
    if period is None:
        return None
    if match := _QUARTER.fullmatch(period):
        return date(int(match[1]), 3 * (int(match[2]) - 1) + 1, 1)
    if match := _DK_TERM.fullmatch(period):
        return date(int(match[1]), 5 if match[2] == "S" else 12, 1)
    if match := _SE_TERM.fullmatch(period):
        return date(int(match[1]), 1 if match[2] == "VT" else 7, 1)
    raise ValueError(f"unknown period {period!r}")
