"""Every query the dashboards run, in one place, over the published Parquet copy only.

The live warehouse is never opened: a DuckDB reader in this process would hold a lock that blocks
the pipeline. Each publication is immutable; the cache is keyed by its version, so a new
publication is picked up on the next rerun and never mixed with the old one.
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import duckdb
import pandas as pd
import streamlit as st

from dagster_project.publish import current_publication
from dagster_project.settings import resolve_settings


class NothingPublished(Exception):
    """The pipeline has not published anything for this warehouse yet."""


def publication() -> Path:
    settings = resolve_settings()
    target = current_publication(settings.published_dir)
    if target is None:
        raise NothingPublished(
            f"nothing published yet under {settings.published_dir}; run `examwh run`"
        )
    return target


@st.cache_resource(max_entries=2, show_spinner=False)
def _connection(version: str) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB with one view per published table of this version."""
    folder = Path(version)
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    con = duckdb.connect()
    for name, entry in manifest["tables"].items():
        schema, table = name.split(".", 1)
        con.execute(f'create schema if not exists "{schema}"')
        path = str(folder / entry["file"]).replace("'", "''")
        con.execute(f'create view "{schema}"."{table}" as select * from read_parquet(\'{path}\')')
    return con


@st.cache_data(max_entries=256, show_spinner=False)
def _query(version: str, sql: str, params: tuple[object, ...] = ()) -> pd.DataFrame:
    # A cursor per query: the cached connection is shared by every session's thread.
    cursor = _connection(version).cursor()
    try:
        return cursor.execute(sql, list(params)).df()
    finally:
        cursor.close()


def query(sql: str, params: tuple[object, ...] = ()) -> pd.DataFrame:
    return _query(str(publication()), sql, params)


def _manifest() -> dict[str, object]:
    return json.loads((publication() / "manifest.json").read_text(encoding="utf-8"))


def published_at() -> str:
    return str(_manifest()["published_at"])


def published_from_demo_data() -> bool:
    """Whether the publication was built from generated demo data; a publication from before the
    flag existed counts as real data."""
    return _manifest().get("demo") is True


def min_cell() -> int:
    """The minimum cell the publication's marts were suppressed with."""
    recorded = _manifest().get("min_cell")
    return recorded if isinstance(recorded, int) else resolve_settings().min_cell


# --- AMU certificates -------------------------------------------------------------------------


def amu_quarters() -> list[str]:
    return query("select distinct quarter from marts.amu_certificate_rates order by quarter")[
        "quarter"
    ].tolist()


def amu_institutions() -> list[str]:
    frame = query("select distinct institution_id from marts.amu_certificate_rates order by 1")
    return frame["institution_id"].tolist()


def amu_fkbs() -> list[str]:
    return query(
        "select distinct fkb from marts.amu_certificate_rates where fkb is not null order by 1"
    )["fkb"].tolist()


def amu_courses(fkbs: tuple[str, ...] = ()) -> list[str]:
    frame = query(
        """
        select distinct fagkode from marts.amu_certificate_rates
        where len(?::varchar[]) = 0 or list_contains(?::varchar[], fkb)
        order by 1
        """,
        (list(fkbs), list(fkbs)),
    )
    return frame["fagkode"].tolist()


_AMU_FILTER = """
          quarter between ? and ?
          and (len(?::varchar[]) = 0 or list_contains(?::varchar[], institution_id))
          and (len(?::varchar[]) = 0 or list_contains(?::varchar[], fkb))
"""


def _amu_params(
    quarter_from: str, quarter_to: str, institutions: tuple[str, ...], fkbs: tuple[str, ...]
) -> tuple[object, ...]:
    return (
        quarter_from,
        quarter_to,
        list(institutions),
        list(institutions),
        list(fkbs),
        list(fkbs),
    )


def amu_certificate_rates(
    quarter_from: str,
    quarter_to: str,
    institutions: tuple[str, ...] = (),
    fkbs: tuple[str, ...] = (),
    courses: tuple[str, ...] = (),
) -> pd.DataFrame:
    return query(
        f"""
        select * from marts.amu_certificate_rates
        where {_AMU_FILTER}
          and (len(?::varchar[]) = 0 or list_contains(?::varchar[], fagkode))
        order by quarter, institution_id, fagkode
        """,
        (*_amu_params(quarter_from, quarter_to, institutions, fkbs), list(courses), list(courses)),
    )


def amu_rate_by_quarter(
    quarter_from: str,
    quarter_to: str,
    institutions: tuple[str, ...] = (),
    fkbs: tuple[str, ...] = (),
    courses: tuple[str, ...] = (),
) -> pd.DataFrame:
    """Certificate rate per quarter over the cells that are not suppressed."""
    return query(
        f"""
        select quarter,
               sum(certificates_issued) as certificates_issued,
               sum(results_registered) as results_registered,
               round(sum(certificates_issued) / nullif(sum(results_registered), 0), 4) as certificate_rate
        from marts.amu_certificate_rates
        where {_AMU_FILTER}
          and (len(?::varchar[]) = 0 or list_contains(?::varchar[], fagkode))
          and certificates_issued is not null and results_registered is not null
        group by quarter order by quarter
        """,
        (*_amu_params(quarter_from, quarter_to, institutions, fkbs), list(courses), list(courses)),
    )


def amu_rate_by_self_study(
    quarter_from: str,
    quarter_to: str,
    institutions: tuple[str, ...] = (),
    fkbs: tuple[str, ...] = (),
) -> pd.DataFrame:
    """Certificate rate per quarter for self-studying participants and the others
    (marts.amu_certificate_issuance: the mart with the self-study dimension), over cells that are
    not suppressed."""
    return query(
        f"""
        select quarter,
               case when is_self_study then 'self_study' else 'taught' end as participation,
               sum(certificates_issued) as certificates_issued,
               sum(results_registered) as results_registered,
               round(sum(certificates_issued) / nullif(sum(results_registered), 0), 4) as certificate_rate
        from marts.amu_certificate_issuance
        where {_AMU_FILTER}
          and certificates_issued is not null and results_registered is not null
        group by all order by all
        """,
        _amu_params(quarter_from, quarter_to, institutions, fkbs),
    )


def has_table(name: str) -> bool:
    manifest = (publication() / "manifest.json").read_text(encoding="utf-8")
    return f'"{name}"' in manifest


# --- Exam grades ------------------------------------------------------------------------------


def exam_terms(education: str | None = None) -> list[str]:
    return query(
        "select distinct term from marts.grade_distribution where ? is null or education = ? "
        "order by term",
        (education, education),
    )["term"].tolist()


def exam_subjects(education: str | None = None) -> pd.DataFrame:
    return query(
        "select distinct education, subject, exam_form from marts.grade_distribution "
        "where ? is null or education = ? order by all",
        (education, education),
    )


def grade_distribution(
    terms: tuple[str, ...], education: str, subject: str, exam_form: str
) -> pd.DataFrame:
    return query(
        """
        select d.term, d.grade, d.students, d.share, d.suppressed, s.intended_share
        from marts.grade_distribution d
        left join (select * from (values ('12', 0.10), ('10', 0.25), ('7', 0.30), ('4', 0.25), ('02', 0.10))
                   as v(grade, intended_share)) s using (grade)
        where list_contains(?::varchar[], d.term) and d.education = ? and d.subject = ? and d.exam_form = ?
        order by d.term, d.grade_order
        """,
        (list(terms), education, subject, exam_form),
    )


def exam_outcomes(terms: tuple[str, ...], education: str | None) -> pd.DataFrame:
    return query(
        """
        select * from marts.exam_outcomes
        where list_contains(?::varchar[], term) and (? is null or education = ?)
        order by term, education, subject, exam_form, institution_id
        """,
        (list(terms), education, education),
    )


def exam_trends() -> pd.DataFrame:
    return query("select * from marts.exam_result_trends order by year, education")


def exam_grade_means(breakdown: str, education: str) -> pd.DataFrame:
    """Mean grade and pass rate per term, one row per category of the breakdown
    (institution_type, sex or exam_form)."""
    return query(
        """
        select term, category, mean_grade, pass_rate, sittings_graded, sittings_on_7_point_scale,
               suppressed
        from marts.exam_grade_means
        where breakdown = ? and education = ?
        order by term, category
        """,
        (breakdown, education),
    )


def exam_attempts(terms: tuple[str, ...], education: str) -> pd.DataFrame:
    """Ordinary sittings, retakes and sick exams with their pass rates."""
    return query(
        """
        select * from marts.exam_attempts
        where list_contains(?::varchar[], term) and education = ?
        order by term, subject, attempt
        """,
        (list(terms), education),
    )


# --- Censors and complaints -------------------------------------------------------------------


def censor_disagreement(terms: tuple[str, ...]) -> pd.DataFrame:
    return query(
        "select * from marts.censor_disagreement where list_contains(?::varchar[], term) order by all",
        (list(terms),),
    )


def complaint_outcomes(terms: tuple[str, ...]) -> pd.DataFrame:
    return query(
        "select * from marts.complaint_outcomes where list_contains(?::varchar[], term) order by all",
        (list(terms),),
    )


# --- Komvux prövning --------------------------------------------------------------------------


def komvux_terms() -> list[str]:
    return query("select distinct term from marts.komvux_course_results order by term")[
        "term"
    ].tolist()


def komvux_course_results(terms: tuple[str, ...], units: tuple[str, ...] = ()) -> pd.DataFrame:
    return query(
        """
        select * from marts.komvux_course_results
        where list_contains(?::varchar[], term)
          and (len(?::varchar[]) = 0 or list_contains(?::varchar[], unit))
        order by term, unit, course_code
        """,
        (list(terms), list(units), list(units)),
    )


# --- Data quality (row level: the steward's page) ---------------------------------------------


def open_failures(
    check_ids: tuple[str, ...] = (),
    institutions: tuple[str, ...] = (),
    limit: int | None = None,
) -> pd.DataFrame:
    """Open failures in file and line order; `limit` for what a page shows (a national run has
    over a hundred thousand), None for an export."""
    return query(
        f"""
        select check_id, severity, feed, institution_id, source_file, source_line, record_key,
               detail, first_seen_at, last_seen_at
        from quality.check_failures
        where {_OPEN_FAILURES_FILTER}
        order by check_id, institution_id, source_file, source_line
        {"limit " + str(int(limit)) if limit is not None else ""}
        """,
        (list(check_ids), list(check_ids), list(institutions), list(institutions)),
    )


def open_failure_total(check_ids: tuple[str, ...] = (), institutions: tuple[str, ...] = ()) -> int:
    frame = query(
        f"select count(*) as n from quality.check_failures where {_OPEN_FAILURES_FILTER}",
        (list(check_ids), list(check_ids), list(institutions), list(institutions)),
    )
    return int(frame["n"].iloc[0])


def open_failure_institutions(check_ids: tuple[str, ...] = ()) -> list[str]:
    frame = query(
        f"""
        select distinct institution_id from quality.check_failures
        where {_OPEN_FAILURES_FILTER} and institution_id is not null order by 1
        """,
        (list(check_ids), list(check_ids), [], []),
    )
    return frame["institution_id"].tolist()


_OPEN_FAILURES_FILTER = """resolved_at is null
          and (len(?::varchar[]) = 0 or list_contains(?::varchar[], check_id))
          and (len(?::varchar[]) = 0 or list_contains(?::varchar[], institution_id))"""


def failure_counts() -> pd.DataFrame:
    return query(
        """
        select check_id, severity, feed, count(*) as open_failures,
               count(distinct institution_id) as institutions
        from quality.check_failures where resolved_at is null
        group by all order by open_failures desc
        """
    )


def failure_trend() -> pd.DataFrame:
    """Per day: failures open at the end of the day, and failures resolved that day."""
    return query(
        """
        with days as (
            select unnest(generate_series(min(first_seen_at)::date, greatest(max(last_seen_at), max(coalesce(resolved_at, last_seen_at)))::date, interval 1 day))::date as day
            from quality.check_failures
        )
        select day,
               count(*) filter (where f.first_seen_at::date <= day and (f.resolved_at is null or f.resolved_at::date > day)) as open,
               count(*) filter (where f.resolved_at::date = day) as resolved
        from days cross join quality.check_failures f
        group by day order by day
        """
    )


def gx_docs_index() -> Path | None:
    """The Great Expectations Data Docs the last run built (outside the versioned publication:
    GX rebuilds its site in place)."""
    index = resolve_settings().published_dir / "gx_docs" / "index.html"
    return index if index.is_file() else None


@st.cache_data(max_entries=2, show_spinner=False)
def _zip_folder(folder: str, modified: float) -> bytes:
    del modified  # part of the cache key only: a rebuilt site is zipped again
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(Path(folder).rglob("*")):
            if path.is_file():
                archive.write(path, path.relative_to(folder))
    return buffer.getvalue()


def gx_docs_zip(index: Path) -> bytes:
    return _zip_folder(str(index.parent), index.stat().st_mtime)


def quarantined_files() -> pd.DataFrame:
    return query("select * from quality.quarantined_files order by quarantined_at desc")


# --- Headlines and AMU reasons ----------------------------------------------------------------


def amu_headline() -> pd.DataFrame:
    """The latest quarter's national AMU totals and the same quarter a year earlier."""
    return query(
        """
        with latest as (select max(quarter) as quarter from marts.amu_quarterly_totals)
        select t.* from marts.amu_quarterly_totals t, latest
        where t.quarter in (latest.quarter,
                            cast(cast(left(latest.quarter, 4) as integer) - 1 as varchar) || right(latest.quarter, 2))
        order by t.quarter
        """
    )


def exam_headline() -> pd.DataFrame:
    """Pass rate of the latest term and of the same term a year earlier, over shown cells."""
    return query(
        """
        with terms as (select distinct term from marts.exam_outcomes),
        latest as (select max(term) as term from terms)
        select o.term, sum(o.sittings_passed) / nullif(sum(o.sittings_graded), 0) as pass_rate
        from marts.exam_outcomes o, latest
        where o.term in (latest.term, cast(cast(left(latest.term, 4) as integer) - 1 as varchar) || substr(latest.term, 5))
          and o.sittings_passed is not null and o.sittings_graded is not null
        group by o.term order by o.term
        """
    )


def amu_reasons(quarter_from: str, quarter_to: str) -> pd.DataFrame:
    """Why no certificate (codes 4–6) per quarter, national totals."""
    return query(
        """
        select quarter, failed_exam, dropout_or_absence, exemption_without_certificate, results_missing
        from marts.amu_quarterly_totals where quarter between ? and ? order by quarter
        """,
        (quarter_from, quarter_to),
    )


def amu_missing_by_institution(quarter_from: str, quarter_to: str) -> pd.DataFrame:
    """Open amu.result_missing failures per institution. Each is a participant without a result,
    so this analysts' view suppresses small counts like every published count; the steward page
    has the rows."""
    smallest = min_cell()
    return query(
        """
        select institution_id,
               case when count(*) >= ? then count(*) end as results_missing,
               count(*) < ? as suppressed
        from quality.check_failures
        where check_id = 'amu.result_missing' and resolved_at is null
          and regexp_extract(source_file, '_(\\d{4}Q[1-4])_', 1) between ? and ?
        group by 1 order by count(*) desc, 1
        """,
        (smallest, smallest, quarter_from, quarter_to),
    )
