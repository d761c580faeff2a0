-- The final grade of every current grade-list row, derived by the grading rule in
-- macros/final_grade.sql (folkeskole-censor-guide 3.5: karakterbekendtgørelsen §14 stk. 2–3, §15).
with

sittings as (

    select * from {{ ref('int_select_latest_grade_deliveries') }}

),

scale as (

    select * from {{ ref('grade_scale_7') }}

),

statuses as (

    select * from {{ ref('exam_status_codes') }}

),

derived as (

    select
        sittings.*,
        {{ grade_tokens_valid('sittings.examiner_grades') }}
            and {{ grade_tokens_valid('sittings.censor_grades') }}
            and (sittings.reported_grade is null or sittings.reported_grade in ('12', '10', '7', '4', '02', '00', '-3', 'B', 'IB'))
            as grades_valid,
        len(sittings.examiner_grades) + len(sittings.censor_grades) > 0 as has_assessor_grades,
        {{ side_grade('sittings.examiner_grades') }} as examiner_side_grade,
        {{ side_grade('sittings.censor_grades') }} as censor_side_grade,
        {{ final_grade('sittings.examiner_grades', 'sittings.censor_grades', 'sittings.reported_grade', 'sittings.status') }} as final_grade

    from sittings

),

flagged as (

    select
        derived.*,
        examiner_scale.grade_value as examiner_side_value,
        censor_scale.grade_value as censor_side_value,
        final_scale.grade_value as final_grade_value,
        final_scale.scale as grading_scale,
        -- Sittings whose status carries no grade did not pass; an assessed sitting whose grade
        -- cannot be derived (invalid tokens) has unknown outcome.
        case when coalesce(statuses.carries_grade, false) then final_scale.passed else false end as passed,
        derived.examiner_side_grade is not null and derived.censor_side_grade is not null
            and derived.examiner_side_grade <> derived.censor_side_grade as sides_disagree,
        case
            when derived.examiner_side_grade is null or derived.censor_side_grade is null
                or derived.examiner_side_grade = derived.censor_side_grade then null
            when examiner_scale.grade_value is not null and censor_scale.grade_value is not null
                then case when censor_scale.grade_value > examiner_scale.grade_value then 'censor_higher' else 'examiner_higher' end
            when censor_scale.passed and not examiner_scale.passed then 'censor_higher'
            when examiner_scale.passed and not censor_scale.passed then 'examiner_higher'
            else 'mixed_scales'
        end as disagreement_direction

    from derived
    left join statuses on derived.status = statuses.status
    left join scale as examiner_scale on derived.examiner_side_grade = examiner_scale.grade
    left join scale as censor_scale on derived.censor_side_grade = censor_scale.grade
    left join scale as final_scale on derived.final_grade = final_scale.grade

)

select * from flagged
