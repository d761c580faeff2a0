"""The synthetic AMU feed: deterministic, realistic in shape, faults where the manifest says."""

from __future__ import annotations

import csv
import hashlib
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path

import duckdb

from dagster_project.feeds import AMU_RESULTS
from dagster_project.generator import generate
from dagster_project.ingest.files import inspect_file
from dagster_project.ingest.loader import load_feed
from dagster_project.ingest.pseudonymise import person_select_list


def _digest(folder: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            h.update(path.relative_to(folder).as_posix().encode())
            h.update(path.read_bytes())
    return h.hexdigest()


def test_same_seed_same_bytes_other_seed_other_bytes(tmp_path: Path) -> None:
    generate(tmp_path / "a", scale="demo", seed=3, years=1)
    generate(tmp_path / "b", scale="demo", seed=3, years=1)
    generate(tmp_path / "c", scale="demo", seed=4, years=1)
    assert _digest(tmp_path / "a") == _digest(tmp_path / "b")
    assert _digest(tmp_path / "a") != _digest(tmp_path / "c")


def test_files_follow_the_contract_and_faults_point_at_unregistered_results(tmp_path: Path) -> None:
    out = tmp_path / "landing"
    summary = generate(out, scale="demo", seed=7, years=1, fault_rate=0.05)
    names = [p.name for p in (out / "amu").iterdir()]
    assert len(names) > 0
    assert summary.files == sum(1 for p in out.rglob("*.csv") if p.name != "_faults.csv")
    assert all(AMU_RESULTS.match_name(n) for n in names)
    encodings = {inspect_file(out / "amu" / n).encoding for n in names}
    assert encodings == {"utf-8", "cp1252"}
    with (out / "_faults.csv").open(encoding="utf-8") as fh:
        every_fault = list(csv.DictReader(fh))
    assert summary.faults == len(every_fault) > 0
    faults = [f for f in every_fault if f["feed"] == "amu"]
    con = duckdb.connect()
    columns = AMU_RESULTS.columns
    defects = {
        "amu.result_missing": lambda r: r[columns.index("Resultat")] == "0",
        "amu.result_code_invalid": lambda r: r[columns.index("Resultat")] in {"7", "8", "9"},
        "amu.dates_inverted": lambda r: _day(r[1]) > _day(r[2]),
        "amu.ends_after_quarter": lambda r: _day(r[2]) > _quarter_end(fault["source_file"]),
        "amu.person_number_invalid": lambda r: int(r[3][:2]) > 31,
        "amu.course_unknown": lambda r: r[4].startswith("39") or r[7].startswith("9"),
    }
    checked = Counter()
    for fault in faults:
        path = out / "amu" / fault["source_file"]
        enc = inspect_file(path).encoding
        with path.open(encoding="utf-8-sig" if enc == "utf-8" else enc, newline="") as fh:
            text = fh.read().splitlines()
        delimiter = "\t" if "\t" in text[0] else ";"
        rows = list(csv.reader(text[1:], delimiter=delimiter))
        row = rows[int(fault["source_line"]) - 1]
        if fault["check_id"] == "amu.duplicate_participation":
            key = lambda r: (r[0], r[3], r[4], r[1])  # noqa: E731 - team, person, course, start
            assert key(row) in {key(r) for r in rows[: int(fault["source_line"]) - 1]}
        else:
            assert defects[fault["check_id"]](row), (fault, row)
        checked[fault["check_id"]] += 1
    assert len(checked) == 7
    # Generated CPR numbers are valid under the century rule, except the planted ones.
    sample = out / "amu" / names[0]
    enc = inspect_file(sample).encoding
    text = sample.read_text(encoding="utf-8-sig" if enc == "utf-8" else enc).splitlines()
    delimiter = "\t" if "\t" in text[0] else ";"
    planted_bad = {
        int(f["source_line"])
        for f in faults
        if f["source_file"] == names[0] and f["check_id"] == "amu.person_number_invalid"
    }
    numbers = [
        next(csv.reader([line], delimiter=delimiter))[3]
        for i, line in enumerate(text[1:], start=1)
        if i not in planted_bad
    ]
    # Every other number is valid: clean rows never trip amu.person_number_invalid.
    valid_sql = person_select_list("v", "dk_cpr")[1]
    invalid = con.execute(
        f"select count(*) from (select unnest($n) as v) where not ({valid_sql.removesuffix(' as person_number_valid')})",
        {"n": numbers},
    ).fetchone()[0]
    assert invalid == 0


def _day(text: str) -> date:
    return datetime.strptime(text, "%d-%m-%Y").date()


def _quarter_end(file_name: str) -> date:
    year, quarter = file_name.split("_")[3].split("Q")
    first_of_next = date(int(year) + (quarter == "4"), (3 * int(quarter)) % 12 + 1, 1)
    return first_of_next - timedelta(days=1)


def test_result_codes_are_mostly_certificates(tmp_path: Path) -> None:
    out = tmp_path / "landing"
    generate(out, scale="demo", seed=11, years=1, fault_rate=0.0)
    con = duckdb.connect()
    load_feed(con, out, "amu", "k", tmp_path / "quarantine")
    assert con.execute("select count(*) from quality.quarantined_files").fetchone()[0] == 0
    codes = dict(
        con.execute(
            'select "Resultat", count(*) from raw.amu_results where "Resultat" <> \'0\' group by 1'
        ).fetchall()
    )
    total = sum(codes.values())
    assert total > 1000
    assert 0.80 < codes["1"] / total < 0.92
    assert 0.04 < (codes["4"] + codes["5"]) / total < 0.15
    assert min(codes["2"], codes["3"], codes["6"]) > 0
