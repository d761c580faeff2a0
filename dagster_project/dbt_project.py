"""The dbt project as Dagster sees it, and the manifest it needs before definitions load."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from dagster_dbt import DbtProject

from dagster_project.settings import DBT_PROJECT_DIR

dbt_project = DbtProject(project_dir=DBT_PROJECT_DIR, profiles_dir=DBT_PROJECT_DIR)
# The dbt installed beside this interpreter, whether or not the venv's bin is on PATH.
DBT_EXECUTABLE = str(Path(sys.executable).with_name("dbt"))


def _newest_source_mtime() -> float:
    roots = [DBT_PROJECT_DIR / d for d in ("models", "macros", "tests", "snapshots")]
    roots.append(DBT_PROJECT_DIR.parent / "seeds")
    files = [DBT_PROJECT_DIR / "dbt_project.yml"]
    for root in roots:
        if root.is_dir():
            files += [p for p in root.rglob("*") if p.is_file()]
    return max(p.stat().st_mtime for p in files)


def ensure_manifest() -> Path:
    """Run `dbt parse` when the manifest is missing or older than the dbt sources.

    `DbtProject.prepare_if_dev()` only acts under `dagster dev`; the CLI, tests and CI call this.
    """
    manifest = Path(dbt_project.manifest_path)
    if manifest.exists() and manifest.stat().st_mtime >= _newest_source_mtime():
        return manifest
    result = subprocess.run(
        [
            DBT_EXECUTABLE,
            "parse",
            "--quiet",
            "--project-dir",
            str(DBT_PROJECT_DIR),
            "--profiles-dir",
            str(DBT_PROJECT_DIR),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(
            "dbt parse failed: " + (result.stdout + result.stderr).strip().splitlines()[-1]
        )
    return manifest
