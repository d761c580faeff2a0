"""Great Expectations suites for row-level validity of the staging layer.

The suites are data: GX 1.x `ExpectationSuite` JSON in `expectations/suites/<model>.json`. Each
suite's `meta.examwh` names the relation it validates, the Dagster asset key of that relation and
the columns to read (plain names or DuckDB select expressions, e.g. a list joined to text), so one
file says what is checked and on what. GX 1.24 cannot validate DuckDB through SQLAlchemy: the
columns are read from DuckDB into a pandas DataFrame and validated with an ephemeral context's
pandas datasource. Cross-row rules stay SQL (`checks/sql/`).

Data Docs: when a `DocsTarget` is given, the validation result is kept as JSON in
`results_dir` (the last `keep` per suite) and the static site in `site_dir` is updated by the
checkpoint's `UpdateDataDocsAction`, so the site's `index.html` lists every suite and its recent
validations even though each suite is validated in a context of its own.
"""

from __future__ import annotations

import json
import re
import shutil
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from dagster_project.settings import REPO_ROOT

if TYPE_CHECKING:
    import duckdb
    import great_expectations as gx
    import pandas as pd
    from great_expectations.core import ExpectationSuiteValidationResult

# great_expectations is imported where it is used: it takes seconds to import, and loading the
# Dagster code location only needs the suite files' metadata.

SUITES_DIR = REPO_ROOT / "expectations" / "suites"
DOCS_SITE_NAME = "examwh"
KEEP_RESULTS = 5
CHUNK_ROWS = 500_000
# Expectations validated row by row, whose results over chunks add up exactly. A suite using any
# other kind (uniqueness, table row counts) is validated only when it fits in one chunk.
ROW_WISE_PREFIXES = ("expect_column_values_to_", "expect_column_pair_values_")
PARTIAL_LIMIT = 20

_RELATION = re.compile(r"^[a-z_][a-z0-9_]*\.[a-z_][a-z0-9_]*$")


@dataclass(frozen=True)
class SuiteSource:
    """One suite file: what it validates and how to read that from the warehouse."""

    name: str
    relation: str
    asset_key: tuple[str, ...]
    columns: tuple[str, ...]
    row_id_columns: tuple[str, ...]
    description: str
    path: Path

    @property
    def check_name(self) -> str:
        return f"gx_{self.name}"

    @property
    def select_sql(self) -> str:
        # Ordered so the examples GX keeps are the first failing rows by file and line, whatever
        # the chunking; ordering by the row id is far cheaper than by every column.
        order = ", ".join(self.row_id_columns) or "all"
        return f"select {', '.join(self.columns)} from {self.relation} order by {order}"

    def raw(self) -> dict[str, Any]:
        return json.loads(self.path.read_text(encoding="utf-8"))

    def suite(self) -> gx.ExpectationSuite:
        """A fresh suite (adding a suite to a context binds it to that context)."""
        import great_expectations as gx

        raw = self.raw()
        suite = gx.ExpectationSuite(
            name=raw["name"],
            expectations=raw["expectations"],
            meta=raw.get("meta"),
            notes=raw.get("notes"),
        )
        # GX logs and drops an expectation it cannot build; a suite file must not lose one quietly.
        if len(suite.expectations) != len(raw["expectations"]):
            raise ValueError(f"{self.path}: some expectations are not valid GX 1.x expectations")
        return suite


def load_suite(path: Path) -> SuiteSource:
    raw = json.loads(path.read_text(encoding="utf-8"))
    meta = raw.get("meta", {}).get("examwh")
    if not meta:
        raise ValueError(f"{path}: meta.examwh (relation, asset_key, columns) is missing")
    if raw["name"] != path.stem:
        raise ValueError(f"{path}: suite name {raw['name']!r} differs from the file name")
    if not _RELATION.match(meta["relation"]):
        raise ValueError(f"{path}: relation {meta['relation']!r} is not schema.table")
    if not isinstance(raw.get("expectations"), list) or not raw["expectations"]:
        raise ValueError(f"{path}: a suite needs a non-empty list of expectations")
    return SuiteSource(
        name=raw["name"],
        relation=meta["relation"],
        asset_key=tuple(meta["asset_key"]),
        columns=tuple(meta["columns"]),
        row_id_columns=tuple(meta.get("row_id_columns", ())),
        description=meta.get("description", ""),
        path=path,
    )


def load_suites(directory: Path = SUITES_DIR) -> tuple[SuiteSource, ...]:
    return tuple(load_suite(path) for path in sorted(directory.glob("*.json")))


def read_frame(con: duckdb.DuckDBPyConnection, source: SuiteSource) -> pd.DataFrame:
    return con.execute(source.select_sql).df()


def read_chunks(
    con: duckdb.DuckDBPyConnection, source: SuiteSource, rows_per_chunk: int = CHUNK_ROWS
) -> Iterator[pd.DataFrame]:
    """The suite's columns in DataFrames of at most about `rows_per_chunk` rows, so memory stays
    bounded whatever the table's size (a national grades table is millions of rows, and GX's
    pandas expectations hold several copies of a column). Yields at least one frame."""
    result = con.execute(source.select_sql)
    vectors = max(1, rows_per_chunk // 2048)  # DuckDB hands out rows in vectors of 2,048
    # The first frame is yielded even when empty: an empty table is validated too.
    frame = result.fetch_df_chunk(vectors)
    yield frame
    while not frame.empty:
        frame = result.fetch_df_chunk(vectors)
        if not frame.empty:
            yield frame


@dataclass(frozen=True)
class DocsTarget:
    """Where Data Docs are built (`site_dir/index.html`) and the results they render are kept."""

    site_dir: Path
    results_dir: Path
    keep: int = KEEP_RESULTS

    @classmethod
    def beside(cls, published_dir: Path) -> DocsTarget:
        return cls(published_dir / "gx_docs", published_dir / "gx_validations")

    @property
    def index(self) -> Path:
        return self.site_dir / "index.html"


def _context(docs: DocsTarget | None, sources: Sequence[SuiteSource]) -> Any:
    import great_expectations as gx
    from great_expectations.data_context.types.base import (
        DataContextConfig,
        InMemoryStoreBackendDefaults,
        ProgressBarsConfig,
    )

    config = DataContextConfig(
        store_backend_defaults=InMemoryStoreBackendDefaults(init_temp_docs_sites=False),
        analytics_enabled=False,
        progress_bars=ProgressBarsConfig(globally=False),
    )
    if docs is not None:
        config.stores[config.validation_results_store_name] = {
            "class_name": "ValidationResultsStore",
            "store_backend": {
                "class_name": "TupleFilesystemStoreBackend",
                "base_directory": str(docs.results_dir),
            },
        }
        config.data_docs_sites = {
            DOCS_SITE_NAME: {
                "class_name": "SiteBuilder",
                "show_how_to_buttons": False,
                "store_backend": {
                    "class_name": "TupleFilesystemStoreBackend",
                    "base_directory": str(docs.site_dir),
                },
                "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
            }
        }
    context = gx.get_context(mode="ephemeral", project_config=config)
    # Every suite is in the expectations store, so the site's index keeps all of their pages.
    for source in sources:
        context.suites.add(source.suite())
    return context


def _prune_results(docs: DocsTarget, suite_name: str) -> None:
    """Make room for one more result: keep the latest `keep - 1` of one suite (layout
    suite/run/time/batch). The docs build that follows drops the pruned results' pages."""
    suite_dir = docs.results_dir / suite_name
    if not suite_dir.is_dir():
        return
    results = sorted(suite_dir.rglob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in results[max(docs.keep - 1, 0) :]:
        old.unlink()
    for directory in sorted(suite_dir.rglob("*"), key=lambda p: len(p.parts), reverse=True):
        if directory.is_dir() and not any(directory.iterdir()):
            shutil.rmtree(directory, ignore_errors=True)


def _checkpoint(context: Any, source: SuiteSource, *, docs_action: bool) -> gx.Checkpoint:
    import great_expectations as gx
    from great_expectations.checkpoint import UpdateDataDocsAction

    batch_definition = (
        context.data_sources.add_pandas(name="warehouse")
        .add_dataframe_asset(name=source.relation)
        .add_batch_definition_whole_dataframe(name="whole_table")
    )
    validation = context.validation_definitions.add(
        gx.ValidationDefinition(
            name=source.name, data=batch_definition, suite=context.suites.get(source.name)
        )
    )
    result_format: dict[str, Any] = {"result_format": "SUMMARY"}
    if source.row_id_columns:
        result_format["unexpected_index_column_names"] = list(source.row_id_columns)
    return context.checkpoints.add(
        gx.Checkpoint(
            name=f"{source.name}_checkpoint",
            validation_definitions=[validation],
            actions=[UpdateDataDocsAction(name="update_data_docs")] if docs_action else [],
            result_format=result_format,
        )
    )


def validate_frame(
    source: SuiteSource,
    frame: pd.DataFrame,
    *,
    docs: DocsTarget | None = None,
    run_name: str | None = None,
    all_sources: Sequence[SuiteSource] | None = None,
) -> ExpectationSuiteValidationResult:
    """Validate one DataFrame against one suite in an ephemeral context; update Data Docs."""
    return validate_frames(source, [frame], docs=docs, run_name=run_name, all_sources=all_sources)


def validate_frames(
    source: SuiteSource,
    frames: Iterable[pd.DataFrame],
    *,
    docs: DocsTarget | None = None,
    run_name: str | None = None,
    all_sources: Sequence[SuiteSource] | None = None,
) -> ExpectationSuiteValidationResult:
    """Validate a table given in chunks as one: each chunk is validated in an in-memory context,
    the results are added up (`merge_results`), and only the table's result is kept for Data
    Docs. One chunk goes straight through GX's own Data Docs action."""
    from great_expectations.core import RunIdentifier

    run_id = RunIdentifier(run_name=run_name or "adhoc", run_time=datetime.now(UTC))
    chunks = iter(frames)
    first = next(chunks)
    second = next(chunks, None)
    if second is None:
        context = _context(docs, all_sources or (source,))
        checkpoint = _checkpoint(context, source, docs_action=docs is not None)
        if docs is not None:
            _prepare_docs(docs, source)
        result = checkpoint.run(batch_parameters={"dataframe": first}, run_id=run_id)
        (validation_result,) = result.run_results.values()
        return validation_result

    checkpoint = _checkpoint(_context(None, (source,)), source, docs_action=False)
    results = []
    for frame in (first, second, *chunks):
        outcome = checkpoint.run(batch_parameters={"dataframe": frame}, run_id=run_id)
        results.extend(outcome.run_results.values())
        del frame, outcome
    merged = merge_results(results)
    if docs is not None:
        _write_docs(docs, source, merged, run_id, all_sources or (source,))
    return merged


def _prepare_docs(docs: DocsTarget, source: SuiteSource) -> None:
    docs.site_dir.mkdir(parents=True, exist_ok=True)
    docs.results_dir.mkdir(parents=True, exist_ok=True)
    _prune_results(docs, source.name)


def _write_docs(
    docs: DocsTarget,
    source: SuiteSource,
    result: ExpectationSuiteValidationResult,
    run_id: Any,
    all_sources: Sequence[SuiteSource],
) -> None:
    """Keep a merged result and rebuild the site, as GX's UpdateDataDocsAction would."""
    from great_expectations.data_context.types.resource_identifiers import (
        ExpectationSuiteIdentifier,
        ValidationResultIdentifier,
    )

    _prepare_docs(docs, source)
    context = _context(docs, all_sources)
    suite_id = ExpectationSuiteIdentifier(name=source.name)
    key = ValidationResultIdentifier(
        expectation_suite_identifier=suite_id,
        run_id=run_id,
        batch_identifier=result.batch_id or "whole_table",
    )
    context.validation_results_store.store_validation_results(
        suite_validation_result=result,
        suite_validation_result_identifier=key,
        expectation_suite_identifier=suite_id,
    )
    context.build_data_docs(site_names=[DOCS_SITE_NAME], resource_identifiers=[key, suite_id])


def _value_key(value: Any) -> str:
    return json.dumps(value, sort_keys=True, default=str)


def _merge_outcome_results(results: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """Add up one expectation's per-chunk result, keeping GX's keys and denominators: a
    not-null expectation has no missing count and its percentages are over all rows."""
    present = {key for r in results for key in r}
    merged: dict[str, Any] = {
        key: sum(r.get(key) or 0 for r in results)
        for key in ("element_count", "missing_count", "unexpected_count")
        if key in present
    }
    elements = merged.get("element_count", 0)
    unexpected = merged.get("unexpected_count", 0)
    nonmissing = elements - merged.get("missing_count", 0)

    def percent(part: int, whole: int) -> float | None:
        return 100 * part / whole if whole else None

    denominators = {
        "missing_percent": (merged.get("missing_count", 0), elements),
        "unexpected_percent": (
            unexpected,
            nonmissing if "missing_count" in present else elements,
        ),
        "unexpected_percent_total": (unexpected, elements),
        "unexpected_percent_nonmissing": (unexpected, nonmissing),
    }
    for key, (part, whole) in denominators.items():
        if key in present:
            merged[key] = percent(part, whole)
    for key in ("partial_unexpected_list", "partial_unexpected_index_list"):
        if any(key in r for r in results):
            merged[key] = [v for r in results for v in (r.get(key) or [])][:PARTIAL_LIMIT]
    if any("partial_unexpected_counts" in r for r in results):
        counts: Counter[str] = Counter()
        values: dict[str, Any] = {}
        for r in results:
            for entry in r.get("partial_unexpected_counts") or []:
                key = _value_key(entry["value"])
                values[key] = entry["value"]
                counts[key] += entry["count"]
        merged["partial_unexpected_counts"] = [
            {"value": values[key], "count": n} for key, n in counts.most_common(PARTIAL_LIMIT)
        ]
    return merged


def merge_results(
    results: Sequence[ExpectationSuiteValidationResult],
) -> ExpectationSuiteValidationResult:
    """One suite's results over the chunks of a table, as if the table had been validated whole:
    counts add up, percentages are recomputed, example rows are the first ones. Only row-wise
    expectations can be merged so; any other kind raises rather than be summed wrongly."""
    import copy

    if len(results) == 1:
        return results[0]
    merged = copy.deepcopy(results[0])
    outcomes = []
    for per_chunk in zip(*(r.results for r in results), strict=True):
        config = per_chunk[0].expectation_config
        kind = config.type if config else "?"
        if not kind.startswith(ROW_WISE_PREFIXES):
            raise ValueError(f"{kind} is not row-wise: its results over chunks cannot be added")
        outcome = copy.deepcopy(per_chunk[0])
        outcome.success = all(o.success for o in per_chunk)
        outcome.result = _merge_outcome_results([o.result or {} for o in per_chunk])
        raised = [o for o in per_chunk if (o.exception_info or {}).get("raised_exception")]
        if raised:
            outcome.exception_info = raised[0].exception_info
        outcomes.append(outcome)
    merged.results = outcomes
    merged.success = all(o.success for o in outcomes)
    successful = sum(1 for o in outcomes if o.success)
    merged.statistics = {
        "evaluated_expectations": len(outcomes),
        "successful_expectations": successful,
        "unsuccessful_expectations": len(outcomes) - successful,
        "success_percent": 100 * successful / len(outcomes) if outcomes else None,
    }
    merged.meta = {**merged.meta, "chunks": len(results)}
    return merged


def failed_expectations(result: ExpectationSuiteValidationResult) -> list[dict[str, Any]]:
    """One line per failed expectation: what it checks, on which column, how many rows fail."""
    failures = []
    for outcome in result.results:
        if outcome.success:
            continue
        config = outcome.expectation_config
        kwargs = config.kwargs if config else {}
        details = outcome.result or {}
        failures.append(
            {
                "expectation": config.type if config else "?",
                "column": kwargs.get("column")
                or f"{kwargs.get('column_A')} vs {kwargs.get('column_B')}",
                "unexpected_count": details.get("unexpected_count"),
                "rows": [
                    f"{row.get('source_file')}:{row.get('source_line')}"
                    for row in (details.get("partial_unexpected_index_list") or [])[:5]
                    if isinstance(row, dict)
                ],
                "exception": (outcome.exception_info or {}).get("exception_message"),
            }
        )
    return failures
