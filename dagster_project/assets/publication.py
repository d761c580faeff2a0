"""`serving/publication`: the Parquet copy that dashboards and reports read."""

from dagster import AssetExecutionContext, AssetKey, MaterializeResult, asset

from dagster_project.assets.dbt import examwh_dbt_models
from dagster_project.assets.quality import CHECK_FAILURES_KEY
from dagster_project.publish import publish
from dagster_project.resources import WarehouseResource
from dagster_project.settings import is_demo


@asset(
    key=AssetKey(["serving", "publication"]),
    group_name="serving",
    kinds={"parquet"},
    owners=["team:data-engineering"],
    deps=[*examwh_dbt_models.keys, CHECK_FAILURES_KEY],
    description="Atomic Parquet publication of the `marts` and `quality` schemas for serving.",
)
def publication(context: AssetExecutionContext, warehouse: WarehouseResource) -> MaterializeResult:
    settings = warehouse.settings()
    with warehouse.connect() as con:
        target = publish(
            con, settings.published_dir, demo=is_demo(settings), min_cell=settings.min_cell
        )
    context.log.info(f"published {target}")
    return MaterializeResult(metadata={"path": str(target)})
