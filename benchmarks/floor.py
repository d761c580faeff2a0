"""The floor: what DuckDB alone takes to compute the contract marts (`amu_certificate_rates`,
`exam_results` with the grading rule, `grade_distribution`, `komvux_provning_results`) from the
same landing files, in one SQL script with no orchestration, lineage, pseudonyms or checks.

Windows-1252 files are read as latin-1, which is exact for the generator's text (Danish letters
only); the pipeline decodes real Windows-1252 instead.
"""

from __future__ import annotations

import time
from pathlib import Path

import duckdb

from benchmarks.landing_files import amu_files_by_dialect, files_by_dialect
from dagster_project.settings import duckdb_memory_limit


def _reads(groups: dict[tuple[str, str], list[Path]]) -> str:
    reads = []
    for (delimiter, encoding), files in groups.items():
        listed = ", ".join(f"'{p}'" for p in files)
        duck_encoding = "utf-8" if encoding == "utf-8" else "latin-1"
        reads.append(
            f"select * from read_csv([{listed}], delim={delimiter!r}, header=true, "
            f"all_varchar=true, filename=true, encoding='{duck_encoding}')"
        )
    return " union all by name ".join(reads)


_VALUE = "case {t} when '12' then 12 when '10' then 10 when '7' then 7 when '4' then 4 when '02' then 2 when '00' then 0 when '-3' then -3 end"


def _nearest(mean: str, up: str) -> str:
    cases = " ".join(
        f"when {mean} > {mid} or ({mean} = {mid} and {up}) then '{g}'"
        for mid, g in [(11, "12"), (8.5, "10"), (5.5, "7"), (3, "4"), (1, "02"), (-1.5, "00")]
    )
    return f"case {cases} when {mean} is not null then '-3' end"


def exam_floor_sql(landing: Path, min_cell: int = 5) -> str:
    """exam_results (one assessor per side, as the generator delivers), grade_distribution and
    komvux_provning_results."""
    grades = files_by_dialect(landing, "grades", "grades_*.csv")
    pingpong = files_by_dialect(landing, "komvux", "pingpong_grades_*.csv")
    if not grades:
        return ""
    e, c = '"Karakter eksaminator"', '"Karakter censor"'
    ev, cv = _VALUE.format(t=e), _VALUE.format(t=c)
    sql = f"""
create or replace table grade_rows as {_reads(grades)};
create or replace table exam_results as
with parsed as (
    select *, regexp_extract(filename, 'grades_(\\d{{6}})_', 1) as institution_id,
           regexp_extract(filename, '_(\\d{{4}}-[SV])_', 1) as term,
           regexp_extract(filename, '_(\\d{{8}})\\.csv$', 1) as extracted
    from grade_rows
), latest as (
    select * from parsed
    qualify dense_rank() over (partition by institution_id, term order by extracted desc, filename desc) = 1
)
select "Uddannelse" as education, "Fag" as subject, "Prøveform" as exam_form, term, institution_id,
       sha256("Elev-id") as person_key, "Karakter" as reported_grade, "Status" as status,
       "Prøvegang" as attempt, filename as source_file,
       case
           when "Status" <> 'bedømt' then null
           when {e} is null and {c} is null then "Karakter"
           when {e} is null then {c}
           when {c} is null or {e} = {c} then {c}
           when {e} in ('B', 'IB') or {c} in ('B', 'IB') then {c}
           else {_nearest(f"(({ev}) + ({cv})) / 2.0", f"({cv}) > ({ev})")}
       end as final_grade
from latest;
create or replace table grade_distribution as
with counted as (
    select term, education, subject, exam_form, final_grade as grade, count(*) as students,
           sum(count(*)) over (partition by term, education, subject, exam_form) as total
    from exam_results where final_grade is not null group by 1, 2, 3, 4, 5
)
select term, education, subject, exam_form, grade,
       case when students < {min_cell} then null else students end as students,
       case when students < {min_cell} then null else round(students / total, 4) end as share,
       students < {min_cell} as suppressed
from counted;
"""
    if pingpong:
        sql += f"""
create or replace table pingpong_rows as {_reads(pingpong)};
create or replace table komvux_provning_results as
select regexp_extract(filename, '_(\\d{{4}}(?:VT|HT))_', 1) as term,
       regexp_extract(filename, 'pingpong_grades_([A-Za-z0-9]+)_', 1) as unit,
       "Kurskod" as course_code, "Betyg" as grade, "Betygsdatum" as grade_date,
       sha256("Personnummer") as person_key, filename as source_file
from pingpong_rows
qualify dense_rank() over (partition by unit, term order by regexp_extract(filename, '_(\\d{{8}})\\.csv$', 1) desc) = 1;
"""
    return sql


def floor_sql(landing: Path, min_cell: int = 5) -> str:
    reads = [_reads(amu_files_by_dialect(landing))]
    counts = [
        "participations",
        "results_registered",
        "results_missing",
        "certificates_issued",
        *[f"result_code_{c}" for c in range(1, 7)],
    ]
    suppressed = " or ".join(f"{c} between 1 and {min_cell - 1}" for c in counts)
    shown = ", ".join(
        f"case when {c} between 1 and {min_cell - 1} then null else {c} end as {c}" for c in counts
    )
    return f"""
create or replace table amu as {reads[0]};
create or replace table amu_certificate_rates as
with parsed as (
    select *, regexp_extract(filename, 'amu_results_(\\d{{6}})_', 1) as institution_id,
           regexp_extract(filename, '_(\\d{{4}}Q[1-4])_', 1) as quarter,
           regexp_extract(filename, '_(\\d{{8}})\\.csv$', 1) as extracted,
           try_cast("Resultat" as integer) as result_code
    from amu
), latest as (
    select * from parsed
    qualify dense_rank() over (partition by institution_id, quarter order by extracted desc, filename desc) = 1
), counted as (
    select quarter, institution_id, "Fagkode" as fagkode, mode("Fkb") as fkb,
           count(*) as participations,
           count(*) filter (where result_code between 1 and 6) as results_registered,
           count(*) filter (where coalesce(result_code, 0) = 0) as results_missing,
           count(*) filter (where result_code between 1 and 3) as certificates_issued,
           {", ".join(f"count(*) filter (where result_code = {c}) as result_code_{c}" for c in range(1, 7))}
    from latest group by all
)
select quarter, institution_id, fagkode, fkb, {shown},
       case when results_registered = 0 or results_registered between 1 and {min_cell - 1}
            or certificates_issued between 1 and {min_cell - 1} then null
            else round(certificates_issued / results_registered, 4) end as certificate_rate,
       ({suppressed}) as suppressed
from counted;
"""


def run_floor(landing: Path, database: Path) -> tuple[float, int]:
    """Seconds to build the mart in a fresh DuckDB file, and the mart's row count."""
    database.unlink(missing_ok=True)
    started = time.perf_counter()
    # The pipeline's memory cap, so the two do the same work under the same limit.
    with duckdb.connect(str(database), config={"memory_limit": duckdb_memory_limit()}) as con:
        con.execute(floor_sql(landing))
        rows = con.execute("select count(*) from amu_certificate_rates").fetchone()[0]  # type: ignore[index]
    return time.perf_counter() - started, rows


def run_exam_floor(landing: Path, database: Path) -> tuple[float, int]:
    """Seconds to build the exam marts in a fresh DuckDB file, and exam_results' row count."""
    database.unlink(missing_ok=True)
    started = time.perf_counter()
    # The pipeline's memory cap, so the two do the same work under the same limit.
    with duckdb.connect(str(database), config={"memory_limit": duckdb_memory_limit()}) as con:
        sql = exam_floor_sql(landing)
        if not sql:
            return 0.0, 0
        con.execute(sql)
        rows = con.execute("select count(*) from exam_results").fetchone()[0]  # type: ignore[index]
    return time.perf_counter() - started, rows
