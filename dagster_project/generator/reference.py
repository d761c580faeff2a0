"""Reference data the generator shares with dbt: it reads the committed seeds, never a copy."""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

from dagster_project.settings import REPO_ROOT

SEEDS_DIR = REPO_ROOT / "seeds"


@cache
def read_seed(name: str, seeds_dir: Path = SEEDS_DIR) -> tuple[dict[str, str], ...]:
    with (seeds_dir / f"{name}.csv").open(encoding="utf-8", newline="") as fh:
        return tuple(csv.DictReader(fh))
