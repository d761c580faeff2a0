"""Publication for serving: Parquet exports swapped in atomically.

Readers (dashboard, report) never open the live warehouse file: DuckDB's lock would block the
pipeline, and they would see half-built tables. Each publication is a new directory of Parquet
files plus a manifest; the `CURRENT` pointer is replaced atomically (rename) once the directory is
complete, so a reader sees either the old or the new publication, never a mix.
"""

from __future__ import annotations

import json
import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from dagster_project.crash_points import crash_point

PUBLISHED_SCHEMAS = ("marts", "quality")
KEEP_PUBLICATIONS = 3


def publish(
    con: duckdb.DuckDBPyConnection, published_dir: Path, *, demo: bool = False, min_cell: int = 5
) -> Path:
    """`demo` and `min_cell` are recorded in the manifest: the dashboard opens row-level pages
    without a login only for a publication built from generated demo data, and suppresses what it
    aggregates itself with the minimum cell the marts were built with."""
    published_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = published_dir / f"v{stamp}"
    staging = published_dir / f".incoming-{stamp}"
    staging.mkdir()
    tables = con.execute(
        "select table_schema, table_name from information_schema.tables "
        "where table_schema in (select unnest($schemas)) and table_type = 'BASE TABLE' "
        "order by all",
        {"schemas": list(PUBLISHED_SCHEMAS)},
    ).fetchall()
    manifest: dict[str, object] = {
        "published_at": stamp,
        "demo": demo,
        "min_cell": min_cell,
        "tables": {},
    }
    for schema, table in tables:
        file = staging / f"{schema}.{table}.parquet"
        con.execute(f'copy "{schema}"."{table}" to \'{file}\' (format parquet, compression zstd)')
        rows = con.execute(f'select count(*) from "{schema}"."{table}"').fetchone()[0]  # type: ignore[index]
        manifest["tables"][f"{schema}.{table}"] = {"file": file.name, "rows": rows}  # type: ignore[index]
    (staging / "manifest.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    crash_point("publish")
    os.replace(staging, target)
    pointer_tmp = published_dir / ".CURRENT.tmp"
    pointer_tmp.write_text(target.name, encoding="utf-8")
    os.replace(pointer_tmp, published_dir / "CURRENT")
    _prune(published_dir, keep=target.name)
    return target


def _prune(published_dir: Path, keep: str) -> None:
    versions = sorted(p for p in published_dir.iterdir() if p.is_dir() and p.name.startswith("v"))
    for old in versions[:-KEEP_PUBLICATIONS]:
        if old.name != keep:
            shutil.rmtree(old, ignore_errors=True)
    for leftover in published_dir.glob(".incoming-*"):
        shutil.rmtree(leftover, ignore_errors=True)


def current_publication(published_dir: Path) -> Path | None:
    pointer = published_dir / "CURRENT"
    if not pointer.exists():
        return None
    target = published_dir / pointer.read_text(encoding="utf-8").strip()
    return target if (target / "manifest.json").exists() else None
