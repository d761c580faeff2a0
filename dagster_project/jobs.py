"""Jobs: every asset, for one reporting quarter or a range of them."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from dagster import AssetSelection, define_asset_job
from dagster._core.storage.tags import (
    ASSET_PARTITION_RANGE_END_TAG,
    ASSET_PARTITION_RANGE_START_TAG,
)

from dagster_project.feeds import FEEDS, kind_for_file
from dagster_project.ingest.loader import landing_files
from dagster_project.partitions import (
    partition_key,
    quarter_of_day,
    reporting_quarter,
    reporting_quarters,
)

reporting_job = define_asset_job(
    name="examwh_full",
    selection=AssetSelection.all(),
    partitions_def=reporting_quarters,
    description=(
        "Ingest the landing files of the selected quarters, rebuild every dbt model, run every "
        "check, publish. `examwh run` runs it over every quarter present in the landing tree."
    ),
)


def landing_quarters(landing: Path) -> set[str]:
    """Quarters the landing tree's files report into (by file name; contents are not read)."""
    quarters: set[str] = set()
    for feed in FEEDS:
        for path in landing_files(landing, feed):
            kind = kind_for_file(feed, path.name)
            match = kind.match_name(path.name) if kind else None
            if match is None:
                continue
            groups = match.groupdict()
            try:
                extracted = datetime.strptime(groups["extracted"], "%Y%m%d").date()
            except ValueError:
                continue
            quarters.add(reporting_quarter(groups.get("period"), extracted))
    return quarters


def range_tags(quarters: set[str]) -> dict[str, str]:
    """Run tags for one run over every quarter from the first to the last given (or the quarter
    under way when there are none, so that wrongly named files are still quarantined)."""
    if not quarters:
        quarters = {quarter_of_day(datetime.now().date())}
    keys = reporting_quarters.get_partition_keys()
    first, last = partition_key(min(quarters)), partition_key(max(quarters))
    if first < keys[0] or last > keys[-1]:
        raise ValueError(
            f"the landing tree reports into {min(quarters)}–{max(quarters)}, outside the "
            f"partitions {keys[0]}–{keys[-1]}"
        )
    return {ASSET_PARTITION_RANGE_START_TAG: first, ASSET_PARTITION_RANGE_END_TAG: last}
