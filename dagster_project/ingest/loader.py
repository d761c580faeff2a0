"""Load landing files into `raw.<kind>` tables, one transaction per file.

Each file is read by DuckDB's CSV reader straight into a temporary table, with person numbers
replaced by pseudonyms inside the same SELECT. A file that cannot be read as delivered is
quarantined whole with its reason; every other file still loads. A file already loaded with the
same content is skipped, so reruns are idempotent.
"""

from __future__ import annotations

import logging
import re
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from dagster_project.crash_points import crash_point
from dagster_project.feeds import FILE_KINDS, FileKind, ValueType, kind_for_file
from dagster_project.ingest.files import (
    RejectedFile,
    inspect_file,
    match_header,
    read_header,
    scrub,
    transcode_to_utf8,
)
from dagster_project.ingest.pseudonymise import hmac_pads, person_output_columns, person_select_list
from dagster_project.partitions import period_start, reporting_quarter

log = logging.getLogger("examwh.ingest")

LINEAGE_COLUMNS = (
    ("source_file", "varchar"),
    ("source_line", "bigint"),
    ("institution_id", "varchar"),
    ("period", "varchar"),
    ("extracted_on", "date"),
    ("file_sha256", "varchar"),
    ("loaded_at", "timestamp"),
)

PARSERS: dict[ValueType, str] = {
    "int": "try_cast(trim({v}) as bigint)",
    "decimal": "try_cast(replace(trim({v}), ',', '.') as double)",
    "date_dk": "try_strptime(trim({v}), '%d-%m-%Y')",
    "datetime_dk": "coalesce(try_strptime(trim({v}), '%d-%m-%Y %H:%M'), try_strptime(trim({v}), '%d-%m-%Y'))",
    "date_se": "try_strptime(trim({v}), '%Y-%m-%d')",
}
EXPECTED_FORM: dict[ValueType, str] = {
    "int": "a whole number",
    "decimal": "a number",
    "date_dk": "a date dd-mm-yyyy",
    "datetime_dk": "a date dd-mm-yyyy or dd-mm-yyyy HH:MM",
    "date_se": "a date yyyy-mm-dd",
}


def q(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


@dataclass
class KindSummary:
    kind: str
    files_loaded: list[str] = field(default_factory=list)
    files_unchanged: list[str] = field(default_factory=list)
    files_quarantined: list[str] = field(default_factory=list)
    rows_loaded: int = 0


def stored_columns(kind: FileKind) -> list[tuple[str, str]]:
    cols: list[tuple[str, str]] = list(LINEAGE_COLUMNS)
    for column in kind.columns:
        if column in kind.person_columns:
            cols += [
                ("person_key", "varchar"),
                ("person_number_valid", "boolean"),
                ("person_number_issue", "varchar"),
                ("person_birth_year", "integer"),
                ("person_sex", "varchar"),
            ]
        else:
            cols.append((column, "varchar"))
    return cols


def ensure_schema(con: duckdb.DuckDBPyConnection, kinds: Iterable[FileKind] = FILE_KINDS) -> None:
    con.execute("create schema if not exists raw")
    con.execute("create schema if not exists quality")
    con.execute(
        """
        create table if not exists raw._file_loads (
            feed varchar, kind varchar, source_file varchar, file_sha256 varchar,
            encoding varchar, delimiter varchar, rows bigint, loaded_at timestamp,
            primary key (feed, source_file)
        )"""
    )
    con.execute(
        """
        create table if not exists quality.quarantined_files (
            feed varchar, source_file varchar, reason varchar, quarantined_at timestamp,
            file_sha256 varchar, primary key (feed, source_file)
        )"""
    )
    for kind in kinds:
        cols = ", ".join(f"{q(name)} {typ}" for name, typ in stored_columns(kind))
        con.execute(f"create table if not exists {kind.raw_table} ({cols})")


def _type_violation(con: duckdb.DuckDBPyConnection, kind: FileKind) -> str | None:
    """Describe the first value that does not parse as its column's type, if any."""
    checks = []
    for column, vtype in kind.value_types.items():
        parsed = PARSERS[vtype].format(v=q(column))
        checks.append(
            f"select source_line, {q(column)} as value, '{column}' as col, '{vtype}' as vtype "
            f"from _incoming where {q(column)} is not null and trim({q(column)}) <> '' "
            f"and {parsed} is null"
        )
    if not checks:
        return None
    row = con.execute(
        "select * from (" + " union all ".join(checks) + ") order by source_line limit 1"
    ).fetchone()
    if row is None:
        return None
    line, value, column, vtype = row
    column_no = kind.columns.index(column) + 1
    return (
        f"line {line} (data row), column {column_no} {column!r}: {value!r} is not "
        f"{EXPECTED_FORM[vtype]}"  # type: ignore[index]
    )


def _read_into_temp(
    con: duckdb.DuckDBPyConnection,
    kind: FileKind,
    csv_path: Path,
    delimiter: str,
    pads: tuple[str, str],
) -> int:
    select: list[str] = ["ordinality as source_line"]
    for column in kind.columns:
        if column in kind.person_columns:
            select += person_select_list(q(column), kind.person_columns[column])
        else:
            select.append(q(column))
    columns = (
        "{" + ", ".join("'" + c.replace("'", "''") + "': 'VARCHAR'" for c in kind.columns) + "}"
    )
    con.execute("drop table if exists _incoming")
    con.execute(
        f"""
        create temp table _incoming as
        select {", ".join(select)}
        from read_csv($path, delim=$delim, header=true, columns={columns},
                      quote='"', escape='"', strict_mode=true, auto_detect=false,
                      null_padding=false, parallel=false) with ordinality
        """,
        # DuckDB rejects parameters the statement does not use, and files without a person
        # column (censors, BER groups) never reference the pseudonym key.
        {"path": str(csv_path), "delim": delimiter}
        | ({"hmac_inner": pads[0], "hmac_outer": pads[1]} if kind.person_columns else {}),
    )
    return con.execute("select count(*) from _incoming").fetchone()[0]  # type: ignore[index]


_CSV_LINE = re.compile(r"CSV Error on Line: (\d+)")
_COLUMNS = re.compile(r"Expected Number of Columns: (\d+) Found: (\d+)")


def _duckdb_reason(exc: Exception, csv_path: Path, source_name: str) -> str:
    """A steward's reason from DuckDB's CSV error: where and what, never the delivered content
    (its "Original Line" would copy personal data into the quarantine table)."""
    message = str(exc).replace(str(csv_path), source_name)
    line = _CSV_LINE.search(message)
    # DuckDB counts the header as line 1; stewards count data rows (CONTRACT §3).
    where = f"line {int(line[1]) - 1} (data row)" if line else "somewhere in the file"
    if columns := _COLUMNS.search(message):
        if int(columns[2]) < int(columns[1]):
            what = f"expected {columns[1]} columns, found {columns[2]} (a truncated or broken row)"
        else:
            what = f"expected {columns[1]} columns, found {columns[2]} (an unquoted delimiter?)"
        return f"{where}: {what}"
    first = message.split("Original Line", 1)[0].splitlines()[0] if message else "unreadable"
    return scrub(f"{where}: {first}")[:300]


def quarantine(
    con: duckdb.DuckDBPyConnection,
    feed: str,
    path: Path,
    reason: str,
    sha256: str | None,
    quarantine_dir: Path,
) -> None:
    """Record the file as rejected and move it aside with its reason; it is never deleted.

    To retry a quarantined file after fixing the cause, move it back into its feed folder.
    """
    reason = scrub(reason)
    log.warning("quarantined %s/%s: %s", feed, path.name, reason)
    con.execute(
        """
        insert into quality.quarantined_files values ($feed, $file, $reason, $at, $sha)
        on conflict (feed, source_file) do update set reason = excluded.reason,
            file_sha256 = excluded.file_sha256
        """,
        {
            "feed": feed,
            "file": path.name,
            "reason": reason,
            "at": datetime.now(UTC).replace(tzinfo=None),
            "sha": sha256,
        },
    )
    target = quarantine_dir / feed
    target.mkdir(parents=True, exist_ok=True)
    (target / f"{path.name}.reason.txt").write_text(reason + "\n", encoding="utf-8")
    shutil.move(path, target / path.name)


def load_file(
    con: duckdb.DuckDBPyConnection,
    feed: str,
    path: Path,
    pads: tuple[str, str],
    quarantine_dir: Path,
    summary_by_kind: dict[str, KindSummary],
    only_kinds: set[str] | None = None,
    quarters: set[str] | None = None,
) -> None:
    kind = kind_for_file(feed, path.name)
    if kind is not None and only_kinds is not None and kind.kind not in only_kinds:
        return
    if kind is None:
        if only_kinds is not None and not any(
            k.feed == feed for k in FILE_KINDS if k.kind in only_kinds
        ):
            return
        patterns = " or ".join(k.name_pattern.pattern for k in FILE_KINDS if k.feed == feed)
        quarantine(
            con,
            feed,
            path,
            f"file name does not match the feed's naming rule ({patterns})",
            None,
            quarantine_dir,
        )
        bucket = summary_by_kind.setdefault(f"{feed}:unknown", KindSummary(f"{feed}:unknown"))
        bucket.files_quarantined.append(path.name)
        return
    groups = kind.match_name(path.name).groupdict()  # type: ignore[union-attr]
    try:
        extracted = datetime.strptime(groups["extracted"], "%Y%m%d").date()
    except ValueError:
        extracted = None
    if (
        extracted is not None
        and quarters is not None
        and reporting_quarter(groups.get("period"), extracted) not in quarters
    ):
        return
    summary = summary_by_kind.setdefault(kind.kind, KindSummary(kind.kind))
    if path.is_symlink():
        # A link could point anywhere on the machine; deliveries are regular files.
        reason = "the delivery is a symbolic link, not a regular file"
        quarantine(con, feed, path, reason, None, quarantine_dir)
        summary.files_quarantined.append(path.name)
        return
    if extracted is None:
        reason = f"extraction stamp {groups['extracted']!r} in the file name is not a date YYYYMMDD"
        quarantine(con, feed, path, reason, None, quarantine_dir)
        summary.files_quarantined.append(path.name)
        return
    begins = period_start(groups.get("period"))
    if begins is not None and extracted < begins:
        reason = (
            f"extracted {extracted.isoformat()}, before its period {groups['period']} began "
            f"({begins.isoformat()}): the file name's period or stamp is wrong"
        )
        quarantine(con, feed, path, reason, None, quarantine_dir)
        summary.files_quarantined.append(path.name)
        return
    try:
        inspection = inspect_file(path)
    except RejectedFile as exc:
        quarantine(con, feed, path, str(exc), None, quarantine_dir)
        summary.files_quarantined.append(path.name)
        return
    already = con.execute(
        "select 1 from raw._file_loads where feed = $f and source_file = $n and file_sha256 = $s "
        "union all select 1 from quality.quarantined_files where feed = $f and source_file = $n "
        "and file_sha256 = $s",
        {"f": feed, "n": path.name, "s": inspection.sha256},
    ).fetchone()
    if already:
        summary.files_unchanged.append(path.name)
        return
    with tempfile.TemporaryDirectory(prefix="examwh-") as tmp:
        try:
            delimiter = match_header(read_header(path, inspection.encoding), kind.columns)
            csv_path = path
            if inspection.encoding != "utf-8":
                csv_path = Path(tmp) / "delivery.csv"
                transcode_to_utf8(path, csv_path, inspection.encoding)
            try:
                rows = _read_into_temp(con, kind, csv_path, delimiter, pads)
            except (duckdb.InvalidInputException, duckdb.ConversionException) as exc:
                # Only errors about the file's content quarantine it; anything else is our bug.
                raise RejectedFile(_duckdb_reason(exc, csv_path, path.name)) from None
            if rows == 0:
                raise RejectedFile("the file has a header but no data rows")
            violation = _type_violation(con, kind)
            if violation:
                raise RejectedFile(scrub(violation))
        except RejectedFile as exc:
            con.execute("drop table if exists _incoming")
            quarantine(con, feed, path, str(exc), inspection.sha256, quarantine_dir)
            summary.files_quarantined.append(path.name)
            return
    now = datetime.now(UTC).replace(tzinfo=None)
    lineage = {
        "file": path.name,
        "institution": groups.get("institution"),
        "period": groups.get("period"),
        "extracted": extracted,
        "sha": inspection.sha256,
        "now": now,
    }
    target_cols = [name for name, _ in stored_columns(kind)]
    incoming_cols = [c for c in target_cols if c not in {n for n, _ in LINEAGE_COLUMNS}]
    con.execute("begin transaction")
    try:
        con.execute(f"delete from {kind.raw_table} where source_file = $file", {"file": path.name})
        con.execute(
            f"""
            insert into {kind.raw_table} ({", ".join(q(c) for c in target_cols)})
            select $file, source_line, $institution, $period, $extracted, $sha, $now,
                   {", ".join(q(c) for c in incoming_cols)}
            from _incoming order by source_line
            """,
            lineage,
        )
        con.execute(
            """
            insert or replace into raw._file_loads
            values ($feed, $kind, $file, $sha, $enc, $delim, $rows, $now)
            """,
            {
                "feed": feed,
                "kind": kind.kind,
                "file": path.name,
                "sha": inspection.sha256,
                "enc": inspection.encoding,
                "delim": "tab" if delimiter == "\t" else delimiter,
                "rows": rows,
                "now": now,
            },
        )
        con.execute(
            "delete from quality.quarantined_files where feed = $f and source_file = $n",
            {"f": feed, "n": path.name},
        )
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise
    finally:
        con.execute("drop table if exists _incoming")
    summary.files_loaded.append(path.name)
    summary.rows_loaded += rows
    crash_point("ingest")
    log.debug(
        "loaded %s/%s: %d rows (%s, %s)",
        feed,
        path.name,
        rows,
        inspection.encoding,
        "tab" if delimiter == "\t" else delimiter,
    )


def landing_files(landing_dir: Path, feed: str) -> list[Path]:
    folder = landing_dir / feed
    if not folder.is_dir():
        return []
    return sorted(
        p
        for p in folder.iterdir()
        if (p.is_symlink() or p.is_file()) and not p.name.startswith((".", "_"))
    )


def load_feed(
    con: duckdb.DuckDBPyConnection,
    landing_dir: Path,
    feed: str,
    pseudonym_key: str,
    quarantine_dir: Path,
    only_kinds: set[str] | None = None,
    quarters: set[str] | None = None,
) -> dict[str, KindSummary]:
    """Load every file of one landing folder (optionally only those reporting into `quarters`)."""
    ensure_schema(con)
    pads = hmac_pads(pseudonym_key)
    summaries: dict[str, KindSummary] = {}
    for path in landing_files(landing_dir, feed):
        load_file(con, feed, path, pads, quarantine_dir, summaries, only_kinds, quarters)
    return summaries


__all__ = ["KindSummary", "ensure_schema", "load_feed", "person_output_columns", "stored_columns"]
