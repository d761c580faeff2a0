-- Ordinary sittings, retakes and sick exams per term × education × subject × attempt
-- (Prøvegang; fgu-exam-regulations on the right to a retake). Shows how many were absent or ill,
-- graded and passed at each attempt.
{% set counts = ['sittings', 'sittings_absent_or_ill', 'sittings_graded', 'sittings_passed'] %}
with

sittings as (

    select * from {{ ref('exam_results') }}

),

counted as (

    select
        term,
        education,
        subject,
        coalesce(attempt, 'unknown') as attempt,
        count(*) as sittings,
        count(*) filter (where status in ('absent', 'ill')) as sittings_absent_or_ill,
        count(final_grade) as sittings_graded,
        count(*) filter (where passed) as sittings_passed

    from sittings
    group by all

)

select
    term,
    education,
    subject,
    attempt,
    {{ unsuppressed_rate('sittings_passed', 'sittings_graded') }} as pass_rate,
    {{ suppressed_counts(counts) }}

from counted
