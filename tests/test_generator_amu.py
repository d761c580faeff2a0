"""The synthetic AMU feed: deterministic, realistic in shape, faults where the manifest says."""

from __future__ import annotations

import csv
import hashlib
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
    summary = generate(out, scale="demo", seed=7, years=1, fault_rate=0.02)
    names = [p.name for p in (out / "amu").iterdir()]
    assert summary.files == len(names) > 0
    assert all(AMU_RESULTS.match_name(n) for n in names)
    encodings = {inspect_file(out / "amu" / n).encoding for n in names}
    assert encodings == {"utf-8", "cp1252"}
    with (out / "_faults.csv").open(encoding="utf-8") as fh:
        faults = list(csv.DictReader(fh))
    assert summary.faults == len(faults) > 0
    con = duckdb.connect()
    for fault in faults[:25]:
        path = out / "amu" / fault["source_file"]
        enc = inspect_file(path).encoding
        with path.open(encoding="utf-8-sig" if enc == "utf-8" else enc, newline="") as fh:
            text = fh.read().splitlines()
        delimiter = "\t" if "\t" in text[0] else ";"
        row = next(csv.reader([text[int(fault["source_line"])]], delimiter=delimiter))
        assert row[AMU_RESULTS.columns.index("Resultat")] == "0"
    # Every generated CPR number is valid under the century rule.
    sample = out / "amu" / names[0]
    enc = inspect_file(sample).encoding
    text = sample.read_text(encoding="utf-8-sig" if enc == "utf-8" else enc).splitlines()
    delimiter = "\t" if "\t" in text[0] else ";"
    numbers = [next(csv.reader([line], delimiter=delimiter))[3] for line in text[1:]]
    valid_sql = person_select_list("v", "dk_cpr")[1]
    invalid = con.execute(
        f"select count(*) from (select unnest($n) as v) where not ({valid_sql.removesuffix(' as person_number_valid')})",
        {"n": numbers},
    ).fetchone()[0]
    assert invalid == 0


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
