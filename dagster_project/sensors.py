"""A sensor on the landing folder: a run for each new or corrected delivery."""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import datetime

from dagster import RunRequest, SensorEvaluationContext, SensorResult, SkipReason, sensor

from dagster_project.feeds import FEEDS, kind_for_file
from dagster_project.ingest.loader import landing_files
from dagster_project.jobs import reporting_job
from dagster_project.partitions import partition_key, reporting_quarter
from dagster_project.resources import WarehouseResource


@sensor(
    job=reporting_job,
    minimum_interval_seconds=60,
    description=(
        "Watches every feed folder. A delivery is never edited in place (CONTRACT §2), so a file "
        "newer than the cursor is new or a correction; each quarter they report into gets a run."
    ),
)
def landing_sensor(
    context: SensorEvaluationContext, warehouse: WarehouseResource
) -> SensorResult | SkipReason:
    # The cursor is a high-water mark (modification time, name): small whatever the tree's size.
    cursor = json.loads(context.cursor) if context.cursor else {"mtime_ns": 0, "name": ""}
    mark = (cursor["mtime_ns"], cursor["name"])
    landing = warehouse.settings().landing_dir
    new_by_quarter: dict[str, list[str]] = defaultdict(list)
    newest = mark
    for feed in FEEDS:
        for path in landing_files(landing, feed):
            stamp = (path.stat().st_mtime_ns, f"{feed}/{path.name}")
            if stamp <= mark:
                continue
            newest = max(newest, stamp)
            kind = kind_for_file(feed, path.name)
            match = kind.match_name(path.name) if kind else None
            if match is None:
                # A wrongly named file is quarantined by the next run of any quarter.
                new_by_quarter[""].append(path.name)
                continue
            groups = match.groupdict()
            try:
                extracted = datetime.strptime(groups["extracted"], "%Y%m%d").date()
            except ValueError:
                new_by_quarter[""].append(path.name)
                continue
            new_by_quarter[reporting_quarter(groups.get("period"), extracted)].append(path.name)
    if not new_by_quarter:
        return SkipReason("no new deliveries")
    orphans = new_by_quarter.pop("", [])
    if orphans and not new_by_quarter:
        # Only wrongly named files: any run quarantines them; use the quarter under way.
        new_by_quarter[_current_quarter()] = orphans
    requests = [
        RunRequest(
            run_key=f"landing-{quarter}-{newest[0]}",
            partition_key=partition_key(quarter),
            tags={"cycle": "delivery", "files": str(len(files))},
        )
        for quarter, files in sorted(new_by_quarter.items())
    ]
    return SensorResult(
        run_requests=requests, cursor=json.dumps({"mtime_ns": newest[0], "name": newest[1]})
    )


def _current_quarter() -> str:
    now = datetime.now()
    return f"{now.year}Q{(now.month - 1) // 3 + 1}"


sensors = [landing_sensor]
