"""Load landing files into `raw.<kind>` tables.

Each file is first checked on its own (name, encoding, header; a Windows-1252 file is transcoded).
Files of one kind and dialect are then read by DuckDB's CSV reader in batches, straight into a
temporary table, with person numbers replaced by pseudonyms inside the same SELECT, and committed
in one transaction per batch: per-file statements and commits cost more than the reading at
national scale (42,000 files). A file that cannot be read as delivered is quarantined whole with
its reason and every other file still loads: when a batch fails to parse, its files are loaded
one by one to find the culprit. A file already loaded with the same content is skipped, so reruns
are idempotent.
"""

from __future__ import annotations

import logging
import re
import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
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
# Files read and committed together; bounded so memory and a failed batch's retry stay small.
BATCH_FILES = 200

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


def _type_violations(con: duckdb.DuckDBPyConnection, kind: FileKind) -> dict[str, str]:
    """The first value per file (`_file` in `_incoming`) that does not parse as its column's type."""
    checks = []
    for column, vtype in kind.value_types.items():
        parsed = PARSERS[vtype].format(v=q(column))
        checks.append(
            f"select _file, source_line, {q(column)} as value, '{column}' as col, "
            f"'{vtype}' as vtype from _incoming where {q(column)} is not null "
            f"and trim({q(column)}) <> '' and {parsed} is null"
        )
    if not checks:
        return {}
    rows = con.execute(
        "select _file, source_line, value, col, vtype from ("
        + " union all ".join(checks)
        + ") qualify row_number() over (partition by _file order by source_line, col) = 1"
    ).fetchall()
    problems = {}
    for file, line, value, column, vtype in rows:
        column_no = kind.columns.index(column) + 1
        problems[file] = scrub(
            f"line {line} (data row), column {column_no} {column!r}: {value!r} is not "
            f"{EXPECTED_FORM[vtype]}"  # type: ignore[index]
        )
    return problems


def _read_into_temp(
    con: duckdb.DuckDBPyConnection,
    kind: FileKind,
    csv_paths: list[Path],
    delimiter: str,
    pads: tuple[str, str],
) -> None:
    """`_incoming`: the files' rows with `_file` (the path read) and `source_line` (1 = first
    data row of its file); person numbers already replaced."""
    select: list[str] = [
        "filename as _file",
        # One sequential reader numbers the rows of all files in order; a file's lines start
        # after the previous file's.
        "ordinality - min(ordinality) over (partition by filename) + 1 as source_line",
    ]
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
        from read_csv($paths, delim=$delim, header=true, columns={columns},
                      quote='"', escape='"', strict_mode=true, auto_detect=false,
                      null_padding=false, parallel=false, filename=true) with ordinality
        """,
        # DuckDB rejects parameters the statement does not use, and files without a person
        # column (censors, BER groups) never reference the pseudonym key.
        {"paths": [str(p) for p in csv_paths], "delim": delimiter}
        | ({"hmac_inner": pads[0], "hmac_outer": pads[1]} if kind.person_columns else {}),
    )


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


@dataclass
class _Prepared:
    """A file that passed the checks on its own and is ready to be read."""

    kind: FileKind
    path: Path
    csv_path: Path  # the delivery, or its UTF-8 transcoding
    delimiter: str
    groups: dict[str, str | None]
    extracted: date
    sha256: str
    encoding: str


def _prepare(
    con: duckdb.DuckDBPyConnection,
    feed: str,
    path: Path,
    scratch: Path,
    quarantine_dir: Path,
    summary_by_kind: dict[str, KindSummary],
    seen: set[tuple[str, str]],
    only_kinds: set[str] | None = None,
    quarters: set[str] | None = None,
) -> _Prepared | None:
    """Name, period, encoding and header checks; None when the file is skipped or quarantined."""
    kind = kind_for_file(feed, path.name)
    if kind is not None and only_kinds is not None and kind.kind not in only_kinds:
        return None
    if kind is None:
        if only_kinds is not None and not any(
            k.feed == feed for k in FILE_KINDS if k.kind in only_kinds
        ):
            return None
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
        return None
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
        return None
    summary = summary_by_kind.setdefault(kind.kind, KindSummary(kind.kind))

    def reject(reason: str, sha256: str | None = None) -> None:
        quarantine(con, feed, path, reason, sha256, quarantine_dir)
        summary.files_quarantined.append(path.name)

    if path.is_symlink():
        # A link could point anywhere on the machine; deliveries are regular files.
        reject("the delivery is a symbolic link, not a regular file")
        return None
    if extracted is None:
        reject(f"extraction stamp {groups['extracted']!r} in the file name is not a date YYYYMMDD")
        return None
    begins = period_start(groups.get("period"))
    if begins is not None and extracted < begins:
        reject(
            f"extracted {extracted.isoformat()}, before its period {groups['period']} began "
            f"({begins.isoformat()}): the file name's period or stamp is wrong"
        )
        return None
    try:
        inspection = inspect_file(path)
    except RejectedFile as exc:
        reject(str(exc))
        return None
    if (path.name, inspection.sha256) in seen:
        summary.files_unchanged.append(path.name)
        return None
    try:
        delimiter = match_header(read_header(path, inspection.encoding), kind.columns)
    except RejectedFile as exc:
        reject(str(exc), inspection.sha256)
        return None
    csv_path = path
    if inspection.encoding != "utf-8":
        csv_path = scratch / path.name  # names are unique within a feed folder
        transcode_to_utf8(path, csv_path, inspection.encoding)
    return _Prepared(
        kind, path, csv_path, delimiter, groups, extracted, inspection.sha256, inspection.encoding
    )


def _seen_files(con: duckdb.DuckDBPyConnection, feed: str) -> set[tuple[str, str]]:
    """(file, sha256) of everything already loaded or quarantined: unchanged files are skipped."""
    rows = con.execute(
        "select source_file, file_sha256 from raw._file_loads where feed = $f "
        "union all select source_file, file_sha256 from quality.quarantined_files "
        "where feed = $f and file_sha256 is not null",
        {"f": feed},
    ).fetchall()
    return {(name, sha) for name, sha in rows}


def _load_batch(
    con: duckdb.DuckDBPyConnection,
    feed: str,
    batch: list[_Prepared],
    pads: tuple[str, str],
    quarantine_dir: Path,
    summary: KindSummary,
) -> None:
    """Read files of one kind and delimiter in one statement and commit them in one transaction.

    A parse error anywhere sends the batch through the one-file path, which names the culprit.
    """
    kind, delimiter = batch[0].kind, batch[0].delimiter
    try:
        _read_into_temp(con, kind, [b.csv_path for b in batch], delimiter, pads)
    except (duckdb.InvalidInputException, duckdb.ConversionException):
        con.execute("drop table if exists _incoming")
        if len(batch) == 1:
            _reject_unreadable(con, feed, batch[0], pads, quarantine_dir, summary)
            return
        for one in batch:
            _load_batch(con, feed, [one], pads, quarantine_dir, summary)
        return
    by_csv = {str(b.csv_path): b for b in batch}
    problems = _type_violations(con, kind)
    counts = dict(con.execute("select _file, count(*) from _incoming group by _file").fetchall())
    for b in batch:
        reason = problems.get(str(b.csv_path))
        if reason is None and not counts.get(str(b.csv_path)):
            reason = "the file has a header but no data rows"
        if reason is not None:
            quarantine(con, feed, b.path, reason, b.sha256, quarantine_dir)
            summary.files_quarantined.append(b.path.name)
            del by_csv[str(b.csv_path)]
    if by_csv:
        _commit(con, feed, kind, delimiter, list(by_csv.values()), counts, summary)
    con.execute("drop table if exists _incoming")


def _reject_unreadable(
    con: duckdb.DuckDBPyConnection,
    feed: str,
    one: _Prepared,
    pads: tuple[str, str],
    quarantine_dir: Path,
    summary: KindSummary,
) -> None:
    try:
        _read_into_temp(con, one.kind, [one.csv_path], one.delimiter, pads)
        reason = "unreadable"
    except (duckdb.InvalidInputException, duckdb.ConversionException) as exc:
        reason = _duckdb_reason(exc, one.csv_path, one.path.name)
    con.execute("drop table if exists _incoming")
    quarantine(con, feed, one.path, reason, one.sha256, quarantine_dir)
    summary.files_quarantined.append(one.path.name)


def _commit(
    con: duckdb.DuckDBPyConnection,
    feed: str,
    kind: FileKind,
    delimiter: str,
    files: list[_Prepared],
    counts: dict[str, int],
    summary: KindSummary,
) -> None:
    now = datetime.now(UTC).replace(tzinfo=None)
    columns = {
        "csv": [str(f.csv_path) for f in files],
        "file": [f.path.name for f in files],
        "institution": [f.groups.get("institution") for f in files],
        "period": [f.groups.get("period") for f in files],
        "extracted": [f.extracted for f in files],
        "sha": [f.sha256 for f in files],
        "enc": [f.encoding for f in files],
        "rows": [counts[str(f.csv_path)] for f in files],
    }
    con.execute("drop table if exists _batch")
    con.execute(
        "create temp table _batch as select "
        + ", ".join(f"unnest(${name}) as {name}" for name in columns),
        columns,
    )
    target_cols = [name for name, _ in stored_columns(kind)]
    incoming_cols = [c for c in target_cols if c not in {n for n, _ in LINEAGE_COLUMNS}]
    con.execute("begin transaction")
    try:
        con.execute(f"delete from {kind.raw_table} where source_file in (select file from _batch)")
        con.execute(
            f"""
            insert into {kind.raw_table} ({", ".join(q(c) for c in target_cols)})
            select b.file, i.source_line, b.institution, b.period, b.extracted, b.sha, $now,
                   {", ".join("i." + q(c) for c in incoming_cols)}
            from _incoming as i
            inner join _batch as b on b.csv = i._file
            order by b.file, i.source_line
            """,
            {"now": now},
        )
        con.execute(
            """
            insert or replace into raw._file_loads
            select $feed, $kind, file, sha, enc, $delim, rows, $now from _batch
            """,
            {
                "feed": feed,
                "kind": kind.kind,
                "delim": "tab" if delimiter == "\t" else delimiter,
                "now": now,
            },
        )
        con.execute(
            "delete from quality.quarantined_files where feed = $f "
            "and source_file in (select file from _batch)",
            {"f": feed},
        )
        con.execute("commit")
    except Exception:
        con.execute("rollback")
        raise
    finally:
        con.execute("drop table if exists _batch")
    for f in files:
        summary.files_loaded.append(f.path.name)
        summary.rows_loaded += counts[str(f.csv_path)]
        log.debug(
            "loaded %s/%s: %d rows (%s)", feed, f.path.name, counts[str(f.csv_path)], f.encoding
        )
        crash_point("ingest")


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
    seen = _seen_files(con, feed)
    pending: dict[tuple[str, str], list[_Prepared]] = {}
    with tempfile.TemporaryDirectory(prefix="examwh-") as tmp:
        scratch = Path(tmp)

        def flush(key: tuple[str, str]) -> None:
            batch = pending.pop(key)
            _load_batch(con, feed, batch, pads, quarantine_dir, summaries[key[0]])
            for b in batch:
                if b.csv_path != b.path:
                    b.csv_path.unlink(missing_ok=True)

        for path in landing_files(landing_dir, feed):
            prepared = _prepare(
                con, feed, path, scratch, quarantine_dir, summaries, seen, only_kinds, quarters
            )
            if prepared is None:
                continue
            key = (prepared.kind.kind, prepared.delimiter)
            pending.setdefault(key, []).append(prepared)
            if len(pending[key]) >= BATCH_FILES:
                flush(key)
        for key in list(pending):
            flush(key)
    return summaries


__all__ = ["KindSummary", "ensure_schema", "load_feed", "person_output_columns", "stored_columns"]
