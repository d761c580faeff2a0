"""Every query the dashboards run, in one place, over the published Parquet copy only.

The live warehouse is never opened: a DuckDB reader in this process would hold a lock that blocks
the pipeline. Each publication is immutable; the cache is keyed by its version, so a new
publication is picked up on the next rerun and never mixed with the old one.
"""

from __future__ import annotations

import json
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


def published_at() -> str:
    manifest = json.loads((publication() / "manifest.json").read_text(encoding="utf-8"))
    return str(manifest["published_at"])


# --- AMU certificates -------------------------------------------------------------------------


def amu_quarters() -> list[str]:
    return query("select distinct quarter from marts.amu_certificate_rates order by quarter")[
        "quarter"
    ].tolist()


def amu_institutions() -> list[str]:
    frame = query("select distinct institution_id from marts.amu_certificate_rates order by 1")
    return frame["institution_id"].tolist()


def amu_certificate_rates(
    quarter_from: str, quarter_to: str, institutions: tuple[str, ...] = (), fkb: str | None = None
) -> pd.DataFrame:
    return query(
        """
        select * from marts.amu_certificate_rates
        where quarter between ? and ?
          and (len(?::varchar[]) = 0 or list_contains(?::varchar[], institution_id))
          and (? is null or fkb = ?)
        order by quarter, institution_id, fagkode
        """,
        (quarter_from, quarter_to, list(institutions), list(institutions), fkb, fkb),
    )


def amu_rate_by_quarter(
    quarter_from: str, quarter_to: str, institutions: tuple[str, ...] = ()
) -> pd.DataFrame:
    """Certificate rate per quarter over the cells that are not suppressed."""
    return query(
        """
        select quarter,
               sum(certificates_issued) as certificates_issued,
               sum(results_registered) as results_registered,
               round(sum(certificates_issued) / nullif(sum(results_registered), 0), 4) as certificate_rate
        from marts.amu_certificate_rates
        where quarter between ? and ?
          and (len(?::varchar[]) = 0 or list_contains(?::varchar[], institution_id))
          and certificates_issued is not null and results_registered is not null
        group by quarter order by quarter
        """,
        (quarter_from, quarter_to, list(institutions), list(institutions)),
    )
