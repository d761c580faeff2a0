"""Great Expectations suites as Dagster asset checks on the staging models they validate.

One non-blocking check per suite in `expectations/suites/`, on the dbt asset key the suite names
(`staging/<model>`). A failing expectation is a WARN: like the SQL checks, bad rows are data about
the deliveries, never a failed run. Each check reads its columns from the warehouse through the
resource (a connection of its own, closed at once), validates them with an ephemeral GX context and
updates the Data Docs site `<warehouse stem>.published/gx_docs/index.html`.
"""

import time

from dagster import (
    AssetCheckExecutionContext,
    AssetCheckResult,
    AssetChecksDefinition,
    AssetCheckSeverity,
    AssetKey,
    MetadataValue,
    asset_check,
)

from dagster_project.checks.gx_suites import (
    DocsTarget,
    SuiteSource,
    failed_expectations,
    load_suites,
    read_frame,
    validate_frame,
)
from dagster_project.resources import WarehouseResource

GX_SUITES = load_suites()


def _gx_check(source: SuiteSource) -> AssetChecksDefinition:
    @asset_check(
        asset=AssetKey(list(source.asset_key)),
        name=source.check_name,
        blocking=False,
        description=(
            f"Great Expectations suite {source.name} ({len(source.raw()['expectations'])} "
            f"expectations): {source.description} Suite: expectations/suites/{source.path.name}"
        ),
    )
    def _check(
        context: AssetCheckExecutionContext, warehouse: WarehouseResource
    ) -> AssetCheckResult:
        started = time.perf_counter()
        docs = DocsTarget.beside(warehouse.settings().published_dir)
        try:
            with warehouse.connect() as con:
                frame = read_frame(con, source)
            result = validate_frame(
                source, frame, docs=docs, run_name=context.run.run_id, all_sources=GX_SUITES
            )
        except Exception as exc:
            # Like the SQL checks, a check never fails the run: the publication must go ahead.
            context.log.exception(f"{source.name}: the suite could not be run")
            return AssetCheckResult(
                passed=False,
                severity=AssetCheckSeverity.WARN,
                metadata={"suite": source.name, "error": f"{type(exc).__name__}: {exc}"},
            )
        failures = failed_expectations(result)
        for failure in failures:
            context.log.warning(f"{source.name}: {failure}")
        statistics = result.statistics
        return AssetCheckResult(
            passed=bool(result.success),
            severity=AssetCheckSeverity.WARN,
            metadata={
                "suite": source.name,
                "rows": len(frame),
                "expectations": statistics.get("evaluated_expectations"),
                "failed_expectations": statistics.get("unsuccessful_expectations"),
                "unexpected_values": sum(f["unexpected_count"] or 0 for f in failures),
                "failures": MetadataValue.json(failures),
                "data_docs": MetadataValue.path(str(docs.index)),
                "seconds": round(time.perf_counter() - started, 3),
            },
        )

    return _check


gx_asset_checks: list[AssetChecksDefinition] = [_gx_check(source) for source in GX_SUITES]
