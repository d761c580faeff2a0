"""The exam-results warehouse: Dagster code location, ingestion, generator and CLI."""
