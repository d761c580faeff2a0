"""The quality checks: id, severity, feed and the SQL that finds failing rows or sets.

Each check's SQL lives in `checks/sql/<id>.sql` and selects, from the dbt models, one row per
failure with the columns `institution_id, source_file, source_line, record_key, failure_key,
detail`. `failure_key` identifies the failure across re-deliveries (so a failure that persists in
a corrected file keeps its first_seen_at); `detail` says what is wrong in a steward's words and
never contains a person number.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class QualityCheck:
    check_id: str
    severity: Severity
    feed: str
    description: str
    source_rule: str

    @property
    def dagster_name(self) -> str:
        return self.check_id.replace(".", "__")

    def sql(self) -> str:
        return (
            resources.files("dagster_project.checks")
            .joinpath("sql", f"{self.check_id}.sql")
            .read_text("utf-8")
        )


QUALITY_CHECKS: tuple[QualityCheck, ...] = (
    QualityCheck(
        check_id="amu.result_missing",
        severity="error",
        feed="amu",
        description="`Resultat` is 0 for a course that ended inside the reported quarter.",
        source_rule=(
            "amu-exam-result-reporting, 'Listen over prøveresultater' and FAQ: every test-bearing "
            "course participation of the quarter must get a result; 0 means none registered."
        ),
    ),
)

CHECKS_BY_ID = {c.check_id: c for c in QUALITY_CHECKS}
