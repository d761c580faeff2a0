-- Exam outcomes per term × education × subject × exam form × institution: how many sat, were
-- graded and passed, and the mean final grade on the 7-point scale (pass/fail grades have no
-- value and are left out of the mean). Final grades by the rule in macros/final_grade.sql.
{% set counts = ['sittings', 'sittings_graded', 'sittings_passed'] %}
with

sittings as (

    select * from {{ ref('exam_results') }}

),

counted as (

    select
        term,
        education,
        subject,
        exam_form,
        institution_id,
        count(*) as sittings,
        count(final_grade) as sittings_graded,
        count(*) filter (where passed) as sittings_passed,
        count(final_grade_value) as sittings_on_7_point_scale,
        avg(final_grade_value) as mean_value

    from sittings
    group by all

)

select
    term,
    education,
    subject,
    exam_form,
    institution_id,
    {{ unsuppressed_rate('sittings_passed', 'sittings_graded') }} as pass_rate,
    -- A mean over fewer sittings than the minimum cell would describe identifiable people.
    case when sittings_on_7_point_scale >= {{ var('min_cell') }} then round(mean_value, 2) end as mean_grade,
    {{ suppressed_counts(counts) }}

from counted
