"""A full disk fails the run cleanly; the last good publication keeps serving; a rerun after
space is freed recovers. Uses a real, small tmpfs (skipped where mounting is not allowed)."""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid
from pathlib import Path

import duckdb
import pytest

from dagster_project.publish import current_publication
from tests.conftest import build_small_landing, run_examwh
from tests.landing import amu_row, cpr, write_amu

pytestmark = pytest.mark.slow


@pytest.fixture
def small_disk() -> Path:
    mount = Path("/tmp") / f"examwh-disk-{uuid.uuid4().hex[:8]}"
    mount.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=96m", "tmpfs", str(mount)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        mount.rmdir()
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], check=False)
        mount.rmdir()


def _fill(disk: Path, leave_bytes: int) -> Path:
    filler = disk / "filler"
    free = shutil.disk_usage(disk).free
    with filler.open("wb") as fh:
        fh.truncate(0)
        chunk = b"\0" * (1 << 20)
        remaining = max(0, free - leave_bytes)
        while remaining > 0:
            fh.write(chunk[: min(len(chunk), remaining)])
            remaining -= len(chunk)
    return filler


def test_full_disk_fails_cleanly_and_a_rerun_recovers(small_disk: Path, tmp_path: Path) -> None:
    env = {**os.environ, "EXAMWH_PSEUDONYM_KEY": "disk-full-test-key-0123"}
    landing = tmp_path / "landing"
    build_small_landing(landing)
    warehouse = small_disk / "w.duckdb"
    first = run_examwh(landing, warehouse, env)
    assert first.returncode == 0, first.stderr[-2000:]
    published = current_publication(small_disk / "w.published")
    assert published is not None

    # A new delivery arrives while the disk is all but full.
    rows = [
        amu_row("N1", "01-08-2025", "04-08-2025", cpr(i + 1, 9, 84, 1600 + i)) for i in range(40)
    ]
    write_amu(landing, "amu_results_100004_2025Q3_20251030.csv", rows)
    filler = _fill(small_disk, leave_bytes=64 * 1024)
    failed = run_examwh(landing, warehouse, env)
    assert failed.returncode != 0
    reason = failed.stderr.strip().splitlines()[-1]
    assert reason.startswith("examwh run: ") and len(reason) < 400

    # Readers still get the last good publication, whole.
    assert current_publication(small_disk / "w.published") == published
    count = duckdb.sql(
        f"select count(*) from '{published / 'marts.amu_certificate_rates.parquet'}'"
    ).fetchall()[0][0]
    assert count == 4

    filler.unlink()
    rerun = run_examwh(landing, warehouse, env)
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    with duckdb.connect(str(warehouse), read_only=True) as con:
        institutions = con.execute(
            "select count(distinct institution_id) from marts.amu_certificate_rates"
        ).fetchone()[0]
    assert institutions == 4  # 100001, 100002, 200001 and the new 100004
    assert current_publication(small_disk / "w.published") != published
