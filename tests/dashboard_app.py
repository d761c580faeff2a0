"""What the dashboard tests share: the app, its pages, and which published integer columns are
not counts of people (so are not held to the minimum cell)."""

from __future__ import annotations

from pathlib import Path

APP = str(Path(__file__).resolve().parent.parent / "dashboards" / "app.py")
PAGES = [
    "pages/overview.py",
    "pages/amu_certificates.py",
    "pages/exam_grades.py",
    "pages/censors_complaints.py",
    "pages/komvux.py",
    "pages/data_quality.py",
]
# Column-name endings of integers that are not counts of people: rates and grades, rule
# parameters, positions, and counts of institutions or of delivered rows with a fault.
NOT_PEOPLE_COUNTS = (
    "rate",
    "share",
    "grade",
    "points",
    "order",
    "days_to_decision",
    "institutions",
    "open_failures",
    "source_line",
    "year",
    "attempt",
)


def is_people_count(column: object) -> bool:
    return bool(column) and not str(column).endswith(NOT_PEOPLE_COUNTS)
