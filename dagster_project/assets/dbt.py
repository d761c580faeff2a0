"""The dbt project as assets: staging, intermediate and mart models, seeds and their tests."""

import os
from collections.abc import Iterator, Mapping
from typing import Any

from dagster import AssetExecutionContext, AssetKey
from dagster_dbt import (
    DagsterDbtTranslator,
    DagsterDbtTranslatorSettings,
    DbtCliResource,
    dbt_assets,
)

from dagster_project.crash_points import crash_point
from dagster_project.dbt_project import dbt_project
from dagster_project.resources import WarehouseResource


class ExamwhDbtTranslator(DagsterDbtTranslator):
    """Asset keys follow the warehouse schemas: `raw/<table>`, `staging/<model>`, `marts/<model>`."""

    def get_asset_key(self, dbt_resource_props: Mapping[str, Any]) -> AssetKey:
        if dbt_resource_props["resource_type"] == "source":
            return AssetKey(["raw", dbt_resource_props["name"]])
        schema = (
            dbt_resource_props.get("config", {}).get("schema")
            or dbt_resource_props["resource_type"]
        )
        return AssetKey([schema, dbt_resource_props["name"]])

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        if dbt_resource_props["resource_type"] == "source":
            return "ingestion"
        return dbt_resource_props.get("config", {}).get("schema") or "dbt"


translator = ExamwhDbtTranslator(settings=DagsterDbtTranslatorSettings(enable_asset_checks=True))


@dbt_assets(
    manifest=dbt_project.manifest_path, project=dbt_project, dagster_dbt_translator=translator
)
def examwh_dbt_models(
    context: AssetExecutionContext, dbt: DbtCliResource, warehouse: WarehouseResource
) -> Iterator[Any]:
    # dbt runs as a subprocess and reads its profile from the environment: hand it the same
    # warehouse file and minimum cell this run was configured with.
    os.environ["EXAMWH_WAREHOUSE"] = warehouse.warehouse_path
    os.environ["EXAMWH_MIN_CELL"] = str(warehouse.min_cell)
    crash_point("dbt")
    yield from dbt.cli(["build"], context=context).stream()
