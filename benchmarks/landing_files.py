"""Landing files grouped by how they must be read, for the baselines (not the pipeline)."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from dagster_project.feeds import AMU_RESULTS
from dagster_project.ingest.files import inspect_file


def files_by_dialect(landing: Path, feed: str, pattern: str) -> dict[tuple[str, str], list[Path]]:
    """(delimiter, encoding) → files. The header line decides the delimiter."""
    groups: dict[tuple[str, str], list[Path]] = defaultdict(list)
    for path in sorted((landing / feed).glob(pattern)):
        encoding = inspect_file(path).encoding
        with path.open("rb") as fh:
            header = fh.readline()
        groups[("\t" if b"\t" in header else ";", encoding)].append(path)
    return dict(groups)


def amu_files_by_dialect(landing: Path) -> dict[tuple[str, str], list[Path]]:
    return files_by_dialect(landing, AMU_RESULTS.feed, "amu_results_*.csv")
