"""The pseudonym key: where it may come from, when a run refuses, and that it is never shown."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dagster_project.settings import REPO_ROOT
from tests.conftest import run_examwh
from tests.landing import amu_row, cpr, write_amu


def _landing(root: Path) -> Path:
    landing = root / "landing"
    rows = [amu_row("1", "01-07-2025", "03-07-2025", cpr(i + 1, 1, 80, 1000 + i)) for i in range(6)]
    write_amu(landing, "amu_results_100001_2025Q3_20251015.csv", rows)
    return landing


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("EXAMWH_")}
    env.update(extra)
    return env


def _last_line(result) -> str:
    return result.stderr.strip().splitlines()[-1]


def test_real_deliveries_without_a_key_are_refused(tmp_path: Path) -> None:
    result = run_examwh(_landing(tmp_path), tmp_path / "w.duckdb", _env())
    assert result.returncode == 1
    assert _last_line(result).startswith("examwh run: no pseudonym key")
    assert not (tmp_path / "w.duckdb").exists()


def test_the_demo_key_and_short_keys_are_refused_for_real_deliveries(tmp_path: Path) -> None:
    from dagster_project.settings import DEMO_PSEUDONYM_KEY

    demo = run_examwh(
        _landing(tmp_path), tmp_path / "w.duckdb", _env(EXAMWH_PSEUDONYM_KEY=DEMO_PSEUDONYM_KEY)
    )
    assert "no pseudonym key" in _last_line(demo)
    short = run_examwh(
        tmp_path / "landing", tmp_path / "w.duckdb", _env(EXAMWH_PSEUDONYM_KEY="short")
    )
    assert "at least 16 characters" in _last_line(short)


def test_a_key_file_inside_the_repository_is_refused(tmp_path: Path) -> None:
    inside = REPO_ROOT / "tmp" / "test-key.txt"
    result = run_examwh(
        _landing(tmp_path), tmp_path / "w.duckdb", _env(EXAMWH_PSEUDONYM_KEY_FILE=str(inside))
    )
    assert "must point outside the repository" in _last_line(result)


@pytest.mark.slow
def test_key_from_a_file_outside_the_repository_is_used_and_never_shown(tmp_path: Path) -> None:
    secret = "s3cret-pseudonym-key-0123456789"
    key_file = tmp_path / "secrets" / "examwh.key"
    key_file.parent.mkdir()
    key_file.write_text(secret + "\n", encoding="utf-8")
    warehouse = tmp_path / "w.duckdb"
    result = run_examwh(
        _landing(tmp_path), warehouse, _env(EXAMWH_PSEUDONYM_KEY_FILE=str(key_file))
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert secret not in result.stdout + result.stderr
    assert secret.encode() not in warehouse.read_bytes()
    for path in (tmp_path / "w.published").rglob("*"):
        if path.is_file():
            assert secret.encode() not in path.read_bytes()


@pytest.mark.slow
def test_generated_demo_data_may_use_the_demo_key_and_says_so(tmp_path: Path) -> None:
    landing = _landing(tmp_path)
    (landing / "_faults.csv").write_text("check_id,feed,source_file,source_line,record_key\n")
    result = run_examwh(landing, tmp_path / "w.duckdb", _env())
    assert result.returncode == 0, result.stderr[-2000:]
    assert "PUBLIC DEMO KEY" in result.stderr
