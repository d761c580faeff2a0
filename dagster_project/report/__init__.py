"""The quarterly report: an xlsx workbook (one sheet per topic) and a self-contained HTML
document with charts and a written summary, from the published data only."""

from dagster_project.report.build import ReportFiles, UnknownPeriod, write_quarterly_report

__all__ = ["ReportFiles", "UnknownPeriod", "write_quarterly_report"]
