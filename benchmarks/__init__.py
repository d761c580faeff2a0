"""Benchmarks: the pipeline against the DuckDB floor and a pandas baseline (docs/performance.md)."""
