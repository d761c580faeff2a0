"""The one `Definitions` object of the code location, assembled from the small modules."""

from __future__ import annotations

from dagster import Definitions, in_process_executor
from dagster_dbt import DbtCliResource

from dagster_project.assets.dbt import examwh_dbt_models
from dagster_project.assets.gx_checks import gx_asset_checks
from dagster_project.assets.ingestion import ingestion_assets
from dagster_project.assets.publication import publication
from dagster_project.assets.quality import check_failures
from dagster_project.assets.report import quarterly_report
from dagster_project.dbt_project import DBT_EXECUTABLE, dbt_project
from dagster_project.jobs import reporting_job
from dagster_project.resources import WarehouseResource
from dagster_project.schedules import schedules
from dagster_project.sensors import sensors
from dagster_project.settings import resolve_settings

_settings = resolve_settings()

defs = Definitions(
    assets=[*ingestion_assets, examwh_dbt_models, check_failures, publication, quarterly_report],
    asset_checks=gx_asset_checks,
    jobs=[reporting_job],
    schedules=schedules,
    sensors=sensors,
    resources={
        "warehouse": WarehouseResource(
            warehouse_path=str(_settings.warehouse),
            landing_dir=str(_settings.landing_dir),
            min_cell=_settings.min_cell,
        ),
        "dbt": DbtCliResource(project_dir=dbt_project, dbt_executable=DBT_EXECUTABLE),
    },
    # One DuckDB file allows one writing process: steps run one after another in one process.
    executor=in_process_executor,
)
