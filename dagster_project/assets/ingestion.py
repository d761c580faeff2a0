"""One raw asset per kind of delivered file: `raw/<kind>` loaded from `<landing>/<feed>/`."""

from dagster import (
    AssetExecutionContext,
    AssetKey,
    AssetsDefinition,
    BackfillPolicy,
    MaterializeResult,
    RetryPolicy,
    asset,
)

from dagster_project.feeds import FILE_KINDS, FileKind
from dagster_project.ingest.loader import load_feed
from dagster_project.partitions import quarter_label, reporting_quarters
from dagster_project.resources import WarehouseResource
from dagster_project.settings import require_usable_key


def build_ingestion_asset(kind: FileKind) -> AssetsDefinition:
    @asset(
        key=AssetKey(["raw", kind.kind]),
        group_name="ingestion",
        kinds={"duckdb", "csv"},
        owners=["team:data-engineering"],
        partitions_def=reporting_quarters,
        # Any range of quarters loads in one run: `examwh run` covers every quarter at once.
        backfill_policy=BackfillPolicy.single_run(),
        # A file loads in one transaction, so a retry after a crash (or a lock held by an
        # operator's session) simply loads what is not loaded yet.
        retry_policy=RetryPolicy(max_retries=2, delay=5),
        description=(
            f"Every `{kind.feed}/` landing file of kind `{kind.kind}`, loaded by DuckDB's CSV reader "
            "with `source_file`/`source_line` lineage and person numbers replaced by keyed "
            "pseudonyms. Bad files are quarantined with their reason; reruns skip unchanged files."
        ),
    )
    def _ingest(context: AssetExecutionContext, warehouse: WarehouseResource) -> MaterializeResult:
        settings = warehouse.settings()
        # Runs started from Dagster's UI or sensor get the same refusal as `examwh run`.
        require_usable_key(settings)
        quarters = {quarter_label(key) for key in context.partition_keys}
        with warehouse.connect() as con:
            summaries = load_feed(
                con,
                settings.landing_dir,
                kind.feed,
                settings.pseudonym_key,
                settings.quarantine_dir,
                only_kinds={kind.kind},
                quarters=quarters,
            )
            total_rows = con.execute(f"select count(*) from {kind.raw_table}").fetchone()[0]  # type: ignore[index]
        summary = summaries.get(kind.kind)
        loaded = len(summary.files_loaded) if summary else 0
        unchanged = len(summary.files_unchanged) if summary else 0
        quarantined = sum(len(s.files_quarantined) for s in summaries.values())
        context.log.info(
            f"{kind.kind} {min(quarters)}–{max(quarters)}: {loaded} files loaded, {unchanged} unchanged, {quarantined} quarantined"
        )
        return MaterializeResult(
            metadata={
                "files_loaded": loaded,
                "files_unchanged": unchanged,
                "files_quarantined": quarantined,
                "rows_loaded": summary.rows_loaded if summary else 0,
                "rows_in_table": total_rows,
            }
        )

    _ingest.__name__ = f"raw_{kind.kind}"
    return _ingest


ingestion_assets: list[AssetsDefinition] = [build_ingestion_asset(kind) for kind in FILE_KINDS]
