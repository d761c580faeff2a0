"""What the report for one quarter shows, read from a publication's Parquet files."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import duckdb
import pandas as pd

_QUARTER = re.compile(r"(\d{4})Q([1-4])")


class UnknownPeriod(ValueError):
    """The period is not a quarter, or nothing is published for it."""


@dataclass(frozen=True)
class ReportData:
    quarter: str
    exam_terms: list[str]
    komvux_terms: list[str]
    amu_totals: pd.DataFrame  # this quarter and the same quarter a year earlier
    amu_rates: pd.DataFrame
    grade_distribution: pd.DataFrame
    exam_outcomes: pd.DataFrame
    komvux_results: pd.DataFrame
    quality: pd.DataFrame


def terms_ending_in(quarter: str) -> tuple[list[str], list[str]]:
    """Danish and Swedish terms that end in the quarter (the S term and VT in Q2, the V term
    that began the December before in Q1, HT in Q4)."""
    year, q = int(quarter[:4]), int(quarter[-1])
    danish = {1: [f"{year - 1}-V"], 2: [f"{year}-S"]}.get(q, [])
    swedish = {2: [f"{year}VT"], 4: [f"{year}HT"]}.get(q, [])
    return danish, swedish


def load(publication: Path, quarter: str) -> ReportData:
    if not _QUARTER.fullmatch(quarter):
        raise UnknownPeriod(f"period {quarter!r} is not a quarter like 2025Q3")
    manifest = json.loads((publication / "manifest.json").read_text(encoding="utf-8"))
    con = duckdb.connect()
    for name, entry in manifest["tables"].items():
        schema, table = name.split(".", 1)
        con.execute(f'create schema if not exists "{schema}"')
        path = str(publication / entry["file"]).replace("'", "''")
        con.execute(f'create view "{schema}"."{table}" as select * from read_parquet(\'{path}\')')

    def frame(sql: str, params: list[object], table: str) -> pd.DataFrame:
        if table not in manifest["tables"]:
            return pd.DataFrame()
        return con.execute(sql, params).df()

    year, q = int(quarter[:4]), quarter[-1]
    year_before = f"{year - 1}Q{q}"
    danish, swedish = terms_ending_in(quarter)
    data = ReportData(
        quarter=quarter,
        exam_terms=danish,
        komvux_terms=swedish,
        amu_totals=frame(
            "select * from marts.amu_quarterly_totals where quarter in (?, ?) order by quarter",
            [year_before, quarter],
            "marts.amu_quarterly_totals",
        ),
        amu_rates=frame(
            "select * from marts.amu_certificate_rates where quarter = ? order by institution_id, fagkode",
            [quarter],
            "marts.amu_certificate_rates",
        ),
        grade_distribution=frame(
            "select * from marts.grade_distribution where list_contains(?::varchar[], term) "
            "order by term, education, subject, exam_form, grade_order",
            [danish],
            "marts.grade_distribution",
        ),
        exam_outcomes=frame(
            "select * from marts.exam_outcomes where list_contains(?::varchar[], term) order by all",
            [danish],
            "marts.exam_outcomes",
        ),
        komvux_results=frame(
            "select * from marts.komvux_course_results where list_contains(?::varchar[], term) order by all",
            [swedish],
            "marts.komvux_course_results",
        ),
        quality=frame(
            "select check_id, severity, feed, count(*) as open_failures, "
            "count(distinct institution_id) as institutions from quality.check_failures "
            "where resolved_at is null group by all order by open_failures desc",
            [],
            "quality.check_failures",
        ),
    )
    con.close()
    if all(f.empty for f in (data.amu_rates, data.exam_outcomes, data.komvux_results)):
        raise UnknownPeriod(f"nothing is published for {quarter}")
    return data
