"""The Dagster code location loads and holds what the pipeline needs."""

from __future__ import annotations

from dagster import AssetKey

from dagster_project.checks.registry import QUALITY_CHECKS
from dagster_project.definitions import defs
from dagster_project.feeds import FILE_KINDS


def test_definitions_load_with_every_feed_model_check_and_publication() -> None:
    repo = defs.get_repository_def()
    keys = set(repo.asset_graph.get_all_asset_keys())
    for kind in FILE_KINDS:
        assert AssetKey(["raw", kind.kind]) in keys
    assert AssetKey(["staging", "stg_amu__participations"]) in keys
    assert AssetKey(["marts", "amu_certificate_rates"]) in keys
    assert AssetKey(["quality", "check_failures"]) in keys
    assert AssetKey(["serving", "publication"]) in keys
    check_names = {key.name for key in repo.asset_graph.asset_check_keys}
    for check in QUALITY_CHECKS:
        assert check.dagster_name in check_names
    # dbt's generic tests on models become asset checks too.
    assert any(name.startswith("unique_combination_of_columns") for name in check_names)
    assert defs.resolve_job_def("examwh_full") is not None


def test_staging_reads_the_raw_asset_the_loader_writes() -> None:
    graph = defs.get_repository_def().asset_graph
    parents = graph.get(AssetKey(["staging", "stg_amu__participations"])).parent_keys
    assert AssetKey(["raw", "amu_results"]) in parents
