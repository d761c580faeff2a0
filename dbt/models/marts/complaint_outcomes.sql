-- Exam complaints and their outcomes per term × institution × subject × decision, with how many
-- arrived more than 14 days after the exam (the deadline check complaint.late uses).
{% set counts = ['complaints', 'complaints_received_late'] %}
with

complaints as (

    select * from {{ ref('int_select_latest_complaint_deliveries') }}

),

counted as (

    select
        term,
        institution_id,
        subject,
        coalesce(decision, 'unknown') as decision,
        coalesce(bool_or(upheld), false) as upheld,
        count(*) as complaints,
        count(*) filter (where received_on - exam_date > 14) as complaints_received_late,
        avg(decided_on - received_on) as mean_days

    from complaints
    group by term, institution_id, subject, coalesce(decision, 'unknown')

)

select
    term,
    institution_id,
    subject,
    decision,
    upheld,
    case when complaints >= {{ var('min_cell') }} then round(mean_days, 1) end as mean_days_to_decision,
    {{ suppressed_counts(counts) }}

from counted
