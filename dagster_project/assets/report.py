"""`reports/quarterly_report`: the report of a quarter, produced whenever its partition runs, so
the quarterly schedules deliver it."""

from pathlib import Path

from dagster import AssetExecutionContext, AssetKey, BackfillPolicy, MaterializeResult, asset

from dagster_project.partitions import quarter_label, reporting_quarters
from dagster_project.publish import current_publication
from dagster_project.report import UnknownPeriod, write_quarterly_report
from dagster_project.resources import WarehouseResource


def reports_dir(warehouse_path: str) -> Path:
    return Path(warehouse_path).parent / "reports"


@asset(
    key=AssetKey(["reports", "quarterly_report"]),
    group_name="serving",
    kinds={"xlsx", "html"},
    owners=["team:ministry-analysts"],
    partitions_def=reporting_quarters,
    # A run over a range of quarters (examwh run) reports on its last quarter only.
    backfill_policy=BackfillPolicy.single_run(),
    deps=[AssetKey(["serving", "publication"])],
    description="The quarterly report (xlsx and HTML) from the publication, in reports/<quarter>/.",
)
def quarterly_report(
    context: AssetExecutionContext, warehouse: WarehouseResource
) -> MaterializeResult:
    quarter = quarter_label(context.partition_keys[-1])
    publication = current_publication(warehouse.settings().published_dir)
    if publication is None:
        raise RuntimeError("nothing is published yet")
    try:
        files = write_quarterly_report(
            publication, quarter, reports_dir(warehouse.warehouse_path) / quarter
        )
    except UnknownPeriod as exc:
        context.log.info(f"no report for {quarter}: {exc}")
        return MaterializeResult(metadata={"quarter": quarter, "written": False})
    context.log.info(f"report for {quarter}: {files.workbook}")
    return MaterializeResult(
        metadata={
            "quarter": quarter,
            "written": True,
            "workbook": str(files.workbook),
            "html": str(files.html),
        }
    )
