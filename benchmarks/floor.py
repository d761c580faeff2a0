"""The floor: what DuckDB alone takes to compute `marts.amu_certificate_rates` from the same
landing files, in one SQL script with no orchestration, lineage, pseudonyms or checks.

Windows-1252 files are read as latin-1, which is exact for the generator's text (Danish letters
only); the pipeline decodes real Windows-1252 instead.
"""

from __future__ import annotations

import time
from pathlib import Path

import duckdb

from benchmarks.landing_files import amu_files_by_dialect


def floor_sql(landing: Path, min_cell: int = 5) -> str:
    reads = []
    for (delimiter, encoding), files in amu_files_by_dialect(landing).items():
        listed = ", ".join(f"'{p}'" for p in files)
        duck_encoding = "utf-8" if encoding == "utf-8" else "latin-1"
        reads.append(
            f"select * from read_csv([{listed}], delim={delimiter!r}, header=true, "
            f"all_varchar=true, filename=true, encoding='{duck_encoding}')"
        )
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
create or replace table amu as {" union all by name ".join(reads)};
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
    with duckdb.connect(str(database)) as con:
        con.execute(floor_sql(landing))
        rows = con.execute("select count(*) from amu_certificate_rates").fetchone()[0]  # type: ignore[index]
    return time.perf_counter() - started, rows
