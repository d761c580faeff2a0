-- Mean final grade and pass rate per term × education, broken down one way at a time: by the
-- kind of institution (seed exam_institutions), by sex (from the CPR number; written folkeskole
-- exams are delivered under exam numbers, so their sex is unknown) and by exam form (written vs
-- oral, practical and digital). Final grades by CONTRACT §4 (folkeskole-censor-guide 3.5).
{% set counts = ['sittings_graded', 'sittings_passed', 'sittings_on_7_point_scale'] %}
with

sittings as (

    select * from {{ ref('exam_results') }}

),

institutions as (

    select * from {{ ref('exam_institutions') }}

),

described as (

    select
        sittings.term,
        sittings.education,
        coalesce(institutions.institution_type, 'unknown') as institution_type,
        coalesce(sittings.sex, 'unknown') as sex,
        coalesce(sittings.exam_form, 'unknown') as exam_form,
        sittings.final_grade,
        sittings.final_grade_value,
        sittings.passed

    from sittings
    left join institutions on sittings.institution_id = institutions.institution_id
    where sittings.final_grade is not null

),

counted as (

    select
        term,
        education,
        case
            when grouping(institution_type) = 0 then 'institution_type'
            when grouping(sex) = 0 then 'sex'
            else 'exam_form'
        end as breakdown,
        coalesce(institution_type, sex, exam_form) as category,
        count(*) as sittings_graded,
        count(*) filter (where passed) as sittings_passed,
        count(final_grade_value) as sittings_on_7_point_scale,
        avg(final_grade_value) as mean_value

    from described
    group by grouping sets (
        (term, education, institution_type),
        (term, education, sex),
        (term, education, exam_form)
    )

)

select
    term,
    education,
    breakdown,
    category,
    -- A mean over fewer sittings than the minimum cell would describe identifiable people.
    case when sittings_on_7_point_scale >= {{ var('min_cell') }} then round(mean_value, 2) end as mean_grade,
    {{ unsuppressed_rate('sittings_passed', 'sittings_graded') }} as pass_rate,
    {{ suppressed_counts(counts) }}

from counted
