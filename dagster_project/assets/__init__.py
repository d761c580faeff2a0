"""Software-defined assets: raw ingestion, dbt models, quality checks, publication."""
