"""Loading landing files into raw tables: lineage, pseudonyms, quarantine, idempotence."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from dagster_project.ingest.loader import load_feed
from tests.landing import amu_row, cpr, write_amu, write_csv

KEY = "loader-test-key"


@pytest.fixture
def con(tmp_path: Path) -> duckdb.DuckDBPyConnection:
    connection = duckdb.connect(str(tmp_path / "wh.duckdb"))
    yield connection
    connection.close()


def load(con: duckdb.DuckDBPyConnection, landing: Path) -> dict:
    return load_feed(con, landing, "amu", KEY, landing.parent / "quarantine")


def test_good_files_load_with_lineage_and_bad_header_is_quarantined(tmp_path: Path, con) -> None:
    landing = tmp_path / "landing"
    people = [cpr(i + 1, 2, 88, 1100 + i) for i in range(3)]
    write_amu(
        landing,
        "amu_results_100001_2025Q3_20251015.csv",
        [amu_row("1", "01-07-2025", "03-07-2025", p) for p in people],
    )
    write_amu(
        landing,
        "amu_results_100002_2025Q3_20251016.csv",
        [amu_row("7", "01-08-2025", "05-08-2025", people[0], title="Rengøring – ÆØÅ")],
        encoding="cp1252",
        delimiter="\t",
        newline="\r\n",
    )
    write_csv(
        landing / "amu" / "amu_results_100003_2025Q3_20251017.csv",
        ["Hold", "Cpr"],
        [["1", people[0]]],
    )

    summary = load(con, landing)

    assert summary["amu_results"].rows_loaded == 4
    rows = con.execute(
        'select source_file, source_line, "Kursusnavn", person_number_valid from raw.amu_results order by all'
    ).fetchall()
    assert rows[0][:2] == ("amu_results_100001_2025Q3_20251015.csv", 1)
    assert rows[2][:2] == ("amu_results_100001_2025Q3_20251015.csv", 3)
    assert rows[3][:3] == ("amu_results_100002_2025Q3_20251016.csv", 1, "Rengøring – ÆØÅ")
    assert all(r[3] for r in rows)
    reason = con.execute("select reason from quality.quarantined_files").fetchall()
    assert len(reason) == 1 and "header (line 1) does not match" in reason[0][0]
    # Moved aside with its reason, never deleted.
    aside = landing.parent / "quarantine" / "amu"
    assert (aside / "amu_results_100003_2025Q3_20251017.csv.reason.txt").exists()
    assert (aside / "amu_results_100003_2025Q3_20251017.csv").exists()
    assert not (landing / "amu" / "amu_results_100003_2025Q3_20251017.csv").exists()


def test_person_numbers_never_reach_the_table(tmp_path: Path, con) -> None:
    landing = tmp_path / "landing"
    people = [cpr(i + 1, 5, 79, 2200 + i) for i in range(4)]
    write_amu(
        landing,
        "amu_results_100001_2025Q3_20251015.csv",
        [amu_row("1", "01-07-2025", "03-07-2025", p) for p in people],
    )
    load(con, landing)
    columns = [c[0] for c in con.execute("describe raw.amu_results").fetchall()]
    assert "Cpr-nummer" not in columns
    dump = " ".join(
        str(v) for row in con.execute("select * from raw.amu_results").fetchall() for v in row
    )
    for p in people:
        assert p not in dump and p.replace("-", "") not in dump


def test_rerun_is_idempotent_and_unchanged_files_are_skipped(tmp_path: Path, con) -> None:
    landing = tmp_path / "landing"
    write_amu(
        landing,
        "amu_results_100001_2025Q3_20251015.csv",
        [amu_row("1", "01-07-2025", "03-07-2025", cpr(1, 1, 80, 1000))],
    )
    load(con, landing)
    second = load(con, landing)
    assert second["amu_results"].files_unchanged == ["amu_results_100001_2025Q3_20251015.csv"]
    assert con.execute("select count(*) from raw.amu_results").fetchone()[0] == 1


def test_unparseable_value_quarantines_with_line_and_column(tmp_path: Path, con) -> None:
    landing = tmp_path / "landing"
    rows = [
        amu_row("1", "01-07-2025", "03-07-2025", cpr(1, 1, 80, 1000)),
        amu_row("1", "2025-07-01", "03-07-2025", cpr(2, 1, 80, 1000)),
    ]
    write_amu(landing, "amu_results_100001_2025Q3_20251015.csv", rows)
    load(con, landing)
    reason = con.execute("select reason from quality.quarantined_files").fetchone()[0]
    assert (
        reason
        == "line 2 (data row), column 2 'Startdato (fag)': '2025-07-01' is not a date dd-mm-yyyy"
    )
    assert con.execute("select count(*) from raw.amu_results").fetchone()[0] == 0


def test_ragged_row_quarantines_with_a_location_and_no_person_number(tmp_path: Path, con) -> None:
    landing = tmp_path / "landing"
    path = write_amu(
        landing,
        "amu_results_100001_2025Q3_20251015.csv",
        [amu_row("1", "01-07-2025", "03-07-2025", cpr(1, 1, 80, 1000))],
    )
    with path.open("a", encoding="utf-8") as fh:
        fh.write("2;01-07-2025;03-07-2025;" + cpr(3, 1, 80, 1000) + ";49360\n")
    load(con, landing)
    reason = con.execute("select reason from quality.quarantined_files").fetchone()[0]
    assert reason == "line 2 (data row): expected 11 columns, found 5 (a truncated or broken row)"
    assert cpr(3, 1, 80, 1000) not in reason


def test_extraction_before_the_period_began_is_quarantined(tmp_path: Path, con) -> None:
    landing = tmp_path / "landing"
    row = amu_row("1", "01-07-2025", "03-07-2025", cpr(1, 1, 80, 1000))
    write_amu(landing, "amu_results_100001_2025Q3_20250610.csv", [row])
    load(con, landing)
    reason = con.execute("select reason from quality.quarantined_files").fetchone()[0]
    assert reason.startswith("extracted 2025-06-10, before its period 2025Q3 began")


def test_only_files_of_the_requested_quarters_load(tmp_path: Path, con) -> None:
    landing = tmp_path / "landing"
    row = amu_row("1", "01-07-2025", "03-07-2025", cpr(1, 1, 80, 1000))
    write_amu(landing, "amu_results_100001_2025Q3_20251015.csv", [row])
    write_amu(landing, "amu_results_100001_2025Q2_20250715.csv", [row])
    load_feed(con, landing, "amu", KEY, landing.parent / "quarantine", quarters={"2025Q2"})
    files = con.execute("select distinct source_file from raw.amu_results").fetchall()
    assert files == [("amu_results_100001_2025Q2_20250715.csv",)]


def test_file_name_not_matching_the_feed_is_quarantined(tmp_path: Path, con) -> None:
    landing = tmp_path / "landing"
    write_amu(
        landing,
        "amu_results_2025Q3.csv",
        [amu_row("1", "01-07-2025", "03-07-2025", cpr(1, 1, 80, 1000))],
    )
    load(con, landing)
    reason = con.execute("select reason from quality.quarantined_files").fetchone()[0]
    assert reason.startswith("file name does not match")


def test_header_without_rows_is_quarantined(tmp_path: Path, con) -> None:
    landing = tmp_path / "landing"
    write_amu(landing, "amu_results_100001_2025Q3_20251015.csv", [])
    load(con, landing)
    reason = con.execute("select reason from quality.quarantined_files").fetchone()[0]
    assert reason == "the file has a header but no data rows"


def test_truncated_last_line_is_quarantined_and_other_files_load(tmp_path: Path, con) -> None:
    landing = tmp_path / "landing"
    rows = [amu_row("1", "01-07-2025", "03-07-2025", cpr(i + 1, 1, 80, 1000)) for i in range(3)]
    whole = write_amu(landing, "amu_results_100001_2025Q3_20251015.csv", rows)
    cut = landing / "amu" / "amu_results_100002_2025Q3_20251015.csv"
    cut.write_bytes(whole.read_bytes()[:-25])
    load(con, landing)
    quarantined = con.execute(
        "select source_file, reason from quality.quarantined_files"
    ).fetchall()
    assert [q[0] for q in quarantined] == ["amu_results_100002_2025Q3_20251015.csv"]
    assert "3" in quarantined[0][1]  # names the line
    assert con.execute("select count(*) from raw.amu_results").fetchone()[0] == 3
