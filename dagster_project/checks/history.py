"""`quality.check_failures` as a history: first seen, last seen, resolved.

A failure is identified by its check id and failure key. Found again: `last_seen_at` moves on and
its location follows the newest delivery. No longer found: `resolved_at` is set. Found again after
being resolved: it reopens. All of it is set-based SQL in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import duckdb
import holidays

from dagster_project.checks.registry import QualityCheck
from dagster_project.crash_points import crash_point

FAILURE_COLUMNS = """
    check_id varchar, severity varchar, feed varchar, institution_id varchar,
    source_file varchar, source_line bigint, record_key varchar, failure_key varchar,
    detail varchar, first_seen_at timestamp, last_seen_at timestamp, resolved_at timestamp
"""


@dataclass(frozen=True)
class CheckOutcome:
    check_id: str
    open_failures: int
    new_failures: int
    resolved_now: int


def ensure_failures_table(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("create schema if not exists quality")
    con.execute(f"create table if not exists quality.check_failures ({FAILURE_COLUMNS})")


def create_danish_holidays(con: duckdb.DuckDBPyConnection, first_year: int = 1990) -> None:
    """`_danish_holidays(day date)`: the Danish public holidays that fvu.grading_late skips when it
    counts working days. A temp table, so the calendar follows the installed `holidays` package
    rather than a seed that would go stale."""
    years = range(first_year, datetime.now(UTC).year + 11)
    con.execute("create or replace temp table _danish_holidays (day date primary key)")
    con.execute(
        "insert into _danish_holidays select distinct unnest($days)",
        {"days": sorted(holidays.Denmark(years=years))},
    )


def evaluate_checks(
    con: duckdb.DuckDBPyConnection, checks: tuple[QualityCheck, ...]
) -> list[CheckOutcome]:
    ensure_failures_table(con)
    create_danish_holidays(con)
    now = datetime.now(UTC).replace(tzinfo=None)
    con.execute(
        "create or replace temp table _found (check_id varchar, severity varchar, feed varchar, "
        "institution_id varchar, source_file varchar, source_line bigint, record_key varchar, "
        "failure_key varchar, detail varchar)"
    )
    for check in checks:
        con.execute(
            f"""
            insert into _found
            select distinct on (failure_key) $id, $severity, $feed, institution_id, source_file,
                   source_line, record_key,
                   coalesce(failure_key, concat_ws('|', source_file, source_line, record_key)), detail
            from ({check.sql()}) as found
            order by failure_key, source_file, source_line
            """,
            {"id": check.check_id, "severity": check.severity, "feed": check.feed},
        )
    ids = [c.check_id for c in checks]
    crash_point("checks")
    con.execute("begin transaction")
    try:
        new_counts = dict(
            con.execute(
                """
                select f.check_id, count(*) from _found f
                anti join quality.check_failures h
                    on h.check_id = f.check_id and h.failure_key = f.failure_key
                group by all
                """
            ).fetchall()
        )
        resolved_counts = dict(
            con.execute(
                """
                select h.check_id, count(*) from quality.check_failures h
                where h.resolved_at is null and list_contains($ids, h.check_id)
                  and not exists (select 1 from _found f
                                  where f.check_id = h.check_id and f.failure_key = h.failure_key)
                group by all
                """,
                {"ids": ids},
            ).fetchall()
        )
        con.execute(
            """
            update quality.check_failures h set
                last_seen_at = $now, resolved_at = null, severity = f.severity,
                institution_id = f.institution_id, source_file = f.source_file,
                source_line = f.source_line, record_key = f.record_key, detail = f.detail
            from _found f
            where h.check_id = f.check_id and h.failure_key = f.failure_key
            """,
            {"now": now},
        )
        con.execute(
            """
            update quality.check_failures h set resolved_at = $now
            where h.resolved_at is null and list_contains($ids, h.check_id)
              and not exists (select 1 from _found f
                              where f.check_id = h.check_id and f.failure_key = h.failure_key)
            """,
            {"now": now, "ids": ids},
        )
        con.execute(
            """
            insert into quality.check_failures
            select f.check_id, f.severity, f.feed, f.institution_id, f.source_file, f.source_line,
                   f.record_key, f.failure_key, f.detail, $now, $now, null
            from _found f
            anti join quality.check_failures h
                on h.check_id = f.check_id and h.failure_key = f.failure_key
            """,
            {"now": now},
        )
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise
    open_counts = dict(
        con.execute(
            "select check_id, count(*) from quality.check_failures where resolved_at is null group by all"
        ).fetchall()
    )
    con.execute("drop table _found")
    con.execute("drop table _danish_holidays")
    return [
        CheckOutcome(
            check_id=c.check_id,
            open_failures=open_counts.get(c.check_id, 0),
            new_failures=new_counts.get(c.check_id, 0),
            resolved_now=resolved_counts.get(c.check_id, 0),
        )
        for c in checks
    ]
