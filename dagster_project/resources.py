"""Configured resources. Connections are opened per operation and closed at once: dbt runs in a
subprocess that needs the DuckDB file, and DuckDB allows one writing process per file."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
from dagster import ConfigurableResource

from dagster_project.settings import Settings, duckdb_memory_limit, resolve_settings


class WarehouseResource(ConfigurableResource):
    """The DuckDB warehouse file, the landing tree it is fed from, and publication settings."""

    warehouse_path: str
    landing_dir: str
    min_cell: int = 5

    @contextmanager
    def connect(self) -> Iterator[duckdb.DuckDBPyConnection]:
        Path(self.warehouse_path).parent.mkdir(parents=True, exist_ok=True)
        con = duckdb.connect(self.warehouse_path, config={"memory_limit": duckdb_memory_limit()})
        try:
            yield con
        finally:
            con.close()

    def settings(self) -> Settings:
        # The pseudonym key is read from the environment at execution time and never becomes
        # resource config, which Dagster would show in its UI.
        return resolve_settings(self.landing_dir, self.warehouse_path)
