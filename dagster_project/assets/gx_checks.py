"""Great Expectations suites as Dagster asset checks on the staging models they validate.

One non-blocking check per suite in `expectations/suites/`, on the dbt asset key the suite names
(`staging/<model>`). A failing expectation is a WARN: like the SQL checks, bad rows are data about
the deliveries, never a failed run. Each check reads its columns from the warehouse through the
resource (a connection of its own, held while it streams the rows in chunks of half a million so
memory stays bounded), validates them with an ephemeral GX context and updates the Data Docs site `<warehouse stem>.published/gx_docs/index.html`.
"""

import time
from collections.abc import Iterator

import pandas as pd
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
    read_chunks,
    validate_frames,
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
            rows = 0
            with warehouse.connect() as con:

                def counted() -> Iterator[pd.DataFrame]:
                    nonlocal rows
                    for frame in read_chunks(con, source):
                        rows += len(frame)
                        yield frame

                result = validate_frames(
                    source, counted(), docs=docs, run_name=context.run.run_id, all_sources=GX_SUITES
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
                "rows": rows,
                "chunks": result.meta.get("chunks", 1),
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
