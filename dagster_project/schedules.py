"""The reporting calendar: the AMU quarterly cycle and the exam terms.

Hand-written schedules because each must request the partition of a period that has ended, not
the one the tick falls in.
"""

from __future__ import annotations

from datetime import datetime

from dagster import RunRequest, ScheduleEvaluationContext, schedule

from dagster_project.jobs import reporting_job
from dagster_project.partitions import last_complete_quarter, partition_key

# One month after the quarter: institutions register results in STIL's application during the
# quarter after (amu-exam-result-reporting, "Om indberetningen"); the run then sees the corrections.
AMU_CRON = "0 6 1 2,5,8,11 *"
# Mid-August after the S term (May–June) and Swedish VT; mid-February after the V term
# (December–January) and Swedish HT.
TERMS_CRON = "0 6 15 2,8 *"


def _scheduled_moment(context: ScheduleEvaluationContext) -> datetime:
    return context.scheduled_execution_time or datetime.now()


@schedule(
    cron_schedule=AMU_CRON,
    job=reporting_job,
    execution_timezone="Europe/Copenhagen",
    description="The AMU quarterly cycle: the quarter that just ended, after the reporting month.",
)
def amu_quarterly_schedule(context: ScheduleEvaluationContext) -> RunRequest:
    quarter = last_complete_quarter(_scheduled_moment(context))
    return RunRequest(
        run_key=f"amu-{quarter}", partition_key=partition_key(quarter), tags={"cycle": "amu"}
    )


def term_quarters(moment: datetime) -> list[str]:
    """Quarters whose term deliveries are due by `moment`: in February the Danish V term (which
    ends in January, Q1) and the Swedish HT (Q4 of the year before); in August the S term and VT
    (both Q2)."""
    if moment.month < 7:
        return [f"{moment.year - 1}Q4", f"{moment.year}Q1"]
    return [f"{moment.year}Q2"]


@schedule(
    cron_schedule=TERMS_CRON,
    job=reporting_job,
    execution_timezone="Europe/Copenhagen",
    description="The exam terms: grades, complaints and Komvux prövning after each term.",
)
def exam_terms_schedule(context: ScheduleEvaluationContext) -> list[RunRequest]:
    return [
        RunRequest(run_key=f"terms-{q}", partition_key=partition_key(q), tags={"cycle": "terms"})
        for q in term_quarters(_scheduled_moment(context))
    ]


schedules = [amu_quarterly_schedule, exam_terms_schedule]
